"""Several gunicorn instances share one database (and Redis when there is one): a publish through
one instance, or a scheduled version falling due, is what every instance serves at once, and a cached
page that does not show what changed stays cached on every instance.

Each instance has the page cache on, in one of the three set-ups the operations guide describes:
- one host: the instances (and `manage.py`, which publishes here) share the default cache on that
  host's disk, and check cached pages against the tags' generations kept in it;
- several hosts with Redis: the same, in Redis;
- several hosts without Redis: each keeps its pages on its own disk, which no other instance can
  clear, and checks them against the record of changes in the database (PAGE_CACHE_CHECK=database).
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "kommune.example.no"

SETUP = """
from tests.factories import make_article
make_article(slug="regel", title="Regel fra mandag")
make_article(slug="annen", title="En annen veileder")
"""
PUBLISH = """
from guidance.models import Article
from publishing.services import version_publish
from tests.factories import add_version
article = Article.objects.get(slug="regel")
version_publish(version=add_version(article, article.versions.first().author, title="Regel fra tirsdag"),
                user=article.versions.first().author)
"""
SCHEDULE = """
import datetime
from django.utils import timezone
from guidance.models import Article
from publishing.services import version_publish
from tests.factories import add_version
article = Article.objects.get(slug="regel")
author = article.versions.first().author
version_publish(version=add_version(article, author, title="Regel fra onsdag"), user=author,
                publish_at=timezone.now() + datetime.timedelta(seconds={seconds}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(tmp_path):
    """A database of the suite's own kind, made for this test (several processes must share it)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    import psycopg2

    parts = urllib.parse.urlsplit(url)
    name = f"scaleout_{secrets.token_hex(4)}"
    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def environment(tmp_path, database, setup):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL", "CACHE_URL"))}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS=HOST,
               DJANGO_STATIC_ROOT=str(tmp_path / "static"), DATABASE_URL=database,
               DJANGO_SECURE_PROXY_SSL_HEADER="1", DJANGO_PAGE_CACHE_SECONDS="600",
               DJANGO_CACHE_DIR=str(tmp_path / "cache-of-the-host"))
    if setup == "several-hosts-without-redis":
        env["DJANGO_PAGE_CACHE_CHECK"] = "database"
    elif setup == "several-hosts-with-redis":
        env["REDIS_URL"] = os.environ["TEST_REDIS_URL"]
    return env


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def start_instance(env, cache_dir=None):
    """A gunicorn instance; `cache_dir`: a default cache on disk of its own (another host's)."""
    port = free_port()
    own_cache = {"DJANGO_CACHE_DIR": str(cache_dir)} if cache_dir else {}
    server = subprocess.Popen([str(VENV_BIN / "gunicorn"), "-c", "kommuneportal/gunicorn.conf.py"], cwd=ROOT,
                              env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", **own_cache},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.terminate()
    pytest.fail("gunicorn did not start")


def title_served(base, slug="regel"):
    return served(base, slug)[0]


def served(base, slug):
    """(title, X-Cache) of an article's page."""
    request = urllib.request.Request(base + f"/veiledning/{slug}/", headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        html = response.read().decode()
        return html.split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0].strip(), response.headers["X-Cache"]


def setups():
    variants = ["one-host", "several-hosts-without-redis"]
    if os.environ.get("TEST_REDIS_URL"):
        variants.append("several-hosts-with-redis")
    return variants


@pytest.mark.parametrize("setup", setups())
def test_every_instance_serves_a_publish_and_a_scheduled_version_at_once(tmp_path, setup, production_static):
    env = environment(tmp_path, database_url(tmp_path), setup)
    env["DJANGO_STATIC_ROOT"] = str(production_static)  # collected once per run (tests/conftest.py)
    manage(env, "migrate", "--noinput")
    manage(env, "shell", "-c", SETUP)
    own_caches = [tmp_path / "cache-a", tmp_path / "cache-b"] if setup == "several-hosts-without-redis" else [None, None]
    instances = [start_instance(env, cache_dir) for cache_dir in own_caches]
    try:
        bases = [base for _server, base in instances]
        for _ in range(3):  # every worker of both instances has the pages cached
            assert [title_served(base) for base in bases] == ["Regel fra mandag"] * 2
            assert [title_served(base, "annen") for base in bases] == ["En annen veileder"] * 2

        manage(env, "shell", "-c", PUBLISH)
        assert [title_served(base) for base in bases] == ["Regel fra tirsdag"] * 2
        # The unrelated article's cached page survives the publish on both instances.
        assert [served(base, "annen") for base in bases] == [("En annen veileder", "HIT")] * 2

        manage(env, "shell", "-c", SCHEDULE.format(seconds=4))
        assert [title_served(base) for base in bases] == ["Regel fra tirsdag"] * 2
        time.sleep(5)  # no job runs and nothing is written meanwhile: the version is live from its time
        assert [title_served(base) for base in bases] == ["Regel fra onsdag"] * 2
    finally:
        for server, _base in instances:
            server.terminate()
            server.wait(timeout=10)
