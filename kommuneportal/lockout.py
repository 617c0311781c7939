"""Sign-in lock-out that cannot be turned against a user, and that stops spraying.

django-axes locks a (user name, client address) pair after `AXES_FAILURE_LIMIT` wrong passwords
(`AXES_LOCKOUT_PARAMETERS`), so someone elsewhere guessing at a user's password locks out only
themselves. This handler adds a limit per client address across user names: after
`SIGN_IN_ADDRESS_FAILURE_LIMIT` failures from one address within the cool-off time, that address
may not sign in as anyone. Both are counted in axes' own table, which every worker and instance
shares, and both show the same page (`AXES_LOCKOUT_TEMPLATE`).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone


class PairAndAddressHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self._address_spent(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False) or not self._address_spent(request):
            return
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send("axes", request=request, username=get_client_username(request, credentials),
                             ip_address=request.axes_ip_address)

    def _address_spent(self, request):
        since = timezone.now() - get_cool_off(request)
        failures = AccessAttempt.objects.filter(ip_address=request.axes_ip_address, attempt_time__gte=since)
        count = failures.aggregate(total=Sum("failures_since_start"))["total"] or 0
        return count >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT


def lockout_response(request, original_response=None, credentials=None):
    """The one page for both limits, saying when to try again (each failure during a lock-out starts
    the cool-off time again, so that is a full cool-off from now)."""
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    response["Retry-After"] = str(int(get_cool_off(request).total_seconds()))
    return response
