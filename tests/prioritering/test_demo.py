import pytest
from django.core.management import call_command
from django.urls import reverse

from prioritering.demo import DEMO_USERS
from prioritering.models import ServiceRow, Status, Worksheet, WorksheetChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))


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
                     "helsetjenester_i_hjemmet": "velferdsteknologi"}
    draft = Worksheet.objects.get(municipality__name="Hamar", status=Status.DRAFT)
    assert draft.phase == 4 and draft.rows.count() >= 5


def test_load_demo_prints_the_municipality_passwords(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "«hamar»" in out and "«demo-hamar-2026»" in out


def test_demo_is_loaded_once(demo):
    counts = (Worksheet.objects.count(), ServiceRow.objects.count(), WorksheetChange.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Worksheet.objects.count(), ServiceRow.objects.count(), WorksheetChange.objects.count()) == counts
