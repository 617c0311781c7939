from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from staffing.models import Measure


class MeasureSitemap(Sitemap):
    """Every public measure page, expired ones included: they stay readable and say they have ended."""

    changefreq = "weekly"

    def items(self):
        # Only what a sitemap entry needs: not the live version's text, for every document there is.
        return Measure.objects.live().select_related(None).only("slug", "last_major_at", "first_published_at").order_by("slug")

    def lastmod(self, measure):
        return measure.last_major_at or measure.first_published_at


class StaffingPagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["staffing:measure_list", "staffing:finder", "staffing:contact_point", "staffing:proposal_create"]

    def location(self, name):
        return reverse(name)


# The site assembles every app's SITEMAPS into /sitemap.xml.
SITEMAPS = {
    "bemanning-sider": StaffingPagesSitemap,
    "bemanning": MeasureSitemap,
}
