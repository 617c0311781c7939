"""A page's cost depends on what it shows, never on how much content exists (PostgreSQL's plans).

The same pages are read with 55 articles of 3 versions and again with 220 articles, most of 6 versions,
and PostgreSQL's own count of the rows it read from the versions table (EXPLAIN ANALYZE) is compared:
the lists, the front page and an article page read no more at the larger size (a list is counted up to
a cap, views.COUNT_UP_TO, set to 25 here so both sizes pass it), and the search reads each live match
once and never a version that is no longer live. Sequential scans and sorts where an index gives the
order are turned off, as on a large database, where PostgreSQL reads indexes (on tables this small it
would rightly read them whole).
"""

import datetime
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from guidance import views
from guidance.models import Article, ArticleVersion
from publishing.models.versions import SPAN_OPEN_MARGIN
from tests.factories import make_issuer, make_many_articles, make_topic

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plans"),
]

VERSIONS_TABLE = "guidance_articleversion"


@pytest.fixture(autouse=True)
def small_cap(monkeypatch):
    monkeypatch.setattr(views, "COUNT_UP_TO", 25)


def _grow(count, versions_each, **kwargs):
    """`count` articles published two hours ago and earlier, so no version was replaced within the last
    hour (those are still open: `SPAN_OPEN_MARGIN`)."""
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() - 2 * SPAN_OPEN_MARGIN):
        make_many_articles(count, versions_each, **kwargs)
    Article.close_ended_spans()  # as the next write of any article does
    _interleave()


def _interleave():
    """Each article listed on a day of its own, five guidance articles then four news (the factory lists
    them all today, and a page reads every article of the day it ends on)."""
    guidance = list(Article.objects.exclude(kind="nyhet").order_by("pk").values_list("pk", flat=True))
    news = list(Article.objects.filter(kind="nyhet").order_by("pk").values_list("pk", flat=True))
    order = []
    while guidance or news:
        order += guidance[:5] + news[:4]
        del guidance[:5], news[:4]
    day = {pk: position for position, pk in enumerate(order)}
    now = timezone.now()
    versions = list(ArticleVersion.objects.filter(listed_at__isnull=False).only("pk", "article_id"))
    for version in versions:
        version.listed_at = now - datetime.timedelta(days=day[version.article_id])
    ArticleVersion.objects.bulk_update(versions, ["listed_at"], batch_size=500)


def _versions_read(node):
    """Rows PostgreSQL read from the versions table in this plan node and below."""
    own = 0
    if node.get("Relation Name") == VERSIONS_TABLE:
        read = node["Actual Rows"] + node.get("Rows Removed by Filter", 0) + node.get("Rows Removed by Index Recheck", 0)
        own = read * node["Actual Loops"]
    return own + sum(_versions_read(child) for child in node.get("Plans", []))


def _reads(client, path, params=None, *, settings=()):
    """([(query, rows of the versions table it read)] for the page's queries, the page's HTML)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {})
    assert response.status_code == 200, path
    reads = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE guidance_article")
        cursor.execute(f"ANALYZE {VERSIONS_TABLE}")
        # The search index tidied: its pending entries (other tests' rows, rolled back) make it look costly.
        cursor.execute("SELECT gin_clean_pending_list('guidance_version_vector_idx')")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")  # a list's order is an index's, as on a large table
        for setting in settings:
            cursor.execute(f"SET LOCAL {setting}")
        for query in captured.captured_queries:
            if query["sql"].startswith("SELECT") and VERSIONS_TABLE in query["sql"]:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
                reads.append((query["sql"], _versions_read(cursor.fetchone()[0][0]["Plan"])))
    return reads, response.content.decode()


def _cost(client, path, params=None):
    return sum(read for _sql, read in _reads(client, path, params)[0])


PAGES = [
    ("front page", "/", None),
    ("list", reverse("guidance:list"), None),
    ("list, second page", reverse("guidance:list"), {"side": 2}),
    ("list by issuer", reverse("guidance:list"), {"avsender": "ks"}),
    ("topic", reverse("guidance:topic", args=["legevakt"]), None),
    ("news", reverse("guidance:news"), None),
    ("article", reverse("guidance:article", args=["fast-artikkel"]), None),
]


@pytest.fixture
def sizes():
    """The small size (31 guidance articles and 24 news of 3 versions); the function grows it to four times
    as many articles, the new ones of 6 versions."""
    topic = make_topic("Legevakt", "legevakt")
    ks = make_issuer("KS", "ks")
    _grow(31, 3, issuer=ks, topics=[topic])
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).update(slug="fast-artikkel")
    _grow(24, 3, issuer=ks, kind="nyhet")

    def grow():
        _grow(93, 6, issuer=ks, topics=[topic])
        _grow(72, 6, issuer=ks, kind="nyhet")

    return grow


def test_lists_front_page_and_article_read_no_more_versions_at_four_times_the_content(client, sizes):
    small = {name: _cost(client, path, params) for name, path, params in PAGES}
    sizes()
    large = {name: _cost(client, path, params) for name, path, params in PAGES}
    # Four times the content: a page whose reads grow with it reads several times as much (a list counted
    # whole read 216 rows, then 1 206). Up to a quarter more is the cap reached and the planner's choice of
    # plan from one size to the other (the news list read 106 rows, then 113, in one full suite run).
    grew = {name: (small[name], large[name]) for name in small if large[name] > small[name] * 1.25}
    assert not grew, f"versions read (55 articles of 3 versions, 220 of up to 6): {grew}"


def test_the_search_reads_each_live_match_once_and_no_version_that_is_not_live_or_not_a_match(client, sizes):
    """«legevakt» is the topic of the guidance articles, not of the news: it matches some of the live articles.

    On tables this small PostgreSQL would read an index of every open version and test each one's vector, so
    the matches are read as at 10 000 articles, from the GIN index (bitmap scans only). What this pins: that
    index holds the open versions' vectors and no others, so it gives the live matches and nothing else."""
    for versions_each in (3, 6):
        reads, html = _reads(client, reverse("search"), {"q": "legevakt"}, settings=["enable_indexscan = off"])
        matches = Article.objects.live().filter(topics__slug="legevakt").count()
        assert f"{matches} treff" in html and matches < Article.objects.live().count()
        ranking = [read for sql, read in reads if " OVER ()" in sql]
        rows = [read for sql, read in reads if " OVER ()" not in sql]
        # Ranking and counting: each match once. The page's 20 rows: their articles' versions.
        assert ranking == [matches], (ranking, matches)
        assert sum(rows) <= 20 * versions_each, rows
        sizes()
