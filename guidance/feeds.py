"""Atom feeds of substantive changes: one entry per published major version, carrying its change note.

Minor versions (typos) never enter a feed. Each entry links to the comparison with the version before.

Change notes are plain text written by publishers, so entries declare `<summary type="text">`:
Django's Atom feed would call them HTML and let readers render any markup typed into a note.
Entry ids are tag: URIs (RFC 4151) on the site's public host (settings.SITE_URL) and the article's
fixed slug, so a version keeps its id whichever address or feed it is read from.

Dates (issues 12 and 24): Atom requires <updated>, a full timestamp; it and <published> carry when the
portal published the version, a machine field that is true whatever the source says. A feed reader shows
that timestamp as the entry's date, so every summary ends by saying whose dates are whose: the source's
date no more exactly than the source gives it («Kildens dato: ca. desember 2020.», «Kilden er ikke
datert.») and the timestamp's day labelled as the portal's («Publisert i Kommuneportalen 07.12.2026.»).
The entries come in the change log's order: the newest source date first, undated sources last.
Withdrawals and reinstatements are entries too (issue 24), dated by the portal, whose acts they are.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from guidance.changes import major_changes, withdrawal_events
from guidance.models import Topic
from publishing.dates import MONTH, PORTAL, format_day, item_date
from publishing.models import PublicChange

FEED_SIZE = 50
EVENTS_SIZE = 10  # the latest withdrawals and reinstatements


class PlainTextSummaryAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ChangesFeed(Feed):
    feed_type = PlainTextSummaryAtomFeed

    def title(self):
        return _("Kommuneportal: endringer i veiledningen")

    def subtitle(self):
        return _("Nye artikler og vesentlige endringer, med endringsnotat.")

    def link(self):
        return reverse("guidance:changelog")

    def items(self):
        return [*withdrawal_events(EVENTS_SIZE),
                *major_changes().prefetch_related("article__topics")[:FEED_SIZE]]

    def item_title(self, version):
        if isinstance(version, PublicChange):
            return f"{version.get_kind_display()}: {version.object_repr}"
        if version.is_first:
            return _("Ny: %(title)s") % {"title": version.title}
        return _("Endret: %(title)s (versjon %(number)s)") % {"title": version.title, "number": version.number}

    def item_description(self, version):
        if isinstance(version, PublicChange):
            when = _("%(event)s i Kommuneportalen %(date)s.") % {
                "event": version.get_kind_display(), "date": format_day(timezone.localdate(version.recorded_at))}
            return "\n\n".join(text for text in (version.note and _("Begrunnelse: %(reason)s") % {
                "reason": version.note}, when) if text)
        return "\n\n".join(text for text in (version.change_note, _dates_line(version)) if text)

    def item_link(self, version):
        if isinstance(version, PublicChange):
            return version.article.get_absolute_url()
        if version.is_first:
            return version.article.get_absolute_url()
        return reverse("guidance:history", args=[version.article.slug]) + f"?til={version.number}"

    def item_guid(self, version):
        host = urlsplit(settings.SITE_URL).hostname or "kommuneportal.localhost"
        article = version.article
        if isinstance(version, PublicChange):
            return f"tag:{host},{article.created_at:%Y-%m-%d}:veiledning/{article.slug}/hendelse/{version.pk}"
        return f"tag:{host},{article.created_at:%Y-%m-%d}:veiledning/{article.slug}/versjon/{version.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, version):
        return version.recorded_at if isinstance(version, PublicChange) else version.publish_at

    def item_updateddate(self, version):
        return self.item_pubdate(version)

    def item_author_name(self, version):
        return version.article.issuer.name

    def item_categories(self, version):
        return [topic.name for topic in version.article.topics.all()]


def _dates_line(version):
    """«Kildens dato: ca. desember 2020. Publisert i Kommuneportalen 07.12.2026.»: the source's date as
    exactly as it gives it (or that it gives none, or names no source), then the day of <updated> as the portal's."""
    day, precision = item_date(version)
    if precision == PORTAL:
        source = _("Uten kilde.")
    elif day is None:
        source = _("Kilden er ikke datert.")
    else:
        source = _("Kildens dato: %(date)s.") % {"date": format_day(day, approximate=precision == MONTH)}
    portal = _("Publisert i Kommuneportalen %(date)s.") % {
        "date": format_day(timezone.localdate(version.publish_at))}
    return f"{source} {portal}"


class TopicChangesFeed(ChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return _("Kommuneportal: endringer i temaet %(topic)s") % {"topic": topic.name}

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        events = [event for event in withdrawal_events(EVENTS_SIZE) if topic in event.article.topics.all()]
        return [*events, *major_changes().filter(article__topics=topic).prefetch_related("article__topics")[:FEED_SIZE]]
