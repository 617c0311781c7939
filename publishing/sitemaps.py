from django.contrib.sitemaps import Sitemap
from django.db.models import F, Max


class LiveDocumentSitemap(Sitemap):
    """Every live document of `model` (an article, a measure), in pages of `limit` addresses, so one
    request of the sitemap costs the same however many documents there are."""

    model = None
    changefreq = "weekly"
    limit = 1000

    def items(self):
        # Only what an entry needs: not the live version's text.
        return (self.model.objects.live(fetch=False).annotate(listed_at=F("live_version__listed_at"))
                .only("slug").order_by("slug"))

    def lastmod(self, document):
        return document.listed_at

    def get_latest_lastmod(self):
        # Django's own reads every item to find it; the sitemap index asks for it on every request.
        return self.model.objects.live(fetch=False).aggregate(latest=Max("live_version__listed_at"))["latest"]
