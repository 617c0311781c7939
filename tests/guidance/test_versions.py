"""The versioning rules, at the service level and through the admin edit form."""

import datetime

import pytest
from django.utils import timezone

from guidance.models import Article, ArticleVersion
from publishing.models import ImmutableVersionError, StaleVersionError
from publishing.services import version_publish, version_restore
from tests.guidance.admin_helpers import add_version, change_url, edit_post, make_article, make_responsible_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher():
    return make_responsible_editor()


def test_saving_a_changed_saved_version_raises(publisher):
    version = make_article(publisher).latest_version()
    version.title = "Endret i ettertid"
    with pytest.raises(ImmutableVersionError):
        version.save()
    assert ArticleVersion.objects.get(pk=version.pk).title == "Legevaktarbeid under koronautbruddet"


def test_an_admin_edit_creates_a_new_version_and_leaves_the_old_row_untouched(client, publisher):
    article = make_article(publisher, body="Gammel tekst.")
    old = article.latest_version()
    before = {f: getattr(old, f) for f in ("title", "summary", "body", "change_note", "created_at", "publish_at")}
    client.force_login(publisher)

    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Ny tittel", body="Ny tekst."))

    assert response.status_code == 302
    assert list(article.versions.order_by("number").values_list("number", "title")) == [
        (1, "Legevaktarbeid under koronautbruddet"), (2, "Ny tittel")]
    old.refresh_from_db()
    assert {f: getattr(old, f) for f in before} == before
    new = article.versions.get(number=2)
    assert new.is_draft and new.author == publisher and new.based_on_number == 1 and new.body == "Ny tekst."


def test_saving_unchanged_text_makes_no_new_version(client, publisher):
    article = make_article(publisher, title="T", summary="S", body="B")
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="T", summary="S", body="B"),
                           follow=True)
    assert article.versions.count() == 1
    assert "ingen ny versjon" in response.content.decode()


def test_a_major_change_without_a_change_note_is_refused_and_the_text_kept(client, publisher):
    article = make_article(publisher)
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Viktig ny tittel",
                                                          change_note=""))
    assert response.status_code == 200
    assert "Skriv et endringsnotat" in response.content.decode()
    assert 'value="Viktig ny tittel"' in response.content.decode()
    assert article.versions.count() == 1


def test_a_minor_change_needs_no_change_note(client, publisher):
    article = make_article(publisher)
    client.force_login(publisher)
    client.post(change_url(article), edit_post(article, based_on_number=1, title="Rettet skrivefeil",
                                               change_type="minor", change_note=""))
    assert article.versions.get(number=2).change_type == "minor"


def test_creating_an_article_in_the_admin_saves_version_one_as_a_draft(client, publisher):
    from tests.factories import make_issuer, make_topic

    issuer, topic = make_issuer(), make_topic()
    client.force_login(publisher)
    response = client.post("/admin/guidance/article/add/", {
        "title": "Samfunnets kritiske funksjoner", "summary": "Oversikt.", "body": "## Liste\n\n- Helse",
        "slug": "samfunnets-kritiske-funksjoner", "kind": "veiledning", "issuer": issuer.pk, "topics": [topic.pk],
        "change_type": "major", "change_note": "Første versjon.", "based_on_number": "0",
    })
    assert response.status_code == 302
    article = Article.objects.get(slug="samfunnets-kritiske-funksjoner")
    assert list(article.topics.all()) == [topic]
    version = article.versions.get()
    assert (version.number, version.title, version.author, version.is_draft) == (1, "Samfunnets kritiske funksjoner",
                                                                                 publisher, True)


def test_a_scheduled_version_is_invisible_before_publish_at_and_live_after_it_with_no_job_run(publisher):
    article = make_article(publisher, title="Versjon 1")
    scheduled_for = timezone.now() + datetime.timedelta(hours=10)
    version_publish(version=add_version(article, publisher, title="Versjon 2"), user=publisher, publish_at=scheduled_for)

    before = Article.objects.live(at=scheduled_for - datetime.timedelta(seconds=1)).get(pk=article.pk)
    after = Article.objects.live(at=scheduled_for).get(pk=article.pk)

    assert ArticleVersion.objects.get(pk=before.live_version_id).title == "Versjon 1"
    assert ArticleVersion.objects.get(pk=after.live_version_id).title == "Versjon 2"
    assert article.versions.scheduled().count() == 1


def test_a_version_scheduled_in_the_past_is_live_now(publisher):
    article = make_article(publisher, title="Versjon 1")
    version_publish(version=add_version(article, publisher, title="Versjon 2"), user=publisher,
                    publish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert Article.objects.live().get(pk=article.pk).live_version_id == article.versions.get(number=2).pk


def test_a_draft_is_never_live(publisher):
    article = make_article(publisher, published=False)
    assert not Article.objects.live().filter(pk=article.pk).exists()


def test_minor_versions_do_not_move_last_major_at(publisher):
    first_published = timezone.now() - datetime.timedelta(days=3)
    article = make_article(publisher, publish_at=first_published)
    version_publish(version=add_version(article, publisher, change_type="minor", change_note="", title="Skrivefeil rettet"),
                    user=publisher)

    annotated = Article.objects.live().get(pk=article.pk)

    assert annotated.last_major_at == first_published
    assert ArticleVersion.objects.get(pk=annotated.live_version_id).title == "Skrivefeil rettet"


def test_a_major_version_moves_last_major_at(publisher):
    article = make_article(publisher, publish_at=timezone.now() - datetime.timedelta(days=3))
    second = version_publish(version=add_version(article, publisher, title="Ny regel"), user=publisher)
    assert Article.objects.live().get(pk=article.pk).last_major_at == second.publish_at


def test_version_create_refuses_a_stale_starting_point(publisher):
    article = make_article(publisher)
    add_version(article, publisher, title="Versjon 2")
    from publishing.services import version_create

    with pytest.raises(StaleVersionError) as error:
        version_create(document=article, author=publisher, based_on_number=1, change_type="minor", title="x",
                       summary="y", body="z")
    assert error.value.latest.number == 2


def test_restore_creates_a_new_draft_with_the_old_text(publisher):
    article = make_article(publisher, title="Gammel", body="Gammel tekst")
    version_publish(version=add_version(article, publisher, title="Ny", body="Ny tekst"), user=publisher)

    restored = version_restore(version=article.versions.get(number=1), user=publisher)

    assert (restored.number, restored.title, restored.body, restored.is_draft) == (3, "Gammel", "Gammel tekst", True)
    assert article.versions.get(number=2).title == "Ny"


def test_diff_compares_dates_and_empty_values_as_readers_see_them():
    import datetime

    from publishing.diff import diff_html, display_value

    assert display_value(datetime.date(2022, 7, 31)) == "31.07.2022"
    assert display_value(None) == "" and display_value(["a", "b"]) == "a, b"
    html = diff_html(display_value(datetime.date(2022, 7, 31)), display_value(datetime.date(2022, 9, 10)))
    assert "<del>" in html and "31.07.2022" in html and "10.09.2022" in html


def test_a_rewritten_phrase_reads_as_one_deletion_and_one_insertion():
    from publishing.diff import diff_html

    html = diff_html("Legevaktene har en sentral rolle.", "KS oppfordrer til gode løsninger.")
    assert html.count("<del>") == 1 and html.count("<ins>") == 1
    assert "Legevaktene har en sentral rolle." in html and "KS oppfordrer til gode løsninger." in html
