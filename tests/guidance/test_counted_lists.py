"""The article lists are counted up to COUNT_UP_TO (1 000): a shorter list shows its total and numbered
pages as before, a longer one says «Over 1 000 artikler» and pages on with Forrige/Neste, so a page
never costs counting every article (guidance.views._page)."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guidance import views
from tests.factories import make_issuer, make_many_articles, make_topic

pytestmark = pytest.mark.django_db

CAP = 25  # COUNT_UP_TO in these tests: 26 articles make a list past it, two pages of 20


@pytest.fixture(autouse=True)
def small_cap(monkeypatch):
    monkeypatch.setattr(views, "COUNT_UP_TO", CAP)


def _heading(html):
    return " ".join(re.search(r'id="resultat-tittel">(.*?)</h2>', html, re.S).group(1).split())


def _titles(html):
    return re.findall(r">(Artikkel \d+ versjon \d+)<", html)


def test_a_list_up_to_the_cap_shows_its_total_and_numbered_pages(client):
    make_many_articles(CAP, 2)
    html = client.get(reverse("guidance:list")).content.decode()
    assert _heading(html) == f"{CAP} artikler"
    assert "Side 1 av 2" in html


def test_a_list_past_the_cap_says_over_and_pages_on_without_a_total(client):
    make_many_articles(CAP + 1, 2)
    first = client.get(reverse("guidance:list")).content.decode()
    assert _heading(first) == f"Over {CAP} artikler"
    assert "Side 1" in first and "Side 1 av" not in first
    assert 'rel="next" href="?side=2"' in first and 'rel="prev"' not in first

    second = client.get(reverse("guidance:list"), {"side": 2}).content.decode()
    assert _heading(second) == f"Over {CAP} artikler"
    assert 'rel="prev" href="?side=1"' in second and 'rel="next"' not in second
    assert len(_titles(first)) == 20 and len(_titles(second)) == CAP + 1 - 20
    assert not set(_titles(first)) & set(_titles(second))

    assert client.get(reverse("guidance:list"), {"side": 3}).status_code == 404


def test_the_heading_writes_a_thousand_with_a_space():
    page = views.UncountedPage([], 1, 20, more_than=1000)
    assert render_to_string("guidance/includes/article_count.html", {"page": page}) == "Over 1\xa0000 artikler"


def test_filters_and_topic_pages_are_counted_up_to_the_cap_too(client):
    topic = make_topic("Legevakt", "legevakt")
    ks = make_issuer("KS", "ks")
    make_many_articles(CAP + 1, 1, issuer=ks, topics=[topic])
    make_many_articles(3, 1, topics=[topic], kind="nyhet")

    assert _heading(client.get(reverse("guidance:list"), {"avsender": "ks"}).content.decode()) == \
        f"Over {CAP} artikler: KS"
    assert _heading(client.get(reverse("guidance:list"), {"type": "nyhet"}).content.decode()) == \
        "3 artikler: Nyhet"
    assert _heading(client.get(reverse("guidance:topic", args=["legevakt"])).content.decode()) == \
        f"Over {CAP} artikler"


def test_the_count_stops_at_the_cap(client):
    make_many_articles(CAP + 10, 1)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("guidance:list")).status_code == 200
    counts = [query["sql"] for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]
    assert counts and all(re.search(rf"LIMIT {CAP + 1}\b", sql) for sql in counts), counts
