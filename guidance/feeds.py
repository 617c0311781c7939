"""Atom feeds of substantive changes: one entry per published major version, carrying its change note.

Minor versions (typos) never enter a feed. Each entry links to the comparison with the version before.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from guidance.changes import major_changes
from guidance.models import Topic

FEED_SIZE = 50


class ChangesFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Kommuneportal: endringer i veiledningen")

    def subtitle(self):
        return _("Nye artikler og vesentlige endringer, med endringsnotat.")

    def link(self):
        return reverse("guidance:changelog")

    def items(self):
        return major_changes().prefetch_related("article__topics")[:FEED_SIZE]

    def item_title(self, version):
        if version.is_first:
            return _("Ny: %(title)s") % {"title": version.title}
        return _("Endret: %(title)s (versjon %(number)s)") % {"title": version.title, "number": version.number}

    def item_description(self, version):
        return version.change_note

    def item_link(self, version):
        if version.is_first:
            return version.article.get_absolute_url()
        return reverse("guidance:history", args=[version.article.slug]) + f"?til={version.number}"

    def item_guid(self, version):
        return f"{self.item_link(version)}#versjon-{version.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, version):
        return version.publish_at

    def item_updateddate(self, version):
        return version.publish_at

    def item_author_name(self, version):
        return version.article.issuer.name

    def item_categories(self, version):
        return [topic.name for topic in version.article.topics.all()]


class TopicChangesFeed(ChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return _("Kommuneportal: endringer i temaet %(topic)s") % {"topic": topic.name}

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        return major_changes().filter(article__topics=topic).prefetch_related("article__topics")[:FEED_SIZE]
