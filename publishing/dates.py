"""Dates as readers see them, never more exact than the source (issue 12): shared by every app."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def format_day(day, *, approximate=False, month_only=False):
    """A date as readers see it: «10.12.2021», or only the month when the source gives no more:
    «ca. mars 2021» for an approximate date, «juni 2022» for a month the source names."""
    if approximate:
        return _("ca. %(month)s") % {"month": date_format(day, "F Y")}
    if month_only:
        return date_format(day, "F Y")
    return date_format(day, "d.m.Y")
