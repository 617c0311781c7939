from django.db import DatabaseError

from publishing.clock import current_generation


class ContentClockMiddleware:
    """Read the content clock once per request, promoting scheduled versions that have fallen due.

    This is what makes a version scheduled for 08:00 appear at 08:00 on every instance with no
    job to run. The clock is left on the request for the page cache (`request.content_clock`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.content_clock = current_generation()
        except DatabaseError:
            request.content_clock = None  # the views answer for themselves (/helse/ says 503)
        return self.get_response(request)
