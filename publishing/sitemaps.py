from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce


class LiveDocumentSitemap(Sitemap):
    """Every live document of `model` (an article, a measure), in pages of `limit` addresses, so one
    request of the sitemap costs the same however many documents there are."""

    model = None
    changefreq = "weekly"
    limit = 1000

    def items(self):
        # Only what an entry needs: not the live version's text.
        return (self.model.objects.live().select_related(None)
                .only("slug", "last_major_at", "first_published_at").order_by("slug"))

    def lastmod(self, document):
        return document.last_major_at or document.first_published_at

    def get_latest_lastmod(self):
        # Django's own reads every item to find it; the sitemap index asks for it on every request.
        return self.model.objects.live().aggregate(
            latest=Max(Coalesce("last_major_at", "first_published_at")))["latest"]
