"""Intended to prevent n+1 queries: every public list page uses the same number of queries at 5
articles and at 200 articles with 10 versions each."""

import pytest
from django.urls import reverse

from tests.factories import make_issuer, make_many_articles, make_topic
from tests.once import built_once

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10  # the filtered list needs 9: two filter look-ups, two filter menus, count, page, topics, versions


def _articles(count):
    topic = make_topic("Smittevern", "smittevern")
    issuer = make_issuer("KS", "ks")
    articles = make_many_articles(count, 10, issuer=issuer, topics=[topic])
    # Two pages of questions or more: the questions page grows with the data too, a page at a time.
    make_many_articles(26 + count // 2, 2, issuer=issuer, topics=[topic], kind="sporsmal-og-svar")
    make_many_articles(3, 2, issuer=issuer, kind="nyhet")
    return articles


@pytest.fixture(scope="module", params=[5, 200], ids=["5-articles", "200-articles"])
def data(request, django_db_setup, django_db_blocker):
    """Built once per size for the module's tests, which only read it (tests/once.py)."""
    yield from built_once(django_db_blocker, _articles, request.param)


@pytest.mark.parametrize("name,kwargs,params", [
    ("guidance:list", {}, {}),
    ("guidance:list", {}, {"tema": "smittevern", "avsender": "ks", "type": "veiledning", "side": 1}),
    ("guidance:changelog", {}, {}),
    ("guidance:news", {}, {}),
    ("guidance:faq", {}, {}),
    ("guidance:faq", {}, {"side": 2}),
    ("guidance:links", {}, {}),
    ("guidance:topic", {"slug": "smittevern"}, {}),
    ("guidance:feed", {}, {}),
    ("guidance:topic_feed", {"slug": "smittevern"}, {}),
])
def test_list_pages_use_a_constant_number_of_queries(client, django_assert_flat_queries, data, name, kwargs, params):
    with django_assert_flat_queries(MAX_QUERIES):
        response = client.get(reverse(name, kwargs=kwargs), params)
    assert response.status_code == 200


@pytest.mark.parametrize("view", ["guidance:article", "guidance:history"])
def test_article_pages_use_a_constant_number_of_queries(client, django_assert_flat_queries, data, view):
    with django_assert_flat_queries(MAX_QUERIES):
        response = client.get(reverse(view, args=[data[-1].slug]), {"fra": 1, "til": 10} if view.endswith("history") else {})
    assert response.status_code == 200


def test_front_page_uses_a_constant_number_of_queries(client, django_assert_flat_queries, data):
    with django_assert_flat_queries(MAX_QUERIES):
        assert client.get("/").status_code == 200


def test_search_uses_a_constant_number_of_queries(client, django_assert_flat_queries, data):
    with django_assert_flat_queries(MAX_QUERIES):
        assert client.get(reverse("search"), {"q": "Artikkel"}).status_code == 200


@pytest.mark.parametrize("name,args", [("guidance:topics", []), ("guidance:version", ["last", 3])])
def test_topic_index_and_version_pages_use_a_constant_number_of_queries(client, django_assert_flat_queries, data,
                                                                          name, args):
    args = [data[-1].slug if arg == "last" else arg for arg in args]
    with django_assert_flat_queries(MAX_QUERIES):
        assert client.get(reverse(name, args=args)).status_code == 200


# Search: the synonyms, the topics' and issuers' names (and a topic's links) on SQLite or the stemmed words on
# PostgreSQL, two counts (between two statements that make PostgreSQL read the search index), and per provider
# on the page its rows; no document has every word: two more counts; nothing at all: "Mente du …?" reads the
# synonyms, topics, issuers and the newest documents' titles (two queries per kind of document), and counts what
# the corrected words would find (issue 28: it is offered only when that is clearly more).
SEARCH_MAX_QUERIES = 24


@pytest.mark.parametrize("query", ["Smittevern", "Artikkel kvantefysikk", "smitevern", "kvantefysikk"])
def test_search_by_topic_any_word_or_suggestion_uses_a_constant_number_of_queries(client, django_assert_flat_queries,
                                                                                   data, query):
    with django_assert_flat_queries(SEARCH_MAX_QUERIES):
        assert client.get(reverse("search"), {"q": query}).status_code == 200


@pytest.mark.parametrize("path", ["/", "/veiledning/", "/veiledning/endringer/", "/veiledning/nyheter/",
                                  "/veiledning/tema/smittevern/", "/veiledning/feed/"])
def test_pages_never_read_the_search_vectors_or_list_bodies(client, django_assert_flat_queries, data, path):
    """A document's search vectors are kilobytes only the database's search needs, and lists show no
    bodies: neither may be fetched with the rows (PostgreSQL would unpack them for every row)."""
    with django_assert_flat_queries(MAX_QUERIES) as captured:
        assert client.get(path).status_code == 200
    for query in captured.captured_queries:
        selected = query["sql"].split(" FROM ")[0]
        assert "search_vector" not in selected and "search_rank_vector" not in selected, query["sql"]
        assert '"guidance_articleversion"."body"' not in selected, query["sql"]
