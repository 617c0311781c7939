"""A PostgreSQL server that freezes (SIGSTOP: a hung host, a full disk, a partition that keeps TCP
alive) holds no worker: cached public pages are served at once, signed-in pages and /helse/ answer a
Norwegian 503 with Retry-After within 5 s, and the portal recovers by itself when the server does.

Runs gunicorn against a PostgreSQL cluster started for this test alone, since it is frozen.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "kommune.example.no"

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from tests.factories import make_article
make_article(slug="regel", title="Regel fra mandag")
user = get_user_model().objects.create_user("leder", password="x")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print("SESSION", session.session_key)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name))
    return found[-1] if found else None


def as_postgres(*args):
    command = list(map(str, args))
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


@pytest.fixture
def cluster():
    """A throwaway PostgreSQL cluster on a free loopback port: (database URL, data directory)."""
    binaries = pg_bin()
    if binaries is None or not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"} and binaries is None:
            pytest.fail("PostgreSQL is not installed: under CI the frozen-database test must run.")
        pytest.skip("runs in the PostgreSQL suite, with PostgreSQL's server binaries")
    root = Path(tempfile.mkdtemp())
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = free_port()
    data = root / "data"
    as_postgres(binaries / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    as_postgres(binaries / "pg_ctl", "-D", data, "-l", root / "log", "-w", "-o",
                f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off", "start")
    as_postgres(binaries / "psql", "-q", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c",
                "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB", "-c", "CREATE DATABASE app OWNER app")
    yield f"postgres://app:app@127.0.0.1:{port}/app", data
    thaw(data)
    subprocess.run(["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0) +
                   [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                   capture_output=True, timeout=60)
    shutil.rmtree(root, ignore_errors=True)


def cluster_processes(data):
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
    return [postmaster, *map(int, children)]


def freeze(data):
    for pid in cluster_processes(data):
        os.kill(pid, signal.SIGSTOP)


def thaw(data):
    for pid in cluster_processes(data):
        os.kill(pid, signal.SIGCONT)


def get(base, path, session=None, timeout=20):
    """(status, headers, body, seconds) of one request."""
    headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=timeout) as answer:
            return answer.status, answer.headers, answer.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(), time.monotonic() - started


@pytest.mark.parametrize("check, served_as", [("cache", "HIT"), ("database", "STALE")])
def test_a_frozen_database_holds_no_worker_and_the_portal_recovers_by_itself(cluster, tmp_path, production_static,
                                                                            check, served_as):
    """Checked in the shared cache a cached page needs no database at all; checked in the database
    (several hosts without Redis) it is served as it is after a short wait."""
    database, data = cluster
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL", "CACHE_URL"))}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS=HOST,
               DJANGO_STATIC_ROOT=str(production_static), DATABASE_URL=database, DJANGO_SECURE_PROXY_SSL_HEADER="1",
               DJANGO_PAGE_CACHE_SECONDS="600", DJANGO_CACHE_DIR=str(tmp_path / "cache"), DJANGO_PAGE_CACHE_CHECK=check)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=300)
    setup = subprocess.run([sys.executable, "manage.py", "shell", "-c", SETUP], cwd=ROOT, env=env, check=True,
                           capture_output=True, text=True, timeout=300)
    session = setup.stdout.split("SESSION", 1)[1].split()[0]
    port = free_port()
    server = subprocess.Popen([str(VENV_BIN / "gunicorn"), "-c", "kommuneportal/gunicorn.conf.py"], cwd=ROOT,
                              env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(4):  # both workers have a connection and the page is in the shared cache
            assert get(base, "/veiledning/regel/")[0] == 200
            assert get(base, "/prioritering/", session)[0] == 200

        freeze(data)
        status, headers, body, seconds = get(base, "/veiledning/regel/")
        assert status == 200 and "Regel fra mandag" in body and seconds < 2 and headers["X-Cache"] == served_as

        status, headers, body, seconds = get(base, "/helse/")
        assert status == 503 and headers["Retry-After"] and seconds < 5
        status, headers, body, seconds = get(base, "/prioritering/", session)
        assert status == 503 and headers["Retry-After"] and seconds < 5
        assert "midlertidig utilgjengelig" in body

        thaw(data)
        deadline = time.monotonic() + 30  # each worker tries the database again after a few seconds
        while [get(base, "/helse/")[0], get(base, "/prioritering/", session)[0]] != [200, 200]:
            assert time.monotonic() < deadline, "the portal did not recover after the database came back"
            time.sleep(0.5)
        for _ in range(4):  # every worker
            assert get(base, "/prioritering/", session)[0] == 200
            assert get(base, "/veiledning/regel/")[0] == 200
    finally:
        thaw(data)
        server.terminate()
        server.wait(timeout=30)
