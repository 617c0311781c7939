"""The site search (`/sok/`): one query, results from every part of the portal.

Each app contributes a provider, `provider(query) -> list[SearchResult]`, returning at most
`publishing.search.RESULT_LIMIT` results, best first. The site lists them here, in the order
their results are shown; a new part of the portal adds one line.
"""

from django.utils.module_loading import import_string

SEARCH_PROVIDERS = [
    "guidance.search.search_articles",
    "staffing.search.search_measures",
]


def search_all(query):
    """Results of every registered provider for `query`, in provider order."""
    results = []
    for path in SEARCH_PROVIDERS:
        results.extend(import_string(path)(query))
    return results
