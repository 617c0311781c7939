import io
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from guidance import demo as guidance_demo
from guidance.models import Article, ArticleKind, ArticleVersion, ExternalLink, Topic

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


@pytest.fixture
def demo():
    # Only guidance's part of load_demo (the whole command is covered in tests/portal/test_load_demo.py).
    get_user_model().objects.create(username="redaktor", is_staff=True, is_superuser=True)
    guidance_demo.load(io.StringIO())


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


def test_legevakt_has_a_true_history_with_a_major_update_on_05_05_2020_and_a_minor_fix(demo):
    article = Article.objects.with_live_version().get(slug="legevaktarbeid-under-koronautbruddet")
    versions = list(article.published_versions().order_by("number"))
    assert [version.change_type for version in versions] == ["major", "major", "minor"]
    assert timezone.localdate(article.last_major_at).isoformat() == "2020-05-05"
    assert "i samråd med de ansatte" in article.live_version.summary


def test_samfunnets_kritiske_funksjoner_was_updated_20_04_2020_at_16_15(demo):
    article = Article.objects.with_live_version().get(slug="samfunnets-kritiske-funksjoner")
    assert article.last_major_at == _oslo("2020-04-20 16:15")


def test_pensioner_scheme_ending_july_2022_is_replaced_by_the_one_from_10_september_2022(demo):
    article = Article.objects.get(slug="pensjonister-kan-jobbe-uten-a-tape-pensjon")
    old, new = article.published_versions().order_by("number")
    assert "fram til juli 2022" in old.summary
    assert "Fra 10. september 2022" in new.summary and new.publish_at == _oslo("2022-09-10 08:00")
    assert article.version_live_at(_oslo("2022-08-01 12:00")) == old
    assert Article.objects.live().get(pk=article.pk).live_version == new


def test_demo_bodies_are_real_text_authored_by_the_demo_publisher(demo):
    versions = ArticleVersion.objects.select_related("author", "approved_by")
    assert all(version.body.strip() and "lorem" not in version.body.lower() for version in versions)
    assert {version.author.username for version in versions} == {"redaktor"}
    assert {version.approved_by.username for version in versions} == {"redaktor"}


def test_demo_pages_render(demo, client):
    for url in [reverse("guidance:list"), reverse("guidance:changelog"), reverse("guidance:faq"),
                reverse("guidance:news"), reverse("guidance:links"), reverse("guidance:feed"),
                reverse("guidance:history", args=["legevaktarbeid-under-koronautbruddet"]) + "?fra=1&til=3",
                reverse("search") + "?q=smittesporing", "/"]:
        assert client.get(url).status_code == 200, url


def test_loading_the_demo_twice_adds_nothing(demo):
    counts = (Article.objects.count(), ArticleVersion.objects.count(), Topic.objects.count(), ExternalLink.objects.count())
    guidance_demo.load(io.StringIO())
    assert (Article.objects.count(), ArticleVersion.objects.count(), Topic.objects.count(),
            ExternalLink.objects.count()) == counts
