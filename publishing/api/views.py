"""The base of every API view: read-only, anonymous, JSON, with HTTP caching done right.

A view reads its parameters through its `query_form`, names what its answer shows (`self.show(...)`,
publishing.cachetags, so the page cache invalidates it by those names) and the moments its content
last changed (`self.modified(...)`). On the way out every success gets a weak ETag from its bytes,
`Last-Modified`, `Cache-Control` like the pages (never reaching past the next scheduled change), and
a 304 when the client's copy is current.
"""

import hashlib
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.views import APIView

from publishing.api.params import QueryForm, encode_cursor
from publishing.api.serializers import meta
from publishing.cachetags import tag_response
from publishing.changes import next_scheduled_change, public_cache_control as cache_control


class PublicAPIView(APIView):
    query_form = QueryForm
    http_method_names = ["get", "head"]

    def initial(self, request, *args, **kwargs):
        self.cache_tags, self.moments = [], []
        super().initial(request, *args, **kwargs)
        self.params = self.query_form.read(request.query_params)

    # --- What the view says about its answer -------------------------------------------------

    def show(self, *things):
        """Name what the answer shows (a document, a model class for "any of these", a string)."""
        self.cache_tags.extend(things)

    def modified(self, *moments):
        self.moments.extend(moment for moment in moments if moment is not None)

    def envelope(self, data, **links):
        return {"data": data, "meta": meta(self.request), "links": {"self": self.request.build_absolute_uri(), **links}}

    def page_link(self, cursor):
        """The address of the next page: this one's parameters with the cursor after the last item."""
        if cursor is None:
            return None
        query = {name: value for name, value in self.request.query_params.items() if name != "markor"}
        query["markor"] = encode_cursor(cursor)
        return self.request.build_absolute_uri(self.request.path + "?" + urlencode(query))

    def context(self):
        return {"request": self.request}

    # --- HTTP -----------------------------------------------------------------------------------

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        tags = getattr(self, "cache_tags", None)
        if tags:
            tag_response(response, *tags)
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return response
        response.render()
        etag = 'W/"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = etag
        last_modified = int(max(self.moments).timestamp()) if self.moments else None
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = public_cache_control(request._request)
        conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        if conditional is not None and conditional is not response:
            tag_response(conditional, *(tags or ()))
            return conditional
        return response


def public_cache_control(request):
    """`Cache-Control` as the pages have it: `max-age` never past the next scheduled change (known from
    the page cache's check of this request, `request.page_state`, or else asked for)."""
    now = timezone.now()
    state = getattr(request, "page_state", None)
    return cache_control(now, state.next_scheduled_at if state is not None else next_scheduled_change(now))
