"""Production mode end to end: settings from the environment, collectstatic, gunicorn, whitenoise.

The portal runs on a SQLite file of its own whatever database the suite has: scripts/test.sh runs this in
the SQLite run only (database_independent in pytest.ini)."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "kommune.example.no"
ONE_YEAR = 365 * 24 * 3600

pytestmark = pytest.mark.database_independent


def production_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SECURE_PROXY_SSL_HEADER="1",
    )
    env.update(extra)
    return env


def manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.fixture(scope="module")
def gunicorn_site(tmp_path_factory, production_static):
    tmp_path = tmp_path_factory.mktemp("prod")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The static files from collectstatic in production mode (tests/conftest.py, once per run).
    env = production_env(tmp_path, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1",
                         DJANGO_STATIC_ROOT=str(production_static))
    result = manage(env, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    server = subprocess.Popen([str(VENV_BIN / "gunicorn"), "-c", "kommuneportal/gunicorn.conf.py"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def fetch(url):
    request = urllib.request.Request(url, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_front_page_under_gunicorn_uses_hashed_stylesheets_cached_for_a_year(gunicorn_site):
    status, headers, body = fetch(gunicorn_site + "/")
    html = body.decode()
    assert status == 200 and '<html lang="nb"' in html
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(stylesheets) == 1  # one per page, built by scripts/build_css.py (issue 28)
    for href in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", href), href
        css_status, css_headers, _ = fetch(gunicorn_site + href)
        max_age = int(re.search(r"max-age=(\d+)", css_headers["Cache-Control"]).group(1))
        assert css_status == 200 and max_age >= ONE_YEAR


def test_fonts_are_served_from_own_host_with_hashed_names(gunicorn_site):
    _, _, body = fetch(gunicorn_site + "/")
    portal_css = re.search(r'href="(/static/build/[a-z]+\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    _, _, css = fetch(gunicorn_site + portal_css)
    fonts = re.findall(r'url\("([^"]+\.woff2)"\)', css.decode())
    assert fonts and all(re.search(r"\.[0-9a-f]{12}\.woff2$", font) for font in fonts)
    status, _, _ = fetch(urllib.parse.urljoin(gunicorn_site + portal_css, fonts[0]))
    assert status == 200


def test_nothing_is_loaded_from_another_host(gunicorn_site):
    _, headers, body = fetch(gunicorn_site + "/")
    loaded = re.findall(r'<(?:link|script|img|iframe)[^>]+(?:src|href)="([^"]+)"', body.decode())
    assert loaded and all(not r.startswith(("http:", "https:", "//")) for r in loaded)
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_unknown_url_under_gunicorn_gets_norwegian_404_in_layout(gunicorn_site):
    status, _, body = fetch(gunicorn_site + "/finnes-ikke/")
    html = body.decode()
    assert status == 404
    assert "Fant ikke siden" in html and 'aria-label="Hovedmeny"' in html


def test_production_sets_hsts_and_secure_cookies(gunicorn_site):
    status, headers, _ = fetch(gunicorn_site + "/konto/logg-inn/")
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    cookies = headers.get_all("Set-Cookie")
    assert cookies and all("Secure" in cookie for cookie in cookies)


def test_plain_http_is_redirected_to_https(gunicorn_site):
    request = urllib.request.Request(gunicorn_site + "/", headers={"Host": HOST, "X-Forwarded-Proto": "http"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=10)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://" + HOST)
