import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_measure
from tests.staffing.conftest import titles

pytestmark = pytest.mark.django_db


def find(client, **answers):
    return client.get(reverse("staffing:finder"), answers)


def test_for_i_dag_the_finder_ranks_same_day_measures_first(client):
    make_measure(title="Uker", speed="uker", position=1)
    make_measure(title="Dager", speed="dager", position=2)
    make_measure(title="Samme dag", speed="samme-dag", position=3)
    response = find(client, oppgave="testing", naar="i-dag", autorisert="nei")
    assert response.status_code == 200
    assert titles(response) == ["Samme dag", "Dager", "Uker"]


def test_same_day_ranking_holds_on_the_demo_content(client, demo):
    response = find(client, oppgave="testing", naar="i-dag", autorisert="nei", dato="2022-01-10")
    html = response.content.decode()
    ranked = titles(response)
    assert ranked[0] == "Nasjonalt innsatspersonell for TISK"
    same_day = [title for title in ranked if title in {
        "Nasjonalt innsatspersonell for TISK", "Ressursstøtte fra Sivilforsvaret og Forsvaret",
        "Medhjelpere etter helsepersonelloven § 5", "Prioritering av kommunens ressurser etter prioriteringsnotatet",
        "Informasjon om covid-19-regler"}]
    assert ranked[:len(same_day)] == same_day and len(same_day) == 5
    assert "Tar trolig lengre tid enn dere har" in html


def test_each_result_says_why_it_fits_and_exactly_how_to_request_it(client):
    make_measure(title="Innsatspersonell", how_to_request="Ring 404 07 998 (08–15).", contact_phone="404 07 998",
                 contact_email="nasjonalthelsepersonell@helsedir.no")
    html = find(client, oppgave="testing", naar="i-dag", autorisert="ja").content.decode()
    assert "Kan gi autorisert helsepersonell til testing samme dag eller på kort varsel." in html
    assert "Ring 404 07 998 (08–15)." in html
    assert 'href="tel:+4740407998"' in html and 'href="mailto:nasjonalthelsepersonell@helsedir.no"' in html


def test_must_be_authorised_leaves_out_measures_without_authorised_personnel(client):
    make_measure(title="Autorisert", personnel_kinds=["autorisert-helsepersonell"])
    make_measure(title="Medhjelpere", personnel_kinds=["uten-helseutdanning", "frivillige"])
    assert titles(find(client, oppgave="testing", naar="i-dag", autorisert="ja")) == ["Autorisert"]
    assert set(titles(find(client, oppgave="testing", naar="i-dag", autorisert="nei"))) == {"Autorisert", "Medhjelpere"}


def test_the_finder_only_lists_measures_for_the_chosen_task(client):
    make_measure(title="Testing", tasks=["testing"])
    make_measure(title="Vaksinering", tasks=["vaksinering"])
    assert titles(find(client, oppgave="vaksinering", naar="i-lopet-av-uker")) == ["Vaksinering"]
    assert set(titles(find(client, oppgave="", naar="i-lopet-av-uker"))) == {"Testing", "Vaksinering"}


def test_the_finder_without_answers_shows_only_the_questions(client):
    make_measure(title="Innsatspersonell")
    response = client.get(reverse("staffing:finder"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hva trenger dere hjelp til?" in html and "Hvor raskt trenger dere hjelp?" in html
    assert titles(response) == [] and "tiltak passer for" not in html


def test_a_result_url_is_bookmarkable_and_keeps_the_answers_in_the_form(client):
    make_measure(title="Innsatspersonell")
    html = client.get(reverse("staffing:finder") + "?oppgave=testing&naar=i-dag&autorisert=ja&dato=15.06.2022").content.decode()
    assert "Innsatspersonell" in html and "1 tiltak passer for 15.06.2022" in html
    assert 'value="testing" id="id_oppgave_0" checked' in html
    assert 'value="2022-06-15"' in html
    assert 'method="get"' in html


def test_the_date_defaults_to_today(client):
    today = timezone.localdate().strftime("%d.%m.%Y")
    html = find(client, oppgave="testing", naar="i-dag").content.decode()
    assert f"tiltak passer for {today}" in html


def test_no_matching_measure_gives_a_helpful_message(client):
    make_measure(title="Innsatspersonell", valid_until=datetime.date(2021, 1, 1))
    response = find(client, oppgave="testing", naar="i-dag", dato="2022-06-15")
    assert response.status_code == 200
    assert "0 tiltak passer" in response.content.decode()
    assert "Ingen tiltak passer alle svarene på denne datoen" in response.content.decode()
