"""Constant query counts on the list pages, at 5 and at 200 measures. Intended to prevent an n+1 issue."""

import pytest
from django.urls import reverse

from tests.factories import make_contact_point, make_many_measures
from tests.once import built_once

pytestmark = pytest.mark.django_db

# The content clock, the measures joined with their live versions, the contact point.
MAX_QUERIES = 3


def _measures(count):
    import datetime

    make_contact_point(datetime.date(2021, 12, 10))
    return make_many_measures(count)


@pytest.fixture(scope="module", params=[5, 200], ids=["5-tiltak", "200-tiltak"])
def measures(request, django_db_setup, django_db_blocker):
    """Built once per size for the module's tests, which only read it (tests/once.py)."""
    yield from built_once(django_db_blocker, _measures, request.param)


@pytest.mark.parametrize("query", [{}, {"vis": "alle"}, {"oppgave": "testing", "personell": "autorisert-helsepersonell"}])
def test_the_catalogue_uses_a_constant_number_of_queries(client, measures, django_assert_flat_queries, query):
    with django_assert_flat_queries(MAX_QUERIES):
        response = client.get(reverse("staffing:measure_list"), query)
    assert response.status_code == 200
    assert response.context["count"] == (len(measures) if "oppgave" not in query else len(measures) // 3 + (len(measures) % 3 > 0))


@pytest.mark.parametrize("query", [
    {"naar": "i-dag"},
    {"oppgave": "administrasjon", "naar": "i-dag", "personell": "sykepleiere"},
    {"oppgave": "administrasjon", "naar": "i-dag", "autorisert": "ja"},  # an address from before «personell»
])
def test_the_finder_uses_a_constant_number_of_queries(client, measures, django_assert_flat_queries, query):
    # One query for the measures with their live versions and successors, in force or near the date.
    with django_assert_flat_queries(MAX_QUERIES):
        response = client.get(reverse("staffing:finder"), query)
    assert response.status_code == 200
    assert response.context["result"].count == len(measures)


def test_the_measure_page_uses_a_constant_number_of_queries(client, measures, django_assert_flat_queries):
    with django_assert_flat_queries(MAX_QUERIES + 2):  # + the published history, + the measures it replaced
        response = client.get(measures[0].get_absolute_url())
    assert response.status_code == 200 and "Versjon 2" in response.content.decode()


def test_the_contact_point_page_uses_a_constant_number_of_queries(client, measures, django_assert_flat_queries):
    with django_assert_flat_queries(MAX_QUERIES):  # the clock, the contact point's versions, the banner
        response = client.get(reverse("staffing:contact_point"))
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/bemanning/", "/bemanning/finn-tiltak/?naar=i-dag", "measure"])
def test_staffing_pages_never_read_the_search_vectors(client, measures, django_assert_flat_queries, path):
    """Search vectors are for the database's search only, the successor's included."""
    path = measures[0].get_absolute_url() if path == "measure" else path
    with django_assert_flat_queries(6) as captured:
        assert client.get(path).status_code == 200
    for query in captured.captured_queries:
        selected = query["sql"].split(" FROM ")[0]
        assert "search_vector" not in selected and "search_rank_vector" not in selected, query["sql"]
