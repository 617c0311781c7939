"""Anonymous readers get whole pages from the cache, and never a page older than what it shows."""

import datetime
import gzip

import pytest
from django.utils import timezone

from publishing.services import document_withdraw, version_publish
from tests.factories import add_version, make_article, make_publisher, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def article():
    return make_article(slug="regel", title="Regel fra mandag")


def title(response):
    return response.content.decode().split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0].strip()


def publish(article, title, **when):
    author = article.versions.first().author
    return version_publish(version=add_version(article, author, title=title), user=author, **when)


@pytest.mark.parametrize("check, queries", [("cache", 0), ("database", 1)])
def test_a_cached_page_is_served_with_no_query_or_one(client, article, settings, django_assert_num_queries,
                                                       check, queries):
    """Checked against the tags' generations in the shared cache: no query; in the database: one."""
    settings.PAGE_CACHE_CHECK = check
    first = client.get("/veiledning/regel/")
    client.get("/veiledning/regel/")  # a tag no change has named yet is looked up once
    with django_assert_num_queries(queries):
        second = client.get("/veiledning/regel/")
    assert first.content == second.content and title(second) == "Regel fra mandag"
    assert "public" in second["Cache-Control"] and "max-age=" in second["Cache-Control"]
    assert "stale-if-error" in second["Cache-Control"]


def test_a_publish_is_served_at_once(client, article):
    client.get("/veiledning/regel/")
    publish(article, "Regel fra tirsdag")
    assert title(client.get("/veiledning/regel/")) == "Regel fra tirsdag"


def test_a_withdrawal_is_served_at_once(client, article):
    assert client.get("/veiledning/regel/").status_code == 200
    document_withdraw(document=article, user=make_publisher(), reason="Erstattet av ny veileder.")
    assert client.get("/veiledning/regel/").status_code == 410


def test_a_scheduled_version_is_served_from_its_time_with_no_job(client, article, monkeypatch):
    eight = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=2)
    publish(article, "Regel fra klokka åtte", publish_at=eight)
    assert title(client.get("/veiledning/regel/")) == "Regel fra mandag"
    cached = client.get("/veiledning/regel/")
    assert int(cached["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 7200  # never past 08:00

    monkeypatch.setattr(timezone, "now", lambda: eight)
    assert title(client.get("/veiledning/regel/")) == "Regel fra klokka åtte"
    assert "Regel fra klokka åtte" in client.get("/veiledning/").content.decode()


def test_signed_in_users_bypass_the_cache_and_get_private_pages(client, article):
    client.get("/veiledning/regel/")
    client.force_login(make_user())
    response = client.get("/veiledning/regel/")
    assert response["Cache-Control"] == "private, no-store"
    assert "Logg ut" in response.content.decode() or "logg-ut" in response.content.decode()


def test_pages_with_a_form_token_are_never_cached(client, django_assert_max_num_queries):
    first = client.get("/varsel/")
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "private" in first["Cache-Control"]
    assert "Content-Encoding" not in first
    second = client.get("/varsel/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in second  # no compression where a secret is on the page (BREACH)


def test_unchanged_page_answers_304_to_its_etag(client, article):
    etag = client.get("/veiledning/regel/")["ETag"]
    assert client.get("/veiledning/regel/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    publish(article, "Regel fra tirsdag")
    assert client.get("/veiledning/regel/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_public_pages_are_compressed_for_clients_that_accept_it(client, article):
    plain = client.get("/veiledning/regel/")
    compressed = client.get("/veiledning/regel/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert "Accept-Encoding" in compressed["Vary"]


@pytest.mark.parametrize("path", ["/", "/veiledning/", "/veiledning/regel/", "/veiledning/regel/historikk/",
                                  "/veiledning/endringer/", "/bemanning/", "/sok/?q=regel", "/robots.txt"])
def test_head_is_allowed_wherever_get_is(client, article, path):
    assert client.head(path).status_code == 200


def test_a_new_contact_point_shows_on_cached_pages_from_its_first_day(client, monkeypatch):
    from tests.factories import make_contact_point

    today = timezone.localdate()
    make_contact_point(today - datetime.timedelta(days=30), phone="111 11 111")
    make_contact_point(today + datetime.timedelta(days=1), phone="222 22 222")
    assert "111 11 111" in client.get("/veiledning/").content.decode()
    tomorrow = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(0, 1)))
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert "222 22 222" in client.get("/veiledning/").content.decode()


def test_a_contact_point_saved_in_the_admin_is_shown_at_once(client):
    from tests.factories import make_contact_point, make_superuser

    point = make_contact_point(timezone.localdate() - datetime.timedelta(days=1), phone="111 11 111")
    assert "111 11 111" in client.get("/bemanning/").content.decode()
    admin = make_superuser()
    staff = client.__class__()
    staff.force_login(admin)
    staff.post(f"/admin/staffing/contactpoint/{point.pk}/change/", {
        "heading": point.heading, "text": point.text, "phone": "333 33 333", "opening_hours": point.opening_hours,
        "email": point.email, "source": "",
    })
    assert "333 33 333" in client.get("/bemanning/").content.decode()


def test_a_measure_that_ends_leaves_the_cached_catalogue_the_next_day(client, monkeypatch):
    from tests.factories import make_measure

    today = timezone.localdate()
    make_measure(slug="slutter-i-dag", title="Ordning som slutter i dag", valid_until=today)
    assert "Ordning som slutter i dag" in client.get("/bemanning/").content.decode()
    assert "Ordning som slutter i dag" in client.get("/bemanning/").content.decode()  # cached
    tomorrow = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(0, 1)))
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: tomorrow.date())
    assert "Ordning som slutter i dag" not in client.get("/bemanning/").content.decode()


def test_pages_are_served_when_the_shared_cache_is_down(client, article):
    from django.test import override_settings
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    redis_nowhere = {  # a real client to a port where nothing listens, as configured in settings
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "retry": Retry(NoBackoff(), 1)},
    }
    with override_settings(CACHES={"default": redis_nowhere}):
        assert title(client.get("/veiledning/regel/")) == "Regel fra mandag"
        assert title(client.get("/veiledning/regel/")) == "Regel fra mandag"


def _closed_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_database_restored_from_an_older_backup_never_meets_pages_cached_for_other_content(client, article):
    """After a restore the database's generation is older than pages cached since the backup: those
    copies come from a future the database does not know, and are rendered again."""
    from publishing.models import ContentClock

    backup = ContentClock.objects.get()
    publish(article, "Regel fra tirsdag")
    assert title(client.get("/veiledning/regel/")) == "Regel fra tirsdag"
    # Restore the backup: the clock and the article as they were before the publish.
    ContentClock.objects.filter(pk=backup.pk).update(generation=backup.generation, changed_at=backup.changed_at)
    article.versions.filter(number=2).delete()
    type(article).refresh_all_live_state()
    assert title(client.get("/veiledning/regel/")) == "Regel fra mandag"
