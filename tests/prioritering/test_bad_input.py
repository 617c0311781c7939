"""Bad input gets a Norwegian form error or a 400/404 page, never a 500, and nothing stored is lost."""

import pytest
from django.urls import reverse

from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db

HUGE = "9" * 25


@pytest.mark.parametrize("path", [f"/prioritering/{HUGE}/", f"/prioritering/{HUGE}/historikk/",
                                  "/prioritering/1/tjenester/" + HUGE + "/", "/prioritering/0/eksport.csv"])
def test_out_of_range_ids_are_404(client, worksheet, contributor, path):
    client.force_login(contributor)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("overrides,message", [
    ({"nytte": "9"}, "Velg et gyldig valg"),
    ({"service_type": "sykehus"}, "Velg et gyldig valg"),
    ({"vulnerable_groups": ["hemmelig"]}, "Velg et gyldig valg"),
    ({"weighted_criteria": []}, "Kryss av for minst ett kriterium"),
    ({"end_date": "00.00.0000"}, "Datoen finnes ikke"),
    ({"revision": HUGE}, "Noen andre har lagret endringer"),
    ({"revision": "-1"}, "ugyldig revisjonsnummer"),
])
def test_bad_row_input_is_a_form_error_and_the_row_is_unchanged(client, worksheet, contributor, overrides, message):
    row = worksheet.rows.get()
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]),
                           row_post_data(row, description="Ny tekst", **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "Ny tekst" in html
    row.refresh_from_db()
    assert row.description == "" and row.revision == 1


def test_huge_staff_numbers_are_a_form_error(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": "Sone nord", "phase": "3", "assessed_on": "16.03.2022", "responsible": "Leder",
        "staff_available": HUGE, "revision": "1"})
    assert response.status_code == 200
    assert "mindre enn eller lik" in response.content.decode()


def test_decision_and_new_version_are_in_the_history(client, worksheet, leader):
    client.force_login(leader)
    client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": "1"})
    client.post(reverse("prioritering:worksheet_new_version", args=[worksheet.pk]), {"phase": "4"})
    html = client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk])).content.decode()
    assert "Vedtok skjemaet" in html and "Erstattet av en ny versjon for fase 4" in html
    assert leader.username in html
