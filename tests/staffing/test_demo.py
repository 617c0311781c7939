import datetime
import io

import pytest

from staffing import demo as staffing_demo
from staffing.models import Category, ContactPoint, Measure

pytestmark = pytest.mark.django_db

NAMED_IN_THE_SEEDS = {
    "helseberedskapsloven", "samhandling-regionalt", "sivilforsvaret-og-forsvaret", "prioritering-av-ressurser",
    "nabokommuner", "register-for-reservepersonell", "nasjonalt-innsatspersonell-tisk", "nasjonalt-helsepersonell",
    "pensjonister-til-juli-2022", "pensjonister-fra-september-2022", "helsefagstudenter-via-statsforvalteren",
    "studentlisens", "medhjelpere", "bedriftshelse-tannhelse-private", "administrativ-stotte", "nav-og-frivillige",
    "ekstra-lege-i-fastlegepraksis", "fastlegers-plikt-til-vaksinasjon", "apotek-vaksinerer",
    "staten-dekker-ekstrautgifter", "informasjon-om-regler", "juridisk-vakttelefon",
}


def test_the_demo_has_every_measure_of_the_seeds_published_in_all_five_categories(demo):
    measures = Measure.objects.live()
    assert set(measures.values_list("slug", flat=True)) == NAMED_IN_THE_SEEDS
    assert set(measures.values_list("category", flat=True)) == set(Category.values)


def test_the_demo_measures_carry_the_seeds_conditions_channels_and_dates(demo):
    innsats = Measure.objects.get(slug="nasjonalt-innsatspersonell-tisk").live_version
    assert innsats.contact_phone == "404 07 998" and innsats.speed == "samme-dag" and "90" in innsats.capacity
    assert "(08–15 alle virkedager)" in innsats.how_to_request and innsats.number == 2
    medhjelper = Measure.objects.get(slug="medhjelpere").live_version
    assert medhjelper.legal_basis == "Helsepersonelloven § 5" and "forsvarlig" in medhjelper.conditions.lower()
    assert Measure.objects.get(slug="pensjonister-til-juli-2022").live_version.valid_until == datetime.date(2022, 6, 30)
    assert Measure.objects.get(slug="pensjonister-fra-september-2022").live_version.valid_from == datetime.date(2022, 9, 10)
    assert Measure.objects.get(slug="studentlisens").live_version.contact_email == "godkjenning@helsedir.no"
    register = Measure.objects.get(slug="register-for-reservepersonell")
    assert register.published_versions().count() == 2 and "10 000" in register.live_version.capacity


def test_the_demo_contact_point_has_both_dated_versions(demo):
    assert ContactPoint.objects.valid_on(datetime.date(2021, 3, 20)).opening_hours == "08–16 alle virkedager"
    assert ContactPoint.objects.valid_on(datetime.date(2021, 12, 20)).opening_hours == "08–15 alle virkedager"


def test_loading_the_staffing_demo_twice_changes_nothing(demo):
    before = (Measure.objects.count(), sum(m.versions.count() for m in Measure.objects.all()), ContactPoint.objects.count())
    staffing_demo.load(io.StringIO())
    after = (Measure.objects.count(), sum(m.versions.count() for m in Measure.objects.all()), ContactPoint.objects.count())
    assert before == after == (22, 24, 2)
