"""One stylesheet per page, built from only the design-system parts the portal uses (issue 28).

scripts/build_css.py builds static/build/*.css from the vendored Designsystemet files and static/css/;
the built files are committed, so these tests fail when a source changed without a new build.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.browser.page_types import load_demo_content, public_pages

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "static" / "build"


def test_the_built_stylesheets_are_up_to_date_with_their_sources():
    result = subprocess.run([sys.executable, "scripts/build_css.py", "--check"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_every_public_page_type_links_one_built_stylesheet_and_nothing_else():
    load_demo_content()
    client = Client()
    for name, url in public_pages(client).items():
        html = client.get(url).content.decode()
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert len(links) == 1 and links[0].startswith("/static/build/"), (name, links)
        assert html.count("<style") == 0, name


@pytest.mark.parametrize("bundle", sorted(path.name for path in BUILD.glob("*.css")))
def test_a_bundle_holds_the_components_the_portal_uses_and_not_the_others(bundle):
    css = (BUILD / bundle).read_text(encoding="utf-8")
    for used in (".ds-button", ".ds-alert", ".ds-input", ".ds-link", ".ds-heading", ".ds-error-summary"):
        assert used in css, used
    for unused in (".ds-dialog", ".ds-tabs", ".ds-combobox", ".ds-suggestion", ".ds-avatar", ".ds-file-upload"):
        # No rule starts with it (a used component's rule may still name it: `.ds-field:not(.ds-file-upload)`).
        assert not re.search(r"[{}]" + re.escape(unused) + r"\b", css), unused
    assert '[data-color-scheme="dark"]' not in css and "prefers-color-scheme" not in css
    assert "--ds-color-brand1-" not in css
    assert "@media print{" in css and ".kp-header" in css


@pytest.mark.parametrize("bundle", sorted(path.name for path in BUILD.glob("*.css")))
def test_a_bundle_loads_nothing_from_another_host_and_is_small(bundle):
    css = (BUILD / bundle).read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css) and "@import" not in css
    assert len(css.encode()) < 110 * 1024  # the three files it replaced were 215 KiB; whitenoise compresses it
