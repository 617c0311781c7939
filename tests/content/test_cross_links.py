"""One fact, one place (issue 12): where a guidance article and a staffing measure describe the same
scheme, their pages link to each other and agree.

The links are the editors' «Se også» lines on each version (`see_also`), kept apart from the source's
words. The facts are compared in what each page says outside those links, so a link's title can
never be the only place a date agrees.
"""

import datetime
import html as html_lib
import io
import re

import pytest
from django.db import transaction
from django.test import Client

from guidance import demo as guidance_demo
from guidance import demo_content
from guidance.models import Article
from staffing import demo as staffing_demo
from staffing.models import Measure
from tests.factories import make_publisher

# The pages are read once, in `site`; the mark makes pytest-django create the test database for it.
pytestmark = pytest.mark.django_db

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]


def month(number, year):
    """A date the pages give as its month only («ca. desember 2021», «fram til juli 2022»)."""
    return f"{MONTHS[number - 1]} {year}"


LETTER = "forbered-kommunen-pa-en-storre-smittebolge"
ASSIGNMENT = "svar-pa-oppdrag-262a-oversikt-over-virkemidler-og-kontaktpunkt"

# (guidance article, staffing measure, what both pages must state: dates and the scheme's key words).
PAIRS = [
    ("studentlisens", "studentlisens", ["godkjenning@helsedir.no", "siste studieår"]),
    ("forskrift-om-fastlegenes-plikt-til-a-delta-i-vaksinasjon", "fastlegers-plikt-til-vaksinasjon",
     ["forskrift om nasjonalt vaksinasjonsprogram", "KS og Legeforeningen"]),
    ("fastlegenes-arbeid-med-vaksinasjon-mot-covid-19", "fastlegers-plikt-til-vaksinasjon",
     ["mest sentrale bestemmelsene"]),
    ("pensjonister-kan-jobbe-uten-a-tape-pensjon", "pensjonister-fra-september-2022",
     [datetime.date(2022, 9, 10), "pensjonistlønn"]),
    ("pensjonister-kan-jobbe-uten-a-tape-pensjon", "pensjonister-til-juli-2022", ["fram til juli 2022"]),
    ("register-for-reservepersonell-innen-helse", "register-for-reservepersonell",
     [month(3, 2020), "10 000", "helsefaglige studenter"]),
    ("hjelp-til-tisk-arbeid-ved-akutt-bemanningsbehov", "nasjonalt-innsatspersonell-tisk",
     ["innsatspersonell", "akutt mangel på personell"]),
    (ASSIGNMENT, "register-for-reservepersonell", [month(3, 2021), "lavere enn forventet"]),
    (ASSIGNMENT, "nasjonalt-innsatspersonell-tisk", [month(3, 2021), "innsatspersonell"]),
    ("prioriteringsnotatet", "prioritering-av-ressurser", [(25, "mars"), "prioriteringsnotat"]),
    ("sporsmal-kan-andre-enn-helsepersonell-smittespore", "medhjelpere", ["medhjelpere"]),
    ("kommuner-rekrutterer-andre-enn-helsepersonell-til-smittesporing", "medhjelpere", ["medhjelpere"]),
    ("et-klart-loftebrudd-koronakostnader-forste-halvar", "staten-dekker-ekstrautgifter",
     [month(12, 2021), "Regjeringen har lovet at", "Et klart løftebrudd"]),
    ("kommunesektorens-koronautgifter-8-8-milliarder", "staten-dekker-ekstrautgifter",
     [month(12, 2021), "8,8 milliarder", "første halvår 2022"]),
    (LETTER, "helseberedskapsloven", [month(12, 2021), "mai–juni 2020"]),
    (LETTER, "sivilforsvaret-og-forsvaret", [month(12, 2021)]),
    (LETTER, "pensjonister-til-juli-2022", [month(12, 2021)]),
]
# Linked both ways, with no fact of the scheme stated on both pages: the answer to assignment 262a
# reports the phone service being set up, the measure gives its number and hours.
LINKED = [(ASSIGNMENT, "nasjonalt-helsepersonell")]
# Every measure whose source is Helsedirektoratet's letter links to the letter, and the letter to it.
LINKED += [(LETTER, spec["slug"]) for spec in staffing_demo.MEASURES
           if spec["versions"][-1]["content"]["source_title"] == staffing_demo.SEED_004.title]


class Site:
    """The demo's pages as an anonymous reader gets them, fetched once for the module."""

    def __init__(self):
        self.client = Client()
        self.article_urls = {article.slug: article.get_absolute_url() for article in Article.objects.live()}
        self.measure_urls = {measure.slug: measure.get_absolute_url() for measure in Measure.objects.live()}
        wanted = {self.article_urls[a] for a, _m in LINKED} | {self.measure_urls[m] for _a, m in LINKED}
        wanted |= {self.article_urls[a] for a, _m, _f in PAIRS} | {self.measure_urls[m] for _a, m, _f in PAIRS}
        self.pages = {path: self._get(path) for path in sorted(wanted)}
        versions = [document.live_version for model in (Article, Measure) for document in model.objects.live()]
        self.links = {path for version in versions for _title, path in version.see_also_links()}
        self.statuses = {path: self.client.get(path) for path in sorted(self.links)}
        pensioners = Article.objects.live().get(slug="pensjonister-kan-jobbe-uten-a-tape-pensjon").live_version
        self.ks_pensioner_words = pensioners.summary + pensioners.body

    def _get(self, path):
        response = self.client.get(path)
        assert response.status_code == 200, path
        return response.content.decode()

    def article(self, slug):
        return self.pages[self.article_urls[slug]]

    def measure(self, slug):
        return self.pages[self.measure_urls[slug]]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo loaded once (guidance's and staffing's parts of load_demo) and rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_publisher(username="redaktor")
        guidance_demo.load(io.StringIO())
        staffing_demo.load(io.StringIO())
        snapshot = Site()
        transaction.set_rollback(True)
    return snapshot


def _see_also(page):
    """The hrefs of the page's «Se også» block."""
    block = re.search(r'<nav class="kp-see-also".*?</nav>', page, flags=re.S)
    return re.findall(r'href="([^"]+)"', block.group(0)) if block else []


def _said(page):
    """What the page itself says, as text: its <main> without the «Se også» links."""
    main = page[page.index("<main"):page.index("</main>")]
    main = re.sub(r'<nav class="kp-see-also".*?</nav>', " ", main, flags=re.S)
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", main))
    return " ".join(text.split())


def _states(text, fact):
    if isinstance(fact, datetime.date):  # «10.09.2022» or «10. september 2022»
        return (fact.strftime("%d.%m.%Y") in text
                or f"{fact.day}. {MONTHS[fact.month - 1]} {fact.year}" in text)
    if isinstance(fact, tuple):  # a day the source gives without its year: «25. mars»
        day, name = fact
        return f"{day}. {name}" in text
    return fact.lower() in text.lower()


@pytest.mark.parametrize("article, measure", [(a, m) for a, m, _facts in PAIRS] + LINKED)
def test_an_article_and_a_measure_about_the_same_scheme_link_to_each_other(site, article, measure):
    assert site.measure_urls[measure] in _see_also(site.article(article)), f"{article} does not link to {measure}"
    assert site.article_urls[article] in _see_also(site.measure(measure)), f"{measure} does not link to {article}"


@pytest.mark.parametrize("article, measure, facts", PAIRS, ids=[f"{a}~{m}" for a, m, _f in PAIRS])
def test_an_article_and_a_measure_about_the_same_scheme_state_the_same_key_dates_and_facts(
        site, article, measure, facts):
    article_text, measure_text = _said(site.article(article)), _said(site.measure(measure))
    for fact in facts:
        assert _states(article_text, fact), f"{article} does not state {fact}"
        assert _states(measure_text, fact), f"{measure} does not state {fact}"


def test_the_pensioner_schemes_end_and_start_on_the_same_dates_everywhere(site):
    new = _said(site.measure("pensjonister-fra-september-2022"))
    old = _said(site.measure("pensjonister-til-juli-2022"))
    article = _said(site.article("pensjonister-kan-jobbe-uten-a-tape-pensjon"))
    assert "Fra 10.09.2022" in new and "Fra 10. september 2022" in article
    assert "til og med juni 2022" in old and "fram til juli 2022" in old and "fram til juli 2022" in article
    # KS's own words give only KS's scheme and date; the letter's end date is in the editors' note.
    assert "juli 2022" not in site.ks_pensioner_words


def test_every_see_also_link_in_the_demo_leads_to_a_page_that_answers(site):
    assert len(site.links) > 20
    broken = [path for path, response in site.statuses.items()
              if response.status_code != 200 and not _to_sign_in(response)]
    assert not broken


def _to_sign_in(response):
    """The worksheets («krever innlogging») send an anonymous reader to sign in."""
    return response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


def test_every_demo_see_also_line_is_a_local_link():
    lines = [line for item in demo_content.ARTICLES for version in item["versions"]
             for line in version["see_also"].splitlines()]
    lines += [line for spec in staffing_demo.MEASURES for version in spec["versions"]
              for line in version["content"]["see_also"].splitlines()]
    assert lines and all(re.fullmatch(r"\[[^\]]+\]\(/(veiledning|bemanning|prioritering)/[^)]*\)", line)
                         for line in lines)


def test_the_links_are_shown_after_the_source_and_marked_as_the_editors(site):
    page = site.measure("studentlisens")
    block = re.search(r'<nav class="kp-see-also".*?</nav>', page, flags=re.S).group(0)
    assert ">Se også</h2>" in block and "lagt til av Kommuneportalens redaksjon" in block
    assert page.index('class="kp-source"') < page.index('class="kp-see-also"')
