"""Dates of versioned documents as readers see them (never more exact than the source, issue 12), and
addresses that wrap between their parts."""

import datetime
import re

from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from publishing.dates import MONTH, PORTAL, format_date, format_day, item_date

register = template.Library()


@register.simple_tag
def date_html(when, approximate=False, shown_as="d.m.Y"):
    """A <time> element no more exact than its source, or "" for None: the day (or moment) as `shown_as`,
    <time datetime="2020-12-17T12:00:00+0100">17.12.2020</time>, or for an approximate date only its
    month, as the article page gives it: <time datetime="2020-12">ca. desember 2020</time>."""
    if when is None:
        return ""
    if approximate:
        return format_html('<time datetime="{}">{}</time>', f"{when:%Y-%m}", format_day(when, approximate=True))
    if isinstance(when, datetime.datetime):
        when = _local(when)
        machine = when.strftime(MACHINE_FORMAT)
    else:
        machine = when.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, format_date(when, shown_as))


@register.simple_tag
def time_of_day_html(when):
    """<time datetime="2021-01-21T12:00:00+0100">kl. 12:00</time>, for a list already grouped by day."""
    when = _local(when)
    return format_html('<time datetime="{}">{} {}</time>', when.strftime(MACHINE_FORMAT), gettext("kl."), format_date(when, "H:i"))


def _local(when):
    return timezone.localtime(when) if timezone.is_aware(when) else when


# As Django's r"Y-m-d\TH:i:sO" in a fifth of the time, and with the right offset in the hour that
# comes twice when summer time ends (where Django's "O" gives none).
MACHINE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


@register.simple_tag
def version_date(version, shown_as="d.m.Y", published_at=None):
    """`date_html` for the date readers are given for `version` (`DocumentVersion.reader_date`):
    «17.12.2020» when its source's date is exact, «ca. desember 2020» when it is approximate, and ""
    when the source has no date. `published_at` replaces the version's own publication time (a news
    item's first publication)."""
    when, approximate = version.reader_date(published_at)
    return date_html(when, approximate, shown_as)


@register.simple_tag
def item_date_html(version):
    """The date lists give an item (`publishing.dates.item_date`), never more exact than its source and
    never the portal's publication passed off as the source's: «10.09.2020», «ca. desember 2021», "" when
    the source has no date, and for a version with no source «Publisert i Kommuneportalen 07.12.2026»."""
    day, precision = item_date(version)
    if day is None:
        return ""
    if precision == PORTAL:
        return format_html("{} {}", gettext("Publisert i Kommuneportalen"), date_html(day))
    return date_html(day, approximate=precision == MONTH)


@register.filter
def breakable_address(address):
    """An e-mail or web address that may wrap only between its parts, after «@», «/» or before a «.»,
    never inside a word (issue 28: «helsedir.n/o» on a phone). Escaped; <wbr> marks where it may wrap."""
    parts = re.split(r"(?<=@)|(?<=/)(?!/)|(?=\.)", str(address or ""))
    return mark_safe("<wbr>".join(escape(part) for part in parts if part))
