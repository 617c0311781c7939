"""When the database is unreachable or hung, readers get a clear Norwegian 503 (or the cached copy
of a public page), never a 500 and never a worker stuck for half a minute. Real failures, no mocks:
each case runs the portal in a fresh process against a database that is really not there.

Those databases are its own (a closed port, a silent server, a SQLite file), whatever database the suite
has: scripts/test.sh runs this in the SQLite run only (database_independent in pytest.ini)."""

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "test-only-" + "x" * 50, "DJANGO_ALLOWED_HOSTS": "localhost",
              "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SETTINGS_MODULE": "kommuneportal.settings",
              "DJANGO_PAGE_CACHE_DB_WAIT_MS": "500"}  # production's, not the busy test machine's
PAGES = ["/", "/veiledning/", "/veiledning/en-artikkel/", "/bemanning/", "/sok/?q=legevakt", "/varsel/",
         "/konto/logg-inn/"]

CLIENT = """
import json, sys, time, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in sys.argv[1:]:
    started = time.monotonic()
    response = client.get(path, HTTP_HOST="localhost")
    answers[path] = [response.status_code, response.get("Retry-After"), response.content.decode()[:3000],
                     time.monotonic() - started]
print(json.dumps(answers))
"""


@pytest.fixture(scope="module", autouse=True)
def collected_static(production_static):
    """Production pages name hashed static files: those collected once per run (tests/conftest.py)."""
    PRODUCTION["DJANGO_STATIC_ROOT"] = str(production_static)
    yield
    del PRODUCTION["DJANGO_STATIC_ROOT"]


def run_portal(database_url, paths, **env):
    import json

    environment = {**os.environ, **PRODUCTION, "DATABASE_URL": database_url, **env}
    result = subprocess.run([sys.executable, "-c", CLIENT, *paths], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture
def silent_server():
    """A socket that accepts connections and never says a word, like a hung database server."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def test_every_public_page_answers_a_norwegian_503_when_the_database_is_unreachable():
    answers = run_portal(f"postgres://app:app@127.0.0.1:{closed_port()}/app", PAGES)
    for path, (status, retry_after, html, _seconds) in answers.items():
        assert status == 503, path
        assert retry_after == "30", path
        assert "Portalen er midlertidig utilgjengelig" in html, path


def test_health_and_pages_give_up_within_five_seconds_on_a_hung_database(silent_server):
    answers = run_portal(f"postgres://app:app@127.0.0.1:{silent_server}/app", ["/helse/", "/veiledning/"])
    status, _retry, body, seconds = answers["/helse/"]
    assert status == 503 and '"utilgjengelig"' in body
    assert seconds < 5
    assert answers["/veiledning/"][0] == 503 and answers["/veiledning/"][3] < 5


CACHED_THEN_DOWN = """
import os, django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test import Client
call_command("migrate", verbosity=0)
from tests.factories import make_article
make_article(slug="regel", title="Regel som gjelder")
client = Client(raise_request_exception=False)
first = client.get("/veiledning/regel/", HTTP_HOST="localhost")
connections.close_all()
os.rename(os.environ["DB_FILE"], os.environ["DB_FILE"] + ".borte")  # the database is gone
again = client.get("/veiledning/regel/", HTTP_HOST="localhost")
other = client.get("/veiledning/", HTTP_HOST="localhost")
print(first.status_code, again.status_code, "Regel som gjelder" in again.content.decode(), other.status_code)
"""


def test_a_cached_public_page_is_still_served_while_the_database_is_away(tmp_path):
    db_file = tmp_path / "db.sqlite3"
    env = {**os.environ, **PRODUCTION, "DATABASE_URL": f"sqlite:///{db_file}", "DB_FILE": str(db_file),
           "DJANGO_PAGE_CACHE_SECONDS": "600"}
    result = subprocess.run([sys.executable, "-c", CACHED_THEN_DOWN], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    first, again, same_text, other = result.stdout.split()[-4:]
    assert (first, again, same_text) == ("200", "200", "True")
    assert other == "503"  # never cached: nothing to fall back on
