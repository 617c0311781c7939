"""Worksheet pages in a real browser: axe-core scans, and a worksheet filled in with the keyboard alone."""

import datetime

import pytest

from prioritering.models import ServiceRow, Worksheet
from tests.factories import make_contact_point, make_member, make_municipality, make_row, make_worksheet

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "et-langt-passord-123"


@pytest.fixture
def hamar_worksheet():
    make_contact_point(datetime.date(2021, 3, 5))  # so the scans include the contact banner
    hamar = make_municipality("Hamar", "3403")
    user = make_member(hamar, "leder", username="hamar-leder")
    worksheet = make_worksheet(hamar, summary="Høyt sykefravær; dagtilbud reduseres.")
    make_row(worksheet)
    make_row(worksheet, service_type="renhold", nytte=1, alvorlighet=1, ressurs=3, mestring=1)
    make_row(worksheet, service_type="lindrende", action="redusere", nytte=3, alvorlighet=3, ressurs=2, mestring=3,
             involvement="nei", vulnerable_groups=["eldre_sykehjem"])
    make_row(worksheet, service_type="habilitering", action="stanse", end_date=None, mestring=None)
    return user, worksheet


@pytest.mark.parametrize("path", ["/prioritering/", "/prioritering/{pk}/", "/prioritering/{pk}/utskrift/",
                                  "/prioritering/{pk}/historikk/", "/prioritering/{pk}/vedta/",
                                  "/prioritering/ny/", "/prioritering/{pk}/rediger/",
                                  "/prioritering/{pk}/tjenester/{row}/", "/prioritering/{pk}/tjenester/{row}/slett/",
                                  "/prioritering/notatet/"])
def test_worksheet_pages_have_no_axe_violations(page, live_server, assert_accessible, login, hamar_worksheet, path):
    user, worksheet = hamar_worksheet
    login(user.username, PASSWORD)
    page.goto(live_server.url + path.format(pk=worksheet.pk, row=worksheet.rows.last().pk))
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_decided_worksheet_and_new_version_page_are_accessible(page, live_server, assert_accessible, login):
    from prioritering import services

    hamar = make_municipality("Hamar", "3403")
    user = make_member(hamar, "leder", username="hamar-leder")
    worksheet = make_worksheet(hamar)
    make_row(worksheet)
    services.worksheet_decide(worksheet=worksheet, user=user)
    login(user.username, PASSWORD)
    for path in [f"/prioritering/{worksheet.pk}/", f"/prioritering/{worksheet.pk}/ny-versjon/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_detail_page_with_matrix_is_accessible_and_draws_every_assessed_row(page, live_server, assert_accessible,
                                                                            login, hamar_worksheet):
    user, worksheet = hamar_worksheet
    login(user.username, PASSWORD)
    page.goto(f"{live_server.url}/prioritering/{worksheet.pk}/?sorter=prioritet")
    assert page.locator("svg[role=img] circle").count() == 3
    assert page.locator("table caption", has_text="Matrisen som tabell").count() == 1
    assert_accessible(page)


def test_the_contact_banner_is_on_screen_but_not_on_paper(page, live_server, login, hamar_worksheet):
    user, worksheet = hamar_worksheet
    login(user.username, PASSWORD)
    for path in (f"/prioritering/{worksheet.pk}/", f"/prioritering/{worksheet.pk}/utskrift/"):
        page.goto(live_server.url + path)
        page.emulate_media(media="screen")
        assert page.locator(".kp-contact-point").is_visible(), path
        page.emulate_media(media="print")
        assert not page.locator(".kp-contact-point").is_visible(), path
        assert page.locator("h1").is_visible(), path


def test_row_form_with_errors_shown_is_accessible(page, live_server, assert_accessible, login, hamar_worksheet):
    user, worksheet = hamar_worksheet
    login(user.username, PASSWORD)
    page.goto(f"{live_server.url}/prioritering/{worksheet.pk}/tjenester/ny/")
    page.fill("#id_service_name", "Gjelder 01010112024")
    page.locator("#submit-id-lagre").focus()
    press_enter_and_wait(page)
    assert page.locator(".ds-error-summary").count() == 1
    assert "fødselsnummer" in page.content()
    assert_accessible(page)


def test_after_a_failed_save_the_error_summary_is_focused_at_the_top_and_links_to_the_field(
        page, live_server, login, hamar_worksheet):
    user, worksheet = hamar_worksheet
    row = worksheet.rows.get(service_type="lindrende")  # has findings, so the rules box is on the page
    login(user.username, PASSWORD)
    page.goto(f"{live_server.url}/prioritering/{worksheet.pk}/tjenester/{row.pk}/")
    page.fill("#id_service_name", "Gjelder 01010112024")
    page.locator("#submit-id-lagre").focus()
    press_enter_and_wait(page)
    assert page.evaluate("document.activeElement.id") == "feiloppsummering"
    box = page.locator("#feiloppsummering").bounding_box()
    assert box["y"] < page.viewport_size["height"] / 2, box  # not 1 500 px down, below the rules box
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_service_name"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_service_name"
    assert page.input_value("#id_service_name") == "Gjelder 01010112024"


def test_header_form_with_errors_shown_is_accessible(page, live_server, assert_accessible, login, hamar_worksheet):
    user, worksheet = hamar_worksheet
    login(user.username, PASSWORD)
    page.goto(f"{live_server.url}/prioritering/{worksheet.pk}/rediger/")
    page.fill("#id_assessed_on", "31.02.2022")
    page.locator("#submit-id-lagre").focus()
    press_enter_and_wait(page)
    assert "Datoen finnes ikke" in page.content()
    assert_accessible(page)


# --- keyboard only -----------------------------------------------------------

def tab_to(page, selector, limit=250):
    """Press Tab until the focused element matches selector, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose_radio(page, name, value):
    tab_to(page, f'input[name="{name}"]')
    for _ in range(30):
        if page.evaluate("s => document.querySelector(s).checked", f'input[name="{name}"][value="{value}"]'):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {name}={value}")


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_a_worksheet_is_filled_in_with_the_keyboard_alone(page, live_server):
    hamar = make_municipality("Hamar", "3403")
    make_member(hamar, "bidragsyter", username="tastatur")
    page.goto(live_server.url + "/konto/logg-inn/")
    type_into(page, "#id_username", "tastatur")
    type_into(page, "#id_password", PASSWORD)
    press_enter_and_wait(page)

    page.goto(live_server.url + "/prioritering/")
    tab_to(page, 'a[href="/prioritering/ny/"].ds-button')
    press_enter_and_wait(page)
    page.wait_for_url("**/prioritering/ny/")
    assert page.eval_on_selector("#id_municipality", "e => e.options[e.selectedIndex].text") == "Hamar (3403)"
    type_into(page, "#id_service_unit", "Hjemmetjenesten sone øst")
    type_into(page, "#id_responsible", "Enhetsleder")
    type_into(page, "#id_assessed_on", "16.03.2022")
    choose_radio(page, "phase", "4")
    assert not page.is_checked("#id_prefill")  # starting with the note's suggestions is an explicit choice
    tab_to(page, "#submit-id-opprett")
    press_enter_and_wait(page)
    worksheet = Worksheet.objects.get(service_unit="Hjemmetjenesten sone øst")
    assert worksheet.phase == 4 and worksheet.rows.count() == 0

    tab_to(page, f'a[href="/prioritering/{worksheet.pk}/tjenester/ny/"]')
    press_enter_and_wait(page)
    page.wait_for_url(f"**/prioritering/{worksheet.pk}/tjenester/ny/")
    tab_to(page, "#id_service_type")
    page.keyboard.type("Dagaktivitetstilbud")
    type_into(page, "#id_service_name", "Dagsenter Furuly")
    choose_radio(page, "action", "redusere")
    choose_radio(page, "reason", "begge")
    type_into(page, "#id_medical_basis", "Kommuneoverlegen: færre brukere samlet gir mindre smitterisiko.")
    type_into(page, "#id_end_date", "30.06.2022")
    for name, value in [("nytte", "2"), ("alvorlighet", "1"), ("ressurs", "2"), ("mestring", "2")]:
        choose_radio(page, name, value)
    for criterion in ["nytte", "alvorlighet"]:
        tab_to(page, f'input[name="weighted_criteria"][value="{criterion}"]')
        page.keyboard.press("Space")
    type_into(page, "#id_forsvarlig_minimum", "To dager i uken for dem som trenger det.")
    choose_radio(page, "involvement", "begge")
    choose_radio(page, "individual_decision", "ja")
    choose_radio(page, "decision_form", "omgjoring")
    choose_radio(page, "reversal_understood", "ja")
    choose_radio(page, "complaint_info", "ja")
    tab_to(page, "#submit-id-lagre")
    press_enter_and_wait(page)

    row = ServiceRow.objects.get(worksheet=worksheet)
    assert (row.service_type, row.service_name, row.action, row.reason) == ("dagaktivitet", "Dagsenter Furuly", "redusere", "begge")
    assert (row.nytte, row.alvorlighet, row.ressurs, row.mestring) == (2, 1, 2, 2)
    assert row.weighted_criteria == ["nytte", "alvorlighet"] and row.end_date.isoformat() == "2022-06-30"
    assert "«Dagaktivitetstilbud: Dagsenter Furuly» er lagret." in page.content()
    assert page.locator("svg[role=img] circle").count() == 1


# --- Warnings acknowledged in writing, the note's page and the county view ------------------------

def test_a_warning_is_acknowledged_with_a_written_reason_and_the_decided_worksheet_shows_it(
        page, live_server, assert_accessible, login):
    from prioritering import services

    hamar = make_municipality("Hamar", "3403")
    user = make_member(hamar, "leder", username="hamar-leder")
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None)
    login(user.username, PASSWORD)
    page.goto(f"{live_server.url}/prioritering/{worksheet.pk}/tjenester/{row.pk}/")
    assert page.locator("#id_begrunnelse_mangler_sluttdato").count() == 1
    assert_accessible(page)
    page.fill("#id_begrunnelse_mangler_sluttdato", "ok")
    page.locator("#submit-id-lagre").focus()
    press_enter_and_wait(page)
    assert "minst 10 tegn" in page.content()
    assert_accessible(page)
    page.fill("#id_begrunnelse_mangler_sluttdato", "Sluttdato settes ved neste gjennomgang.")
    page.check('input[name="individual_decision"][value="nei"]')
    page.locator("#submit-id-lagre").focus()
    press_enter_and_wait(page)
    assert "er lagret" in page.content()
    services.worksheet_decide(worksheet=worksheet, user=user)
    for path in (f"/prioritering/{worksheet.pk}/", f"/prioritering/{worksheet.pk}/utskrift/"):
        page.goto(live_server.url + path)
        assert "«Sluttdato settes ved neste gjennomgang.»" in page.content()
        assert_accessible(page)


@pytest.fixture
def county():
    from prioritering import services
    from prioritering.models import Membership, Role
    from tests.factories import make_user

    hamar = make_municipality("Hamar", "3403")
    make_municipality("Øyer", "3440")
    leader = make_member(hamar, "leder")
    decided = make_worksheet(hamar, service_unit="Hjemmetjenesten sone nord", next_review=datetime.date(2020, 4, 16))
    make_row(decided)
    make_row(decided, service_type="habilitering", action="stanse", individual_decision="ja", decision_form="omgjoring",
             reversal_understood="ja")
    services.worksheet_decide(worksheet=decided, user=leader)
    make_worksheet(hamar, service_unit="Et utkast")
    user = make_user("statsforvalter-test")
    Membership.objects.create(user=user, county="Innlandet", role=Role.COUNTY)
    return user, decided


def test_the_county_view_and_a_decided_worksheet_in_it_have_no_axe_violations(page, live_server, assert_accessible,
                                                                               login, county):
    user, decided = county
    login(user.username, PASSWORD)
    page.goto(live_server.url + "/prioritering/fylke/")
    assert page.locator("h1").count() == 1 and "Et utkast" not in page.content()
    assert page.locator(".kp-overdue").count() >= 1
    assert_accessible(page)
    page.click(f'a[href="/prioritering/fylke/{decided.pk}/"] >> nth=0')
    page.wait_for_url(f"**/prioritering/fylke/{decided.pk}/")
    assert "Tilbake til fylkesoversikten" in page.content()
    assert_accessible(page)
    page.goto(live_server.url + "/prioritering/")
    assert_accessible(page)


# --- Redaction of personal data (issue 25) -----------------------------------------------------------

def test_the_redaction_page_and_a_history_with_a_redaction_have_no_axe_violations(page, live_server,
                                                                                   assert_accessible, login):
    from prioritering import services

    hamar = make_municipality("Hamar", "3403")
    user = make_member(hamar, "leder", username="hamar-leder")
    worksheet = make_worksheet(hamar, summary="Ring Aslaug Tveit på 912 34 567 før stansen.")
    change = services.record_change(worksheet=worksheet, user=user, summary="Endret skjemaets hode", details=[
        {"field": "oppsummering av situasjonen", "old": "–", "new": worksheet.summary}])
    login(user.username, PASSWORD)
    page.goto(f"{live_server.url}/prioritering/{worksheet.pk}/historikk/")
    page.click(f'a[href="/prioritering/{worksheet.pk}/historikk/{change.pk}/fjern-personopplysninger/"]')
    page.wait_for_url(f"**/historikk/{change.pk}/fjern-personopplysninger/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    page.fill("#id_text", "Aslaug Tveit")
    page.fill("#id_reason", "Navn og telefonnummer til en bruker.")
    page.locator("#submit-id-fjern").focus()
    press_enter_and_wait(page)  # the confirmation is missing
    assert page.evaluate("document.activeElement.id") == "feiloppsummering"
    assert page.input_value("#id_text") == "Aslaug Tveit"
    assert_accessible(page)
    page.check("#id_confirm")
    page.locator("#submit-id-fjern").focus()
    press_enter_and_wait(page)
    assert "Personopplysninger fjernet" in page.content() and "Aslaug Tveit" not in page.content()
    assert_accessible(page)
