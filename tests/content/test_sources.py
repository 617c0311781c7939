"""The demo content against its sources, the seeds in ../shared/seeds/.

Every published demo version names its source; no page shows an exact date for a version whose
source gives none (its source date is marked approximate); and every date the guidance states, in
its text or as its source's date, is a date a seed states.
"""

import datetime
import re
from urllib.parse import urlsplit

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from guidance import demo_content
from guidance.models import Article, ArticleVersion
from staffing.models import Measure, MeasureVersion

SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]
_MONTH = "|".join(MONTHS)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
WORDED_DATE = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTH})(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d{2})(?![\d-])")
# Outlook SafeLinks in seed 004 carry the time the recipient's mail system rewrote the link, in
# .NET ticks: the only trace of the undated letter's date.
SAFELINKS_TICKS = re.compile(r"%7C(6\d{17})%7C")

TEXT_FIELDS = ("title", "summary", "body", "editor_note", "note")


def dates_in(text):
    """(day, month, year) for every date in `text`; day or year is None where the text leaves it out."""
    found = {(int(d), int(m), int(y)) for d, m, y in NUMERIC_DATE.findall(text)}
    found |= {(int(d), MONTHS.index(m.lower()) + 1, int(y) if y else None) for d, m, y in WORDED_DATE.findall(text)}
    found |= {(None, MONTHS.index(m.lower()) + 1, int(y)) for m, y in MONTH_YEAR.findall(text)}
    return found


def _attested(found):
    """Every (day, month, year) a seed states, with each shortening a text may use of it."""
    full = set(found)
    for day, month, year in found:
        full |= {(None, month, year), (day, month, None)}
    return full


@pytest.fixture(scope="module")
def seed_dates():
    if not SEEDS.is_dir():
        pytest.skip(f"The seeds are not at {SEEDS}.")
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    found = dates_in(text)
    for ticks in SAFELINKS_TICKS.findall(text):
        day = (datetime.datetime(1, 1, 1) + datetime.timedelta(microseconds=int(ticks) // 10)).date()
        found.add((day.day, day.month, day.year))
    return _attested(found), set(YEAR.findall(text))


@pytest.fixture
def demo(db, published_demo):
    """The published demo content (tests/content/conftest.py), loaded once for the module."""


def _demo_versions():
    for item in demo_content.ARTICLES:
        for number, version in enumerate(item["versions"], start=1):
            yield f"{item['slug']} v{number}", version


# --- Sources ------------------------------------------------------------------------------------


@pytest.mark.parametrize("version_model", [ArticleVersion, MeasureVersion], ids=["veiledning", "bemanning"])
def test_every_published_demo_version_names_its_source(demo, version_model):
    versions = version_model.objects.published()
    assert versions.exists()
    unsourced = [str(version) for version in versions if not (version.source_title.strip() and version.source_issuer.strip())]
    assert not unsourced, f"Versions without a source: {unsourced}"


def test_a_guidance_version_without_a_source_date_is_marked_approximate_and_an_exact_one_is_its_date(demo):
    for version in ArticleVersion.objects.published().select_related("article"):
        if version.source_date is None:
            assert version.source_date_is_approximate, f"{version} has no source date but is not marked approximate"
        elif not version.source_date_is_approximate:
            # Pages show the publication date as the article's date: it must be the source's.
            assert timezone.localdate(version.publish_at) == version.source_date, str(version)


# --- No exact date where the source gives none ----------------------------------------------------


def _exact_dates(*moments):
    days = {timezone.localdate(moment) for moment in moments if moment}
    return {day.strftime("%d.%m.%Y") for day in days} | {day.isoformat() for day in days}


def _blocks(html, href):
    """The list item around each link to `href` (the whole page if there is none: a detail page)."""
    blocks = []
    for match in re.finditer(f'href="{re.escape(href)}"', html):
        start = html.rfind("<li", 0, match.start())
        blocks.append(html[max(start, 0):html.find("</li>", match.end())])
    return blocks


def _approximate_articles():
    return [article for article in Article.objects.live().select_related("live_version")
            if article.live_version.source_date_is_approximate]


def _pages(client, path):
    """Every page of a list, following its pagination links (`side=`) if it has them."""
    html, number = client.get(path).content.decode(), 1
    yield html
    while f"side={number + 1}" in html:
        number += 1
        html = client.get(f"{path}{'&' if '?' in path else '?'}side={number}").content.decode()
        yield html


def _shown_exact_dates(client, paths, articles):
    shown = []
    pages = [html for path in paths for html in _pages(client, path)]
    for article in articles:
        dates = _exact_dates(article.first_published_at, article.last_major_at, article.live_version.publish_at)
        for html in pages:
            for block in _blocks(html, article.get_absolute_url()):
                shown += [(article.slug, date) for date in dates if date in block]
    return shown


def test_an_article_page_shows_no_exact_date_when_its_source_date_is_approximate(demo, client):
    articles = _approximate_articles()
    assert {"prioriteringsnotatet", "studentlisens", "rundskriv-om-kommunale-smitteverntiltak"} <= {
        article.slug for article in articles}
    shown = []
    for article in articles:
        html = client.get(article.get_absolute_url()).content.decode()
        header_and_changes = html[html.index('id="artikkel-tittel"'):html.index("kp-prose")] + html[
            html.index("kp-article__changes"):]
        dates = _exact_dates(article.first_published_at, article.last_major_at, article.live_version.publish_at)
        shown += [(article.slug, date) for date in dates if date in header_and_changes]
        if article.live_version.source_date:
            assert "ca. " + article.live_version.source_date.strftime("%m.%Y") not in html
            assert article.live_version.source_date.isoformat()[:7] in html  # <time datetime="YYYY-MM">
    assert not shown


def test_guidance_lists_show_no_exact_date_for_an_approximate_source(demo, client):
    paths = ["/veiledning/", "/veiledning/nyheter/", "/veiledning/sporsmal-og-svar/"] + [
        f"/veiledning/tema/{slug}/" for slug in Article.objects.values_list("topics__slug", flat=True).distinct()
        if slug]
    assert not _shown_exact_dates(client, paths, _approximate_articles())


def _ca_month(day):
    """How a page gives an approximate source date: <time datetime="2021-03">ca. mars 2021</time>."""
    return f'<time datetime="{day:%Y-%m}">ca. {MONTHS[day.month - 1]} {day.year}</time>'


def test_a_measure_page_shows_no_exact_date_for_a_version_whose_source_date_is_approximate(demo, client):
    shown, unmarked = [], []
    for measure in Measure.objects.live().select_related("live_version"):
        versions = [version for version in measure.published_versions() if version.source_date_is_approximate]
        if versions:
            html = client.get(measure.get_absolute_url()).content.decode()
            shown += [(measure.slug, date) for version in versions for date in _exact_dates(version.publish_at)
                      if date in html]
            # Its history gives the source's month, as «ca.», labelled as the source's, not as the portal's.
            unmarked += [(measure.slug, version.number) for version in versions if version.source_date and
                         f"kildens dato {_ca_month(version.source_date)}" not in html]
    assert not shown and not unmarked


def _notice_and_facts(html, facts_end):
    """A version page's notice (its dates and what replaced it) and its «Publisert» fact: the page's own
    dates, without the text, the source and the validity, which give dates of their own."""
    notice = html[html.index("kp-version-notice"):]
    facts = html[html.index("<dt>Publisert</dt>"):]
    return notice[:notice.index("</div>")] + facts[:facts.index(facts_end) + len(facts_end)]


def test_an_article_version_page_shows_no_exact_date_for_an_approximate_source(demo, client):
    shown, checked = [], 0
    for article in _approximate_articles():
        for version in article.published_versions():
            if not version.source_date_is_approximate:
                continue
            html = client.get(reverse("guidance:version", args=[article.slug, version.number])).content.decode()
            dates = _notice_and_facts(html, "</dd>")
            shown += [(article.slug, version.number, date) for date in _exact_dates(version.publish_at) if date in dates]
            if version.source_date:
                assert f"ble publisert {_ca_month(version.source_date)}." in dates, article.slug
                assert f"<dd>{_ca_month(version.source_date)}</dd>" in dates, article.slug
            else:
                assert "kilden er ikke datert." in dates and "<dd>Kilden er ikke datert</dd>" in dates, article.slug
            checked += 1
    assert checked >= 3 and not shown


def test_a_measure_version_page_shows_no_exact_date_for_it_or_the_version_that_replaced_it(demo, client):
    shown, replaced = [], 0
    for measure in Measure.objects.live():
        versions = list(measure.published_versions())[::-1]
        for version, replacement in zip(versions, versions[1:] + [None]):
            if not version.source_date_is_approximate:
                continue
            html = client.get(reverse("staffing:version", args=[measure.slug, version.number])).content.decode()
            dates = _notice_and_facts(html, "<dt>Type endring</dt>")
            if version.source_date:
                assert f"ble publisert {_ca_month(version.source_date)}." in dates, measure.slug
            shown += [(measure.slug, version.number, date) for date in _exact_dates(version.publish_at) if date in dates]
            if replacement and replacement.source_date_is_approximate:
                assert f"Den gjaldt til {_ca_month(replacement.source_date)}, da en nyere versjon" in dates
                shown += [(measure.slug, version.number, date) for date in _exact_dates(replacement.publish_at)
                          if date in dates]
                replaced += 1
    assert replaced and not shown  # nasjonalt-helsepersonell: ca. mars 2021, replaced ca. desember 2021


def test_the_feed_gives_readers_no_exact_date_for_an_approximate_source(demo, client):
    """<updated> is when the portal published the version (Atom requires it); the title and summary,
    what a reader reads, give no more than the source does, and say that the timestamp's day is the
    portal's publication («Publisert i Kommuneportalen …», issue 24), never the source's date."""
    entries = {urlsplit(entry.link).path: entry
               for entry in feedparser.parse(client.get(reverse("guidance:feed")).content).entries}
    shown, checked = [], 0
    for article in _approximate_articles():
        entry = entries.get(article.get_absolute_url())  # its first version's entry, if among the newest
        if entry is None:
            continue
        version = article.versions.get(number=1)
        portal = f" Publisert i Kommuneportalen {timezone.localtime(version.publish_at):%d.%m.%Y}."
        assert entry.summary.endswith(portal), article.slug
        summary = entry.summary[:-len(portal)]
        shown += [(article.slug, date) for date in _exact_dates(version.publish_at) if date in entry.title + summary]
        day = version.source_date
        assert summary.endswith(f"Kildens dato: ca. {MONTHS[day.month - 1]} {day.year}." if day else
                                "Kilden er ikke datert."), article.slug
        assert datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC) == version.publish_at.replace(
            microsecond=0)
        checked += 1
    assert checked >= 3 and not shown


# Pages beside the guidance article and list templates that show a date for each version or article:
# they give the same honest date (`DocumentVersion.reader_date`, rendered by publishing_tags).
OTHER_PAGES = [
    pytest.param(["/veiledning/endringer/"], id="endringslogg"),
    pytest.param(["/"], id="forside"),
    pytest.param(["/sok/?q=kommunene"], id="sok"),
]


@pytest.mark.parametrize("paths", OTHER_PAGES)
def test_other_pages_show_no_exact_date_for_an_approximate_source(demo, client, paths):
    pages = [html for path in paths for html in _pages(client, path)]
    articles = _approximate_articles()
    # Each page lists some of them, or the test would prove nothing.
    assert all(any(_blocks(html, article.get_absolute_url()) for article in articles) for html in pages[:1])
    assert not _shown_exact_dates(client, paths, articles)


def test_history_pages_show_no_exact_date_for_an_approximate_source(demo, client):
    shown = []
    for article in _approximate_articles():
        html = client.get(f"{article.get_absolute_url()}historikk/").content.decode()
        assert 'id="versjon-1"' in html
        shown += [(article.slug, date) for date in _exact_dates(article.live_version.publish_at) if date in html]
    assert not shown


# --- Every date from a seed -----------------------------------------------------------------------


def test_every_date_in_the_guidance_demo_text_appears_in_a_seed(seed_dates):
    attested, years = seed_dates
    unsourced = []
    for name, version in _demo_versions():
        text = " ".join(version[field] for field in TEXT_FIELDS)
        unsourced += [(name, date) for date in dates_in(text) if date not in attested]
        unsourced += [(name, year) for year in YEAR.findall(text) if year not in years]
    assert not unsourced


def test_every_source_date_of_the_guidance_demo_appears_in_a_seed(seed_dates):
    attested, _years = seed_dates
    unsourced = []
    for name, version in _demo_versions():
        source = version["source"]
        if source["date"]:
            day = datetime.date.fromisoformat(source["date"])
            # An approximate date is shown as its month only, so only the month need be attested.
            wanted = (None, day.month, day.year) if source["approximate"] else (day.day, day.month, day.year)
            if wanted not in attested:
                unsourced.append((name, source["date"]))
    assert not unsourced


def test_the_date_check_finds_dates_in_every_form_the_seeds_use():
    assert dates_in("søknadsfrist 11.11.2020, oppdatert 17. desember 2020, Frist: 18.mars 2021, fra 1. juli") == {
        (11, 11, 2020), (17, 12, 2020), (None, 12, 2020), (18, 3, 2021), (None, 3, 2021), (1, 7, None)}
    assert YEAR.findall("i 2016, per mars 2021, IS-2442, 8,8 milliarder, 2020-12-17") == ["2016", "2021"]


# --- One fact, one place ----------------------------------------------------------------------


def test_the_pensioner_rule_until_july_2022_is_helsedirektoratets_not_ks(demo):
    ks_text = " ".join(f"{v.title} {v.summary} {v.body}" for v in ArticleVersion.objects.filter(article__issuer__slug="ks"))
    assert "juli 2022" not in ks_text
    for version in MeasureVersion.objects.published():
        if "juli 2022" in f"{version.title} {version.summary} {version.body} {version.conditions}":
            assert "Helsedirektoratet" in version.source_issuer + version.source_title, str(version)
