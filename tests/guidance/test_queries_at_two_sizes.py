"""The list and search pages issue the same queries, counted the same way, at 5 and at 200 articles.

Kept apart from tests/guidance/test_queries.py, whose articles are built once per module: this test
grows its own data between two readings."""

import pytest

from tests.factories import make_issuer, make_many_articles, make_topic

pytestmark = pytest.mark.django_db

SAME_AT_BOTH_SIZES = [
    ("/", {}),
    ("/veiledning/", {}),
    ("/veiledning/", {"side": 2}),
    ("/veiledning/", {"tema": "smittevern", "avsender": "ks", "type": "veiledning"}),
    ("/veiledning/tema/smittevern/", {}),
    ("/veiledning/nyheter/", {}),
    ("/veiledning/sporsmal-og-svar/", {}),
    ("/sok/", {"q": "Smittevern"}),
    ("/sok/", {"q": "Artikkel kvantefysikk"}),
    ("/sok/", {"q": "kvantefysikk"}),
]


def test_list_and_search_pages_issue_the_same_queries_at_5_and_200_articles(client, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guidance import views

    monkeypatch.setattr(views, "COUNT_UP_TO", 100)
    topic = make_topic("Smittevern", "smittevern")
    issuer = make_issuer("KS", "ks")

    def queries():
        found = {}
        for path, params in SAME_AT_BOTH_SIZES:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path, params).status_code == 200, (path, params)
            found[(path, str(params))] = [query["sql"] for query in captured.captured_queries]
        return found

    make_many_articles(5, 10, issuer=issuer, topics=[topic])
    make_many_articles(26, 2, issuer=issuer, topics=[topic], kind="sporsmal-og-svar")
    make_many_articles(3, 2, issuer=issuer, kind="nyhet")
    small = queries()
    make_many_articles(195, 10, issuer=issuer, topics=[topic])
    make_many_articles(100, 2, issuer=issuer, kind="nyhet")
    large = queries()

    assert {page: len(sqls) for page, sqls in small.items()} == {page: len(sqls) for page, sqls in large.items()}
    for page, sqls in large.items():
        counts = [sql for sql in sqls if sql.startswith("SELECT COUNT(") and "guidance_article" in sql]
        if page[0].startswith("/veiledning/") and "sporsmal" not in page[0]:
            assert counts and all(sql.endswith("LIMIT 101) subquery") for sql in counts), (page, counts)
