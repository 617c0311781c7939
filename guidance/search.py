"""Guidance articles in the site search (`/sok/`): the provider the site's registry calls."""

from functools import partial

from guidance.models import Article
from publishing.dates import MONTH, PORTAL, item_date
from publishing.search import SearchHits, SearchResult, search_documents
from publishing.snippets import excerpt

TEXT_FIELDS = ("title", "summary", "body")
EXCERPT_FIELDS = ("summary", "body")


def search_articles(query):
    articles = search_documents(Article.objects.live().select_related("issuer"), query, text_fields=TEXT_FIELDS)
    return SearchHits(articles, partial(_article_result, query=query))


def _article_result(article, *, query):
    version = article.live_version
    date, precision = item_date(version)  # the source's date, never more exact than it (issues 12, 24)
    return SearchResult(
        title=version.title,
        url=article.get_absolute_url(),
        kind_label=article.get_kind_display(),
        date=date,
        date_is_approximate=precision == MONTH,
        date_is_portal=precision == PORTAL,
        excerpt_html=excerpt(article, query, EXCERPT_FIELDS),
    )
