"""The staffing pages in a real browser: zero axe-core violations, and the contact point on every page."""

import io

import pytest

from tests.factories import make_publisher

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(db):
    from staffing import demo as staffing_demo

    make_publisher(username="redaktor")
    staffing_demo.load(io.StringIO())


@pytest.mark.parametrize("path", [
    "/bemanning/",
    "/bemanning/?vis=alle",
    "/bemanning/?oppgave=vaksinering&personell=pensjonister&hastighet=dager&vis=alle",
    "/bemanning/?oppgave=sveising",  # bad filter: error summary above the catalogue
    "/bemanning/nasjonalt-innsatspersonell-tisk/",
    "/bemanning/register-for-reservepersonell/",  # two versions in the history
    "/bemanning/pensjonister-til-juli-2022/",  # expired, marked "Utløpt"
    "/bemanning/finn-tiltak/",
    "/bemanning/finn-tiltak/?oppgave=testing&naar=i-dag&autorisert=nei&dato=2022-06-15",  # with results
    "/bemanning/finn-tiltak/?oppgave=legetjenester&naar=i-dag&autorisert=ja&dato=2020-02-01",  # without results
    "/bemanning/finn-tiltak/?naar=i-dag&dato=31.02.2022",  # bad date: error summary
])
def test_staffing_pages_have_no_axe_violations(page, live_server, assert_accessible, demo, path):
    response = page.goto(live_server.url + path)
    assert response.status in (200, 400)
    assert page.locator(".kp-contact-point a[href^='tel:']").count() == 1
    assert_accessible(page)


def test_the_finder_works_without_javascript_and_gives_a_bookmarkable_address(browser, live_server, demo):
    context = browser.new_context(locale="nb-NO", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/bemanning/finn-tiltak/")
    page.check("#id_oppgave_0")  # testing
    page.check("#id_naar_0")  # i dag
    page.fill("#id_dato", "2022-06-15")
    page.click("#finn-tiltak")
    page.wait_for_load_state()
    assert "oppgave=testing" in page.url and "naar=i-dag" in page.url and "dato=2022-06-15" in page.url
    assert page.locator(".kp-match h3").first.inner_text() == "Nasjonalt innsatspersonell for TISK"
    context.close()
