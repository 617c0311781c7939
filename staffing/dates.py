"""Calendar months for the «ikke bekreftet på over N måneder» rule (no date library), and dates as
readers see them, never more exact than the source (`format_day`, shared with guidance in publishing.dates)."""

import calendar
import datetime

from publishing.dates import format_day  # noqa: F401  (staffing's modules import it from here)


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
