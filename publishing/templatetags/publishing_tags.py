"""Dates of versioned documents as readers see them: never more exact than the source (issue 12)."""

import datetime

from django import template
from django.utils import dateformat, timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from publishing.dates import format_day

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
        when = timezone.localtime(when) if timezone.is_aware(when) else when
        machine = dateformat.format(when, r"Y-m-d\TH:i:sO")
    else:
        machine = when.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, date_format(when, shown_as))


@register.simple_tag
def version_date(version, shown_as="d.m.Y", published_at=None):
    """`date_html` for the date readers are given for `version` (`DocumentVersion.reader_date`):
    «17.12.2020» when its source's date is exact, «ca. desember 2020» when it is approximate, and ""
    when the source has no date. `published_at` replaces the version's own publication time (a news
    item's first publication)."""
    when, approximate = version.reader_date(published_at)
    return date_html(when, approximate, shown_as)
