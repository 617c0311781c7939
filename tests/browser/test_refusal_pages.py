"""The pages that refuse: a form past its rate limit (429, the typed text kept) and the sign-in lock-out.
No axe-core violations, and nothing scrolls sideways at 320 px."""

import pytest
from django.core.cache import caches

from tests.browser.test_reflow_320 import OVERFLOW, WIDTH


@pytest.fixture
def narrow(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 800}, locale="nb-NO", timezone_id="Europe/Oslo")
    yield context.new_page()
    context.close()


@pytest.fixture
def fresh_limits(transactional_db):
    yield
    caches["limits"].clear()  # live_server's requests commit their counts


def assert_fits(page):
    result = page.evaluate(OVERFLOW)
    assert result["scrollWidth"] <= result["width"], result["offenders"]


def test_a_subscription_past_the_limit_keeps_the_address_and_is_accessible(narrow, live_server, assert_accessible,
                                                                           settings, fresh_limits):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "alerts_subscribe": "1/h"}
    for email in ("kari@hamar.example", "ola@hamar.example"):
        narrow.goto(live_server.url + "/varsel/")
        narrow.fill("#id_email", email)
        with narrow.expect_navigation() as navigation:
            narrow.get_by_role("button", name="Send bekreftelse").click()
    assert navigation.value.status == 429
    assert "Det er sendt mange slike skjemaer fra nettverket ditt" in narrow.content()
    assert narrow.input_value("#id_email") == "ola@hamar.example"
    assert_accessible(narrow)
    assert_fits(narrow)


def test_the_sign_in_lock_out_page_is_accessible(narrow, live_server, assert_accessible, settings, fresh_limits):
    from tests.factories import make_user

    make_user("kari")
    settings.AXES_FAILURE_LIMIT = 1
    for _ in range(2):
        narrow.goto(live_server.url + "/konto/logg-inn/")
        narrow.fill("#id_username", "kari")
        narrow.fill("#id_password", "gjetning")
        with narrow.expect_navigation() as navigation:
            narrow.locator("form button[type=submit]").click()
    assert navigation.value.status == 429
    assert "Innloggingen er midlertidig sperret" in narrow.content()
    assert_accessible(narrow)
    assert_fits(narrow)
