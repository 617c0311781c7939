"""Dates and order no source gives (issue 24, item 5), on the demo.

Lists, the front page and the change log order by the date the source gives; an item whose source has
no date never sorts as newest, and the change log names «Uten dato i kilden» once, at its end. No time
of day a source does not give; the portal's own publication labelled as the portal's where shown; news
among the latest changes; the demo's worksheets dated in the April 2020 they describe.
"""

import datetime
import io
import re

import feedparser
import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from guidance.changes import latest_news, live_articles, major_changes

pytestmark = pytest.mark.django_db

DATE = r'<time datetime="(\d{4}-\d{2}(?:-\d{2})?)">'
UNDATED_TITLE = "Et klart løftebrudd – høyst usikkert om koronakostnader i første halvår vil bli dekket"


def _changelog_pages(client):
    pages, url = [], reverse("guidance:changelog")
    while url:
        html = client.get(url).content.decode()
        pages.append(html)
        following = re.search(r'rel="next" href="([^"]+)"', html)
        url = following and reverse("guidance:changelog") + following[1].replace("&amp;", "&")
    assert len(pages) > 1
    return pages


def _headings(html):
    return re.findall(r'<h2 class="ds-heading" data-size="sm" id="dag-\d+">(.*?)</h2>', html)


def _as_sort_key(heading):
    """The date a heading gives, as a sortable string; None for «Uten dato i kilden»."""
    found = re.search(r'datetime="([\d-]+)"', heading)
    return found[1].ljust(10, "0") if found else None


def test_the_change_log_goes_from_the_newest_source_date_to_the_undated_naming_each_heading_once(
        client, published_demo):
    pages = [_headings(html) for html in _changelog_pages(client)]
    for headings in pages:
        assert len(set(headings)) == len(headings), headings  # each heading once on a page
    headings = [heading for page in pages for heading in page]
    undated_from = headings.index("Uten dato i kilden")
    assert set(headings[undated_from:]) == {"Uten dato i kilden"}  # only undated after the first undated
    dated = [_as_sort_key(heading) for heading in headings[:undated_from]]
    assert all(dated) and dated == sorted(dated, reverse=True)


def test_the_change_log_and_the_front_page_give_no_time_of_day(client, published_demo):
    for html in [*_changelog_pages(client), client.get("/").content.decode()]:
        # The only time of day a seed gives: KS's «Oppdatert 20.04.2020 kl. 16.15», quoted in a change note.
        assert set(re.findall(r"kl\. (\d\d[:.]\d\d)", html)) <= {"16.15"}
        assert not re.search(r'<time datetime="[^"]*T\d\d:\d\d', html[html.index("<main"):])


@pytest.mark.parametrize("path", ["/", "/veiledning/", "/veiledning/tema/beredskap/", "/veiledning/nyheter/"])
def test_an_item_whose_source_has_no_date_never_sorts_first(client, published_demo, path):
    """«Et klart løftebrudd» (undated) came first on `/`, `/veiledning/` and the change log by a placeholder date."""
    html = client.get(path).content.decode()
    main = html[html.index("<main"):]
    metas = re.findall(r'<p class="kp-meta">(.*?)</p>', main, re.S)
    assert metas and re.search(DATE, metas[0]), metas[:1]
    # Once an item without a date is listed, every item after it is without one too.
    dated = [bool(re.search(DATE, meta)) for meta in metas]
    assert dated == sorted(dated, reverse=True), dated
    if UNDATED_TITLE in main:
        assert main.index(UNDATED_TITLE) > main.index("</time>")


def test_the_front_pages_latest_changes_include_news(client, published_demo):
    html = client.get("/").content.decode()
    latest = html[html.index('id="siste-endringer"'):html.index('id="siste-nyheter"')]
    assert "· Nyhet · Statsforvalteren i Innlandet" in latest


def test_every_feed_entry_labels_its_timestamp_as_the_portals_publication(client, published_demo):
    feed = feedparser.parse(client.get(reverse("guidance:feed")).content)
    assert len(feed.entries) == 50
    for entry in feed.entries:
        updated = timezone.localtime(datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC))
        assert entry.summary.endswith(f"Publisert i Kommuneportalen {updated:%d.%m.%Y}."), entry.title
        assert re.search(r"(Kildens dato: .+|Kilden er ikke datert|Uten kilde)\. Publisert i", entry.summary)
    # The feed is in the change log's order: the newest source date first.
    assert "Kildens dato: 16.03.2022." in feed.entries[0].summary


def test_search_gives_an_undated_measure_no_date_and_never_the_day_the_demo_was_loaded(client, published_demo):
    today = timezone.localdate()
    for query in ["studentlisens", "fastlegenes plikt", "pensjonistlønn"]:
        html = client.get(reverse("search"), {"q": query}).content.decode()
        main = html[html.index("<main"):]
        assert today.strftime("%d.%m.%Y") not in main and today.isoformat() not in main, query


def test_the_demo_worksheets_are_decided_in_the_april_2020_they_describe(published_demo):
    # The module's published demo (guidance and staffing: no worksheets) does not matter here (tests/once.py).
    from prioritering import demo as prioritering_demo
    from prioritering.models import Worksheet, WorksheetChange

    prioritering_demo.load(io.StringIO())
    decided = Worksheet.objects.filter(decided_at__isnull=False)
    assert decided.count() == 2
    for worksheet in Worksheet.objects.all():
        assert timezone.localdate(worksheet.created_at) == worksheet.assessed_on
        if worksheet.decided_at:
            assert timezone.localdate(worksheet.decided_at) == worksheet.assessed_on
    assert not WorksheetChange.objects.filter(created_at__year__gt=2020).exists()
    prioritering_demo.load(io.StringIO())  # again: nothing moves
    assert [timezone.localdate(w.decided_at) for w in decided] == [w.assessed_on for w in decided]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the query plans of PostgreSQL")
@pytest.mark.parametrize("name, queryset, index", [
    ("lists", lambda: live_articles(), "guidance_version_listed_idx"),
    ("news", lambda: latest_news(), "guidance_version_listed_idx"),
    ("change log", lambda: major_changes(), "guidance_version_dated_idx"),
])
def test_the_lists_are_read_in_order_from_an_index_not_sorted_from_everything(published_demo, name, queryset, index):
    """A list page costs what it shows: its order is an index's order (the live version's place in the lists is
    stored with its span, not worked out). The module's published demo adds some rows; it does not matter."""
    from tests.factories import make_many_articles

    make_many_articles(300, 2)
    make_many_articles(100, 2, kind="nyhet")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plan = queryset()[:30].explain()
    assert index in plan, plan
