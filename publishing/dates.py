"""Dates as readers see them, never more exact than the source (issue 12): shared by every app."""

import datetime

from django.utils import timezone
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


# --- An item's date: the source's, never the portal's passed off as it -----------------------------------

DAY, MONTH, PORTAL = "day", "month", "portal"
# Sorts after every real date, newest first: an item whose source has no date never sorts as newest.
UNDATED_SORT_DAY = datetime.date(1, 1, 1)


def item_date(version):
    """(date, precision): the date a list gives an item, as exactly as its source gives it.

    DAY: the source's exact date. MONTH: the source gives only the month («ca. desember 2021»), the date
    stands for that month. (None, None): the source has no date. PORTAL: the version names no source at
    all (the portal's own text), so its date is when the portal published it, which pages label as the
    portal's («publisert i Kommuneportalen …»)."""
    if not version.source_title:
        when = version.publish_at
        return (timezone.localdate(when) if when else None), PORTAL
    if version.source_date is None:
        return None, None
    return version.source_date, MONTH if version.source_date_is_approximate else DAY


def sort_day(version):
    """The day lists sort an item by, newest first: its date, or the first day of its month, or
    UNDATED_SORT_DAY when its source has no date (or a sourceless version is not yet published)."""
    day, precision = item_date(version)
    if day is None:
        return UNDATED_SORT_DAY
    return day.replace(day=1) if precision == MONTH else day
