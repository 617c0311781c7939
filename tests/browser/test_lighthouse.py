"""Lighthouse performance ≥ 0.95 on the public pages, in production mode (issue 28).

`make test` measures one page of each template family (REPRESENTATIVE_PAGES, about a minute and a half);
`make lighthouse` (LIGHTHOUSE_PAGES=all) measures every public page type, about ten seconds a page. Every
public page type's meta description, which Lighthouse's SEO audit reads, is checked for all of them on
both databases by tests/portal/test_meta_descriptions.py.

Production mode: gunicorn with DJANGO_DEBUG=0 and the page cache at its default, static files from
`collectstatic` (hashed, compressed) through whitenoise, serving this test's database. Lighthouse runs
with its defaults (simulated mobile: slow 4G, 4× slower processor) in Debian's Chromium, offline, from the
npm package `lighthouse` that scripts/test.sh installs in ~/.cache/kommuneportal/ (LIGHTHOUSE_DIR points
elsewhere) and scripts/lighthouse.mjs, on Node. Without Node or the package it is skipped on a laptop and
fails under CI=true, like the other browser tests. A page below the mark is measured twice more and its
best run counts: the machine is shared, and a busy processor makes the simulated one slower too.
About 10 s a page.
"""

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from tests.browser.page_types import load_demo_content, public_pages
from tests.portal.test_production import ROOT, VENV_BIN, production_env

pytestmark = pytest.mark.django_db(transaction=True)  # a browser test, as everything under tests/browser/

LIGHTHOUSE_VERSION = "12.8.2"  # scripts/test.sh installs this one
MIN_PERFORMANCE = 0.95
TRIES = 3

# One page of each template family of the public site (names from tests/browser/page_types.public_pages), and
# so each of the three stylesheets the public pages link (guidance.css, staffing.css, portal.css; docs/frontend.md):
# the other page types share a family's base template, stylesheet, header, banner and footer. LIGHTHOUSE_PAGES=all
# (`make lighthouse`) measures every public page type.
REPRESENTATIVE_PAGES = [
    "forsiden",  # home.html
    "veiledningslisten",  # a list with filters (guidance/article_list.html)
    "artikkel",  # an article with its sources and see-also links
    "historikk med sammenligning",  # a version history with a comparison
    "søk med treff",  # search results with excerpts
    "tiltak",  # a measure (staffing/measure_detail.html)
    "tiltaksfinneren med svar",  # the finder with its results
    "varsel",  # a form, and portal.css (alerts/subscription_form.html)
]


def pages_to_measure(pages):
    """name → address of the pages to measure: the representative ones, or all with LIGHTHOUSE_PAGES=all."""
    if os.environ.get("LIGHTHOUSE_PAGES", "").strip().lower() == "all":
        return pages
    missing = [name for name in REPRESENTATIVE_PAGES if name not in pages]
    assert not missing, f"REPRESENTATIVE_PAGES names pages that public_pages() no longer has: {missing}"
    return {name: pages[name] for name in REPRESENTATIVE_PAGES}


def _lighthouse_dir():
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kommuneportal"
    candidates = [os.environ.get("LIGHTHOUSE_DIR", ""), str(cache / f"lighthouse-{LIGHTHOUSE_VERSION}")]
    return next((path for path in candidates if path and (Path(path) / "node_modules/lighthouse").is_dir()), None)


@pytest.fixture(scope="module")
def lighthouse():
    folder, node = _lighthouse_dir(), shutil.which("node")
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not (folder and node and chromium):
        message = "Lighthouse needs Node, Chromium and the npm package lighthouse (scripts/test.sh installs them)."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " Under CI the Lighthouse check must run.", pytrace=False)
        pytest.skip(message)

    def run(urls):
        result = subprocess.run([node, "scripts/lighthouse.mjs", folder, *urls], cwd=ROOT, capture_output=True,
                                text=True, timeout=60 * len(urls) + 60, env={**os.environ, "CHROME_PATH": chromium})
        assert result.returncode == 0, result.stderr[-3000:]
        return {report["url"]: report for report in map(json.loads, result.stdout.splitlines())}

    return run


def _database_url():
    settings = connection.settings_dict
    return (f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(tmp_path, static_root):
    port = _free_port()
    env = production_env(tmp_path, DATABASE_URL=_database_url(), DJANGO_ALLOWED_HOSTS="127.0.0.1",
                         DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_PROXY_SSL_HEADER="0",
                         DJANGO_SECURE_HSTS_SECONDS="0", GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
                         DJANGO_STATIC_ROOT=str(static_root))
    server = subprocess.Popen([str(VENV_BIN / "gunicorn"), "-c", "kommuneportal/gunicorn.conf.py"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="gunicorn serves this test's database: PostgreSQL only")
def test_public_pages_score_at_least_095_for_performance_and_have_a_description(lighthouse, tmp_path,
                                                                                production_static):
    load_demo_content()
    pages = pages_to_measure({name: url for name, url in public_pages(Client()).items() if name != "404"})
    server, base = _serve(tmp_path, production_static)
    try:
        reports = lighthouse([base + url for url in pages.values()])
        for _try in range(TRIES - 1):
            slow = [url for url, report in reports.items() if (report["performance"] or 0) < MIN_PERFORMANCE]
            if not slow:
                break
            for url, report in lighthouse(slow).items():
                if (report["performance"] or 0) > (reports[url]["performance"] or 0):
                    reports[url] = report
    finally:
        server.terminate()
        server.wait(timeout=10)
    by_name = {name: reports[base + url] for name, url in pages.items()}
    summary = "\n".join(f"{name}: performance {report['performance']}, FCP {report['fcp_ms']:.0f} ms, "
                        f"LCP {report['lcp_ms']:.0f} ms, CLS {report['cls']:.3f}, TBT {report['tbt_ms']:.0f} ms, "
                        f"not passed: {', '.join(report['failed'])}" for name, report in by_name.items())
    print(summary)  # the figures, with pytest -s or -rA
    assert all(report["error"] is None for report in by_name.values()), summary
    assert all(report["performance"] >= MIN_PERFORMANCE for report in by_name.values()), summary
    assert not [name for name, report in by_name.items() if "meta-description" in report["failed"]], summary
