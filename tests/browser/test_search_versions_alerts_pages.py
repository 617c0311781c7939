"""The pages issue 13 added or reworked, in a real browser: axe-core scans, no sideways scrolling on a
phone, the site icon loads, and the alert form's article search works without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_issuer, make_measure, make_topic

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content():
    now = timezone.now()
    legevakt = make_topic("Legevakt", "legevakt", position=1)
    make_topic("Smittesporing", "smittesporing", position=2)
    issuer = make_issuer("Helsedirektoratet", "helsedirektoratet")
    make_article(slug="legevaktarbeid", issuer=issuer, topics=[legevakt], versions=[
        {"title": "Legevaktarbeid under koronautbruddet", "summary": "KS oppfordrer til fleksible løsninger.",
         "body": "## Bemanning\n\nTo **leger** på vakt. Se [veilederen](https://www.helsedirektoratet.no/).",
         "publish_at": now - timedelta(days=30), "change_note": "Ny artikkel med en lang merknad om "
         "hvordan legevaktene skal organisere bemanningen i helger og høytider framover."},
        {"title": "Legevaktarbeid under koronautbruddet", "summary": "KS oppfordrer til fleksible løsninger.",
         "body": "## Bemanning\n\nTre **leger** på vakt. Se [veilederen](https://www.helsedirektoratet.no/ny).",
         "publish_at": now - timedelta(days=2), "change_note": "Flere leger på vakt."},
    ])
    for number in range(15):
        make_article(slug=f"smittesporing-{number}", issuer=issuer, title=f"Smittesporing i kommunene {number}",
                     summary="Kommunene har ansvar for smittesporing.")
    make_measure(slug="innsatspersonell", title="Nasjonalt innsatspersonell for TISK")


PAGES = [
    "/",
    "/veiledning/tema/",
    "/veiledning/legevaktarbeid/versjon/1/",
    "/veiledning/legevaktarbeid/versjon/2/",
    "/veiledning/legevaktarbeid/historikk/?fra=1&til=2",
    "/veiledning/?avsender=helsedirektoratet",
    "/sok/?q=legevakt",
    "/sok/?q=smitesporing",
    "/sok/?q=legevakt+kvantefysikk",
    "/sok/?q=kvantefysikk",
    "/varsel/",
    "/varsel/?guidance_topic={legevakt}",
    "/varsel/?sok=smittesporing",
]


def test_pages_have_no_axe_violations(new_page, live_server, assert_accessible, content, subtests):
    """Every page of PAGES, one subtest each, on the content made once: these pages only read."""
    from guidance.models import Topic

    legevakt = Topic.objects.get(slug="legevakt").pk
    for path in PAGES:
        with subtests.test(path=path), new_page(locale="nb-NO", timezone_id="Europe/Oslo") as page:
            page.goto(live_server.url + path.format(legevakt=legevakt))
            assert page.locator("h1").count() == 1
            assert_accessible(page)


PHONE_PAGES = ["/veiledning/legevaktarbeid/historikk/?fra=1&til=2", "/veiledning/legevaktarbeid/versjon/1/",
               "/veiledning/tema/", "/sok/?q=smitesporing", "/varsel/?sok=smittesporing", "/"]


def test_no_sideways_scrolling_on_a_phone(new_page, live_server, content, subtests):
    """Every page of PHONE_PAGES at 320 and 390 px, one subtest each, on the content made once."""
    for path in PHONE_PAGES:
        for width in (320, 390):
            with subtests.test(path=path, width=width), \
                    new_page(viewport={"width": width, "height": 800}, locale="nb-NO") as page:
                page.goto(live_server.url + path)
                assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_version_table_names_each_cell_when_stacked_on_a_phone(browser, live_server, content):
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="nb-NO")
    page = context.new_page()
    page.goto(live_server.url + "/veiledning/legevaktarbeid/historikk/")
    cell = page.locator("#versjon-1 td").first
    label = cell.evaluate("element => getComputedStyle(element, '::before').content")
    assert "Publisert" in label
    assert page.locator("#versjon-1 td").nth(1).inner_text().strip() == "Første publisering"
    context.close()


def test_the_site_icon_loads_and_no_request_is_a_404(page, live_server, content):
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    icon = page.evaluate("fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)")
    assert icon == 200 and failed == []


def test_an_article_found_by_title_is_subscribed_to_without_javascript(browser, live_server, content):
    from django.core import mail

    from alerts.models import Subscription

    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    page.goto(live_server.url + "/varsel/")
    assert page.get_by_label("Alle vesentlige endringer").is_checked()
    assert page.get_by_label("Smittesporing i kommunene 3").count() == 0  # articles are not listed
    page.fill("#id_email", "leder@hamar.kommune.no")
    page.get_by_label("Alle vesentlige endringer").uncheck()
    page.fill("#id_sok", "kommunene 3")
    page.press("#id_sok", "Enter")  # sends the form with its first button; the unsearched text makes it a search
    assert page.locator("#id_email").input_value() == "leder@hamar.kommune.no"
    assert not page.get_by_label("Alle vesentlige endringer").is_checked()
    page.get_by_label("Smittesporing i kommunene 3").check()
    page.click("button:has-text('Send bekreftelse')")
    assert page.locator("h1").inner_text() == "Sjekk e-posten din"
    subscription = Subscription.objects.get()
    assert subscription.everything is False and subscription.interests.count() == 1
    assert len(mail.outbox) == 1
    context.close()


def test_search_from_the_front_page_suggests_a_spelling_and_follows_it(page, live_server, content):
    page.goto(live_server.url + "/")
    page.fill("#forside-sok", "smitesporing")
    page.click("form[role=search] button")
    page.click("text=«smittesporing»")
    assert "treff på «smittesporing»" in page.locator("#treff-tittel").inner_text()
