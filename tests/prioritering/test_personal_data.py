"""No personal data: free text that contains a valid fødselsnummer is refused, with the reason given."""

import pytest
from django.urls import reverse

from prioritering.validators import contains_fodselsnummer, is_fodselsnummer
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db

VALID = "01010112024"  # passes both mod-11 check digits (a synthetic number)


@pytest.mark.parametrize("number", ["01010112024", "15076500565", "29029900157"])
def test_numbers_passing_both_check_digits_are_recognised(number):
    assert is_fodselsnummer(number)


@pytest.mark.parametrize("number", ["01010112025", "01010112014", "12345678901", "0101011235", "010101120247"])
def test_numbers_failing_a_check_digit_or_length_are_not(number):
    assert not is_fodselsnummer(number)


def test_numbers_inside_text_and_with_a_space_are_found_but_not_longer_numbers():
    assert contains_fodselsnummer(f"Gjelder bruker {VALID} på dagsenteret")
    assert contains_fodselsnummer("Gjelder 010101 12024.")
    assert not contains_fodselsnummer(f"Saksnummer 9{VALID}")
    assert not contains_fodselsnummer("Telefon 62 51 00 00, 46 årsverk")


@pytest.mark.parametrize("field", ["service_name", "description", "forsvarlig_minimum", "vulnerable_plan"])
def test_row_free_text_with_a_fodselsnummer_is_refused_and_the_text_kept(client, worksheet, contributor, field):
    client.force_login(contributor)
    text = f"Gjelder {VALID}"
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(**{field: text}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "ser ut til å inneholde et fødselsnummer" in html
    assert text in html
    assert "Skjemaet handler om tjenester, ikke om enkeltpersoner" in html
    assert worksheet.rows.count() == 1


def test_header_free_text_with_a_fodselsnummer_is_refused(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": "Sone nord", "phase": "3", "assessed_on": "16.03.2022", "responsible": "Leder",
        "summary": f"Pasient {VALID} er syk", "revision": worksheet.revision})
    assert response.status_code == 200
    assert "fødselsnummer" in response.content.decode()
    worksheet.refresh_from_db()
    assert VALID not in worksheet.summary and worksheet.revision == 1
