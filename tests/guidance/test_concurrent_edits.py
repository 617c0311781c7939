"""Two publishers edit the same article: the later save is refused, explained, and loses nothing."""

import html

import pytest

from guidance.models import Article
from publishing import admin as admin_versioning
from tests.factories import make_article, make_publisher
from tests.guidance.admin_helpers import change_url, edit_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def anne():
    return make_publisher("anne")


@pytest.fixture
def bjorn():
    return make_publisher("bjorn")


@pytest.fixture
def article(anne):
    return make_article(author=anne, title="Legevaktarbeid", summary="Råd til legevakten.", body="Ring 116 117.")


def test_the_edit_form_carries_the_version_it_started_from(client, anne, article):
    client.force_login(anne)
    form = client.get(change_url(article)).context["adminform"].form
    assert form["based_on_number"].value() == 1
    assert form["title"].value() == "Legevaktarbeid"


def test_a_stale_edit_is_refused_with_the_newer_changes_and_the_typed_text_kept(client, anne, bjorn, article):
    client.force_login(bjorn)
    client.post(change_url(article), edit_post(article, based_on_number=1, title="Legevaktarbeid under koronautbruddet",
                                               summary="Råd til legevakten.", body="Ring 116 117 eller 113."))
    client.force_login(anne)

    response = client.post(change_url(article), edit_post(
        article, based_on_number=1, title="Legevakt: Annes nye tittel", summary="Annes ingress.",
        body="Annes lange tekst som ikke må gå tapt."))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Teksten ble ikke lagret: bjorn lagret versjon 2 mens du skrev" in page
    assert "<ins>" in page and "Lagt til:" in page and "under koronautbruddet" in page and "eller 113." in page
    assert "Annes lange tekst som ikke må gå tapt." in page  # still in the body textarea
    form = response.context["adminform"].form
    assert form["title"].value() == "Legevakt: Annes nye tittel"
    assert form["body"].value() == "Annes lange tekst som ikke må gå tapt."
    assert list(article.versions.order_by("number").values_list("number", "author__username")) == [
        (1, "anne"), (2, "bjorn")]


def test_after_seeing_the_changes_the_editor_can_save_on_top_of_the_newer_version(client, anne, bjorn, article):
    client.force_login(bjorn)
    client.post(change_url(article), edit_post(article, based_on_number=1, title="Bjørns tittel"))
    client.force_login(anne)
    refused = client.post(change_url(article), edit_post(article, based_on_number=1, title="Annes tittel"))
    form = refused.context["adminform"].form
    assert form["based_on_number"].value() == 2  # the re-rendered form now starts from version 2

    retry = client.post(change_url(article), edit_post(article, based_on_number=form["based_on_number"].value(),
                                                       title=form["title"].value()))

    assert retry.status_code == 302
    third = article.versions.get(number=3)
    assert (third.title, third.author, third.based_on_number) == ("Annes tittel", anne, 2)
    assert article.versions.get(number=2).title == "Bjørns tittel"


def test_a_save_that_races_another_writer_after_validation_is_still_refused_not_lost(
        client, monkeypatch, anne, bjorn, article):
    """Bjørn's version lands after Anne's form was checked against version 1 but before her write."""
    version_one = article.latest_version()
    real_version_create = admin_versioning.version_create
    real_version_create(document=article, author=bjorn, based_on_number=1, change_type="major",
                        change_note="Bjørns endring.", title="Bjørn var først", summary="s", body="b")
    snapshots = iter([version_one])  # the first form sees the world as it was when Anne started
    original_latest = Article.latest_version
    monkeypatch.setattr(Article, "latest_version", lambda self: next(snapshots, None) or original_latest(self))
    writes = []
    monkeypatch.setattr(admin_versioning, "version_create",
                        lambda **kwargs: writes.append(kwargs["based_on_number"]) or real_version_create(**kwargs))
    client.force_login(anne)

    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Annes tittel",
                                                          body="Annes tekst."))

    assert writes == [1]  # the write was attempted once and refused by version_create itself
    assert response.status_code == 200
    assert "Teksten ble ikke lagret: bjorn lagret versjon 2" in html.unescape(response.content.decode())
    assert response.context["adminform"].form["body"].value() == "Annes tekst."
    assert list(article.versions.order_by("number").values_list("title", flat=True)) == [
        "Legevaktarbeid", "Bjørn var først"]
