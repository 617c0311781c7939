"""The site search (`/sok/`): one query, results from every part of the portal, page by page.

Each app contributes a provider, `provider(query) -> publishing.search.SearchHits`, best first;
`query` is the parsed `publishing.search.SearchTerms` (synonyms looked up once for all providers).
The site lists them here, in the order their results are shown; a new part of the portal adds one
line. Only the providers that reach the page asked for fetch anything beyond their count.

When no document has every word, `site_search` shows the documents with any of them, best first,
and says so; when that finds little, it offers "Mente du …?" from the words of `SUGGESTION_VOCABULARY`.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.utils.module_loading import import_string

from publishing.models import SearchSynonym, VersionedDocument
from publishing.search import SearchTerms, search_terms, suggest

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


class CombinedHits:
    """Every provider's hits one after another, countable and sliceable for Django's Paginator."""

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
        results, offset = [], 0
        for provider_hits, count in zip(self.hits, self.counts):
            if window.start < offset + count and window.stop > offset:
                results += provider_hits.results(max(0, window.start - offset), min(count, window.stop - offset))
            offset += count
        return results


def search_all(query):
    """The hits of every registered provider for `query` (text or `SearchTerms`), in provider order."""
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
    suggestion when the words found nothing together."""
    terms = search_terms(query)
    search = SiteSearch(terms, search_all(terms))
    if search.hits.count() or not terms.words:
        return search
    if len(terms.words) > 1:
        any_hits = search_all(terms.any_word())
        if any_hits.count():
            search.hits, search.any_word = any_hits, True
    search.suggestion = suggest(terms, _vocabularies())
    return search


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
