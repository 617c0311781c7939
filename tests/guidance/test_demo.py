import io
import re
from datetime import datetime

import markdown as markdown_lib
import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from guidance import demo as guidance_demo
from guidance.demo_content import prioritisation_note
from guidance.models import Article, ArticleKind, ArticleVersion, ExternalLink, Topic
from tests.once import built_once

pytestmark = pytest.mark.django_db

SEED_000_TITLES = [
    "Ofte stilte spørsmål",
    "Helsedirektoratet ber alle kommuner om å ta i bruk selvregisteringsløsning",
    "Barnehage- og skoleeier kan redusere åpningstid for å ivareta smittevernet",
    "Kommunelegene har fått nasjonalt kontaktregister",
    "Ny veileder for vaksinasjon av helsepersonell",
    "Smittevernutstyr til fastleger og fysioterapeuter",
    "Studentlisens",
    "Fastlegenes arbeid med vaksinasjon mot covid-19",
    "Kommunens ansvar for vaksinering av ikke-kommunalt ansatt helsepersonell",
    "Kommuner med akutt bemanningsbehov kan få hjelp til TISK-arbeid",
    "Forskrift om fastlegenes plikt til å delta i vaksinasjon",
    "Ny Fiks-tjeneste gjør det enklere å sende klinikermelding til FHI",
    "Nå kan kommunene hente innbyggerlister fra Fiks folkeregister",
    "Digitale løsninger i bekjempelsen av koronapandemien",
    "Koronavaksinasjon i kommunene",
    "Rundskriv om kommunale smitteverntiltak",
    "Retten til erstatning for covid-19 smitte",
    "Veiviser for lokal forskrift",
    "Fiks smittesporing",
    "Adgang til deling av informasjon mellom kommuneleger i arbeidet med smittesporing - Covid-19",
    "Register for reservepersonell innen helse",
    "Etikksatsingen i KS kan tilby hjelp i etisk vanskelige spørsmål",
    "Legevaktarbeid under koronautbruddet",
    "Samfunnets kritiske funksjoner",
    "Pensjonister kan jobbe med TISK-tiltak og vaksinering som følge av koronapandemien uten å tape pensjon",
    "Tilby alle innbyggere koronavaksine til rett tid med Fiks vaksine",
    "Anslår kommunesektorens koronautgifter til 8,8 milliarder",
    "Korona er ikke er over",
    "Høringssvar om endringer i kompetanseforskriften og trygderefusjonsforskriften",
    "Et klart løftebrudd – høyst usikkert om koronakostnader i første halvår vil bli dekket",
]


def _load_demo():
    # Only guidance's part of load_demo (the whole command is covered in tests/portal/test_load_demo.py).
    get_user_model().objects.create(username="redaktor", is_staff=True, is_superuser=True)
    guidance_demo.load(io.StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module; what a test changes is rolled back after it (tests/once.py)."""
    yield from built_once(django_db_blocker, _load_demo)


def _oslo(text):
    return timezone.make_aware(datetime.strptime(text, "%Y-%m-%d %H:%M"))


def _live_titles():
    return {article.live_version.title for article in Article.objects.live()}


def test_every_guidance_item_of_seed_000_is_live(demo):
    missing = set(SEED_000_TITLES) - _live_titles()
    assert not missing


def test_topics_and_external_links_come_from_seed_000(demo):
    assert set(Topic.objects.values_list("slug", flat=True)) == {
        "vaksinering", "smittesporing", "nav-og-sosiale-tjenester", "fastleger", "beredskap", "smittevern",
        "legevakt", "folkehelse", "eldreomsorg"}
    links = {link.title: link for link in ExternalLink.objects.select_related("issuer")}
    assert len(links) == 5
    assert links["Koronavirus - barnevern og familievern"].issuer.name == "Bufdir"
    assert links["Koronavirus - informasjon fra NAV"].issuer.name == "Arbeids- og velferdsdirektoratet (NAV)"


def test_news_of_seed_001_carry_their_dates_and_issuer(demo):
    news = Article.objects.live().of_kind(ArticleKind.NEWS).select_related("issuer")
    assert news.count() == 28  # 30 dated items in seed 001, two of them republished (one article each)
    assert {article.issuer.name for article in news} == {"Statsforvalteren i Innlandet"}
    by_slug = {article.slug: article for article in news}
    assert timezone.localdate(by_slug["varsling-av-utbrudd-av-covid-19"].first_published_at).isoformat() == "2020-10-08"
    assert timezone.localdate(by_slug["vil-forsterke-samarbeidet-over-svenskegrensen"].first_published_at).isoformat() == "2020-07-30"


def test_seed_000_items_are_issued_by_ks_with_the_page_as_source(demo):
    ks_items = Article.objects.live().filter(live_version__title__in=SEED_000_TITLES).select_related("issuer")
    assert ks_items.count() == len(SEED_000_TITLES)
    assert {article.issuer.slug for article in ks_items} == {"ks"}
    assert {(article.live_version.source_title, article.live_version.source_issuer) for article in ks_items} == {
        ("Koronaviruset: Helse og velferd", "KS")}


def test_only_the_dates_seed_000_gives_are_exact(demo):
    versions = {version.article.slug: version for version in
                ArticleVersion.objects.filter(article__issuer__slug="ks").select_related("article")}
    exact = {slug: version.source_date for slug, version in versions.items() if not version.source_date_is_approximate}
    assert exact == {
        "ofte-stilte-sporsmal-kommunen-som-arbeidsgiver": datetime(2022, 3, 16).date(),
        "legevaktarbeid-under-koronautbruddet": datetime(2020, 5, 5).date(),
        "samfunnets-kritiske-funksjoner": datetime(2020, 4, 20).date(),
    }
    # The circular's item is dated only through its text ("oppdatert 17. desember 2020").
    assert versions["rundskriv-om-kommunale-smitteverntiltak"].source_date == datetime(2020, 12, 17).date()
    assert versions["rundskriv-om-kommunale-smitteverntiltak"].source_date_is_approximate
    undated = {slug for slug, version in versions.items() if version.source_date is None}
    assert {"studentlisens", "forskrift-om-fastlegenes-plikt-til-a-delta-i-vaksinasjon",
            "pensjonister-kan-jobbe-uten-a-tape-pensjon"} <= undated


def test_every_seed_000_item_is_one_version_because_the_page_shows_no_earlier_text(demo):
    counts = Article.objects.filter(issuer__slug="ks").annotate(n=Count("versions")).values_list("n", flat=True)
    assert set(counts) == {1}


def test_legevakt_is_the_version_ks_updated_05_05_2020(demo):
    article = Article.objects.with_live_version().get(slug="legevaktarbeid-under-koronautbruddet")
    assert article.versions.count() == 1
    assert timezone.localdate(article.last_major_at).isoformat() == "2020-05-05"
    assert "i samråd med de ansatte" in article.live_version.summary


def test_samfunnets_kritiske_funksjoner_was_updated_20_04_2020_at_16_15(demo):
    article = Article.objects.with_live_version().get(slug="samfunnets-kritiske-funksjoner")
    assert article.last_major_at == _oslo("2020-04-20 16:15")


def test_pensioner_article_says_only_what_ks_says_and_leaves_the_letter_to_the_editors_note(demo):
    article = Article.objects.with_live_version().select_related("issuer").get(
        slug="pensjonister-kan-jobbe-uten-a-tape-pensjon")
    version = article.live_version
    assert article.issuer.slug == "ks" and article.versions.count() == 1
    assert "Fra 10. september 2022" in version.summary
    assert "juli 2022" not in version.summary + version.body
    assert "fram til juli 2022" in version.editor_note and "Helsedirektoratets brev" in version.editor_note


def test_student_licence_and_gp_regulation_show_no_date_the_seed_does_not_give(demo, client):
    for slug in ["studentlisens", "forskrift-om-fastlegenes-plikt-til-a-delta-i-vaksinasjon"]:
        article = Article.objects.select_related("issuer").get(slug=slug)
        html = client.get(article.get_absolute_url()).content.decode()
        assert article.issuer.slug == "ks"
        assert "Ikke oppgitt i kilden" in html and "Publisert i Kommuneportalen" not in html
        assert f"{timezone.localtime(article.first_published_at):%d.%m.%Y}" not in html


def test_news_published_twice_in_seed_001_have_two_versions_that_differ_only_in_the_source_date(demo, client):
    for slug, first, again in [("kjoper-verktoy-til-smittesporing", "2020-08-24", "2020-09-10"),
                               ("hjelp-til-innkjop-av-smittevernutstyr", "2020-08-26", "2020-09-10")]:
        old, new = Article.objects.get(slug=slug).published_versions().order_by("number")
        assert (old.source_date.isoformat(), new.source_date.isoformat()) == (first, again)
        assert (old.title, old.summary, old.body) == (new.title, new.summary, new.body)
        assert timezone.localdate(new.publish_at).isoformat() == again
    html = client.get(reverse("guidance:history", args=["kjoper-verktoy-til-smittesporing"]) + "?fra=1&til=2")
    assert html.status_code == 200
    assert "<ins>" in html.content.decode() and "10.09.2020" in html.content.decode()


def test_no_version_invented_by_the_old_demo_survives(demo):
    bodies = " ".join(ArticleVersion.objects.values_list("body", flat=True))
    for invented in ["Legevaktene har en sentral rolle", "beskriver hva kommunene må vurdere",
                     "Se også: Fylkesmannen setter av", "Rettet skrivefeilen"]:
        assert invented not in bodies
    assert not ArticleVersion.objects.filter(change_type="minor").exists()


def test_prioritisation_note_is_a_public_guidance_document_in_chapters(demo, client):
    article = Article.objects.with_live_version().select_related("issuer").get(slug=prioritisation_note.SLUG)
    html = client.get(reverse("guidance:article", args=[prioritisation_note.SLUG])).content.decode()
    assert article.issuer.slug == "helsedirektoratet" and article.kind == ArticleKind.GUIDANCE
    for heading in prioritisation_note.CHAPTERS.values():
        assert f">{heading}</h" in html, heading
    for fact in ["uavhengig av diagnoser", "ikke er tydelige overganger mellom fasene", "§ 7-2", "§ 23", "§ 35",
                 "private virksomheter med avtale om drift av", "uten avtale med kommunen, omfattes ikke",
                 "Klinisk etisk komite", "oppskalering av tjenestetilbudet", "RHF/HF og kommuner",
                 "beredskapsplan for sin helse- og omsorgstjeneste", "bostedsløse",
                 "Et tiltaks prioritet øker desto mindre ressurser det legger beslag på."]:
        assert fact.lower() in html.lower(), fact
    assert "skalaer fra 1 til 3" in html and "ikke Helsedirektoratets metode" in html
    assert "Redaksjonens merknad" in html


def test_prioritisation_note_declares_an_anchor_on_every_chapter_and_its_contents_link_to_them(demo):
    # Rendered without the sanitiser, which today drops heading ids (see publishing/markdown.py).
    body = Article.objects.with_live_version().get(slug=prioritisation_note.SLUG).live_version.body
    rendered = markdown_lib.markdown(body, extensions=["extra"])
    ids = set(re.findall(r'<h[234] id="([^"]+)"', rendered))
    assert ids == set(prioritisation_note.CHAPTERS)
    links = set(re.findall(r'href="#([^"]+)"', rendered))
    assert links and links <= ids
    assert "{#" not in rendered


def test_prioritisation_note_chapters_can_be_linked_on_the_page(demo, client):
    html = client.get(reverse("guidance:article", args=[prioritisation_note.SLUG])).content.decode()
    for anchor in prioritisation_note.CHAPTERS:
        assert f'id="{anchor}"' in html, anchor


def test_prioritisation_note_is_found_by_the_site_search(demo, client):
    html = client.get(reverse("search") + "?q=omgjøring av tildelingsvedtak").content.decode()
    assert f'href="{reverse("guidance:article", args=[prioritisation_note.SLUG])}"' in html


def test_omicron_checklist_and_the_demand_finding_carry_their_sources(demo, client):
    checklist = Article.objects.with_live_version().get(slug="forbered-kommunen-pa-en-storre-smittebolge")
    version = checklist.live_version
    assert version.source_issuer == "Helsedirektoratet" and version.source_title.startswith("Økt smitte")
    assert version.source_date_is_approximate and version.source_date.strftime("%Y-%m") == "2021-12"
    assert len(re.findall(r"^\d\. \*\*", version.body, flags=re.M)) == 5
    html = client.get(checklist.get_absolute_url()).content.decode()
    assert "ca. desember 2021" in html and "10.12.2021" not in html
    finding = Article.objects.with_live_version().get(
        slug="svar-pa-oppdrag-262a-oversikt-over-virkemidler-og-kontaktpunkt").live_version
    assert "lavere enn forventet" in finding.summary + finding.body
    assert finding.source_title.startswith("Svar på Covid-19-oppdrag fra HOD 262a")


def test_demo_bodies_are_real_text_authored_by_the_demo_publisher(demo):
    versions = ArticleVersion.objects.select_related("author", "approved_by")
    assert all(version.body.strip() and "lorem" not in version.body.lower() for version in versions)
    assert {version.author.username for version in versions} == {"redaktor"}
    assert {version.approved_by.username for version in versions} == {"redaktor"}


def test_demo_pages_render(demo, client):
    for url in [reverse("guidance:list"), reverse("guidance:changelog"), reverse("guidance:faq"),
                reverse("guidance:news"), reverse("guidance:links"), reverse("guidance:feed"),
                reverse("guidance:history", args=["kjoper-verktoy-til-smittesporing"]) + "?fra=1&til=2",
                reverse("guidance:article", args=[prioritisation_note.SLUG]),
                reverse("search") + "?q=smittesporing", "/"]:
        assert client.get(url).status_code == 200, url


def test_loading_the_demo_twice_adds_nothing(demo):
    counts = (Article.objects.count(), ArticleVersion.objects.count(), Topic.objects.count(), ExternalLink.objects.count())
    guidance_demo.load(io.StringIO())
    assert (Article.objects.count(), ArticleVersion.objects.count(), Topic.objects.count(),
            ExternalLink.objects.count()) == counts


def test_an_article_from_an_older_demo_is_left_as_it_is(demo):
    article = Article.objects.get(slug="studentlisens")
    article.delete()
    old = Article.objects.create(slug="studentlisens", kind=ArticleKind.GUIDANCE, issuer=Article.objects.first().issuer)
    ArticleVersion.objects.create(article=old, number=1, title="Studentlisens", summary="Gammel tekst.",
                                  change_note="Ny artikkel.", author=get_user_model().objects.get(),
                                  publish_at=timezone.now())
    old.refresh_live_state()
    out = io.StringIO()
    guidance_demo.load(out)
    assert list(old.versions.values_list("summary", flat=True)) == ["Gammel tekst."]
    assert "1 artikler fra en eldre demo mangler kilde" in out.getvalue()


def test_ks_items_on_a_staffing_scheme_link_to_its_measure_and_keep_other_sources_in_the_editors_note(demo):
    register = Article.objects.with_live_version().get(slug="register-for-reservepersonell-innen-helse").live_version
    assert "mars 2020" in register.editor_note and "oppdrag 262a" in register.editor_note
    assert "mars 2020" not in register.summary + register.body
    linked = {path for _title, path in register.see_also_links()}
    assert linked == {"/bemanning/register-for-reservepersonell/"}
    costs = Article.objects.with_live_version().get(slug="et-klart-loftebrudd-koronakostnader-forste-halvar").live_version
    assert "«Regjeringen har lovet at ekstrautgifter dekkes.»" in costs.editor_note
    assert "/bemanning/staten-dekker-ekstrautgifter/" in {path for _title, path in costs.see_also_links()}
