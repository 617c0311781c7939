import csv
import io

import pytest
from django.urls import reverse

from tests.factories import make_row, make_worksheet

pytestmark = pytest.mark.django_db


def test_csv_is_utf8_with_bom_semicolons_and_norwegian_letters_intact(client, hamar, reader):
    worksheet = make_worksheet(hamar, service_unit="Hjemmetjenesten sone sør")
    make_row(worksheet, service_type="annet", service_name="Støttekontakt på Åkersvika; æøå",
             forsvarlig_minimum="=HYPERLINK(\"x\")")
    client.force_login(reader)
    response = client.get(reverse("prioritering:worksheet_export", args=[worksheet.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="prioritering-hamar-' in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["Nr", "Tjeneste", "Tjenestetype", "Tiltak"]
    assert rows[1][1] == "Støttekontakt på Åkersvika; æøå"
    assert rows[1][3] == "Redusere"
    assert "Hjemmetjenesten sone sør" in rows[1]
    # A cell that would run as a spreadsheet formula is neutralised.
    assert rows[1][12].startswith("'=")
    assert text.splitlines()[0].count(";") == len(rows[0]) - 1


def test_csv_says_everything_in_words_not_codes(client, hamar, leader):
    from prioritering import services

    worksheet = make_worksheet(hamar)
    make_row(worksheet, service_type="lindrende", nytte=3, alvorlighet=1, ressurs=2, mestring=2, end_date=None,
             individual_decision="ja", decision_form="omgjoring", reversal_understood="ja", reason="begge",
             medical_basis="Kommuneoverlegen: færre besøk.")
    make_row(worksheet, service_type="renhold", forsvarlig_minimum="Ingen", end_date=None)
    row = worksheet.rows.first()
    services.row_update(row=row, user=leader, data={}, expected_revision=row.revision,
                        reasons={"lindrende_redusert": "Hospicet tar over.", "mangler_sluttdato": "Settes 16.04."})
    client.force_login(leader)
    text = client.get(reverse("prioritering:worksheet_export", args=[worksheet.pk])).content.decode("utf-8-sig")
    header, first, second = list(csv.reader(io.StringIO(text), delimiter=";"))
    cell = dict(zip(header, first))
    assert (cell["Nytte"], cell["Alvorlighet"], cell["Ressurs"], cell["Mestring"]) == (
        "3 – stor", "1 – lav", "2 – middels", "2 – delvis")
    assert cell["Tildelt ved enkeltvedtak"] == "Ja, mottakerne har tjenesten ved enkeltvedtak"
    assert cell["Vedtaksform"] == "Skriftlig omgjøring av enkeltvedtakene (forvaltningsloven § 35)"
    assert cell["Fase"].startswith("Fase 3 – ") and cell["Status"] == "Utkast"
    assert cell["Vurderte advarsler med begrunnelse"] == (
        "Reduksjonen har ingen sluttdato: Settes 16.04. | Lindrende behandling reduseres: Hospicet tar over.")
    assert cell["Medisinskfaglig begrunnelse (smittevern)"] == "Kommuneoverlegen: færre besøk."
    assert cell["Mottakerne har forstått endringen"] == (
        "Ja, det er sikret at mottakerne og eventuelt pårørende har forstått hva endringen medfører og hvor lenge den "
        "gjelder")
    assert cell["Opplyst om klageretten"] == "Ja, mottakerne får vite at de kan klage (pasient- og brukerrettighetsloven § 7-2)"
    cell = dict(zip(header, second))
    assert cell["Feil"] == "Reduksjon eller stans uten forsvarlig minimum"
    assert cell["Advarsler som ikke er vurdert"] == "Reduksjonen har ingen sluttdato"
    assert "_" not in cell["Feil"] + cell["Advarsler som ikke er vurdert"]
