"""After a failed save the error summary is the first thing on the page (GOV.UK pattern): before the
heading and the rules box, focused on load, one link per field in error, and the typed text kept."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_row, make_worksheet
from tests.prioritering.conftest import row_post_data

pytestmark = pytest.mark.django_db


def _summary(html):
    start = html.index('id="feiloppsummering"')
    return html[html.rindex("<div", 0, start):html.index("</div>", start)]


def test_the_row_forms_summary_comes_before_the_heading_and_the_rules_box_and_takes_the_focus(
        client, hamar, contributor):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, forsvarlig_minimum="Ingen", end_date=None)  # so the rules box is shown
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]), row_post_data(
        row, nytte="", description="Det jeg skrev.", begrunnelse_mangler_sluttdato="kort", end_date=""))
    html = response.content.decode()
    main = html[html.index('<main'):]
    assert response.status_code == 200 and html.count('id="feiloppsummering"') == 1
    assert main.index('id="feiloppsummering"') < main.index("<h1") < main.index('id="regler-tittel"')
    summary = _summary(html)
    assert "autofocus" in summary and 'tabindex="-1"' in summary and 'role="alert"' in summary
    assert re.findall(r'href="#(id_\w+)"', summary) == ["id_nytte", "id_begrunnelse_mangler_sluttdato"]
    assert 'id="id_nytte"' in html and 'id="id_begrunnelse_mangler_sluttdato"' in html
    assert "<title>Feil: " in html and "Det jeg skrev." in html


def test_the_header_forms_summary_comes_first_too(client, worksheet, contributor):
    client.force_login(contributor)
    html = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": "", "phase": "3", "assessed_on": "31.02.2022", "responsible": "Leder",
        "revision": worksheet.revision}).content.decode()
    main = html[html.index('<main'):]
    assert html.count('id="feiloppsummering"') == 1
    assert main.index('id="feiloppsummering"') < main.index("<h1") < main.index('id="personopplysninger"')
    assert re.findall(r'href="#(id_\w+)"', _summary(html)) == ["id_service_unit", "id_assessed_on"]


def test_a_page_without_errors_has_no_summary_and_nothing_autofocused(client, worksheet, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_create", args=[worksheet.pk])).content.decode()
    assert 'id="feiloppsummering"' not in html and "autofocus" not in html and "<title>Feil" not in html


def test_a_stale_decision_is_explained_at_the_top_of_the_decision_page(client, worksheet, leader):
    client.force_login(leader)
    html = client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": "7"}).content.decode()
    main = html[html.index('<main'):]
    assert main.index('id="feiloppsummering"') < main.index("<h1")
    assert "Noen andre har lagret endringer" in _summary(html)
