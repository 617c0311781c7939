"""Headless Chromium (Debian's package, never `playwright install`) with an axe-core scan.

Without Chromium the browser tests are skipped on a laptop but fail under CI=true:
CI must never report green without having run them.
"""

import os
import shutil
from contextlib import contextmanager

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_path()
    if not executable:
        message = "Chromium is not installed (apt-get install chromium)."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " Under CI the browser tests must run.", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """A page in a browser context of its own: `with new_page(viewport=…) as page:`. For a test that checks
    many pages on data it loads once, one subtest each, every page as a fresh visitor sees it (as with `page`)."""

    @contextmanager
    def opened(**options):
        context = browser.new_context(**options)
        try:
            yield context.new_page()
        finally:
            context.close()

    return opened


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Scan the page with axe-core (WCAG 2.0/2.1 A and AA rules and best practices) and fail on any violation."""

    def check(page):
        result = axe.run(page)
        assert result.violations_count == 0, f"{page.url}\n{result.generate_report()}"
        return result

    return check


@pytest.fixture
def login(page, live_server):
    """Sign in through the real sign-in form, as a user would."""

    def sign_in(username, password):
        page.goto(live_server.url + "/konto/logg-inn/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()

    return sign_in
