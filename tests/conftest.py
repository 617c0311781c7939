import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# would otherwise refuse to run there while live_server serves the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Everything under tests/browser/ is a browser test, so `-m "not browser"` skips it.
    for item in items:
        if f"{os.sep}tests{os.sep}browser{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.browser)
