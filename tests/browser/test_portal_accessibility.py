import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/", "/tilgjengelighet/", "/konto/logg-inn/", "/finnes-ikke/", "/konto/glemt-passord/",
                                  "/api/"])
def test_portal_pages_have_no_axe_violations(page, live_server, assert_accessible, path):
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == "nb"
    assert_accessible(page)


def test_front_page_is_styled_by_the_vendored_design_system(page, live_server):
    page.goto(live_server.url + "/")
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Inter" in font
    assert page.evaluate("document.styleSheets.length") == 1  # one built stylesheet per page (issue 28)
    assert page.evaluate("getComputedStyle(document.querySelector('.ds-button')).borderRadius") != "0px"


def test_skip_link_moves_focus_to_main_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hopp til hovedinnhold"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#hovedinnhold"


def test_failed_sign_in_page_has_no_axe_violations(page, live_server, assert_accessible, login):
    login("ingen", "feil-passord")
    assert "Innloggingen mislyktes" in page.content()
    assert_accessible(page)


def test_demo_publisher_signs_in_through_the_form(page, live_server, login):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    login("redaktor", "demo-redaktor-2026")
    page.goto(live_server.url + "/admin/")
    assert "Publisering og administrasjon" in page.content()


def test_accessibility_scan_catches_a_real_violation(page, axe):
    # Guards the harness itself: an image without alt text must be reported.
    page.set_content('<html lang="nb"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>')
    assert axe.run(page).violations_count > 0
