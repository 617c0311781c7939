"""The staffing pages in a real browser: zero axe-core violations, the contact point on every page, no
horizontal scrolling or cut-off labels on a phone, and the public forms working without JavaScript."""

import io
import time

import pytest

from tests.factories import make_publisher

pytestmark = pytest.mark.django_db(transaction=True)

FINDER_WITH_RESULTS = "/bemanning/finn-tiltak/?oppgave=vaksinering&naar=i-lopet-av-uker&dato=2022-08-15"


@pytest.fixture
def demo(db):
    from staffing import demo as staffing_demo

    make_publisher(username="redaktor")
    staffing_demo.load(io.StringIO())


AXE_PAGES = [
    "/bemanning/",
    "/bemanning/?vis=alle",
    "/bemanning/?oppgave=vaksinering&personell=pensjonister&hastighet=dager&vis=alle",
    "/bemanning/?oppgave=sveising",  # bad filter: error summary above the catalogue
    "/bemanning/nasjonalt-innsatspersonell-tisk/",
    "/bemanning/nasjonalt-helsepersonell/",  # two versions in the history
    "/bemanning/nasjonalt-helsepersonell/historikk/?fra=1&til=2",  # the two compared, each linked in full
    "/bemanning/nasjonalt-helsepersonell/versjon/1/",  # the earlier version, with its source and dates
    "/bemanning/nasjonalt-helsepersonell/versjon/2/",  # the current version at its own address
    "/bemanning/pensjonister-til-juli-2022/",  # expired, marked "Utløpt", with its successor
    "/bemanning/pensjonister-fra-september-2022/",  # names the scheme it took over from
    "/bemanning/sivilforsvaret-og-forsvaret/",  # last resort
    "/bemanning/finn-tiltak/",
    "/bemanning/finn-tiltak/?oppgave=testing&naar=i-dag&dato=2022-06-15",  # with results
    FINDER_WITH_RESULTS,  # people, advice, and schemes not in force on the date
    "/bemanning/finn-tiltak/?oppgave=vaksinering&personell=sykepleiere&naar=i-dag",
    "/bemanning/finn-tiltak/?oppgave=legetjenester&naar=i-dag&personell=studenter&dato=2020-02-01",  # none; no contact point then
    "/bemanning/finn-tiltak/?naar=i-dag&dato=31.02.2022",  # bad date: error summary
    "/bemanning/kontaktpunktet/",
    "/bemanning/foresla-tiltak/",
    "/bemanning/foresla-tiltak/takk/",
]


def test_staffing_pages_have_no_axe_violations(new_page, live_server, assert_accessible, demo, subtests):
    """Every page of AXE_PAGES, one subtest each, on the demo loaded once: these pages only read."""
    for path in AXE_PAGES:
        with subtests.test(path=path), new_page(locale="nb-NO", timezone_id="Europe/Oslo") as page:
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
    page.fill("#id_dato", "2021-06-15")  # the TISK team's source (March 2021) was current then
    page.click("#finn-tiltak")
    page.wait_for_load_state()
    assert "oppgave=testing" in page.url and "naar=i-dag" in page.url and "dato=2021-06-15" in page.url
    assert "finn-tiltak=" not in page.url and "=Finn" not in page.url  # the button adds nothing to the address
    assert page.locator(".kp-match h4").first.inner_text() == "Nasjonalt innsatspersonell for TISK"
    context.close()


def overflow(page):
    """How far the page is wider than the window, and the labels or legends cut off at the right edge."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const cut = [...document.querySelectorAll('main label, main legend, main .ds-heading, main button')]
            .filter(el => el.offsetParent !== null && !el.closest('.kp-honeypot'))
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .map(el => el.textContent.trim().slice(0, 40));
        return {extra: document.documentElement.scrollWidth - width, cut};
    }""")


PHONE_PAGES = [
    "/bemanning/", "/bemanning/finn-tiltak/", FINDER_WITH_RESULTS, "/bemanning/nasjonalt-innsatspersonell-tisk/",
    "/bemanning/kontaktpunktet/", "/bemanning/foresla-tiltak/", "/bemanning/nasjonalt-helsepersonell/versjon/1/",
]


def test_on_a_phone_nothing_overflows_and_no_label_is_cut(new_page, live_server, demo, subtests):
    """Every page of PHONE_PAGES at 390 and 320 px, one subtest each, on the demo loaded once."""
    for path in PHONE_PAGES:
        for width in (390, 320):
            with subtests.test(path=path, width=width), \
                    new_page(locale="nb-NO", viewport={"width": width, "height": 800}) as page:
                page.goto(live_server.url + path)
                assert overflow(page) == {"extra": 0, "cut": []}


def test_on_a_phone_the_results_come_first_without_a_tap(browser, live_server, demo):
    context = browser.new_context(locale="nb-NO", viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + FINDER_WITH_RESULTS)
    heading = page.locator("#resultat-tittel").bounding_box()
    assert 0 <= heading["y"] < 800 < page.locator("#sporsmal-tittel").bounding_box()["y"]
    context.close()


def test_a_proposal_is_sent_without_javascript_and_the_honeypot_stays_out_of_sight(browser, live_server, demo):
    from staffing.models import MeasureProposal

    context = browser.new_context(locale="nb-NO", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/bemanning/foresla-tiltak/")
    box = page.locator("#id_nettsted").bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    page.fill("#id_title", "Lån av sykepleiere fra private sykehjem")
    page.fill("#id_description", "Private sykehjem kan låne ut sykepleiere for en uke av gangen.")
    time.sleep(3.2)  # a person takes longer than the form's minimum
    page.click("#send-forslag")
    page.wait_for_load_state()
    assert page.url.endswith("/bemanning/foresla-tiltak/takk/") and "Takk for forslaget" in page.content()
    assert MeasureProposal.objects.get().title == "Lån av sykepleiere fra private sykehjem"
    context.close()


def test_a_refused_proposal_keeps_the_text_and_has_no_axe_violations(page, live_server, assert_accessible, demo):
    page.goto(live_server.url + "/bemanning/foresla-tiltak/")
    page.fill("#id_title", "For raskt")
    page.fill("#id_description", "Sendt med en gang.")
    page.click("#send-forslag")
    page.wait_for_load_state()
    assert "Forslaget ble sendt for raskt" in page.content()
    assert page.input_value("#id_title") == "For raskt" and page.input_value("#id_description") == "Sendt med en gang."
    assert_accessible(page)
