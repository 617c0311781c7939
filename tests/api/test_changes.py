"""«Changes since» (/api/v1/endringer/): what an intranet polls, in order, paged, with the new text."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone

from publishing.services import document_withdraw, version_publish
from tests.api.conftest import hours
from tests.factories import add_version, make_article, make_measure

pytestmark = pytest.mark.django_db

START = timezone.now() - datetime.timedelta(days=2)


def _moment(offset_hours):
    return START + datetime.timedelta(hours=offset_hours)


@pytest.fixture
def history(publisher):
    """An article (new, then a minor and a major change) and a measure published in between."""
    article = make_article(slug="tisk", author=publisher, published_at=_moment(1))
    version_publish(version=add_version(article, publisher, change_type="minor", change_note="Skrivefeil."),
                    user=publisher, publish_at=_moment(2))
    make_measure(slug="studenter", publisher=publisher, published_at=_moment(3))
    version_publish(version=add_version(article, publisher, body="Ny tekst om testing.", change_note="Ny testing."),
                    user=publisher, publish_at=_moment(4))
    return article


def _changes(api, query=""):
    response, body = api(f"/api/v1/endringer/?{query}")
    assert response.status_code == 200, body
    return body


def _keys(body):
    return [(item["type"]["code"], item["slug"], item["version"]["number"]) for item in body["data"]]


def test_changes_are_major_versions_of_articles_and_measures_oldest_first_with_the_new_text(api, history):
    body = _changes(api)
    assert _keys(body) == [("artikkel", "tisk", 1), ("tiltak", "studenter", 1), ("artikkel", "tisk", 3)]
    newest = body["data"][-1]
    assert newest["version"]["body_markdown"] == "Ny tekst om testing." and newest["version"]["change_note"] == "Ny testing."
    assert newest["is_first_publication"] is False and body["data"][0]["is_first_publication"] is True
    assert newest["links"]["document"] == "http://testserver/api/v1/artikler/tisk/"
    assert newest["links"]["page"] == "http://testserver/veiledning/tisk/versjon/3/"


def test_minor_changes_come_on_request(api, history):
    assert [key[2] for key in _keys(_changes(api, "mindre=1")) if key[0] == "artikkel"] == [1, 2, 3]


def test_changes_since_a_time_leave_out_what_came_before(api, history):
    since = quote(_moment(2.5).isoformat())
    assert _keys(_changes(api, f"siden={since}")) == [("tiltak", "studenter", 1), ("artikkel", "tisk", 3)]
    assert _keys(_changes(api, f"siden={since}&type=artikkel")) == [("artikkel", "tisk", 3)]


def test_paging_follows_next_until_null_and_poll_then_gives_only_what_is_published_after(api, history, publisher):
    seen, url = [], "/api/v1/endringer/?antall=1"
    while url:
        body = _changes(api, url.split("?", 1)[1])
        seen += _keys(body)
        url, poll = body["links"]["next"], body["links"]["poll"]
    assert seen == [("artikkel", "tisk", 1), ("tiltak", "studenter", 1), ("artikkel", "tisk", 3)]
    assert _keys(_changes(api, poll.split("?", 1)[1])) == []
    version_publish(version=add_version(history, publisher, change_note="Enda nyere."), user=publisher)
    assert _keys(_changes(api, poll.split("?", 1)[1])) == [("artikkel", "tisk", 4)]


def test_a_scheduled_version_enters_the_changes_at_its_time(api, history, publisher, at):
    poll = _changes(api)["links"]["poll"].split("?", 1)[1]
    publish_at = timezone.now() + hours(2)
    version_publish(version=add_version(history, publisher, change_note="Fra klokken åtte."), user=publisher,
                    publish_at=publish_at)
    assert _keys(_changes(api, poll)) == []
    with at(publish_at + datetime.timedelta(minutes=1)):
        assert _keys(_changes(api, poll)) == [("artikkel", "tisk", 4)]


def test_a_withdrawn_document_leaves_the_changes_and_drafts_never_enter(api, history, publisher):
    add_version(history, publisher, change_note="Utkast.")
    assert ("artikkel", "tisk", 4) not in _keys(_changes(api))
    document_withdraw(document=history, user=publisher, reason="Feil.")
    assert _keys(_changes(api)) == [("tiltak", "studenter", 1)]


@pytest.mark.parametrize("query, parameter", [
    ("siden=i+går", "siden"), ("siden=2022-02-30", "siden"), ("siden=9999-12-31T23:59:59-23:00", "siden"),
    ("mindre=ja", "mindre"), ("type=nyhet", "type"), ("markor=WyJ4IiwxLDFd", "markor"), ("antall=1000", "antall"),
])
def test_a_bad_parameter_to_changes_is_a_400_problem_naming_it(api, db, query, parameter):
    response, problem = api(f"/api/v1/endringer/?{query}")
    assert response.status_code == 400
    assert [error["parameter"] for error in problem["errors"]] == [parameter]
