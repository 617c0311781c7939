"""axe-core scans of the public guidance pages, with the demo content from the seeds."""

import io

import pytest
from django.contrib.auth import get_user_model

from guidance import demo as guidance_demo

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/veiledning/",
    "/veiledning/?tema=smittesporing&type=nyhet",
    "/veiledning/?side=2",
    "/veiledning/?tema=finnes-ikke",
    "/veiledning/legevaktarbeid-under-koronautbruddet/",
    "/veiledning/legevaktarbeid-under-koronautbruddet/historikk/",
    "/veiledning/legevaktarbeid-under-koronautbruddet/historikk/?fra=1&til=3",
    "/veiledning/legevaktarbeid-under-koronautbruddet/historikk/?fra=1&til=99",
    "/veiledning/endringer/",
    "/veiledning/nyheter/",
    "/veiledning/sporsmal-og-svar/",
    "/veiledning/lenker/",
    "/veiledning/tema/smittesporing/",
    "/sok/?q=smittesporing",
    "/sok/?q=ingenting-her-passer",
    "/sok/",
    "/",
]


@pytest.fixture
def demo():
    get_user_model().objects.get_or_create(username="redaktor", defaults={"is_staff": True, "is_superuser": True})
    guidance_demo.load(io.StringIO())


def test_guidance_pages_have_no_axe_violations(new_page, live_server, assert_accessible, demo, subtests):
    """Every page of PAGES, one subtest each, on the demo loaded once (a load and a flush per page took
    45 s): these pages only read."""
    for path in PAGES:
        with subtests.test(path=path), new_page(locale="nb-NO", timezone_id="Europe/Oslo") as page:
            page.goto(live_server.url + path)
            assert page.locator("h1").count() == 1
            assert_accessible(page)


def test_filters_work_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    page.goto(live_server.url + "/veiledning/")
    page.select_option("#id_tema", "legevakt")
    page.click("text=Vis artikler")
    assert "tema=legevakt" in page.url
    assert "Legevaktarbeid under koronautbruddet" in page.content()
    context.close()


def test_compare_form_shows_the_difference(page, live_server, demo):
    page.goto(live_server.url + "/veiledning/kjoper-verktoy-til-smittesporing/historikk/")
    page.select_option("#id_fra", "1")
    page.select_option("#id_til", "2")
    page.click("button:has-text('Sammenlign')")
    assert page.locator(".kp-diff ins").count() > 0
    assert "Lagt til:" in page.locator(".kp-comparison").inner_text()
