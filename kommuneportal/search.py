"""The site search (`/sok/`): one query, results from every part of the portal, page by page.

Each app contributes a provider, `provider(query) -> publishing.search.SearchHits`, best first;
`query` is the parsed `publishing.search.SearchTerms` (synonyms looked up once for all providers).
The site lists them here; a new part of the portal adds one line. Their hits are merged by score
(`CombinedHits`), so a staffing measure whose title is the query comes before guidance that only
mentions it; on a tie the newer document first, then the providers in the order listed. Only the
page shown is turned into results.

When no document has every word, `site_search` shows the documents with any of them, best first,
and says so; when a search finds nothing or very little, it offers "Mente du …?" from the words of
`SUGGESTION_VOCABULARY`, if the corrected search finds clearly more.
"""

import math
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.utils.module_loading import import_string

from publishing.models import SearchSynonym, VersionedDocument
from publishing.search import SearchTerms, search_terms
from publishing.suggestions import corrections

SEARCH_PROVIDERS = [
    "guidance.search.search_articles",
    "staffing.search.search_measures",
]

# Where "Mente du …?" finds its words: (model, text field). Versioned documents lend the titles of
# their newest SUGGESTION_DOCUMENTS live documents (read by primary key), so a suggestion costs the
# same at 50 articles and at 10 000; topics and issuers are few and count whole.
SUGGESTION_VOCABULARY = [
    ("guidance.Topic", "name"),
    ("guidance.Issuer", "name"),
    ("guidance.Article", "live_version__title"),
    ("staffing.Measure", "live_version__title"),
]
SUGGESTION_DOCUMENTS = 500
SUGGEST_BELOW = 3  # a search with fewer hits than this may get "Mente du …?" …


def clearly_more(suggested, found):
    """… when the corrected search finds clearly more than the search as typed."""
    return suggested > 0 if not found else suggested >= max(2 * found, found + 2)


class CombinedHits:
    """Every provider's hits merged by score, countable and sliceable for Django's Paginator."""

    def __init__(self, hits):
        self.hits = hits

    @cached_property
    def counts(self):
        return [provider_hits.count() for provider_hits in self.hits]

    def count(self):
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        ranked = []
        for index, (provider_hits, count) in enumerate(zip(self.hits, self.counts)):
            if count:
                ranked += [(-(score or 0), _newest_first(recent), index, position, key)
                           for position, (key, score, recent) in enumerate(provider_hits.ranked(min(count, window.stop)))]
        chosen = sorted(ranked, key=lambda row: row[:4])[window.start:window.stop]
        results = {}
        for index, provider_hits in enumerate(self.hits):
            keys = [key for *_rank, provider, _position, key in chosen if provider == index]
            if keys:
                results.update(((index, key), result) for key, result in provider_hits.results_for(keys))
        return [results[(index, key)] for *_rank, index, _position, key in chosen if (index, key) in results]


def _newest_first(recent):
    return -recent.timestamp() if recent is not None else math.inf


def search_all(query):
    """The hits of every registered provider for `query` (text or `SearchTerms`)."""
    terms = query if isinstance(query, SearchTerms) else search_terms(query)
    return CombinedHits([import_string(path)(terms) for path in SEARCH_PROVIDERS])


@dataclass
class SiteSearch:
    terms: SearchTerms
    hits: CombinedHits
    any_word: bool = False       # no document had every word: these have at least one, best first
    suggestion: str | None = None


def site_search(query):
    """What `/sok/` shows for `query`: every word if anything has them all, else any of them, and a
    suggestion when the words found little and the suggestion finds clearly more."""
    terms = search_terms(query)
    search = SiteSearch(terms, search_all(terms))
    found = search.hits.count()
    if found >= SUGGEST_BELOW or not terms.words:
        return search
    if not found and len(terms.words) > 1:
        any_hits = search_all(terms.any_word())
        if any_hits.count():
            search.hits, search.any_word = any_hits, True
    search.suggestion = _suggestion(terms, found)
    return search


def _suggestion(terms, found):
    corrected = corrections([word.text for word in terms.words], _vocabularies())
    if not corrected:
        return None
    suggestion = " ".join(corrected.get(word.text, word.text) if " " not in word.text else f"«{word.text}»"
                          for word in terms.words)
    return suggestion if clearly_more(search_all(suggestion).count(), found) else None


def _vocabularies():
    """SUGGESTION_VOCABULARY as querysets, and the words of the synonym list (what readers type)."""
    vocabularies = [(SearchSynonym.objects.all(), "word")]
    for label, name in SUGGESTION_VOCABULARY:
        model = apps.get_model(label)
        queryset = model.objects.all().order_by()
        if issubclass(model, VersionedDocument):
            queryset = queryset.live(fetch=False)
            last = SUGGESTION_DOCUMENTS - 1
            oldest_of_newest = list(queryset.order_by("-pk").values_list("pk", flat=True)[last:last + 1])
            queryset = queryset.filter(pk__gte=oldest_of_newest[0]) if oldest_of_newest else queryset
        vocabularies.append((queryset, name))
    return vocabularies
