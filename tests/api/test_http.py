"""HTTP done right for the API (issue 27): validators and 304, Cache-Control like the pages, CORS,
the licence link, problem details for every error, and what the page cache may keep."""

import datetime

import pytest
from django.utils import timezone

from guidance.models import Article, Issuer, Topic
from publishing.cachetags import response_tags, tag_for
from publishing.services import version_publish
from tests.factories import add_version, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(publisher):
    return make_article(slug="tisk", author=publisher)


def test_an_unchanged_answer_is_a_304_by_etag_and_by_last_modified(client, article):
    first = client.get("/api/v1/artikler/tisk/")
    assert first["ETag"].startswith('W/"') and first["Last-Modified"]
    again = client.get("/api/v1/artikler/tisk/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    assert client.get("/api/v1/artikler/tisk/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_a_publish_changes_the_etag_and_the_old_one_gets_the_new_text(client, article, publisher):
    etag = client.get("/api/v1/artikler/tisk/")["ETag"]
    version_publish(version=add_version(article, publisher, title="Ny tittel"), user=publisher)
    response = client.get("/api/v1/artikler/tisk/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert response.json()["data"]["live_version"]["title"] == "Ny tittel"


def test_answers_may_be_kept_like_pages_but_never_past_the_next_scheduled_change(client, article, publisher):
    assert client.get("/api/v1/artikler/").headers["Cache-Control"] == (
        "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400")
    version_publish(version=add_version(article, publisher), user=publisher,
                    publish_at=timezone.now() + datetime.timedelta(seconds=30))
    max_age = int(client.get("/api/v1/artikler/")["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 <= max_age <= 30


def test_every_answer_allows_any_origin_and_links_the_licence_and_the_schema(client, article):
    for url, status in (("/api/v1/artikler/tisk/", 200), ("/api/v1/artikler/finnes-ikke/", 404),
                        ("/api/v1/artikler/?antall=0", 400), ("/api/v1/ukjent/", 404)):
        response = client.get(url)
        assert response.status_code == status, url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert '<https://data.norge.no/nlod/no/2.0>; rel="license"' in response["Link"]
        assert '</api/v1/openapi.json>; rel="service-desc"' in response["Link"]
        assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_browser_preflight_is_answered_for_conditional_gets(client):
    response = client.options("/api/v1/artikler/", HTTP_ORIGIN="https://intranett.kommune.no",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
                              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert "GET" in response["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only_and_says_so_in_a_405_problem(client, article, method):
    response = getattr(client, method)("/api/v1/artikler/tisk/")
    assert response.status_code == 405 and response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Metoden er ikke tillatt" and "GET" in response["Allow"]


def test_an_unknown_address_is_a_404_problem_and_a_missing_slash_is_added(client, article):
    response = client.get("/api/v1/artikler/tisk/noe-annet/")
    assert response.status_code == 404 and response.json()["type"] == "/api/#feil-finnes-ikke"
    moved = client.get("/api/v1/artikler/tisk?antall=1")
    assert moved.status_code == 301 and moved["Location"] == "/api/v1/artikler/tisk/?antall=1"


def test_the_answer_is_json_whatever_the_client_accepts_and_head_works(client, article):
    as_html = client.get("/api/v1/artikler/tisk/", HTTP_ACCEPT="text/html")
    assert as_html.status_code == 200 and as_html["Content-Type"] == "application/json"
    assert as_html.content == client.get("/api/v1/artikler/tisk/").content
    head = client.head("/api/v1/artikler/tisk/")
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == as_html["ETag"]


def test_answers_name_what_they_show_for_the_page_cache(client, article):
    assert response_tags(client.get("/api/v1/artikler/tisk/")) == {tag_for(article), tag_for(Topic), tag_for(Issuer)}
    assert tag_for(Article) in response_tags(client.get("/api/v1/artikler/"))
    assert response_tags(client.get("/api/v1/endringer/")) == {"guidance.article", "staffing.measure"}
    assert response_tags(client.get("/api/v1/openapi.json")) == {"api-schema"}


def test_the_api_reads_no_session_so_its_answers_do_not_vary_by_cookie(client, article):
    response = client.get("/api/v1/artikler/tisk/")
    assert "Cookie" not in response.get("Vary", "") and not response.cookies


def test_with_the_page_cache_on_a_cached_answer_carries_cors_and_nothing_about_the_client(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.API_RATE_LIMIT = 1000
    from django.core.cache import cache

    cache.clear()
    first = client.get("/api/v1/artikler/tisk/", REMOTE_ADDR="10.0.0.1")
    second = client.get("/api/v1/artikler/tisk/", REMOTE_ADDR="10.0.0.2")
    assert first.content == second.content
    for response in (first, second):
        assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
        assert response["Cache-Control"].startswith("public")
        assert response["RateLimit-Policy"] == "1000;w=60"
        assert not {"RateLimit-Remaining", "RateLimit-Limit", "RateLimit-Reset"} & set(response.headers)
    cache.clear()
