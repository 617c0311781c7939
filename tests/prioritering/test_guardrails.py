"""Each guard-rail from the note: errors block vedtatt, warnings are shown and must be acknowledged."""

import datetime

import pytest
from django.urls import reverse

from prioritering import guardrails, services
from prioritering.models import Status
from tests.factories import make_row, make_worksheet
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db


def _codes(row, phase=3):
    return {f.code: f.level for f in guardrails.check_row(row, phase)}


@pytest.mark.parametrize("fields,code,quote", [
    ({"action": "redusere", "end_date": None}, "mangler_sluttdato", "bør være tidsavgrensede"),
    ({"action": "stanse", "end_date": None}, "mangler_sluttdato", "bør være tidsavgrensede"),
    ({"forsvarlig_minimum": "  "}, "mangler_forsvarlig_minimum", "forsvarlig helsehjelp og dekking av grunnleggende behov"),
    ({"decision_form": "muntlig", "journal_reference": ""}, "muntlig_uten_journal", "skal muntlige vedtak føres i"),
    ({"weighted_criteria": ["ressurs"]}, "ressurs_alene", "Ressurskriteriet skal ikke brukes alene"),
    ({"mestring": None}, "kriterier_ikke_vurdert", "skal vurderes samlet"),
])
def test_each_error_quotes_the_note_and_blocks_the_decision(hamar, leader, fields, code, quote):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, **fields)
    finding = next(f for f in guardrails.check_row(row, worksheet.phase) if f.code == code)
    assert finding.is_error and quote in str(finding.message) and "Notatet" in str(finding.source)
    with pytest.raises(services.DecisionBlocked) as blocked:
        services.worksheet_decide(worksheet=worksheet, user=leader)
    assert code in {f.code for _, f in blocked.value.problems}
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DRAFT


@pytest.mark.parametrize("phase,fields,code,quote", [
    (2, {"decision_form": "omgjoring"}, "omgjoring_tidlig_fase", "Dette gjelder når epidemien er i fase 3 og 4"),
    (3, {"service_type": "lindrende", "action": "redusere"}, "lindrende_redusert", "må sikres god lindrende behandling"),
    (3, {"vulnerable_groups": ["barn"], "vulnerable_plan": ""}, "sarbare_uten_plan", "sårbare hjemmeboende"),
    (3, {"involvement": "nei"}, "ikke_involvert", "skal involveres før beslutningen fattes"),
])
def test_each_warning_blocks_until_acknowledged(hamar, leader, phase, fields, code, quote):
    worksheet = make_worksheet(hamar, phase=phase)
    row = make_row(worksheet, **fields)
    finding = next(f for f in guardrails.check_row(row, phase) if f.code == code)
    assert not finding.is_error and quote in str(finding.message)
    with pytest.raises(services.DecisionBlocked):
        services.worksheet_decide(worksheet=worksheet, user=leader)
    row.acknowledged_warnings = [code]
    row.save()
    assert services.worksheet_decide(worksheet=worksheet, user=leader).status == Status.DECIDED


def test_omgjoring_in_phase_3_and_4_is_no_warning(hamar):
    row = make_row(make_worksheet(hamar), decision_form="omgjoring")
    assert "omgjoring_tidlig_fase" not in _codes(row, 3) and "omgjoring_tidlig_fase" not in _codes(row, 4)


def test_a_clean_row_has_no_findings(worksheet):
    assert guardrails.check_row(worksheet.rows.get(), worksheet.phase) == []


def test_keeping_a_service_needs_no_end_date_minimum_or_involvement(hamar):
    row = make_row(make_worksheet(hamar), action="opprettholde", end_date=None, forsvarlig_minimum="", involvement="nei")
    assert _codes(row) == {}


def test_saving_a_row_with_an_error_keeps_it_as_draft_and_says_why(client, worksheet, contributor):
    client.force_login(contributor)
    url = reverse("prioritering:row_create", args=[worksheet.pk])
    response = client.post(url, row_post_data(end_date="", decision_form="muntlig"), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 feil" in html
    assert "bør være tidsavgrensede" in html and "skal muntlige vedtak føres i" in html
    assert "Saksbehandlingsregler for tildelingsvedtak" in html
    assert worksheet.rows.count() == 2


def test_leader_cannot_decide_through_http_while_errors_remain(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    make_row(worksheet, weighted_criteria=["ressurs"])
    client.force_login(leader)
    url = reverse("prioritering:worksheet_decide", args=[worksheet.pk])
    response = client.post(url, {"revision": worksheet.revision})
    assert response.status_code == 409
    assert "Ressurskriteriet skal ikke brukes alene" in response.content.decode()
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DRAFT


def test_leader_decides_a_clean_worksheet_and_it_becomes_read_only(client, worksheet, leader):
    client.force_login(leader)
    response = client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": worksheet.revision})
    assert response.status_code == 302
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DECIDED and worksheet.decided_by == leader
    edit = client.get(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), follow=True)
    assert "kan ikke endres" in edit.content.decode()
    row = worksheet.rows.get()
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(row, service_name="Endret"))
    row.refresh_from_db()
    assert row.service_name != "Endret"


def test_empty_worksheet_cannot_be_decided(hamar, leader):
    with pytest.raises(services.DecisionBlocked):
        services.worksheet_decide(worksheet=make_worksheet(hamar), user=leader)


def test_acknowledging_warnings_through_the_form(client, hamar, leader):
    worksheet = make_worksheet(hamar, phase=2)
    row = make_row(worksheet, decision_form="omgjoring", end_date=datetime.date(2022, 5, 1))
    client.force_login(leader)
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]),
                row_post_data(row, decision_form="omgjoring", warnings_acknowledged="on"))
    response = client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": worksheet.revision})
    assert response.status_code == 302
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DECIDED


def test_acknowledgement_does_not_cover_a_warning_that_appears_in_the_same_save(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, involvement="nei")
    client.force_login(leader)
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(
        row, involvement="nei", vulnerable_groups=["barn"], warnings_acknowledged="on"))
    row.refresh_from_db()
    assert row.acknowledged_warnings == ["ikke_involvert"]
    with pytest.raises(services.DecisionBlocked) as blocked:
        services.worksheet_decide(worksheet=worksheet, user=leader)
    assert [f.code for _, f in blocked.value.problems] == ["sarbare_uten_plan"]
    page = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk])).content.decode()
    assert "Vurdert og krysset av." in page


def test_unticking_withdraws_the_acknowledgement(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, involvement="nei", acknowledged_warnings=["ikke_involvert"])
    client.force_login(leader)
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(row, involvement="nei"))
    row.refresh_from_db()
    assert row.acknowledged_warnings == []
