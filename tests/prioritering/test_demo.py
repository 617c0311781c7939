import pytest
from django.core.management import call_command
from django.urls import reverse

from prioritering.demo import DEMO_COUNTY_USERS, DEMO_USERS
from prioritering.models import ServiceRow, Status, Worksheet, WorksheetChange
from tests.once import built_once, load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """load_demo once for the module; what a test changes is rolled back after it (tests/once.py)."""
    yield from built_once(django_db_blocker, load_demo)


def test_every_demo_municipality_user_signs_in_and_sees_only_their_own(client, demo):
    for username, password, number, role in DEMO_USERS:
        client.post(reverse("login"), {"username": username, "password": password})
        response = client.get(reverse("prioritering:worksheet_list"))
        assert response.status_code == 200 and response.context["user"].username == username
        assert all(w.municipality.number == number for w in response.context["worksheets"])
        client.post(reverse("logout"))


def test_hamar_has_a_decided_worksheet_from_the_notes_examples_and_a_phase_4_draft(demo):
    decided = Worksheet.objects.get(municipality__name="Hamar", status=Status.DECIDED)
    assert decided.phase == 3
    types = {r.service_type: r.action for r in decided.rows.all()}
    assert types == {"dagaktivitet": "redusere", "renhold": "redusere", "habilitering": "stanse",
                     "helsetjenester_i_hjemmet": "velferdsteknologi", "stottekontakt": "redusere"}
    draft = Worksheet.objects.get(municipality__name="Hamar", status=Status.DRAFT)
    assert draft.phase == 4 and draft.rows.count() >= 5


def test_hamars_decided_worksheet_shows_a_warning_acknowledged_with_its_reason(client, demo):
    client.post(reverse("login"), {"username": "hamar", "password": "demo-hamar-2026"})
    decided = Worksheet.objects.get(municipality__name="Hamar", status=Status.DECIDED)
    html = client.get(reverse("prioritering:worksheet_detail", args=[decided.pk])).content.decode()
    assert "Advarsler som ble vurdert, med begrunnelse" in html and "Sluttdatoen settes ved gjennomgangen" in html


def test_the_demo_statsforvalter_signs_in_and_sees_innlandets_decided_worksheets_only(client, demo):
    [(username, password, county)] = DEMO_COUNTY_USERS
    assert (username, password, county) == ("statsforvalter-innlandet", "demo-statsforvalter-2026", "Innlandet")
    client.post(reverse("login"), {"username": username, "password": password})
    html = client.get(reverse("prioritering:county_overview")).content.decode()
    for decided in Worksheet.objects.filter(status=Status.DECIDED):
        assert decided.service_unit in html
    assert html.count("prioritering/fylke/") >= 2
    assert "Sykehjemmene" not in html  # Lillehammer's draft
    assert "Hjemmetjenesten sone sør" not in html  # Hamar's draft
    for name in ("Hamar", "Lillehammer", "Øyer", "Eidskog"):
        assert name in html
    assert "Seljord" not in html and "Rana" not in html
    assert client.get(reverse("prioritering:worksheet_list")).status_code == 200


def test_demo_is_loaded_once(demo):
    counts = (Worksheet.objects.count(), ServiceRow.objects.count(), WorksheetChange.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Worksheet.objects.count(), ServiceRow.objects.count(), WorksheetChange.objects.count()) == counts
