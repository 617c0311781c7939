"""The staffing demo carries the seeds' facts, their sources and honest dates, and nothing the seeds don't say."""

import datetime
import io
import re

import pytest
from django.utils import timezone

from publishing.services import version_create, version_publish
from staffing import demo as staffing_demo
from staffing.models import Category, ContactPoint, Measure, MeasureVersion
from tests.factories import make_publisher
from tests.once import built_once

pytestmark = pytest.mark.django_db

NAMED_IN_THE_SEEDS = {
    "helseberedskapsloven", "samhandling-regionalt", "sivilforsvaret-og-forsvaret", "prioritering-av-ressurser",
    "nabokommuner", "register-for-reservepersonell", "nasjonalt-innsatspersonell-tisk", "nasjonalt-helsepersonell",
    "pensjonister-til-juli-2022", "pensjonister-fra-september-2022", "helsefagstudenter-via-statsforvalteren",
    "studentlisens", "medhjelpere", "bedriftshelse-tannhelse-private", "administrativ-stotte", "nav-og-frivillige",
    "ekstra-lege-i-fastlegepraksis", "fastlegers-plikt-til-vaksinasjon", "apotek-vaksinerer",
    "staten-dekker-ekstrautgifter", "informasjon-om-regler", "juridisk-vakttelefon",
}

# Facts an earlier demo stated that no seed gives (issue 12), as they would appear in a version's text.
INVENTED = [
    r"lønner personellet selv", r"ansetter .* selv", r"§ 49", r"HELFO", r"beredskapslinje", r"regnskap",
    r"Staten ved", r"KS og staten", r"opplæring og oppfølging på stedet", r"hvilke vaksinasjonsdager",
    r"veiledning og oppfølging fra kommunens",
]
MONTHS = {3: "mars", 12: "desember"}
TEXT_FIELDS = ("title", "summary", "body", "provider", "how_to_request", "contact_name", "conditions", "legal_basis",
               "capacity")


def _load_demo():
    make_publisher(username="redaktor")
    staffing_demo.load(io.StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The staffing demo (as tests/staffing/conftest.py's), loaded once for the module; what a test changes is
    rolled back after it (tests/once.py). Loading it into an older demo's database: test_demo_upgrade.py."""
    yield from built_once(django_db_blocker, _load_demo)


def all_demo_versions():
    return MeasureVersion.objects.select_related("measure").order_by("measure__slug", "number")


def test_the_demo_has_every_measure_of_the_seeds_published_in_all_five_categories(demo):
    measures = Measure.objects.live()
    assert set(measures.values_list("slug", flat=True)) == NAMED_IN_THE_SEEDS
    assert set(measures.values_list("category", flat=True)) == set(Category.values)


def test_every_demo_version_names_its_source_document_and_issuer(demo):
    for version in all_demo_versions():
        assert version.source_title and version.source_issuer in {"Helsedirektoratet", "KS"}, version
        assert not version.source_url, "none of the seeds gives its own address"


def test_every_demo_version_spells_out_every_content_field():
    for spec in staffing_demo.MEASURES:
        for version in spec["versions"]:
            assert set(version["content"]) == set(MeasureVersion.content_fields), spec["slug"]


def test_the_seed_dates_are_the_months_the_seeds_give_and_no_more(demo):
    by_source = {version.source_title: version for version in all_demo_versions()}
    march = by_source["Svar på Covid-19-oppdrag fra HOD 262a - Innsatsteam til sykehjem og hjemmetjenester ved "
                      "smitteutbrudd"]
    december = by_source["Økt smitte, kapasitetsutfordringer og eventuelt behov for bruk av fullmakter i "
                         "helseberedskapsloven - Kommunene"]
    ks = by_source["Koronaviruset: Helse og velferd"]
    assert (march.source_date, march.source_date_is_approximate) == (datetime.date(2021, 3, 5), True)
    assert (december.source_date, december.source_date_is_approximate) == (datetime.date(2021, 12, 10), True)
    assert ks.source_date is None
    assert set(by_source) == {march.source_title, december.source_title, ks.source_title}


def test_no_page_shows_an_exact_day_for_a_date_the_demo_marks_as_approximate(client, demo):
    live = [measure.live_version for measure in Measure.objects.live()]
    approximate = [version for version in live if version.source_date_is_approximate and version.source_date]
    assert approximate
    for version in approximate:
        html = client.get(version.measure.get_absolute_url()).content.decode()
        assert f"Sist bekreftet av Helsedirektoratet ca. {MONTHS[version.source_date.month]} 2021" in html
        for day in {version.source_date, timezone.localdate(version.publish_at)}:
            assert day.strftime("%d.%m.%Y") not in html and day.isoformat() not in html, version.measure.slug
    months_only = [version for version in live if version.valid_from_is_approximate or version.valid_until_is_approximate]
    assert months_only
    for version in months_only:
        html = client.get(version.measure.get_absolute_url()).content.decode()
        for day in (version.valid_from, version.valid_until):
            if day:
                assert day.strftime("%d.%m.%Y") not in html, version.measure.slug


@pytest.mark.parametrize("pattern", INVENTED)
def test_no_demo_version_states_a_fact_no_seed_gives(demo, pattern):
    for version in all_demo_versions():
        text = " ".join(str(getattr(version, name)) for name in TEXT_FIELDS)
        assert not re.search(pattern, text), f"{version.measure.slug}: {pattern}"


def test_opening_hours_are_as_each_seed_gives_them(demo):
    for version in all_demo_versions():
        if version.source_date == datetime.date(2021, 12, 10):
            assert "alle virkedager" not in version.how_to_request, "seed 004 gives only (08-15)"
    sivilforsvaret = Measure.objects.get(slug="sivilforsvaret-og-forsvaret").live_version
    assert sivilforsvaret.speed != "samme-dag" and sivilforsvaret.is_last_resort
    assert "forsøkt å skaffe frivillige eller kommersielle aktører" in sivilforsvaret.conditions


def test_the_demo_measures_carry_the_seeds_conditions_channels_and_dates(demo):
    innsats = Measure.objects.get(slug="nasjonalt-innsatspersonell-tisk").live_version
    assert innsats.contact_phone == "404 07 998" and innsats.speed == "samme-dag" and "90" in innsats.capacity
    # One phone line, one set of hours and one address at any date: the hours and e-mail live on the contact point.
    assert "08–16" not in innsats.how_to_request and not innsats.contact_email
    assert "kontaktpunktet" in innsats.editor_note.lower() and "«404 07 9928»" in innsats.editor_note
    medhjelper = Measure.objects.get(slug="medhjelpere").live_version
    assert medhjelper.legal_basis == "Helsepersonelloven § 5" and "forsvarlig" in medhjelper.conditions.lower()
    assert Measure.objects.get(slug="studentlisens").live_version.contact_email == "godkjenning@helsedir.no"
    register = Measure.objects.get(slug="register-for-reservepersonell").live_version
    assert "10 000" in register.capacity and register.valid_from == datetime.date(2020, 3, 31)
    assert register.valid_from_is_approximate and "lavere enn forventet" in register.body
    national = Measure.objects.get(slug="nasjonalt-helsepersonell")
    assert national.published_versions().count() == 2
    assert national.live_version.contact_email == "nasjonalthelsepersonell@helsedir.no"


def test_the_pensioner_schemes_keep_their_real_history_and_are_linked(demo):
    old = Measure.objects.get(slug="pensjonister-til-juli-2022")
    new = Measure.objects.get(slug="pensjonister-fra-september-2022")
    assert (old.live_version.valid_until, old.live_version.valid_until_is_approximate) == (datetime.date(2022, 6, 30), True)
    assert "fram til juli 2022" in old.live_version.editor_note
    assert new.live_version.valid_from == datetime.date(2022, 9, 10)
    assert old.successor == new


def test_the_demo_contact_point_has_both_dated_versions_as_the_seeds_give_them(demo):
    march = ContactPoint.objects.valid_on(datetime.date(2021, 3, 20))
    december = ContactPoint.objects.valid_on(datetime.date(2021, 12, 20))
    assert march.opening_hours == "08–16 alle virkedager" and march.valid_from_is_approximate
    assert "sjekkes og besvares daglig" in march.description and "en vei inn" in march.description
    assert december.opening_hours == "08–15" and december.email == "nasjonalthelsepersonell@helsedir.no"
    assert december.valid_from == datetime.date(2021, 12, 10) and december.valid_from_is_approximate
    assert ContactPoint.objects.valid_on(datetime.date(2021, 3, 4)) is None


def test_loading_the_staffing_demo_twice_changes_nothing(demo):
    def state():
        return (list(MeasureVersion.objects.order_by("pk").values_list("pk", "measure__slug", "number")),
                list(ContactPoint.objects.order_by("pk").values_list("pk", "valid_from", "opening_hours")))

    before = state()
    staffing_demo.load(io.StringIO())
    assert state() == before
    assert (Measure.objects.count(), MeasureVersion.objects.count(), ContactPoint.objects.count()) == (22, 23, 2)


def test_the_loader_leaves_a_measure_a_publisher_has_edited_alone(demo):
    someone = make_publisher(username="anne")
    measure = Measure.objects.get(slug="medhjelpere")
    latest = measure.latest_version()
    edited = version_create(document=measure, author=someone, based_on_number=latest.number, change_type="major",
                            change_note="Oppdatert.", **{**latest.content(), "summary": "Annes tekst."})
    version_publish(version=edited, user=someone)
    staffing_demo.load(io.StringIO())
    measure.refresh_from_db()
    assert measure.live_version.summary == "Annes tekst." and measure.versions.count() == latest.number + 1


def test_demo_versions_with_an_undated_source_are_published_at_loading_not_at_an_invented_date(demo):
    studentlisens = Measure.objects.get(slug="studentlisens")
    assert studentlisens.live_version.publish_at > timezone.now() - datetime.timedelta(minutes=5)


def test_the_corrected_demo_facts_say_only_what_their_sources_say(demo):
    innsats = Measure.objects.get(slug="nasjonalt-innsatspersonell-tisk").live_version
    assert "blant annet" not in innsats.body and "«Helseaktuelt»" in innsats.body
    assert "akutt mangel på personell" in innsats.editor_note  # KS's words, as the editors' note
    studentlisens = Measure.objects.get(slug="studentlisens").live_version
    assert studentlisens.provider == "Helsedirektoratet" and "KS sier ikke hvem som innvilger" in studentlisens.editor_note
    costs = Measure.objects.get(slug="staten-dekker-ekstrautgifter").live_version
    assert "Regjeringen har lovet" in costs.summary and "Et klart løftebrudd" in costs.editor_note
    priorities = Measure.objects.get(slug="prioritering-av-ressurser").live_version
    assert "overordnede prioriteringsnotatet av 25. mars" in priorities.editor_note
    assert "bygger på notatet" not in priorities.editor_note  # which note was ambiguous
