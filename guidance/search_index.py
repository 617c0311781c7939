"""The PostgreSQL full-text expression for versions, shared by the index migration and the search query
so that PostgreSQL can use the index (the expression must be identical in both)."""

from django.contrib.postgres.search import SearchVector

SEARCH_CONFIG = "norwegian"


def version_search_vector():
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "summary", weight="B", config=SEARCH_CONFIG
    ) + SearchVector("body", weight="C", config=SEARCH_CONFIG)
