"""Full-text search over live documents, shared by every app that offers a search provider.

A provider (`guidance.search.search_articles`, `staffing.search.search_measures`) hands
`search_documents` its live documents and returns `SearchHits`, which turn matches into
`SearchResult`s; the site's `/sok/` page counts, pages and lists them.

On PostgreSQL each document stores its live version's text as a Norwegian full-text vector
(`VersionedDocument.search_vector`, GIN-indexed), so a search reads live documents only and
"smittesporingen" finds "smittesporing". SQLite has no full-text search here: it falls back to
matching every word with `icontains`.
"""

import html
import re
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.safestring import mark_safe

from publishing.models import SEARCH_CONFIG

EXCERPT_CHARS = 240

# Private-use characters mark the highlight inside PostgreSQL's headline, so that everything else
# can be escaped before our own <mark> tags are put in.
_START, _STOP = "\ue000", "\ue001"


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    kind_label: str
    date: datetime | None
    excerpt_html: str  # safe HTML: escaped text with <mark> around the matched words


class SearchHits:
    """One provider's matches for a query: counted and sliced lazily, so the site can paginate
    across providers and only the page shown is turned into results."""

    def __init__(self, documents, to_result):
        self.documents = documents
        self.to_result = to_result

    def count(self):
        return self.documents.count()

    def results(self, start, stop):
        return [self.to_result(document) for document in self.documents[start:stop]]


def search_documents(documents, query, *, text_fields, excerpt_fields):
    """Live documents matching `query`, best first: one GIN-indexed filter on the stored vector.

    On PostgreSQL each document gets a `headline` (see `excerpt`); elsewhere every word must occur
    in one of the live version's `text_fields`.
    """
    if connection.vendor != "postgresql":
        for word in query_words(query):
            matches = Q()
            for name in text_fields:
                matches |= Q(**{f"live_version__{name}__icontains": word})
            documents = documents.filter(matches)
        return documents.order_by("-live_version__publish_at", "pk")
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    excerpt_source = []
    for name in excerpt_fields:
        excerpt_source += [f"live_version__{name}", Value(" ")]
    return (
        documents.filter(search_vector=search_query)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline=SearchHeadline(
                Concat(*excerpt_source[:-1], output_field=TextField()), search_query, config=SEARCH_CONFIG,
                start_sel=_START, stop_sel=_STOP, max_words=35, min_words=15, max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-live_version__publish_at", "pk")
    )


def query_words(query):
    return [word for word in re.findall(r"\w+", query) if len(word) > 1][:10]


def excerpt(document, query, excerpt_fields):
    """PostgreSQL's highlighted headline when there is one, else an excerpt with the query's words marked."""
    headline = getattr(document, "headline", None)
    if headline is not None:
        return highlight_headline(headline)
    version = document.live_version
    return highlight_words(" ".join(getattr(version, name) for name in excerpt_fields), query_words(query))


def highlight_headline(headline):
    """Escape PostgreSQL's headline and turn its private markers into <mark> tags, nothing else."""
    escaped = html.escape(_plain(headline))
    marked = re.sub(f"{_START}(.*?){_STOP}", r"<mark>\1</mark>", escaped, flags=re.DOTALL)
    return mark_safe(marked.replace(_START, "").replace(_STOP, ""))


def highlight_words(text, words):
    """An excerpt around the first matched word, escaped, with every matched word in <mark>."""
    text = _plain(text)
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words if word.lower() in lowered]
    start = max(0, min(positions) - EXCERPT_CHARS // 3) if positions else 0
    excerpt = ("… " if start else "") + text[start:start + EXCERPT_CHARS]
    excerpt += " …" if start + EXCERPT_CHARS < len(text) else ""
    if not words:
        return mark_safe(html.escape(excerpt))
    # Split on the words first and escape each piece, so a word never matches inside an entity.
    pieces = re.split("(" + "|".join(re.escape(word) for word in words) + ")", excerpt, flags=re.IGNORECASE)
    return mark_safe("".join(
        f"<mark>{html.escape(piece)}</mark>" if index % 2 else html.escape(piece)
        for index, piece in enumerate(pieces)
    ))


def _plain(text):
    """Markdown source reads better without its markup in a one-line excerpt."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text or "")
    text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()
