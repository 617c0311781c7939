"""No personal data: free text that holds a fødselsnummer, however it is written, a date of birth, a name with
an address or a diagnosis tied to a person is refused; a phone number or a name must be confirmed as not a service
recipient's. Service names and the place names of units pass (issue 25; docs/personal-data.md)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from prioritering.validators import (
    contains_fodselsnummer, find_personal_data, is_fodselsnummer, personal_data_warnings, validate_no_personal_data,
)
from tests.factories import make_row, make_worksheet
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


# --- Issue 25: the usual ways of writing a fødselsnummer, and other personal data -------------------
# 01017010170 passes both check digits; the issue found these four ways of writing it stored.
WRITTEN = ["01.01.70 10170", "0101 7010170", "01 01 70 10170", "01.01.1970 10170", "01-01-70 10170",
           "010170-10170", "01/01/1970 10170", "01017010170"]


@pytest.mark.parametrize("written", WRITTEN)
def test_a_fodselsnummer_is_recognised_however_it_is_grouped(written):
    assert contains_fodselsnummer(f"Gjelder bruker {written} på dagsenteret.")


@pytest.mark.parametrize("written", WRITTEN[:4])
def test_each_way_the_issue_found_is_refused_through_the_form_and_the_text_kept(client, worksheet, contributor,
                                                                              written):
    client.force_login(contributor)
    text = f"Gjelder {written}"
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]),
                           row_post_data(description=text))
    html = response.content.decode()
    assert response.status_code == 200 and "ser ut til å inneholde et fødselsnummer" in html and text in html
    assert worksheet.rows.count() == 1


@pytest.mark.parametrize("text", ["Gjelder perioden 01.01.2022 - 31.03.2022", "Saksnummer 2020/123456",
                                  "38 årsverk av 46, 9 i karantene", "Møte kl. 12.00 den 16.04.2020"])
def test_dates_case_numbers_and_figures_are_not_taken_for_a_fodselsnummer(text):
    assert not contains_fodselsnummer(text)


# (text, code, refused)
PERSONAL = [
    ("Ola Nordmann i Vangsvegen 3 har demens", "navn_og_adresse", True),
    ("Ola Nordmann i Vangsvegen 3 har demens", "helseopplysning", True),
    ("Kari Hansen, Storgata 12 B, trenger hjelp", "navn_og_adresse", True),
    ("Bruker født 01.01.1970 beholder tilbudet", "fodselsdato", True),
    ("Gjelder en dame f. 1942", "fodselsdato", True),
    ("fru Hansen har kreft", "helseopplysning", True),
    ("Ola har demens", "helseopplysning", True),
    ("Beboeren på rom 12 er smittet", "helseopplysning", True),
    ("Mannen (82) har kols", "helseopplysning", True),
    ("Ring pårørende på 912 34 567", "telefonnummer", False),
    ("Pårørende: +47 91234567", "telefonnummer", False),
    ("Kontakt 22 33 44 55", "telefonnummer", False),
    ("Ring Ola Nordmann før endringen", "personnavn", False),
    ("Pasienten har demens og bor alene", "mulig_helseopplysning", False),
]


@pytest.mark.parametrize("text,code,refused", PERSONAL)
def test_personal_data_is_refused_or_warned_of(text, code, refused):
    found = {f.code: f.refused for f in find_personal_data(text)}
    assert found.get(code) is refused, found


# Service names, place names of units and ordinary worksheet text: no refusal, no warning.
NOT_PERSONAL = [
    "Dagsenter Furuly", "Hjemmetjenesten sone nord", "Vangsvegen bo- og omsorgssenter", "Sykehjemmet på Ajer",
    "Dagsenteret i Vangsvegen 3 holder stengt i tre uker.", "Bo- og omsorgssenteret i Kirkevegen 12",
    "Ole Bulls plass 3", "Kong Oscars gate 1: kohortavdeling", "Lindrende behandling i Solhaug sykehjem",
    "Dag- og aktivitetstilbud", "Demensteamet følger opp brukere med demens.",
    "Pasienter med covid-19 isoleres på avdeling 2.", "Personer med kognitiv svikt og demens beholder tilbudet.",
    "Brukere over 80 år med demens beholder to dager i uken.", "Smitte i to bofellesskap; 9 ansatte i karantene.",
    "Kommuneoverlegen: færre brukere samlet samtidig gir mindre smitterisiko.", "Gerica, vedtaksnotat",
    "Enhetsleder hjemmetjenesten", "Støttekontakt på Åkersvika", "Hun ringer tildelingskontoret hver uke.",
    "Sluttdatoen settes ved gjennomgangen 16.04.2020; vedtakene sier at endringen er midlertidig.",
    "Fire av seks saksbehandlere er i karantene; skriftlige vedtak ville ta tre uker.",
    "Tildelingskontoret ringer alle pårørende med avlastning før endringen.",
]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_service_names_place_names_of_units_and_ordinary_text_pass(text):
    assert find_personal_data(text) == []


def test_the_demo_worksheets_texts_all_pass(db):
    import io

    from prioritering import demo
    from prioritering.models import ServiceRow, Worksheet

    demo.load(io.StringIO())
    texts = [getattr(w, name) for w in Worksheet.objects.all()
             for name in ("service_unit", "responsible", "infection_situation", "summary")]
    texts += [getattr(r, name) for r in ServiceRow.objects.all()
              for name in ("service_name", "description", "medical_basis", "vulnerable_plan", "forsvarlig_minimum",
                           "oral_justification", "journal_reference", "note_basis")]
    assert [(t, find_personal_data(t, names_allowed=True)) for t in texts if find_personal_data(t)] == []


def test_a_name_is_allowed_for_the_responsible_but_warned_of_elsewhere():
    assert personal_data_warnings("Enhetsleder Kari Hansen", names_allowed=True) == []
    assert [f.code for f in personal_data_warnings("Enhetsleder Kari Hansen")] == ["personnavn"]


def test_the_model_validator_refuses_and_never_warns():
    validate_no_personal_data("Ring pårørende på 912 34 567")  # a warning only: no exception
    with pytest.raises(ValidationError) as refused:
        validate_no_personal_data("Ola Nordmann i Vangsvegen 3 har demens")
    assert {e.code for e in refused.value.error_list} == {"navn_og_adresse", "helseopplysning"}


# --- Through the forms -----------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["service_name", "description", "medical_basis", "vulnerable_plan",
                                   "forsvarlig_minimum", "oral_justification", "journal_reference"])
def test_every_free_text_field_of_a_service_refuses_a_name_with_an_address_and_keeps_the_text(
        client, worksheet, contributor, field):
    client.force_login(contributor)
    text = "Ola Nordmann i Vangsvegen 3 har demens"
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(**{field: text}))
    html = response.content.decode()
    assert response.status_code == 200 and text in html
    assert "ser ut som navnet og adressen til en person" in html
    assert re.search(rf'href="#id_{field}">[^<]*ser ut som navnet og adressen', html)
    assert worksheet.rows.count() == 1


@pytest.mark.parametrize("field", ["service_unit", "responsible", "infection_situation", "summary"])
def test_every_free_text_field_of_the_header_refuses_a_date_of_birth(client, worksheet, contributor, field):
    client.force_login(contributor)
    data = {"service_unit": "Sone nord", "phase": "3", "assessed_on": "16.03.2022", "responsible": "Leder",
            "revision": worksheet.revision, field: "Gjelder bruker født 01.01.1970"}
    html = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), data).content.decode()
    assert "ser ut som en fødselsdato" in html and "Gjelder bruker født 01.01.1970" in html
    worksheet.refresh_from_db()
    assert worksheet.revision == 1


def _seen(html):
    return re.search(r'name="personopplysninger_sett" value="([0-9a-f]+)"', html).group(1)


def test_a_phone_number_is_saved_only_after_the_user_confirms_it_is_not_a_recipients(client, worksheet,
                                                                                     contributor):
    client.force_login(contributor)
    url = reverse("prioritering:row_create", args=[worksheet.pk])
    text = "Vakttelefonen 95 12 34 56 tar imot meldinger."
    first = client.post(url, row_post_data(description=text)).content.decode()
    assert "«95 12 34 56» ser ut som et telefonnummer" in first and text in first
    assert 'name="bekreft_personopplysninger"' in first and worksheet.rows.count() == 1
    assert 'href="#id_bekreft_personopplysninger"' in first
    saved = client.post(url, row_post_data(description=text, bekreft_personopplysninger="on",
                                           personopplysninger_sett=_seen(first)))
    assert saved.status_code == 302 and worksheet.rows.filter(description=text).exists()


def test_a_confirmation_does_not_cover_a_warning_the_user_was_not_shown(client, worksheet, contributor):
    client.force_login(contributor)
    url = reverse("prioritering:row_create", args=[worksheet.pk])
    first = client.post(url, row_post_data(description="Vakttelefonen 95 12 34 56.")).content.decode()
    changed = "Vakttelefonen 95 12 34 56. Datteren: 912 34 567."
    second = client.post(url, row_post_data(description=changed, bekreft_personopplysninger="on",
                                            personopplysninger_sett=_seen(first))).content.decode()
    assert "«912 34 567» ser ut som et telefonnummer" in second and changed in second
    assert not re.search(r'name="bekreft_personopplysninger"[^>]*checked', second)
    assert worksheet.rows.count() == 1


def test_ticking_the_box_without_having_seen_the_warning_confirms_nothing(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(
        description="Ring 912 34 567.", bekreft_personopplysninger="on"))
    assert response.status_code == 200 and worksheet.rows.count() == 1


def test_the_responsible_may_be_named_in_the_header(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": "Sone nord", "phase": "3", "assessed_on": "16.03.2022",
        "responsible": "Enhetsleder Kari Hansen", "summary": "Høyt sykefravær.", "revision": worksheet.revision})
    assert response.status_code == 302


def test_a_warnings_written_reason_is_guarded_too(client, hamar, contributor):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None)
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(
        row, end_date="", begrunnelse_mangler_sluttdato="Ola Nordmann i Vangsvegen 3 flytter snart."))
    assert "ser ut som navnet og adressen til en person" in response.content.decode()
    row.refresh_from_db()
    assert row.acknowledged_warnings == {}


def test_a_unit_with_a_street_address_is_saved_without_a_question(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(
        service_type="annet", service_name="Dagsenter Furuly", description="Dagsenteret i Vangsvegen 3 holder stengt."))
    assert response.status_code == 302
