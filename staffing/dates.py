"""Calendar months for the «ikke bekreftet på over N måneder» rule (no date library), and dates as
readers see them, never more exact than the source."""

import calendar
import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def add_months(day, months):
    """`day` moved by whole calendar months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_before(day, months):
    return add_months(day, -months)


def stale_from(confirmed_on, months):
    """The first day on which something confirmed on `confirmed_on` is more than `months` months old."""
    return add_months(confirmed_on, months) + datetime.timedelta(days=1)


def format_day(day, *, approximate=False, month_only=False):
    """A date as readers see it: «10.12.2021», or only the month when the source gives no more:
    «ca. mars 2021» for an approximate date, «juni 2022» for a month the source names."""
    if approximate:
        return _("ca. %(month)s") % {"month": date_format(day, "F Y")}
    if month_only:
        return date_format(day, "F Y")
    return date_format(day, "d.m.Y")
