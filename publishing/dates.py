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
    return format_date(day, "d.m.Y")


def format_date(when, shown_as):
    """`date_format(when, shown_as)`, written out directly for the all-number formats list pages print
    on every row: Django looks the format up in the locale first, which cost as much as the rest of a row."""
    written_out = NUMERIC_FORMATS.get(shown_as)
    return written_out(when) if written_out else date_format(when, shown_as)


NUMERIC_FORMATS = {
    "d.m.Y": lambda when: f"{when.day:02d}.{when.month:02d}.{when.year:04d}",
    "d.m.Y H:i": lambda when: f"{when.day:02d}.{when.month:02d}.{when.year:04d} {when.hour:02d}:{when.minute:02d}",
    "H:i": lambda when: f"{when.hour:02d}:{when.minute:02d}",
}
