from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from guidance.models import Article, Topic


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # Only what a sitemap entry needs: not the live version's text, for every document there is.
        return Article.objects.live().select_related(None).only("slug", "last_major_at", "first_published_at").order_by("slug")

    def lastmod(self, article):
        return article.last_major_at or article.first_published_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.all()


class GuidancePagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["guidance:list", "guidance:topics", "guidance:changelog", "guidance:news", "guidance:faq", "guidance:links"]

    def location(self, name):
        return reverse(name)


# The site assembles every app's SITEMAPS into /sitemap.xml.
SITEMAPS = {
    "veiledning-sider": GuidancePagesSitemap,
    "veiledning": ArticleSitemap,
    "temaer": TopicSitemap,
}
