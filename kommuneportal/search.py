"""The site search (`/sok/`): one query, results from every part of the portal, page by page.

Each app contributes a provider, `provider(query) -> publishing.search.SearchHits`, best first.
The site lists them here, in the order their results are shown; a new part of the portal adds one
line. Only the providers that reach the page asked for fetch anything beyond their count.
"""

from functools import cached_property

from django.utils.module_loading import import_string

SEARCH_PROVIDERS = [
    "guidance.search.search_articles",
    "staffing.search.search_measures",
]


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
    """The hits of every registered provider for `query`, in provider order."""
    return CombinedHits([import_string(path)(query) for path in SEARCH_PROVIDERS])
