"""Calendar months for the «ikke bekreftet på over N måneder» rule (no date library), and dates as
readers see them, never more exact than the source (`format_day`, shared with guidance in publishing.dates)."""

import calendar
import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


def whole_months_between(earlier, later, *, month_only=False):
    """Whole calendar months from `earlier` to `later` (0 if later is not later). With `month_only` the
    earlier date stands for its month only, so only the months are counted."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if not month_only and later.day < earlier.day:
        months -= 1
    return max(months, 0)


def age_phrase(since, day, *, month_only=False):
    """How long before `day` (today) something was last confirmed, honest about a long gap: «for 5 år
    siden», «for over 4 år siden», «for 7 måneder siden», «for mindre enn en måned siden»."""
    return _("for %(duration)s siden") % {"duration": duration_phrase(since, day, month_only=month_only)}


def duration_phrase(since, day, *, month_only=False):
    """«5 år», «over 4 år», «ett år», «7 måneder», «mindre enn en måned» from `since` to `day`."""
    months = whole_months_between(since, day, month_only=month_only)
    years, rest = divmod(months, 12)
    if years:
        count = _("ett") if years == 1 else str(years)
        if rest:
            return _("over %(years)s år") % {"years": count}
        return _("%(years)s år") % {"years": count}
    if months:
        return ngettext("%(months)s måned", "%(months)s måneder", months) % {"months": months}
    return _("mindre enn en måned")
