"""Honest dates (issues 12 and 24) on the pages that show versions: the changelog, the front page, the site
search, the news list, the version histories, a version's own page, a measure's page and the feeds. Lists
give a version the date its source gives: the day when it is exact, «ca. desember 2020» when the source gives
only the month, and none when it gives none; never a time of day, and never the portal's publication unless
labelled as the portal's. Nowhere, headings included, is an exact day shown for either of the latter."""

import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.urls import reverse

from publishing.services import version_publish
from tests.factories import add_version, make_article, make_issuer, make_measure, make_publisher

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
    assert "kl. 12:00" not in html and "T12:00" not in html  # issue 24: no time of day the source does not give
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
    assert '<p class="kp-meta"><time datetime="2021-01-21">21.01.2021</time> · Ny · Veiledning · ' in html
    assert f'<p class="kp-meta">{CA_DECEMBER} · Ny · ' in html
    assert '<p class="kp-meta">Ny · Veiledning · Helsedirektoratet</p>' in html  # the undated one


def test_the_front_page_news_give_their_honest_date(client, articles):
    make_article(slug="nyhet-omtrentlig", kind="nyhet", versions=[{
        "title": "Nyhet om kvarantenehotell", "publish_at": APPROXIMATE_AT, **_source(APPROXIMATE_SOURCE, True)}])
    make_article(slug="nyhet-eksakt", kind="nyhet", versions=[{
        "title": "Eksakt nyhet", "publish_at": EXACT_AT, **_source(EXACT_AT.date(), False)}])
    html = client.get("/").content.decode()
    news = html[html.index('id="siste-nyheter"'):]
    _assert_honest(news)
    assert f'<p class="kp-meta">{CA_DECEMBER} · ' in news
    assert '<time datetime="2021-01-21">21.01.2021</time>' in news


def test_search_results_give_their_honest_date(client, articles):
    html = client.get(reverse("search"), {"q": "kvarantenehotell"}).content.decode()
    assert "3 treff" in html
    _assert_honest(html)
    assert '· <time datetime="2021-01-21">21.01.2021</time>' in html
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


def test_the_news_list_gives_each_news_item_its_honest_date(client, articles):
    for slug, at, source in [("nyhet-eksakt", EXACT_AT, _source(EXACT_AT.date(), False)),
                             ("nyhet-omtrentlig", APPROXIMATE_AT, _source(APPROXIMATE_SOURCE, True)),
                             ("nyhet-udatert", UNDATED_AT, _source(None, True))]:
        make_article(slug=slug, kind="nyhet", issuer=articles["exact"].issuer,
                     versions=[{"title": f"Nyhet {slug}", "publish_at": at, **source}])
    html = client.get(reverse("guidance:news")).content.decode()
    _assert_honest(html)
    assert '<p class="kp-meta"><time datetime="2021-01-21">21.01.2021</time> · Helsedirektoratet</p>' in html
    assert f'<p class="kp-meta">{CA_DECEMBER} · Helsedirektoratet</p>' in html
    assert '<p class="kp-meta">Helsedirektoratet</p>' in html  # the undated one


def _versions_page(client, slug, number):
    html = client.get(reverse("guidance:version", args=[slug, number])).content.decode()
    return html[html.index('id="artikkel-tittel"'):html.index("kp-prose")]  # the notice and the facts


def test_an_article_version_gives_its_own_and_its_replacements_honest_date(client):
    """As a measure's version page does (tests/staffing/test_measure_versions.py)."""
    make_article(slug="kvarantene", versions=[
        {"publish_at": APPROXIMATE_AT, **_source(APPROXIMATE_SOURCE, True)},
        {"publish_at": EXACT_AT, **_source(EXACT_AT.date(), False)},
        {"publish_at": EXACT_AT + datetime.timedelta(days=40), **_source(None, True)},
    ])
    first = _versions_page(client, "kvarantene", 1)
    _assert_honest(first)
    assert f"Versjon 1 ble publisert {CA_DECEMBER}." in first
    assert 'Den gjaldt til <time datetime="2021-01-21T12:00:00+0100">21.01.2021 12:00</time>' in first
    assert f"<dt>Publisert</dt><dd>{CA_DECEMBER}</dd>" in first
    second = _versions_page(client, "kvarantene", 2)
    assert 'Versjon 2 ble publisert <time datetime="2021-01-21T12:00:00+0100">21.01.2021 12:00</time>.' in second
    assert "En nyere versjon har senere erstattet den." in second and "gjaldt til" not in second
    assert "02.03.2021" not in second and "2021-03-02" not in second  # the undated replacement's publication
    third = _versions_page(client, "kvarantene", 3)
    assert "Versjon 3 har ingen dato: kilden er ikke datert." in third
    assert "<dt>Publisert</dt><dd>Kilden er ikke datert</dd>" in third and "02.03.2021" not in third


def test_a_measure_page_gives_each_version_in_its_history_its_honest_date(client):
    publisher = make_publisher()
    measure = make_measure(slug="kvarantene", publisher=publisher, published_at=APPROXIMATE_AT,
                           **_source(APPROXIMATE_SOURCE, True))
    for at, source in [(EXACT_AT, _source(EXACT_AT.date(), False)), (EXACT_AT + datetime.timedelta(days=40),
                                                                      _source(None, True))]:
        version_publish(version=add_version(measure, publisher, **source), user=publisher, publish_at=at)
    html = client.get(measure.get_absolute_url()).content.decode()
    history = html[html.index('id="historikk"'):]
    history = history[:history.index("</ol>")]
    _assert_honest(history)
    assert f"<strong>Versjon 1</strong>, kildens dato {CA_DECEMBER}:" in history
    assert '<strong>Versjon 2</strong>, kildens dato <time datetime="2021-01-21">21.01.2021</time>' in history
    assert "<strong>Versjon 3</strong>, kilden er ikke datert:" in history and "02.03.2021" not in history


def test_a_feed_entry_says_no_more_exactly_than_its_source_when_the_source_was_dated(client, articles):
    """Atom requires <updated>: it keeps when the portal published the version (a machine field). What a
    reader reads, the title and the summary, gives the source's date no more exactly than the source, and
    labels the timestamp's day as the portal's (issue 24)."""
    feed = feedparser.parse(client.get(reverse("guidance:feed")).content)
    entries = {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry for entry in feed.entries}
    for entry in entries.values():
        _assert_honest(entry.title + entry.summary.split(" Publisert i Kommuneportalen")[0])
    assert entries["eksakt"].summary == ("Endring 1.\n\nKildens dato: 21.01.2021. "
                                         "Publisert i Kommuneportalen 21.01.2021.")
    assert entries["omtrentlig"].summary == ("Endring 1.\n\nKildens dato: ca. desember 2020. "
                                             "Publisert i Kommuneportalen 18.12.2020.")
    assert entries["udatert"].summary == "Endring 1.\n\nKilden er ikke datert. Publisert i Kommuneportalen 05.11.2020."
    updated = {slug: datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC) for slug, entry in entries.items()}
    assert updated == {"eksakt": EXACT_AT, "omtrentlig": APPROXIMATE_AT, "udatert": UNDATED_AT}


def test_the_questions_and_answers_say_when_updated_no_more_exactly_than_the_source(client):
    publisher, issuer = make_publisher(), make_issuer("KS", "ks")
    for slug, at, source in [("svar-eksakt", EXACT_AT, _source(EXACT_AT.date(), False)),
                             ("svar-omtrentlig", APPROXIMATE_AT, _source(APPROXIMATE_SOURCE, True)),
                             ("svar-udatert", UNDATED_AT, _source(None, True))]:
        make_article(slug=slug, author=publisher, issuer=issuer, kind="sporsmal-og-svar", versions=[
            {"title": f"Spørsmål {slug}", "summary": "Svar.", "publish_at": at, **source}])
    html = client.get(reverse("guidance:faq")).content.decode()
    _assert_honest(html)
    assert "21.01.2021" in html and CA_DECEMBER in html
    assert html.count("Kildens dato") == 2  # the undated answer says nothing it cannot back


def test_a_time_in_the_hour_repeated_when_summer_time_ends_keeps_its_offset(client):
    """02:30 comes twice on 26 October 2025 in Oslo; the machine-readable time must say which one."""
    second_half_past_two = datetime.datetime(2025, 10, 26, 1, 30, tzinfo=datetime.timezone.utc)
    make_article(slug="vintertid", title="Vintertid", published_at=second_half_past_two)
    html = client.get(reverse("guidance:article", args=["vintertid"])).content.decode()
    assert '<time datetime="2025-10-26T02:30:00+0100">26.10.2025</time>' in html
