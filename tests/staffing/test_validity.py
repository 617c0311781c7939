import datetime

import pytest
from django.urls import reverse

from publishing.services import version_create
from staffing.models import Measure
from tests.factories import make_measure, make_publisher
from tests.staffing.conftest import titles

pytestmark = pytest.mark.django_db

OLD_SCHEME = "Pensjonister i covid-19-arbeidet (fram til juli 2022)"
NEW_SCHEME = "Pensjonister kan jobbe med TISK og vaksinering uten å tape pensjon (fra 10.09.2022)"


def find(client, day, task="vaksinering"):
    return client.get(reverse("staffing:finder"), {"oppgave": task, "naar": "i-lopet-av-uker", "dato": day})


def test_the_july_2022_pensioner_scheme_fits_a_june_2022_query_and_not_an_august_2022_one(client, demo):
    june, august = titles(find(client, "2022-06-15")), titles(find(client, "15.08.2022"))
    assert OLD_SCHEME in june and NEW_SCHEME not in june
    assert OLD_SCHEME not in august and NEW_SCHEME not in august


def test_the_new_pensioner_scheme_fits_from_10_september_2022_and_not_the_day_before(client, demo):
    assert NEW_SCHEME not in titles(find(client, "2022-09-09"))
    assert NEW_SCHEME in titles(find(client, "2022-09-10"))
    assert OLD_SCHEME not in titles(find(client, "2022-09-10"))


def test_valid_on_reads_the_live_version_and_ignores_a_newer_draft():
    publisher = make_publisher()
    measure = make_measure(valid_until=datetime.date(2022, 6, 30), publisher=publisher)
    version_create(document=measure, author=publisher, based_on_number=1, change_type="major",
                   change_note="Forlenget.", **{**measure.latest_version().content(), "valid_until": None})
    assert list(Measure.objects.valid_on(datetime.date(2022, 6, 30))) == [measure]
    assert list(Measure.objects.valid_on(datetime.date(2022, 7, 1))) == []
    assert list(Measure.objects.expired_on(datetime.date(2022, 7, 1))) == [measure]


def test_an_expired_measure_is_hidden_from_current_but_listed_as_utlopt_when_showing_all(client):
    make_measure(title="Gammel ordning", valid_until=datetime.date(2022, 6, 30))
    make_measure(title="Gjeldende ordning")
    current = client.get(reverse("staffing:measure_list"))
    everything = client.get(reverse("staffing:measure_list"), {"vis": "alle"})
    assert titles(current) == ["Gjeldende ordning"]
    assert set(titles(everything)) == {"Gammel ordning", "Gjeldende ordning"}
    assert everything.content.decode().count(">Utløpt</span>") == 1


def test_an_expired_measure_keeps_its_page_marked_utlopt_with_its_validity(client):
    measure = make_measure(title="Gammel ordning", valid_until=datetime.date(2022, 6, 30))
    html = client.get(measure.get_absolute_url()).content.decode()
    assert ">Utløpt</span>" in html
    assert 'til og med <time datetime="2022-06-30">30.06.2022</time>' in html


def test_a_measure_starting_later_is_marked_with_its_start_date(client):
    make_measure(title="Kommende ordning", valid_from=datetime.date(2099, 1, 1))
    html = client.get(reverse("staffing:measure_list"), {"vis": "alle"}).content.decode()
    assert "Gjelder fra 01.01.2099" in html
