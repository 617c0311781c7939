"""Filling in a worksheet: create (with the note's suggestions), rows, history, sorting, versions, print."""

import re

import pytest
from django.urls import reverse

from prioritering import note, services
from prioritering.models import Status, Worksheet
from tests.factories import make_row, make_worksheet
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db

CREATE = {"service_unit": "Hjemmetjenesten sone nord", "phase": "4", "assessed_on": "16.03.2022",
          "responsible": "Enhetsleder", "next_review": "30.03.2022", "staff_available": "30", "staff_needed": "44"}


def test_contributor_creates_a_worksheet_prefilled_with_the_notes_suggestions(client, hamar, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_create"), {**CREATE, "municipality": hamar.pk, "prefill": "on"})
    worksheet = Worksheet.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("prioritering:worksheet_detail", args=[worksheet.pk])
    assert worksheet.municipality == hamar and worksheet.phase == 4 and worksheet.created_by == contributor
    assert [r.service_type for r in worksheet.rows.all()] == [s["service_type"] for s in note.CAPACITY_SUGGESTIONS]
    html = client.get(response["Location"]).content.decode()
    assert "Velferdsteknologiske løsninger bør tas i bruk" in html
    assert "16.03.2022" in html and "30.03.2022" in html
    assert "epidemien «når en topp i fase 4»".lower() in html.lower()


def test_worksheet_without_suggestions_starts_empty(client, hamar, contributor):
    client.force_login(contributor)
    client.post(reverse("prioritering:worksheet_create"), {**CREATE, "municipality": hamar.pk})
    assert Worksheet.objects.get().rows.count() == 0


@pytest.mark.parametrize("field,value,message", [
    ("assessed_on", "31.02.2022", "Datoen finnes ikke"),
    ("assessed_on", "i går", "Datoen finnes ikke"),
    ("next_review", "01.01.2022", "kan ikke være før datoen for vurderingen"),
    ("phase", "7", "Velg en av fasene 1–5"),
    ("municipality", "abc", "Velg en av dine egne kommuner"),
    ("staff_needed", "-3", "større enn eller lik 0"),
])
def test_bad_input_gives_a_norwegian_form_error_and_keeps_the_rest(client, hamar, contributor, field, value, message):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_create"), {**CREATE, "municipality": hamar.pk, field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html and 'value="Hjemmetjenesten sone nord"' in html
    assert not Worksheet.objects.exists()


def test_row_form_shows_vedlegg_1_descriptors_beside_each_choice(client, worksheet, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_create", args=[worksheet.pk])).content.decode()
    for text in ["«overlevelse eller redusert funksjonstap»", "«risiko for død eller funksjonstap»",
                 "Et tiltaks prioritet øker desto mindre ressurser det legger beslag på",
                 "Brukerstyrt personlig assistanse", "Lindrende behandling", "Erstatte med velferdsteknologi",
                 "Pårørende med særlig tyngende omsorgsoppgaver", "Muntlige vedtak (forvaltningsloven § 23)",
                 "Skriftlig omgjøring av enkeltvedtakene (forvaltningsloven § 35)",
                 "Ja, mottakerne har tjenesten ved enkeltvedtak"]:
        assert text in html, text
    assert re.search(r'<input[^>]+name="nytte" value="3"[^>]*>\s*<label[^>]*>Stor – ', html)


def test_free_text_service_needs_a_name(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]),
                           row_post_data(service_type="annet", service_name=""))
    assert "Beskriv tjenesten med egne ord" in response.content.decode()


def test_bad_end_date_is_a_form_error(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), row_post_data(end_date="32.13.2022"))
    assert response.status_code == 200 and "Datoen finnes ikke" in response.content.decode()


def test_every_change_is_in_the_history_with_who_when_and_what(client, worksheet, contributor):
    client.force_login(contributor)
    row = worksheet.rows.get()
    client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(row, action="stanse"))
    client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": "Sone sør", "phase": "4", "assessed_on": "16.03.2022", "responsible": "Enhetsleder",
        "revision": "1"})
    client.post(reverse("prioritering:row_delete", args=[worksheet.pk, row.pk]))
    html = client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk])).content.decode()
    assert contributor.username in html
    assert "Endret tjenesten «Dagaktivitetstilbud: Dagsenteret»" in html or "Endret tjenesten" in html
    assert "Midlertidig stanse" in html and "Redusere" in html
    assert "Sone sør" in html and "Fase 4" in html
    assert "Slettet tjenesten" in html
    assert worksheet.changes.count() == 3


def test_rows_sort_by_indicative_priority_which_is_explained_and_not_the_decision(client, hamar, reader):
    worksheet = make_worksheet(hamar)
    make_row(worksheet, service_type="renhold", nytte=1, alvorlighet=1, ressurs=3, mestring=1)
    make_row(worksheet, service_type="lindrende", action="opprettholde", nytte=3, alvorlighet=3, ressurs=1, mestring=3)
    client.force_login(reader)
    html = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk]), {"sorter": "prioritet"}).content.decode()
    assert html.index("2. Lindrende behandling") < html.index("1. Renhold")
    assert "Indikativ prioritet høy (12 av 12 poeng)" in html
    assert "ikke en beslutning" in html
    default = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    assert default.index("1. Renhold") < default.index("2. Lindrende behandling")


@pytest.mark.parametrize("query", ["?sorter=drop+table", "?sorter=%00"])
def test_unknown_sort_parameter_is_a_400(client, worksheet, reader, query):
    client.force_login(reader)
    response = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk]) + query)
    assert response.status_code == 400
    assert "Forespørselen kunne ikke behandles" in response.content.decode()


def test_detail_draws_the_matrix_as_svg_with_a_table_alternative(client, worksheet, reader):
    make_row(worksheet, service_type="renhold", nytte=3, alvorlighet=1, ressurs=3)
    client.force_login(reader)
    html = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "Nytte" in svg and "Alvorlighet" in svg
    assert svg.count("<circle") == 2
    assert 'r="20"' in svg and 'r="14"' in svg  # marker size follows ressurs
    # Coordinates are plain integers: a localised "165,0" would be read by SVG as two numbers.
    assert not re.search(r'\b(x|y|x1|y1|cx|cy|width|height)="[^"]*,', svg)
    assert "Matrisen som tabell" in html


def test_new_version_for_a_new_phase_copies_rows_and_supersedes_the_old(client, worksheet, leader):
    services.worksheet_decide(worksheet=worksheet, user=leader)
    client.force_login(leader)
    response = client.post(reverse("prioritering:worksheet_new_version", args=[worksheet.pk]), {"phase": "4"})
    new = Worksheet.objects.exclude(pk=worksheet.pk).get()
    assert response["Location"] == reverse("prioritering:worksheet_detail", args=[new.pk])
    worksheet.refresh_from_db()
    assert worksheet.status == Status.SUPERSEDED and new.status == Status.DRAFT and new.phase == 4
    assert new.previous_version == worksheet
    assert [r.service_type for r in new.rows.all()] == [r.service_type for r in worksheet.rows.all()]
    old_html = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    assert "erstattet av en nyere versjon" in old_html
    assert client.post(reverse("prioritering:worksheet_new_version", args=[worksheet.pk]), {"phase": "5"}).status_code == 302
    assert Worksheet.objects.count() == 2


def test_new_version_needs_a_decided_worksheet(client, worksheet, leader):
    client.force_login(leader)
    response = client.post(reverse("prioritering:worksheet_new_version", args=[worksheet.pk]), {"phase": "4"}, follow=True)
    assert "Bare et vedtatt skjema" in response.content.decode()
    assert Worksheet.objects.count() == 1


def test_print_view_is_one_document_with_rows_and_matrix(client, worksheet, reader):
    client.force_login(reader)
    html = client.get(reverse("prioritering:worksheet_print", args=[worksheet.pk])).content.decode()
    assert "kp-print-page" in html and "<svg" in html and "Dagaktivitetstilbud" in html and "16.03.2022" in html
