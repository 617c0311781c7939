"""Honest dates (issue 12) on the pages that list versions: the changelog, the front page, the site
search and the version histories. A version whose source gives an exact date shows when it was
published; one whose source gives only a month shows «ca. desember 2020»; one whose source has no
date shows none. Nowhere, headings included, is an exact day shown for either of the latter."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import make_article, make_issuer, make_measure, make_publisher

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
EXACT_AT = datetime.datetime(2021, 1, 21, 12, 0, tzinfo=OSLO)
APPROXIMATE_SOURCE = datetime.date(2020, 12, 17)
APPROXIMATE_AT = datetime.datetime(2020, 12, 18, 12, 0, tzinfo=OSLO)  # another day than the source's
UNDATED_AT = datetime.datetime(2020, 11, 5, 12, 0, tzinfo=OSLO)
CA_DECEMBER = '<time datetime="2020-12">ca. desember 2020</time>'


def _source(day, approximate):
    return {"source_title": "Rundskriv", "source_issuer": "Helsedirektoratet", "source_date": day,
            "source_date_is_approximate": approximate}


@pytest.fixture
def articles():
    publisher, issuer = make_publisher(), make_issuer("Helsedirektoratet", "helsedirektoratet")

    def article(slug, title, at, source):
        return make_article(slug=slug, author=publisher, issuer=issuer, versions=[
            {"title": title, "summary": "Om kvarantenehotell i kommunene.", "publish_at": at, **source}])

    return {
        "exact": article("eksakt", "Kvarantenehotell: eksakt", EXACT_AT, _source(EXACT_AT.date(), False)),
        "approximate": article("omtrentlig", "Kvarantenehotell: omtrentlig", APPROXIMATE_AT,
                               _source(APPROXIMATE_SOURCE, True)),
        "undated": article("udatert", "Kvarantenehotell: udatert", UNDATED_AT, _source(None, True)),
    }


def _forbidden(*days):
    """Every way a page could state these days exactly."""
    return [form for day in days for form in (day.strftime("%d.%m.%Y"), day.isoformat())]


def _assert_honest(html):
    shown = [date for date in _forbidden(APPROXIMATE_SOURCE, APPROXIMATE_AT.date(), UNDATED_AT.date()) if date in html]
    assert not shown, f"Exact dates shown for versions whose source gives none: {shown}"


def test_the_version_method_gives_publication_source_month_or_nothing(articles):
    exact, approximate, undated = (articles[key].versions.get() for key in ("exact", "approximate", "undated"))
    assert exact.reader_date() == (EXACT_AT, False)
    assert approximate.reader_date() == (APPROXIMATE_SOURCE, True)
    assert undated.reader_date() == (None, True)
    first = datetime.datetime(2020, 1, 2, 9, 0, tzinfo=OSLO)
    assert exact.reader_date(first) == (first, False)
    assert approximate.reader_date(first) == (APPROXIMATE_SOURCE, True)


def test_the_changelog_heads_each_group_with_its_honest_date(client, articles):
    html = client.get(reverse("guidance:changelog")).content.decode()
    _assert_honest(html)
    assert '<time datetime="2021-01-21">21.01.2021</time></h2>' in html
    assert '<time datetime="2021-01-21T12:00:00+0100">kl. 12:00</time>' in html
    assert f">{CA_DECEMBER}</h2>" in html
    assert ">Uten dato i kilden</h2>" in html
    assert html.index("21.01.2021") < html.index(CA_DECEMBER) < html.index("Uten dato i kilden")
    assert html.count('id="dag-') == len(set(part.split('"')[0] for part in html.split('id="dag-')[1:])) == 3


def test_the_changelog_keeps_two_approximate_versions_of_one_month_under_one_heading(client, articles):
    make_article(slug="omtrentlig-2", issuer=articles["exact"].issuer, versions=[{
        "title": "Kvarantenehotell: også desember", "publish_at": APPROXIMATE_AT - datetime.timedelta(hours=1),
        **_source(datetime.date(2020, 12, 2), True)}])
    html = client.get(reverse("guidance:changelog")).content.decode()
    assert html.count(CA_DECEMBER) == 1 and "02.12.2020" not in html and "2020-12-02" not in html


def test_the_front_page_gives_each_change_its_honest_date(client, articles):
    html = client.get("/").content.decode()
    _assert_honest(html)
    assert '<p class="kp-meta"><time datetime="2021-01-21T12:00:00+0100">21.01.2021</time> · Ny · ' in html
    assert f'<p class="kp-meta">{CA_DECEMBER} · Ny · ' in html
    assert '<p class="kp-meta">Ny · Helsedirektoratet</p>' in html  # the undated one


def test_the_front_page_news_give_their_honest_date(client, articles):
    make_article(slug="nyhet-omtrentlig", kind="nyhet", versions=[{
        "title": "Nyhet om kvarantenehotell", "publish_at": APPROXIMATE_AT, **_source(APPROXIMATE_SOURCE, True)}])
    make_article(slug="nyhet-eksakt", kind="nyhet", versions=[{
        "title": "Eksakt nyhet", "publish_at": EXACT_AT, **_source(EXACT_AT.date(), False)}])
    html = client.get("/").content.decode()
    news = html[html.index('id="siste-nyheter"'):]
    _assert_honest(news)
    assert f'<p class="kp-meta">{CA_DECEMBER} · ' in news
    assert '<time datetime="2021-01-21T12:00:00+0100">21.01.2021</time>' in news


def test_search_results_give_their_honest_date(client, articles):
    html = client.get(reverse("search"), {"q": "kvarantenehotell"}).content.decode()
    assert "3 treff" in html
    _assert_honest(html)
    assert '· <time datetime="2021-01-21T12:00:00+0100">21.01.2021</time>' in html
    assert f"· {CA_DECEMBER}</p>" in html


def test_a_measure_in_search_gives_its_source_month(client):
    make_measure(title="Kvarantenehotell-bemanning", published_at=APPROXIMATE_AT, **_source(APPROXIMATE_SOURCE, True))
    html = client.get(reverse("search"), {"q": "kvarantenehotell-bemanning"}).content.decode()
    _assert_honest(html)
    assert f"· {CA_DECEMBER}</p>" in html


@pytest.mark.parametrize("key,expected", [
    ("exact", '<time datetime="2021-01-21T12:00:00+0100">21.01.2021 12:00</time>'),
    ("approximate", CA_DECEMBER),
    ("undated", ">Kilden er ikke datert</td>"),
])
def test_an_article_history_gives_each_version_its_honest_date(client, articles, key, expected):
    html = client.get(reverse("guidance:history", args=[articles[key].slug])).content.decode()
    _assert_honest(html)
    assert expected in html


def test_a_measure_history_gives_each_version_its_honest_date(client):
    measure = make_measure(published_at=APPROXIMATE_AT, **_source(APPROXIMATE_SOURCE, True))
    html = client.get(reverse("staffing:history", args=[measure.slug])).content.decode()
    _assert_honest(html)
    assert CA_DECEMBER in html
