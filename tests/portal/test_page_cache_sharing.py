"""The page cache without Redis: one cache on the host's disk shared by every worker, and a hot page
that has just changed rendered by one worker while the others wait for its copy."""

import threading
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from kommuneportal import middleware
from tests.factories import add_version, make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def test_without_redis_the_default_cache_is_one_folder_on_disk_that_every_worker_shares(tmp_path):
    import subprocess
    import sys

    script = ("import django, sys; django.setup(); from django.core.cache import cache; "
              "from django.conf import settings; print(settings.CACHES['default']['BACKEND']); "
              "cache.set('hei', sys.argv[1]) if sys.argv[1] != '-' else print(cache.get('hei'))")
    env = {"DJANGO_SETTINGS_MODULE": "kommuneportal.settings", "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
           "PATH": "/usr/bin:/bin"}
    run = lambda value: subprocess.run([sys.executable, "-c", script, value], env=env, capture_output=True,  # noqa: E731
                                       text=True, check=True).stdout.split()
    assert run("skrevet-av-en-annen-prosess") == ["diskcache.DjangoCache"]
    assert run("-") == ["diskcache.DjangoCache", "skrevet-av-en-annen-prosess"]
    assert (tmp_path / "cache").stat().st_mode & 0o077 == 0  # private to the user the app runs as


def test_a_request_for_a_page_another_worker_is_rendering_waits_for_its_copy(client, django_assert_num_queries):
    make_article(slug="regel", title="Regel fra mandag")
    assert client.get("/veiledning/regel/")["X-Cache"] == "MISS"
    stored = cache.get(_page_key(client))
    cache.delete(_page_key(client))
    cache.add(_page_key(client) + ":lock", 1, 10)  # another worker is rendering it

    def other_worker_finishes():
        time.sleep(0.2)
        cache.set(_page_key(client), stored)

    threading.Thread(target=other_worker_finishes).start()
    with django_assert_num_queries(2):  # the state of the cache, then of the copy: no rendering
        response = client.get("/veiledning/regel/")
    assert response["X-Cache"] == "HIT, waited" and "Regel fra mandag" in response.content.decode()


def test_a_waiting_request_never_takes_a_copy_older_than_a_change(client):
    article = make_article(slug="regel", title="Regel fra mandag")
    client.get("/veiledning/regel/")
    outdated = cache.get(_page_key(client))
    author = article.versions.first().author
    from publishing.services import version_publish

    version_publish(version=add_version(article, author, title="Regel fra tirsdag"), user=author)
    cache.delete(_page_key(client))
    cache.add(_page_key(client) + ":lock", 1, 10)

    def slow_worker_stores_an_old_copy():
        time.sleep(0.1)
        cache.set(_page_key(client), outdated)

    threading.Thread(target=slow_worker_stores_an_old_copy).start()
    with override_settings(PAGE_CACHE_LOCK_WAIT=0.5):
        response = client.get("/veiledning/regel/")
    assert "Regel fra tirsdag" in response.content.decode() and response["X-Cache"] == "MISS"


def _page_key(client):
    from django.test import RequestFactory
    from django.utils import timezone

    return middleware._key(RequestFactory().get("/veiledning/regel/"), timezone.now())
