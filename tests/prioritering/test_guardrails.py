"""Each guard-rail from the note, through HTTP: errors block vedtatt, warnings need a written reason."""

import re

import pytest
from django.urls import reverse

from prioritering import guardrails, services
from prioritering.models import Status
from tests.factories import make_row, make_worksheet
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db

NOTE = "/veiledning/prioriteringsnotatet/"  # the published note; its chapters' anchors are the sections


def _codes(row, phase=3):
    return {f.code: f.level for f in guardrails.check_row(row, phase)}


def _decide(client, worksheet):
    return client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": worksheet.revision})


def _edit_row(client, row, **overrides):
    return client.post(reverse("prioritering:row_edit", args=[row.worksheet_id, row.pk]), row_post_data(row, **overrides))


# (phase, row fields, rule, the note's words in the message, the section linked)
ERRORS = [
    (3, {"forsvarlig_minimum": "Ingen"}, "mangler_forsvarlig_minimum",
     "må det sikres forsvarlig helsehjelp og dekking av grunnleggende behov", "kapasitet"),
    (3, {"service_type": "lindrende", "action": "stanse", "forsvarlig_minimum": ""}, "lindrende_uten_minimum",
     "må sikres god lindrende behandling og omsorg", "lindrende"),
    (3, {"vulnerable_groups": ["barn"], "vulnerable_plan": "Ukentlig telefon.", "forsvarlig_minimum": "–"},
     "sarbare_uten_minimum", "spesielt utsatt for negative konsekvenser av redusert kapasitet", "sarbare"),
    (3, {"service_type": "individuell_plan", "forsvarlig_minimum": "ingen."}, "plan_uten_minimum",
     "der det vurderes forsvarlig", "kapasitet"),
    (3, {"service_type": "individuell_plan", "action": "stanse"}, "plan_stanses",
     "Eksisterende individuelle planer opphører ikke", "kapasitet"),
    (3, {"service_type": "praktisk_bistand", "action": "stanse", "individual_decision": "ja", "decision_form": "ingen"},
     "omgjoring_mangler", "Omgjøringsvedtak skal fattes skriftlig", "omgjoring"),
    (4, {"individual_decision": "ja", "decision_form": "muntlig", "journal_reference": "Gerica, vedtaksnotat"},
     "omgjoring_mangler", "Omgjøringsvedtak skal fattes skriftlig", "omgjoring"),
    (2, {"individual_decision": "ja", "decision_form": "omgjoring"}, "omgjoring_utenfor_fase",
     "Dette gjelder når epidemien er i fase 3 og 4", "omgjoring"),
    (5, {"individual_decision": "ja", "decision_form": "omgjoring"}, "omgjoring_utenfor_fase",
     "Dette gjelder når epidemien er i fase 3 og 4", "omgjoring"),
    (1, {"decision_form": "muntlig", "journal_reference": "Gerica"}, "muntlig_utenfor_fase",
     "I fase 3 og 4 av epidemien, kan situasjonen", "muntlig-saksbehandling"),
    (4, {"decision_form": "muntlig", "journal_reference": " "}, "muntlig_uten_journal",
     "skal muntlige vedtak føres i pasienten/brukerens journal", "muntlig-saksbehandling"),
    (3, {"weighted_criteria": ["ressurs"]}, "ressurs_alene", "Ressurskriteriet skal ikke brukes alene", "vedlegg-1"),
    (3, {"mestring": None}, "kriterier_ikke_vurdert", "skal vurderes samlet", "kriterier"),
    (3, {"involvement": "nei"}, "ikke_involvert", "skal involveres før beslutningen fattes", "kapasitet"),
    (3, {"action": "omorganisere", "involvement": ""}, "ikke_involvert", "skal involveres før beslutningen fattes",
     "kapasitet"),
    (3, {"reason": "smittevern", "medical_basis": "Ingen"}, "smittevern_uten_begrunnelse",
     "skal tiltak ha en klar medisinskfaglig begrunnelse", "smittevern-og-kapasitet"),
    (3, {"action": "omorganisere", "reason": "begge"}, "smittevern_uten_begrunnelse",
     "skal tiltak ha en klar medisinskfaglig begrunnelse", "smittevern-og-kapasitet"),
    (4, {"decision_form": "muntlig", "journal_reference": "Gerica, vedtaksnotat", "oral_justification": "-"},
     "muntlig_uten_vurdering", "av praktiske grunner vil være særlig byrdefullt for kommunen",
     "muntlig-saksbehandling"),
    (4, {"individual_decision": "ja", "decision_form": "omgjoring", "reversal_understood": "nei"},
     "omgjoring_ikke_forstatt", "har forstått hva endringen medfører og hvor lenge endringen gjelder", "omgjoring"),
    (3, {"action": "stanse", "individual_decision": "ja", "decision_form": "omgjoring", "reversal_understood": ""},
     "omgjoring_ikke_forstatt", "har forstått hva endringen medfører og hvor lenge endringen gjelder", "omgjoring"),
    (3, {"complaint_info": "nei"}, "klagerett_ikke_opplyst", "pasienters rett til å klage", "juridisk"),
    (3, {"action": "stanse", "complaint_info": ""}, "klagerett_ikke_opplyst", "pasient- og brukerrettighetsloven § 7-2",
     "juridisk"),
]


@pytest.mark.parametrize("phase,fields,code,quote,section", ERRORS)
def test_each_error_quotes_the_note_links_its_section_and_blocks_the_decision(
        client, hamar, leader, phase, fields, code, quote, section):
    worksheet = make_worksheet(hamar, phase=phase)
    make_row(worksheet, **fields)
    client.force_login(leader)
    response = _decide(client, worksheet)
    html = response.content.decode()
    assert response.status_code == 409
    assert str(guardrails.RULES[code].title) in html and quote in html
    assert f'href="{NOTE}#{section}"' in html
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DRAFT


@pytest.mark.parametrize("phase,fields,code,quote,section", ERRORS)
def test_the_notes_page_quotes_the_section_each_error_links_to(client, hamar, leader, phase, fields, code, quote,
                                                                section):
    client.force_login(leader)
    html = client.get(reverse("prioritering:note")).content.decode()
    start = html.index(f'id="{section}"')
    assert str(guardrails.RULES[code].title) in html[start:html.index("</section>", start)]


def test_pausing_palliative_care_with_minimum_ingen_and_no_reversal_cannot_be_decided_even_with_warnings_reasoned(
        client, hamar, leader):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, service_type="lindrende", action="stanse", forsvarlig_minimum="Ingen",
                   involvement="nei", individual_decision="ja", decision_form="ingen")
    assert _codes(row) == {"lindrende_uten_minimum": "feil", "omgjoring_mangler": "feil", "ikke_involvert": "feil",
                           "lindrende_redusert": "advarsel"}
    client.force_login(leader)
    _edit_row(client, row, service_type="lindrende", action="stanse", forsvarlig_minimum="Ingen", involvement="nei",
              individual_decision="ja", decision_form="ingen",
              begrunnelse_lindrende_redusert="Hospicet overtar oppfølgingen av alle i livets sluttfase.",
              begrunnelse_ikke_involvert="Ikke tid til å involvere før stansen.")
    row.refresh_from_db()
    assert set(row.acknowledged_warnings) == {"lindrende_redusert"}
    response = _decide(client, worksheet)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Lindrende behandling reduseres uten forsvarlig minimum" in html
    assert "Enkeltvedtak endres uten skriftlig omgjøring" in html
    assert "Tjenestemottaker og pårørende er ikke involvert" in html


def test_a_service_may_not_be_paused_without_involving_the_recipients_whatever_the_reason_written(
        client, hamar, leader):
    """The note's «skal involveres» is an error: no written reason acknowledges it (issue 25)."""
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, service_type="lindrende", action="stanse", involvement="nei",
                   acknowledged_warnings={"ikke_involvert": "Ikke tid til å involvere før stansen."})
    client.force_login(leader)
    form = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk])).content.decode()
    assert 'name="begrunnelse_ikke_involvert"' not in form
    assert re.search(r"Feil \(hindrer vedtak\):\s*</strong>\s*Tjenestemottaker og pårørende er ikke involvert", form)
    assert _decide(client, worksheet).status_code == 409


def test_pausing_a_service_granted_by_individual_decision_with_no_change_to_the_decision_is_an_error(
        client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(
        service_type="praktisk_bistand", service_name="", action="stanse", individual_decision="ja",
        decision_form="ingen"), follow=True)
    html = response.content.decode()
    assert "er lagret som utkast, men har 1 feil" in html
    assert "Enkeltvedtak endres uten skriftlig omgjøring" in html
    row = worksheet.rows.get(service_type="praktisk_bistand")
    assert _codes(row) == {"omgjoring_mangler": "feil"}


def test_a_written_reversal_in_phase_3_or_4_holds_the_line(hamar):
    for phase in (3, 4):
        row = make_row(make_worksheet(hamar, phase=phase), individual_decision="ja", decision_form="omgjoring",
                       reversal_understood="ja")
        assert _codes(row, phase) == {}


@pytest.mark.parametrize("phase", [1, 2, 5])
def test_a_reversal_to_the_recipients_disadvantage_outside_phases_3_and_4_is_an_error(hamar, phase):
    row = make_row(make_worksheet(hamar, phase=phase), individual_decision="ja", decision_form="omgjoring",
                   reversal_understood="ja")
    assert _codes(row, phase) == {"omgjoring_utenfor_fase": "feil"}


def test_a_reversal_that_reduces_nothing_is_not_to_the_recipients_disadvantage(hamar):
    row = make_row(make_worksheet(hamar, phase=2), action="omorganisere", individual_decision="ja",
                   decision_form="omgjoring")
    assert _codes(row, 2) == {}


@pytest.mark.parametrize("phase,expected", [(1, {"muntlig_utenfor_fase"}), (2, {"muntlig_utenfor_fase"}),
                                            (3, set()), (4, set()), (5, {"muntlig_utenfor_fase"})])
def test_journaled_oral_decisions_are_allowed_only_in_phases_3_and_4(hamar, phase, expected):
    row = make_row(make_worksheet(hamar, phase=phase), decision_form="muntlig", journal_reference="Gerica, vedtaksnotat",
                   oral_justification="Halvparten av saksbehandlerne er i karantene denne uken.")
    assert set(_codes(row, phase)) == expected


def test_an_oral_decision_outside_phases_3_and_4_is_an_error_even_when_journaled_through_http(client, hamar, leader):
    worksheet = make_worksheet(hamar, phase=2)
    make_row(worksheet, decision_form="muntlig", journal_reference="Gerica")
    client.force_login(leader)
    response = _decide(client, worksheet)
    assert response.status_code == 409 and "Muntlige vedtak utenfor fase 3–4" in response.content.decode()


def test_the_row_form_asks_whether_a_reduced_service_is_granted_by_individual_decision(client, worksheet, contributor):
    row = worksheet.rows.get()
    client.force_login(contributor)
    response = _edit_row(client, row, individual_decision="", description="Ny tekst")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Svar på om mottakerne har tjenesten ved enkeltvedtak" in html and "Ny tekst" in html
    row.refresh_from_db()
    assert row.description == ""


def test_a_reversal_of_a_service_not_granted_by_decision_is_refused_by_the_form(client, worksheet, contributor):
    row = worksheet.rows.get()
    client.force_login(contributor)
    response = _edit_row(client, row, individual_decision="nei", decision_form="omgjoring")
    assert "Omgjøring gjelder bare tjenester som er tildelt ved enkeltvedtak" in response.content.decode()


@pytest.mark.parametrize("text", ["Ingen", "ingen.", "-", "Nei", "Ikke aktuelt", "  "])
def test_a_placeholder_is_no_forsvarlig_minimum(hamar, text):
    row = make_row(make_worksheet(hamar), forsvarlig_minimum=text)
    assert _codes(row) == {"mangler_forsvarlig_minimum": "feil"}


def test_a_clean_row_has_no_findings(worksheet):
    assert guardrails.check_row(worksheet.rows.get(), worksheet.phase) == []


def test_keeping_a_service_needs_no_end_date_minimum_or_involvement(hamar):
    row = make_row(make_worksheet(hamar), action="opprettholde", end_date=None, forsvarlig_minimum="", involvement="nei",
                   individual_decision="ja", decision_form="ingen")
    assert _codes(row) == {}


# (phase, row fields, warning, the note's words)
WARNINGS = [
    (3, {"end_date": None}, "mangler_sluttdato", "bør være tidsavgrensede"),
    (3, {"service_type": "lindrende", "action": "redusere"}, "lindrende_redusert", "må sikres god lindrende behandling"),
    (3, {"vulnerable_groups": ["barn"], "vulnerable_plan": ""}, "sarbare_uten_plan", "sårbare hjemmeboende"),
    (3, {"nytte": 3, "alvorlighet": 3, "ressurs": 1, "mestring": 3}, "hoy_prioritet_redusert",
     "Et tiltaks prioritet øker i tråd med alvorligheten av tilstanden"),
]


@pytest.mark.parametrize("phase,fields,code,quote", WARNINGS)
def test_each_warning_blocks_until_acknowledged_with_a_written_reason(client, hamar, leader, phase, fields, code,
                                                                      quote):
    worksheet = make_worksheet(hamar, phase=phase)
    row = make_row(worksheet, **fields)
    assert _codes(row, phase) == {code: "advarsel"}
    client.force_login(leader)
    blocked = _decide(client, worksheet)
    assert blocked.status_code == 409 and quote in blocked.content.decode()
    form = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk])).content.decode()
    assert f'name="begrunnelse_{code}"' in form
    posted = {k: ("" if v is None else v) for k, v in fields.items() if k != "vulnerable_groups"}
    posted["end_date"] = "" if "end_date" in fields else "30.06.2022"
    _edit_row(client, row, **posted, vulnerable_groups=fields.get("vulnerable_groups", []),
              **{f"begrunnelse_{code}": "Vurdert i kriseledelsen 2. april; tiltaket er forsvarlig."})
    row.refresh_from_db()
    assert row.acknowledged_warnings == {code: "Vurdert i kriseledelsen 2. april; tiltaket er forsvarlig."}
    assert _decide(client, worksheet).status_code == 302
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DECIDED


def test_a_reduction_without_an_end_date_is_a_warning_not_an_error(hamar):
    row = make_row(make_worksheet(hamar), action="stanse", end_date=None)
    assert _codes(row) == {"mangler_sluttdato": "advarsel"}


@pytest.mark.parametrize("reason", ["ok", "vurdert", "   ja    "])
def test_a_reason_too_short_to_say_anything_is_refused(client, hamar, leader, reason):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None)
    client.force_login(leader)
    response = _edit_row(client, row, end_date="", begrunnelse_mangler_sluttdato=reason)
    assert response.status_code == 200 and "Skriv en begrunnelse på minst 10 tegn" in response.content.decode()
    row.refresh_from_db()
    assert row.acknowledged_warnings == {} and row.revision == 1


def test_a_checkbox_alone_no_longer_acknowledges_a_warning(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None)
    client.force_login(leader)
    _edit_row(client, row, end_date="", warnings_acknowledged="on")
    row.refresh_from_db()
    assert row.acknowledged_warnings == {}
    assert _decide(client, worksheet).status_code == 409


def test_acknowledgement_does_not_cover_a_warning_that_appears_in_the_same_save(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None)
    client.force_login(leader)
    _edit_row(client, row, end_date="", vulnerable_groups=["barn"],
              begrunnelse_mangler_sluttdato="Brukerne ringes før endringen trer i kraft.",
              begrunnelse_sarbare_uten_plan="Smuglet inn uten at advarselen var vist.")
    row.refresh_from_db()
    assert row.acknowledged_warnings == {"mangler_sluttdato": "Brukerne ringes før endringen trer i kraft."}
    with pytest.raises(services.DecisionBlocked) as blocked:
        services.worksheet_decide(worksheet=worksheet, user=leader)
    assert [f.code for _, f in blocked.value.problems] == ["sarbare_uten_plan"]
    page = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk])).content.decode()
    assert "Brukerne ringes før endringen trer i kraft." in page


def test_emptying_the_reason_withdraws_the_acknowledgement(client, hamar, leader):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None, acknowledged_warnings={"mangler_sluttdato": "Ringt alle brukerne."})
    client.force_login(leader)
    _edit_row(client, row, end_date="", begrunnelse_mangler_sluttdato="")
    row.refresh_from_db()
    assert row.acknowledged_warnings == {}


def test_the_reason_is_kept_in_the_history_and_shown_on_the_decided_worksheet_print_and_csv(client, hamar, leader):
    reason = "Sluttdato settes ved gjennomgangen 16.04.2020."
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None)
    client.force_login(leader)
    _edit_row(client, row, end_date="", begrunnelse_mangler_sluttdato=reason)
    assert _decide(client, worksheet).status_code == 302
    history = client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk])).content.decode()
    assert history.count(reason) == 2  # when it was written, and in the decision's entry
    for name in ("worksheet_detail", "worksheet_print"):
        html = client.get(reverse(f"prioritering:{name}", args=[worksheet.pk])).content.decode()
        assert "Slik skjemaet ble vedtatt" in html and f"«{reason}»" in html
        assert "Reduksjonen har ingen sluttdato" in html
    csv = client.get(reverse("prioritering:worksheet_export", args=[worksheet.pk])).content.decode("utf-8-sig")
    assert f"Reduksjonen har ingen sluttdato: {reason}" in csv


def test_an_acknowledgement_from_before_reasons_were_required_needs_a_reason_on_a_draft(hamar, leader):
    worksheet = make_worksheet(hamar)
    make_row(worksheet, end_date=None, acknowledged_warnings=["mangler_sluttdato"])
    with pytest.raises(services.DecisionBlocked):
        services.worksheet_decide(worksheet=worksheet, user=leader)


def test_an_acknowledgement_from_before_reasons_were_required_reads_as_such_on_a_decided_worksheet(
        client, hamar, reader):
    worksheet = make_worksheet(hamar, status=Status.DECIDED)
    make_row(worksheet, end_date=None, acknowledged_warnings={"mangler_sluttdato": ""})
    client.force_login(reader)
    html = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    assert "vurdert før portalen krevde en skriftlig begrunnelse" in html
    assert "Merknader etter portalens regler i dag" not in html


def test_empty_worksheet_cannot_be_decided(hamar, leader):
    with pytest.raises(services.DecisionBlocked):
        services.worksheet_decide(worksheet=make_worksheet(hamar), user=leader)


def test_leader_decides_a_clean_worksheet_and_it_becomes_read_only(client, worksheet, leader):
    client.force_login(leader)
    assert _decide(client, worksheet).status_code == 302
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DECIDED and worksheet.decided_by == leader
    edit = client.get(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), follow=True)
    assert "kan ikke endres" in edit.content.decode()
    row = worksheet.rows.get()
    _edit_row(client, row, service_name="Endret")
    row.refresh_from_db()
    assert row.service_name != "Endret"


def test_saving_a_row_with_an_error_keeps_it_as_draft_and_says_why(client, worksheet, contributor):
    client.force_login(contributor)
    url = reverse("prioritering:row_create", args=[worksheet.pk])
    response = client.post(url, row_post_data(decision_form="muntlig", forsvarlig_minimum="Ingen", end_date=""),
                           follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 feil og 1 advarsler" in html
    assert "må det sikres forsvarlig helsehjelp" in html and "skal muntlige vedtak føres i" in html
    assert "Les mer i prioriteringsnotatet, kapittelet «Muntlig saksbehandling»" in html
    assert worksheet.rows.count() == 2


def test_legacy_warning_codes_keep_their_name_in_the_history():
    assert str(guardrails.title("omgjoring_tidlig_fase")) == "Omgjøring til ugunst i fase 1–2"
