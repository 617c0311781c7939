"""/sitemap.xml: the site's own pages and every app's sitemaps (each app keeps its own `sitemaps.py`)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from guidance.sitemaps import SITEMAPS as GUIDANCE_SITEMAPS
from staffing.sitemaps import SITEMAPS as STAFFING_SITEMAPS


class SitePagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["home", "accessibility_statement", "alerts:subscribe"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sider": SitePagesSitemap,
    **GUIDANCE_SITEMAPS,
    **STAFFING_SITEMAPS,
}
