from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from publishing.sitemaps import LiveDocumentSitemap
from staffing.models import Measure


class MeasureSitemap(LiveDocumentSitemap):
    """Every public measure page, expired ones included: they stay readable and say they have ended."""

    model = Measure


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
