"""Intended to prevent n+1 queries and reads that grow with the content: every API list costs the same
number of queries, none with a subquery, at 5 and at 200 articles and measures (issue 27). The page
decides the cost: `antall` rows are read, in index order."""

import pytest

from tests.factories import make_contact_point, make_issuer, make_many_articles, make_many_measures, make_topic
from tests.once import built_once

pytestmark = pytest.mark.django_db

# The content clock's read (publishing.middleware) is one of them in each.
PINNED = {
    "/api/v1/artikler/": 3,  # clock, articles with live version and issuer, their topics
    "/api/v1/artikler/?tema=smittevern&avsender=ks&type=veiledning&antall=50": 5,  # + the two filter look-ups
    "/api/v1/artikler/{article}/": 3,
    "/api/v1/artikler/{article}/versjoner/": 4,  # + the versions
    "/api/v1/artikler/{article}/versjoner/3/": 4,
    "/api/v1/artikler/{article}/kapitler/": 3,
    "/api/v1/temaer/": 2,
    "/api/v1/avsendere/": 2,
    "/api/v1/tiltak/": 2,  # clock, measures with live version and successor
    "/api/v1/tiltak/?gyldig=2026-01-01&gruppe=2": 2,
    "/api/v1/tiltak/{measure}/": 2,
    "/api/v1/tiltak/{measure}/versjoner/": 3,
    "/api/v1/kontaktpunkt/": 2,
    "/api/v1/endringer/": 3,  # clock, one per source
    "/api/v1/endringer/?mindre=1&antall=100": 3,
    "/api/v1/endringer/?siden=2020-01-01&type=artikkel": 2,
}


def _content(count):
    topic, issuer = make_topic("Smittevern", "smittevern"), make_issuer("KS", "ks")
    articles = make_many_articles(count, 10, issuer=issuer, topics=[topic])
    measures = make_many_measures(count, versions_each=3)
    make_contact_point("2022-03-01")
    return {"article": articles[-1].slug, "measure": measures[-1].slug}


@pytest.fixture(scope="module", params=[5, 200], ids=["5-of-each", "200-of-each"])
def content(request, django_db_setup, django_db_blocker):
    """Built once per size for the module's tests, which only read it (tests/once.py)."""
    yield from built_once(django_db_blocker, _content, request.param)


@pytest.mark.parametrize("url", PINNED)
def test_each_api_address_costs_the_same_queries_however_much_content_there_is(client, django_assert_flat_queries,
                                                                              django_assert_num_queries, content, url):
    with django_assert_num_queries(PINNED[url]), django_assert_flat_queries(PINNED[url]):
        response = client.get(url.format(**content))
    assert response.status_code == 200, response.content[:300]
