import datetime

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import make_measure

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("search"), {"q": query})


def test_measures_appear_in_site_search(client):
    make_measure(title="Nasjonalt innsatspersonell for TISK", summary="Helsepersonell som kan reise på kort varsel.")
    response = search(client, "innsatspersonell")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nasjonalt innsatspersonell for TISK" in html and "/bemanning/" in html and "Bemanningstiltak" in html


def test_an_expired_measure_stays_searchable_and_is_marked_as_expired(client):
    make_measure(title="Pensjonister i covid-19-arbeidet", valid_until=datetime.date(2022, 6, 30))
    html = search(client, "pensjonister").content.decode()
    assert "Pensjonister i covid-19-arbeidet" in html and "Bemanningstiltak – utløpt" in html


def test_search_finds_a_measure_by_its_conditions_and_not_drafts(client):
    make_measure(title="Medhjelpere", conditions="Forsvarlig ut fra oppgavens art.")
    make_measure(title="Hemmelig utkast", conditions="Forsvarlig bruk.", publish=False)
    html = search(client, "forsvarlig").content.decode()
    assert "Medhjelpere" in html and "Hemmelig utkast" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Norwegian full-text search runs on PostgreSQL")
def test_on_postgresql_search_matches_inflected_norwegian_words(client):
    make_measure(title="Bistand fra nabokommuner", summary="Statsforvalteren koordinerer bistand fra nabokommunene.")
    assert "Bistand fra nabokommuner" in search(client, "nabokommune").content.decode()


def test_a_measure_no_source_has_confirmed_for_months_says_so_in_search(client):
    make_measure(title="Medhjelpere", source_title="Brev", source_issuer="Helsedirektoratet",
                 source_date=datetime.date(2021, 12, 10))
    html = search(client, "medhjelpere").content.decode()
    assert "Bemanningstiltak – ikke bekreftet som gjeldende, sist bekreftet for " in html and " år siden" in html
