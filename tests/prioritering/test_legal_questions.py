"""Issue 25: every «skal» of the note is an error, the questions for § 23, § 35 and the right to complain are
asked where the note applies them, and cutting the worksheet's own highest-priority service needs a reason."""

import csv
import io

import pytest
from django.urls import reverse

from prioritering import guardrails
from prioritering.models import Status
from tests.factories import make_row, make_worksheet
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db

NOTE = "/veiledning/prioriteringsnotatet/"


def _decide(client, worksheet):
    return client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": worksheet.revision})


def _codes(row, phase=3):
    return {f.code: f.level for f in guardrails.check_row(row, phase)}


def test_every_rule_that_rests_on_a_skal_of_the_note_is_an_error():
    for code, rule in guardrails.RULES.items():
        if "skal" in str(rule.message).split("«", 1)[-1] and code not in ("hoy_prioritet_redusert",):
            assert rule.level == guardrails.ERROR, code


# --- The questions the note asks, in the form ------------------------------------------------------

@pytest.mark.parametrize("overrides,field,message", [
    ({"complaint_info": ""}, "complaint_info", "Svar på om mottakerne får vite at de kan klage"),
    ({"action": "stanse", "complaint_info": ""}, "complaint_info", "Svar på om mottakerne får vite at de kan klage"),
    ({"individual_decision": "ja", "decision_form": "omgjoring"}, "reversal_understood",
     "Svar på om mottakerne og eventuelt pårørende har forstått hva endringen medfører"),
    ({"involvement": ""}, "involvement", "Svar på om tjenestemottaker og eventuelt pårørende er involvert"),
    ({"action": "delegere", "involvement": "", "complaint_info": ""}, "involvement",
     "Svar på om tjenestemottaker og eventuelt pårørende er involvert"),
])
def test_the_form_asks_each_question_where_the_note_applies_it_and_keeps_what_was_typed(
        client, worksheet, contributor, overrides, field, message):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]),
                           row_post_data(description="Tekst som ikke skal gå tapt.", **overrides))
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert f'href="#id_{field}"' in html  # the error summary links to the question
    assert "Tekst som ikke skal gå tapt." in html
    assert worksheet.rows.count() == 1


@pytest.mark.parametrize("overrides", [
    {"action": "opprettholde", "complaint_info": "", "involvement": ""},
    {"action": "omorganisere", "complaint_info": ""},
    {"individual_decision": "ja", "decision_form": "skriftlig", "reversal_understood": ""},
])
def test_questions_that_do_not_apply_are_not_required(client, worksheet, contributor, overrides):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(**overrides))
    assert response.status_code == 302
    assert worksheet.rows.count() == 2


@pytest.mark.parametrize("field,anchor", [("oral_justification", "muntlig-saksbehandling"),
                                          ("reversal_understood", "omgjoring"), ("complaint_info", "juridisk"),
                                          ("medical_basis", "smittevern-og-kapasitet")])
def test_each_new_question_links_to_its_chapter_of_the_published_note(client, worksheet, contributor, field, anchor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_create", args=[worksheet.pk])).content.decode()
    start = html.index(f'id="id_{field}_helptext"')
    assert f'href="{NOTE}#{anchor}"' in html[start:html.index("</div>", start)]


def test_an_oral_decision_needs_the_concrete_assessment_of_why_writing_is_too_burdensome(client, hamar, leader):
    worksheet = make_worksheet(hamar, phase=4)
    client.force_login(leader)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(
        decision_form="muntlig", journal_reference="Gerica, vedtaksnotat"), follow=True)
    assert "Muntlige vedtak uten konkret vurdering" in response.content.decode()
    row = worksheet.rows.get()
    assert _decide(client, worksheet).status_code == 409
    assessment = "Fire av seks saksbehandlere er i karantene; skriftlige vedtak ville ta tre uker."
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(
        row, decision_form="muntlig", journal_reference="Gerica, vedtaksnotat", oral_justification=assessment))
    assert _decide(client, worksheet).status_code == 302
    for name in ("worksheet_detail", "worksheet_print"):
        assert assessment in client.get(reverse(f"prioritering:{name}", args=[worksheet.pk])).content.decode()
    text = client.get(reverse("prioritering:worksheet_export", args=[worksheet.pk])).content.decode("utf-8-sig")
    header, line = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert dict(zip(header, line))["Konkret vurdering for muntlige vedtak"] == assessment


def test_a_reversal_needs_the_recipients_to_have_understood_the_change_and_answering_no_is_an_error(
        client, worksheet, contributor):
    client.force_login(contributor)
    client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(
        individual_decision="ja", decision_form="omgjoring", reversal_understood="nei"))
    row = worksheet.rows.get(service_name="Dagsenteret")
    assert _codes(row) == {"omgjoring_ikke_forstatt": "feil"}
    detail = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    assert "Omgjøring uten at mottakerne har forstått endringen" in detail
    assert f'href="{NOTE}#omgjoring"' in detail


def test_a_recipient_not_told_of_the_right_to_complain_blocks_the_decision(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    make_row(worksheet, complaint_info="nei")
    client.force_login(leader)
    response = _decide(client, worksheet)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Mottakerne er ikke opplyst om klageretten" in html and "pasient- og brukerrettighetsloven § 7-2" in html
    assert f'href="{NOTE}#juridisk"' in html


def test_an_infection_control_measure_needs_a_medical_justification(hamar):
    worksheet = make_worksheet(hamar)
    assert _codes(make_row(worksheet, reason="smittevern")) == {"smittevern_uten_begrunnelse": "feil"}
    assert _codes(make_row(worksheet, reason="begge", medical_basis="Kommuneoverlegen: færre nærkontakter.")) == {}
    assert _codes(make_row(worksheet, reason="kapasitet")) == {}
    assert _codes(make_row(worksheet, reason="smittevern", action="opprettholde")) == {}


# --- The worksheet as a whole ---------------------------------------------------------------------

def test_a_worksheet_that_cuts_services_must_say_why_it_is_necessary_now(client, hamar, leader):
    worksheet = make_worksheet(hamar, summary="")
    make_row(worksheet)
    client.force_login(leader)
    response = _decide(client, worksheet)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Skjemaet sier ikke hvorfor tiltakene er nødvendige nå" in html
    assert "ikke iverksettes før det er nødvendig ut fra kapasitets- og smittevernhensyn" in html
    assert f'href="{reverse("prioritering:worksheet_edit", args=[worksheet.pk])}">Skjemaets hode</a>' in html
    detail = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    assert "rett 1 feil" in detail and f'href="{NOTE}#faser"' in detail
    client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": worksheet.service_unit, "phase": "3", "assessed_on": "16.03.2022", "responsible": "Leder",
        "summary": "Ni ansatte i karantene; hjemmesykepleien må ha flere hender.", "revision": worksheet.revision})
    worksheet.refresh_from_db()
    assert _decide(client, worksheet).status_code == 302


def test_a_worksheet_that_keeps_every_service_needs_no_statement_of_necessity(hamar, leader):
    from prioritering import services

    worksheet = make_worksheet(hamar, summary="")
    make_row(worksheet, action="opprettholde")
    assert services.worksheet_decide(worksheet=worksheet, user=leader).status == Status.DECIDED


# --- The worksheet's own highest priority ----------------------------------------------------------

@pytest.mark.parametrize("scores", [dict(nytte=3, alvorlighet=3, ressurs=1, mestring=3),  # 12 of 12
                                    dict(nytte=3, alvorlighet=3, ressurs=3, mestring=1),  # 8, top-right cell
                                    dict(nytte=3, alvorlighet=2, ressurs=1, mestring=2)])  # 10, høy
def test_pausing_a_service_the_worksheet_scores_highest_needs_a_stated_reason(hamar, scores):
    row = make_row(make_worksheet(hamar), action="stanse", **scores)
    assert _codes(row) == {"hoy_prioritet_redusert": "advarsel"}


def test_keeping_or_cutting_a_lower_priority_service_needs_no_such_reason(hamar):
    worksheet = make_worksheet(hamar)
    assert _codes(make_row(worksheet, action="opprettholde", nytte=3, alvorlighet=3, ressurs=1, mestring=3)) == {}
    assert _codes(make_row(worksheet, nytte=2, alvorlighet=3, ressurs=2, mestring=2)) == {}  # 9, middels


def test_the_issues_palliative_case_is_blocked_until_involved_and_the_reason_is_kept_everywhere(
        client, hamar, leader):
    """Palliative care scored 10/12 in the top-right cell, paused, «Ikke involvert» (issue 25)."""
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, service_type="lindrende", action="stanse", nytte=3, alvorlighet=3, ressurs=2,
                   mestring=2, involvement="nei", individual_decision="nei")
    assert _codes(row) == {"ikke_involvert": "feil", "lindrende_redusert": "advarsel",
                           "hoy_prioritet_redusert": "advarsel"}
    client.force_login(leader)
    reason = "Palliativt team fra sykehuset overtar i tre uker; hjemmesykepleien følger opp daglig."
    palliative = "Hospice Lovisenberg har plass til alle i livets sluttfase."
    fields = dict(service_type="lindrende", service_name="", action="stanse", nytte="3", alvorlighet="3",
                  ressurs="2", mestring="2", individual_decision="nei")
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(
        row, involvement="nei", begrunnelse_hoy_prioritet_redusert=reason,
        begrunnelse_lindrende_redusert=palliative, **fields))
    assert _decide(client, worksheet).status_code == 409  # not involved: an error, whatever is written
    row.refresh_from_db()
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(
        row, involvement="begge", begrunnelse_hoy_prioritet_redusert=reason,
        begrunnelse_lindrende_redusert=palliative, **fields))
    assert _decide(client, worksheet).status_code == 302
    history = client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk])).content.decode()
    assert reason in history
    for name in ("worksheet_detail", "worksheet_print"):
        html = client.get(reverse(f"prioritering:{name}", args=[worksheet.pk])).content.decode()
        assert f"«{reason}»" in html and "Tjenesten skjemaet prioriterer høyest reduseres eller stanses" in html
    text = client.get(reverse("prioritering:worksheet_export", args=[worksheet.pk])).content.decode("utf-8-sig")
    header, line = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert (f"Tjenesten skjemaet prioriterer høyest reduseres eller stanses: {reason}"
            in dict(zip(header, line))["Vurderte advarsler med begrunnelse"])
