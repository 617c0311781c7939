"""A change invalidates exactly the cached pages that show it, however and wherever it is made.

Each test caches some pages, makes one change the way a publisher, an operator in `manage.py shell`
or a script would, and reads the pages again: those that show what changed are rendered anew (and
show it), the others are served from the cache (`X-Cache: HIT`, one query).
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from guidance.models import ExternalLink, Issuer, Topic
from publishing.cachetags import tag_for
from publishing.models import PublicChange, SearchSynonym
from publishing.services import document_reinstate, document_withdraw, version_publish, version_restore
from tests.factories import add_version, make_article, make_contact_point, make_measure, make_publisher

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def articles():
    topic = Topic.objects.create(name="Legevakt", slug="legevakt")
    rule = make_article(slug="regel", title="Regel fra mandag")
    rule.topics.add(topic)
    other = make_article(slug="annen", title="En annen veileder")
    return rule, other, topic


def warm(client, *paths):
    for path in paths:
        assert client.get(path).status_code == 200
        assert client.get(path)["X-Cache"] == "HIT", path


def served_from_cache(client, path):
    return client.get(path)["X-Cache"] == "HIT"


def publish(article, title):
    author = article.versions.first().author
    return version_publish(version=add_version(article, author, title=title), user=author)


def test_a_publish_renders_the_article_and_the_lists_again_and_leaves_other_articles_cached(client, articles):
    rule, other, topic = articles
    warm(client, "/veiledning/regel/", "/veiledning/annen/", "/veiledning/", "/", "/veiledning/tema/legevakt/",
         "/bemanning/", "/tilgjengelighet/")
    publish(rule, "Regel fra tirsdag")
    assert "Regel fra tirsdag" in client.get("/veiledning/regel/").content.decode()
    for path in ("/veiledning/", "/veiledning/tema/legevakt/"):
        response = client.get(path)
        assert response["X-Cache"] == "MISS" and "Regel fra tirsdag" in response.content.decode(), path
    for path in ("/veiledning/annen/", "/bemanning/", "/tilgjengelighet/"):
        assert served_from_cache(client, path), path


@pytest.mark.parametrize("check, queries", [("cache", 0), ("database", 1)])
def test_an_unrelated_articles_cached_page_costs_no_query_or_one_after_a_publish(
        client, articles, settings, django_assert_num_queries, check, queries):
    """Checked in the shared cache, a cached page costs no query; in the database, one."""
    settings.PAGE_CACHE_CHECK = check
    rule, _other, _topic = articles
    warm(client, "/veiledning/annen/")
    publish(rule, "Regel fra tirsdag")
    with django_assert_num_queries(queries):
        assert client.get("/veiledning/annen/")["X-Cache"] == "HIT"
    assert "Regel fra tirsdag" in client.get("/veiledning/regel/").content.decode()


def test_a_change_announced_to_the_cache_but_rolled_back_changes_no_page(client, articles):
    """The cache hears of a change before it commits; if it never commits the database says the
    cached copy is still current, and it is served."""
    from django.db import transaction

    rule, _other, _topic = articles
    warm(client, "/veiledning/regel/")
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(rule, "Regel fra tirsdag")
        raise RuntimeError("the publisher's transaction fails after the change was recorded")
    response = client.get("/veiledning/regel/")
    assert response["X-Cache"] == "HIT" and "Regel fra mandag" in response.content.decode()


def test_a_page_whose_tags_the_cache_no_longer_holds_is_checked_in_the_database(client, articles, django_assert_num_queries):
    from django.core.cache import cache

    warm(client, "/veiledning/annen/")
    cache.delete_many([key for key in ("tag:frame", "tag:all")])
    with django_assert_num_queries(1):
        assert client.get("/veiledning/annen/")["X-Cache"] == "HIT"
    with django_assert_num_queries(0):  # what the database said is kept in the cache
        assert client.get("/veiledning/annen/")["X-Cache"] == "HIT"


def test_a_withdrawal_and_a_reinstatement_are_served_at_once(client, articles):
    rule, _other, _topic = articles
    warm(client, "/veiledning/regel/", "/veiledning/")
    publisher = make_publisher()
    document_withdraw(document=rule, user=publisher, reason="Erstattet.")
    assert client.get("/veiledning/regel/").status_code == 410
    assert "Regel fra mandag" not in client.get("/veiledning/").content.decode()
    document_reinstate(document=rule, user=publisher)
    assert client.get("/veiledning/regel/").status_code == 200
    assert "Regel fra mandag" in client.get("/veiledning/").content.decode()


def test_restoring_an_old_text_as_a_draft_changes_no_page(client, articles):
    rule, _other, _topic = articles
    publish(rule, "Regel fra tirsdag")
    warm(client, "/veiledning/regel/", "/veiledning/")
    version_restore(version=rule.versions.get(number=1), user=make_publisher())
    assert served_from_cache(client, "/veiledning/regel/") and served_from_cache(client, "/veiledning/")


def test_a_topic_renamed_in_the_shell_is_shown_at_once_on_every_page_that_names_it(client, articles):
    rule, _other, topic = articles
    warm(client, "/veiledning/regel/", "/veiledning/tema/", "/veiledning/tema/legevakt/", "/veiledning/")
    topic.name = "Legevakt og KAD"
    topic.save()  # what `manage.py shell` does: no admin, no service
    for path in ("/veiledning/regel/", "/veiledning/tema/", "/veiledning/tema/legevakt/", "/veiledning/"):
        assert "Legevakt og KAD" in client.get(path).content.decode(), path
    assert served_from_cache(client, "/veiledning/annen/") is False  # it was never cached: first read
    assert served_from_cache(client, "/veiledning/annen/")


def test_an_issuer_renamed_in_the_shell_is_shown_at_once(client, articles):
    rule, _other, _topic = articles
    warm(client, "/veiledning/regel/")
    Issuer.objects.filter(pk=rule.issuer_id).get().__class__  # noqa: B018 (the issuer exists)
    issuer = rule.issuer
    issuer.name = "Helsedirektoratet (omdøpt)"
    issuer.save()
    assert "Helsedirektoratet (omdøpt)" in client.get("/veiledning/regel/").content.decode()


def test_a_topic_linked_to_an_article_in_the_shell_is_shown_at_once(client, articles):
    _rule, other, _topic = articles
    warm(client, "/veiledning/annen/", "/veiledning/tema/legevakt/")
    other.topics.add(Topic.objects.create(name="Smittesporing", slug="smittesporing"))
    assert "Smittesporing" in client.get("/veiledning/annen/").content.decode()
    Topic.objects.get(slug="legevakt").articles.add(other)  # from the other side
    assert "En annen veileder" in client.get("/veiledning/tema/legevakt/").content.decode()


def test_a_link_changed_in_the_shell_is_shown_at_once(client, articles):
    link = ExternalLink.objects.create(title="FHI om smittevern", url="https://www.fhi.no/")
    warm(client, "/veiledning/lenker/", "/veiledning/regel/")
    link.title = "FHI: smittevern i kommunene"
    link.save()
    assert "FHI: smittevern i kommunene" in client.get("/veiledning/lenker/").content.decode()
    assert served_from_cache(client, "/veiledning/regel/")


def test_a_contact_point_changed_in_the_shell_is_shown_at_once_on_every_page(client, articles):
    point = make_contact_point(timezone.localdate() - datetime.timedelta(days=3), phone="111 11 111")
    warm(client, "/veiledning/regel/", "/bemanning/", "/")
    point.phone = "222 22 222"
    point.save()
    for path in ("/veiledning/regel/", "/bemanning/", "/"):
        assert "222 22 222" in client.get(path).content.decode(), path


def test_a_synonym_added_in_the_shell_reaches_the_cached_search(client, articles):
    warm(client, "/sok/?q=vaktordning")
    assert "Regel fra mandag" not in client.get("/sok/?q=vaktordning").content.decode()
    SearchSynonym.objects.create(word="vaktordning", alternatives="regel")
    assert "Regel fra mandag" in client.get("/sok/?q=vaktordning").content.decode()


def test_a_measure_published_renders_the_catalogue_again_and_no_article(client, articles):
    measure = make_measure(slug="studenter", title="Studenter i helsefag")
    warm(client, "/bemanning/", "/bemanning/studenter/", "/veiledning/regel/")
    author = measure.versions.first().author
    version_publish(version=add_version(measure, author, title="Studenter i helse- og sosialfag"), user=author)
    assert "Studenter i helse- og sosialfag" in client.get("/bemanning/").content.decode()
    assert "Studenter i helse- og sosialfag" in client.get("/bemanning/studenter/").content.decode()
    assert served_from_cache(client, "/veiledning/regel/")


def test_a_save_that_changes_nothing_records_nothing(articles):
    _rule, _other, topic = articles
    before = PublicChange.objects.count()
    topic.save()
    assert PublicChange.objects.count() == before


def test_a_deleted_topic_leaves_no_page_naming_it(client, articles):
    _rule, _other, topic = articles
    warm(client, "/veiledning/regel/", "/veiledning/tema/")
    topic.delete()
    assert "Legevakt" not in client.get("/veiledning/regel/").content.decode().split("<main", 1)[1]
    assert client.get("/veiledning/tema/legevakt/").status_code == 404


def test_a_migration_starts_every_page_afresh(client, articles):
    from publishing.changes import migrated

    warm(client, "/veiledning/regel/", "/tilgjengelighet/")
    migrated(sender=None)  # what `migrate` sends when it has run (post_migrate)
    assert not served_from_cache(client, "/veiledning/regel/")
    assert not served_from_cache(client, "/tilgjengelighet/")


def test_cached_pages_name_what_they_show_for_a_proxy_in_front(client, articles):
    rule, _other, _topic = articles
    client.get("/veiledning/regel/")
    response = client.get("/veiledning/regel/")
    tags = set(response["Surrogate-Key"].split())
    assert {tag_for(rule), "guidance.topic", "guidance.issuer", "frame"} <= tags
    assert "guidance.article" not in tags  # the list of articles is not on an article's page
    assert set(response["Cache-Tag"].split(",")) == tags


def test_a_proxy_in_front_is_told_to_purge_the_tags_of_a_change_once_it_is_committed(
        settings, articles, django_capture_on_commit_callbacks):
    from kommuneportal.purge import RecordingBackend

    settings.PAGE_CACHE_PURGE = [{"BACKEND": "kommuneportal.purge.RecordingBackend"}]
    RecordingBackend.purged.clear()
    rule, _other, _topic = articles
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(rule, "Regel fra tirsdag")
    assert RecordingBackend.purged == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert RecordingBackend.purged == [frozenset({tag_for(rule), "guidance.article"})]


def test_a_proxy_purge_that_fails_never_breaks_the_publish(settings, articles, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_PURGE = [{"BACKEND": "kommuneportal.purge.HTTPPurgeBackend",
                                  "LOCATION": "http://127.0.0.1:9/", "TIMEOUT": 0.5}]
    rule, _other, _topic = articles
    with django_capture_on_commit_callbacks(execute=True):
        publish(rule, "Regel fra tirsdag")
    assert rule.versions.count() == 2


def test_a_readers_get_never_writes_to_the_database(client, articles, monkeypatch):
    """Not on a first read, not on a cached read, not at the moment a scheduled version falls due."""
    rule, other, _topic = articles
    author = rule.versions.first().author
    eight = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
    version_publish(version=add_version(rule, author, title="Regel fra klokka åtte"), user=author, publish_at=eight)
    make_measure(slug="studenter")
    paths = ["/", "/veiledning/", "/veiledning/regel/", "/veiledning/regel/historikk/", "/veiledning/endringer/",
             "/veiledning/tema/", "/veiledning/tema/legevakt/", "/veiledning/feed/", "/bemanning/",
             "/bemanning/studenter/", "/bemanning/finn-tiltak/?oppgave=testing&naar=i-dag", "/sok/?q=regel", "/sitemap.xml",
             "/veiledning/annen/", "/veiledning/nyheter/", "/veiledning/sporsmal-og-svar/"]
    writes = []

    def refuse_writes(execute, sql, params, many, context):
        if sql.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}:
            writes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_writes):
        for path in paths * 2:
            assert client.get(path).status_code == 200, path
        monkeypatch.setattr(timezone, "now", lambda: eight + datetime.timedelta(seconds=1))
        for path in paths * 2:
            assert client.get(path).status_code == 200, path
        assert "Regel fra klokka åtte" in client.get("/veiledning/regel/").content.decode()
    assert writes == []


def test_a_scheduled_version_is_served_from_its_second_on_cached_pages_with_no_job(client, articles, monkeypatch,
                                                                                   seven_in_the_morning):
    rule, _other, _topic = articles
    author = rule.versions.first().author
    eight = seven_in_the_morning + datetime.timedelta(hours=1)
    version_publish(version=add_version(rule, author, title="Regel fra klokka åtte"), user=author, publish_at=eight)
    warm(client, "/veiledning/regel/", "/veiledning/", "/veiledning/annen/")
    monkeypatch.setattr(timezone, "now", lambda: eight - datetime.timedelta(seconds=1))
    assert "Regel fra mandag" in client.get("/veiledning/regel/").content.decode()
    monkeypatch.setattr(timezone, "now", lambda: eight)
    assert "Regel fra klokka åtte" in client.get("/veiledning/regel/").content.decode()
    assert "Regel fra klokka åtte" in client.get("/veiledning/").content.decode()
    assert served_from_cache(client, "/veiledning/regel/")  # rendered after 08:00, it stays current
    assert client.get("/veiledning/annen/")["X-Cache"] == "HIT"  # it does not show the article


def test_a_second_scheduled_version_falls_due_too_with_nothing_written_in_between(client, articles, monkeypatch):
    rule, _other, _topic = articles
    author = rule.versions.first().author
    now = timezone.now().replace(microsecond=0)
    eight, nine = now + datetime.timedelta(hours=1), now + datetime.timedelta(hours=2)
    version_publish(version=add_version(rule, author, title="Regel fra klokka åtte"), user=author, publish_at=eight)
    version_publish(version=add_version(rule, author, title="Regel fra klokka ni"), user=author, publish_at=nine)
    for moment, title in [(eight, "Regel fra klokka åtte"), (nine, "Regel fra klokka ni")]:
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment + datetime.timedelta(seconds=1))
        assert title in client.get("/veiledning/regel/").content.decode()
        assert title in client.get("/veiledning/regel/").content.decode()
        assert title in client.get("/veiledning/").content.decode()
