"""The PostgreSQL full-text expression for measure versions, shared by the index migration and the
search query so that PostgreSQL can use the index (the expression must be identical in both)."""

from django.contrib.postgres.search import SearchVector

SEARCH_CONFIG = "norwegian"


def measure_search_vector():
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("provider", "how_to_request", "conditions", "legal_basis", weight="C", config=SEARCH_CONFIG)
        + SearchVector("body", weight="D", config=SEARCH_CONFIG)
    )
