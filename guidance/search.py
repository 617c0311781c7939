"""Guidance articles in the site search (`/sok/`): the provider the site's registry calls."""

from guidance.models import ArticleVersion
from publishing.search import RESULT_LIMIT, SearchResult, excerpt, search_versions, weighted_search_vector

TEXT_FIELDS = ("title", "summary", "body")
EXCERPT_FIELDS = ("summary", "body")


def version_search_vector():
    """The expression guidance migration 0002 indexed (frozen there)."""
    return weighted_search_vector((("title",), "A"), (("summary",), "B"), (("body",), "C"))


def search_articles(query):
    versions = ArticleVersion.objects.filter(live_of__isnull=False, live_of__withdrawn_at__isnull=True)
    versions = search_versions(
        versions.select_related("article", "article__issuer"), query, vector=version_search_vector(),
        text_fields=TEXT_FIELDS, excerpt_fields=EXCERPT_FIELDS,
    )
    return [_article_result(version, query) for version in versions[:RESULT_LIMIT]]


def _article_result(version, query):
    article = version.article
    return SearchResult(
        title=version.title,
        url=article.get_absolute_url(),
        kind_label=article.get_kind_display(),
        date=version.publish_at,
        excerpt_html=excerpt(version, query, EXCERPT_FIELDS),
    )
