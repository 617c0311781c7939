"""Full-text search over versioned documents, shared by every app that offers a search provider.

A provider (`guidance.search.search_articles`, `staffing.search.search_measures`) hands
`search_versions` a queryset of versions and the full-text expression its GIN index was built
on, and turns the matches into `SearchResult`s; the site's `/sok/` page lists them.

On PostgreSQL this is the Norwegian full-text configuration through the same expression as the
index, so "smittesporingen" finds "smittesporing". SQLite has no full-text search here: it falls
back to matching every word with `icontains`.
"""

import html
import re
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.safestring import mark_safe

SEARCH_CONFIG = "norwegian"

RESULT_LIMIT = 50
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


def search_versions(versions, query, *, vector, text_fields, excerpt_fields):
    """Search a queryset of versions: Norwegian full text on PostgreSQL, every word by icontains elsewhere.

    `vector` must be the very expression a GIN index was built on, so PostgreSQL can use the index.
    On PostgreSQL each version gets a `headline` (see `excerpt`).
    """
    if connection.vendor != "postgresql":
        for word in query_words(query):
            matches = Q()
            for name in text_fields:
                matches |= Q(**{f"{name}__icontains": word})
            versions = versions.filter(matches)
        return versions.order_by("-publish_at")
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    excerpt_source = []
    for name in excerpt_fields:
        excerpt_source += [name, Value(" ")]
    return (
        versions.annotate(search=vector)
        .filter(search=search_query)
        .annotate(
            rank=SearchRank(F("search"), search_query),
            headline=SearchHeadline(
                Concat(*excerpt_source[:-1], output_field=TextField()), search_query, config=SEARCH_CONFIG,
                start_sel=_START, stop_sel=_STOP, max_words=35, min_words=15, max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-publish_at")
    )


def query_words(query):
    return [word for word in re.findall(r"\w+", query) if len(word) > 1][:10]


def excerpt(version, query, excerpt_fields):
    """PostgreSQL's highlighted headline when there is one, else an excerpt with the query's words marked."""
    headline = getattr(version, "headline", None)
    if headline is not None:
        return highlight_headline(headline)
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


def weighted_search_vector(*weighted_fields):
    """The full-text expression for (field names, weight) pairs, e.g. ((("title",), "A"), …).

    The index migration keeps a frozen copy of the resulting expression; the two must stay identical
    for PostgreSQL to use the index.
    """
    vectors = [SearchVector(*names, weight=weight, config=SEARCH_CONFIG) for names, weight in weighted_fields]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined
