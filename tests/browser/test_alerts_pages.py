"""The alert pages in a real browser, scanned with axe-core: the whole subscribe → confirm → manage → unsubscribe path."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from guidance.models import Issuer, Topic
from alerts.tokens import subscriber_token
from alerts.models import Subscription

pytestmark = pytest.mark.django_db(transaction=True)


def _path(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def choices():
    Topic.objects.create(name="Smittesporing", slug="smittesporing")
    Topic.objects.create(name="Vaksinasjon", slug="vaksinasjon")
    Issuer.objects.create(name="Helsedirektoratet", slug="helsedirektoratet")


def test_subscription_and_confirmation_pages_have_no_axe_violations(page, live_server, assert_accessible, choices):
    mail.outbox = []
    page.goto(live_server.url + "/varsel/")
    assert page.locator("h1").inner_text() == "Få nyhetsvarsel"
    assert_accessible(page)

    page.click("button[type=submit]")  # empty form: the error summary and field errors
    assert page.locator(".ds-error-summary").is_visible()
    assert_accessible(page)

    page.fill("#id_email", "Leder@Hamar.Kommune.no")
    assert page.locator("#id_everything").is_checked()
    page.get_by_label("Smittesporing").check()
    # Ticking a topic takes «Alle vesentlige endringer» away at once, and says so (issue 28).
    assert not page.locator("#id_everything").is_checked()
    assert "er tatt bort" in page.locator("#alle-status").inner_text()
    assert_accessible(page)
    page.get_by_label("Daglig sammendrag").check()
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Sjekk e-posten din"
    assert_accessible(page)

    link = _path(re.search(r"https?://\S+/varsel/bekreft/\S+/", mail.outbox[0].body).group(0))
    page.goto(live_server.url + link)
    assert page.locator("h1").inner_text() == "Bekreft varsler"
    chosen = page.locator(".kp-chosen").inner_text()
    assert "Temaer: Smittesporing" in chosen and "Daglig sammendrag" in chosen
    assert_accessible(page)

    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Varslene er startet"
    assert page.get_by_role("link", name="Endre varslene mine").is_visible()
    assert_accessible(page)

    page.goto(live_server.url + link)  # the link works once
    assert page.locator("h1").inner_text() == "Lenken er allerede brukt"
    assert_accessible(page)

    page.goto(live_server.url + reverse("alerts:manage", args=[subscriber_token(Subscription.objects.get())]))
    assert page.locator("h1").inner_text() == "Endre varslene dine"
    assert page.get_by_label("Smittesporing").is_checked()
    assert_accessible(page)

    page.get_by_role("button", name="Meld meg av alle varsler").click()
    assert page.locator("h1").inner_text() == "Du er meldt av"
    assert_accessible(page)


def test_expired_or_broken_link_page_has_no_axe_violations(page, live_server, assert_accessible):
    page.goto(live_server.url + "/varsel/bekreft/ugyldig/")
    assert page.locator("h1").inner_text() == "Lenken virker ikke"
    assert_accessible(page)
