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
