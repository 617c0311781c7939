"""The versioning rules through the article admin edit form (the core itself: tests/publishing/)."""

import pytest

from guidance.models import Article
from tests.factories import make_article, make_publisher
from tests.guidance.admin_helpers import change_url, edit_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher():
    return make_publisher()


def test_an_admin_edit_creates_a_new_version_and_leaves_the_old_row_untouched(client, publisher):
    article = make_article(author=publisher, title="Legevaktarbeid under koronautbruddet", body="Gammel tekst.")
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
    article = make_article(author=publisher, title="T", summary="S", body="B")
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="T", summary="S", body="B"),
                           follow=True)
    assert article.versions.count() == 1
    assert "ingen ny versjon" in response.content.decode()


def test_a_major_change_without_a_change_note_is_refused_and_the_text_kept(client, publisher):
    article = make_article(author=publisher)
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Viktig ny tittel",
                                                          change_note=""))
    assert response.status_code == 200
    assert "Skriv et endringsnotat" in response.content.decode()
    assert 'value="Viktig ny tittel"' in response.content.decode()
    assert article.versions.count() == 1


def test_a_minor_change_needs_no_change_note(client, publisher):
    article = make_article(author=publisher)
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
