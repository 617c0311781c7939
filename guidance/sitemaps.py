from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from guidance.models import Article, Topic
from publishing.sitemaps import LiveDocumentSitemap


class ArticleSitemap(LiveDocumentSitemap):
    model = Article


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
