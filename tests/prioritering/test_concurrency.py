"""A save based on a stale copy is refused with a clear message, and the user's input stays in the form."""

import pytest
from django.urls import reverse

from prioritering import services
from tests.factories import make_member
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db


def _header(worksheet, **overrides):
    data = {"service_unit": worksheet.service_unit, "phase": "3", "assessed_on": "16.03.2022",
            "responsible": "Enhetsleder", "summary": "", "revision": worksheet.revision}
    data.update(overrides)
    return data


def test_stale_header_save_is_refused_and_input_kept(client, worksheet, hamar, contributor):
    colleague = make_member(hamar, "bidragsyter")
    stale_copy = _header(worksheet, summary="Min oppsummering")
    services.worksheet_update(worksheet=worksheet, user=colleague, data={"summary": "Kollegaens tekst"},
                              expected_revision=1)
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), stale_copy)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Noen andre har lagret endringer i dette skjemaet mens du arbeidet" in html
    assert "Min oppsummering" in html
    assert 'name="revision" value="2"' in html
    worksheet.refresh_from_db()
    assert worksheet.summary == "Kollegaens tekst" and worksheet.revision == 2


def test_saving_again_after_the_refusal_goes_through(client, worksheet, hamar, contributor):
    services.worksheet_update(worksheet=worksheet, user=make_member(hamar), data={"summary": "A"}, expected_revision=1)
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), _header(worksheet, summary="B", revision=2))
    assert response.status_code == 302
    worksheet.refresh_from_db()
    assert worksheet.summary == "B" and worksheet.revision == 3


def test_stale_row_save_is_refused_and_input_kept(client, worksheet, hamar, contributor):
    row = worksheet.rows.get()
    stale = row_post_data(row, description="Min beskrivelse")
    services.row_update(row=row, user=make_member(hamar), data={"description": "Annen"}, expected_revision=row.revision)
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), stale)
    html = response.content.decode()
    assert "Noen andre har lagret endringer" in html and "Min beskrivelse" in html
    row.refresh_from_db()
    assert row.description == "Annen"


def test_decision_on_a_stale_copy_is_refused(client, worksheet, hamar, leader):
    services.worksheet_update(worksheet=worksheet, user=leader, data={"summary": "Ny"}, expected_revision=1)
    client.force_login(leader)
    response = client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": "1"})
    assert "Noen andre har lagret endringer" in response.content.decode()
    worksheet.refresh_from_db()
    assert worksheet.status == "utkast"


def test_missing_or_garbage_revision_is_a_form_error_not_a_crash(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), _header(worksheet, revision="x"))
    assert response.status_code == 200
    assert "ugyldig revisjonsnummer" in response.content.decode()


def test_two_saves_from_the_same_revision_cannot_both_win(worksheet, hamar):
    first, second = make_member(hamar), make_member(hamar)
    services.worksheet_update(worksheet=worksheet, user=first, data={"summary": "Først"}, expected_revision=1)
    with pytest.raises(services.StaleEdit) as stale:
        services.worksheet_update(worksheet=worksheet, user=second, data={"summary": "Sist"}, expected_revision=1)
    assert stale.value.current_revision == 2
    worksheet.refresh_from_db()
    assert worksheet.summary == "Først" and worksheet.changes.count() == 1


def test_invalid_input_does_not_change_the_page_heading(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]),
                           _header(worksheet, service_unit="Ny enhet", assessed_on="99.99.9999"))
    html = response.content.decode()
    assert "Endre skjemaet for Hjemmetjenesten sone nord" in html and 'value="Ny enhet"' in html
