"""Coordination pages in a real browser: an axe-core scan of every page type, signed in as the users who
see them, and a request written, sent and answered with the keyboard and the forms as a user would."""

import pytest
from django.test import Client

from tests.browser.page_types import (
    DEMO_COUNTY_USER, DEMO_MUNICIPAL_USER, assistance_pages, county_pages, load_demo_content,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_coordination_page_has_no_axe_violations(page, live_server, assert_accessible, login):
    load_demo_content()
    login(*DEMO_MUNICIPAL_USER)
    for name, url in assistance_pages(Client()).items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, name
        assert page.locator("h1").count() == 1, name
        assert_accessible(page)


def test_every_county_page_has_no_axe_violations(page, live_server, assert_accessible, login):
    load_demo_content()
    login(*DEMO_COUNTY_USER)
    for name, url in county_pages(Client()).items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, name
        assert page.locator("h1").count() == 1, name
        assert_accessible(page)


def test_forms_with_errors_shown_are_accessible(page, live_server, assert_accessible, login):
    load_demo_content()
    login(*DEMO_MUNICIPAL_USER)
    page.goto(live_server.url + "/prioritering/bistand/ny/?hjelp=forsvaret")
    page.click("main form button[type=submit], main form input[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary, [role=alert], .errorlist, .ds-validation-message").count() > 0
    assert_accessible(page)
    page.context.clear_cookies()
    login(*DEMO_COUNTY_USER)
    url = county_pages(Client())["forespørsel å koordinere"]
    page.goto(live_server.url + url)
    page.click("main form input[type=submit], main form button[type=submit]")
    page.wait_for_load_state()
    assert_accessible(page)


def test_a_leader_sends_the_draft_and_statsforvalteren_answers_it_in_the_browser(page, live_server, login):
    load_demo_content()
    urls = assistance_pages(Client())
    login(*DEMO_MUNICIPAL_USER)
    page.goto(live_server.url + urls["send forespørsel"])
    page.get_by_role("button", name="Send forespørselen til Statsforvalteren").click()
    page.wait_for_load_state()
    assert "Sendt til Statsforvalteren" in page.content()

    page.context.clear_cookies()
    login(*DEMO_COUNTY_USER)
    page.goto(live_server.url + "/prioritering/fylke/bistand/")
    page.get_by_role("link", name="Hamar: Pleie og omsorg: 2 sykepleiere").click()
    page.get_by_role("radio", name="Dekket", exact=True).check()
    page.get_by_label("Merknad til kommunen").fill("Lillehammer sender to sykepleiere fra mandag.")
    page.get_by_role("button", name="Lagre og varsle kommunen").click()
    page.wait_for_load_state()
    assert "Lagret. Kommunen ser merknaden" in page.content()

    page.context.clear_cookies()
    login(*DEMO_MUNICIPAL_USER)
    page.goto(live_server.url + urls["forespørsel utkast"])
    assert "Lillehammer sender to sykepleiere fra mandag." in page.content() and "Dekket" in page.content()
