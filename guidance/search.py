"""Guidance articles in the site search (`/sok/`): the provider the site's registry calls."""

from functools import partial

from guidance.models import Article
from publishing.search import SearchHits, SearchResult, search_documents
from publishing.snippets import excerpt

TEXT_FIELDS = ("title", "summary", "body")
EXCERPT_FIELDS = ("summary", "body")


def search_articles(query):
    articles = search_documents(Article.objects.live().select_related("issuer"), query, text_fields=TEXT_FIELDS)
    return SearchHits(articles, partial(_article_result, query=query))


def _article_result(article, *, query):
    version = article.live_version
    date, approximate = version.reader_date()  # never more exact than the source (issue 12)
    return SearchResult(
        title=version.title,
        url=article.get_absolute_url(),
        kind_label=article.get_kind_display(),
        date=date,
        date_is_approximate=approximate,
        excerpt_html=excerpt(article, query, EXCERPT_FIELDS),
    )
