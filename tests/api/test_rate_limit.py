"""The API's rate limit per client address (issue 27): 429 with Retry-After, counted in a shared cache,
configurable, and never frozen into a shared copy of an answer."""

import pytest
from django.core.cache import caches

from kommuneportal.api.middleware import seconds_to_wait
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def limited(settings):
    settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_WINDOW = 3, 60
    caches[settings.API_RATE_LIMIT_CACHE].clear()
    yield settings
    caches[settings.API_RATE_LIMIT_CACHE].clear()


def test_past_the_limit_an_address_gets_429_with_retry_after_and_the_counting_headers(client, limited):
    statuses = [client.get("/api/v1/temaer/", REMOTE_ADDR="192.0.2.7").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/temaer/", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 429 and response["Content-Type"] == "application/problem+json"
    assert 1 <= int(response["Retry-After"]) <= 60 and response["RateLimit-Remaining"] == "0"
    assert response["Cache-Control"] == "private, no-store" and response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["title"] == "For mange forespørsler"


def test_another_address_has_its_own_count(client, limited):
    for _ in range(4):
        client.get("/api/v1/temaer/", REMOTE_ADDR="192.0.2.7")
    assert client.get("/api/v1/temaer/", REMOTE_ADDR="192.0.2.8").status_code == 200


def test_behind_a_proxy_on_the_same_host_the_address_it_appended_is_counted(client, limited):
    for _ in range(3):
        client.get("/api/v1/temaer/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.1")
    assert client.get("/api/v1/temaer/", REMOTE_ADDR="127.0.0.1",
                      HTTP_X_FORWARDED_FOR="forged, 198.51.100.1").status_code == 429
    assert client.get("/api/v1/temaer/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


def test_a_public_answer_carries_only_the_policy_not_the_clients_count(client, limited):
    make_article(slug="tisk")
    response = client.get("/api/v1/artikler/tisk/", REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 200 and response["RateLimit-Policy"] == "3;w=60"
    assert not {"RateLimit-Remaining", "RateLimit-Limit", "RateLimit-Reset", "Retry-After"} & set(response.headers)


def test_the_pages_are_not_counted(client, limited):
    for _ in range(5):
        assert client.get("/tilgjengelighet/", REMOTE_ADDR="192.0.2.10").status_code == 200


def test_the_window_ends_when_retry_after_says(rf, limited):
    request = rf.get("/api/v1/temaer/", REMOTE_ADDR="192.0.2.11")
    assert [seconds_to_wait(request, now=120.0) for _ in range(4)] == [0, 0, 0, 60]
    assert seconds_to_wait(request, now=170.5) == 10
    assert seconds_to_wait(request, now=180.0) == 0  # a new window


def test_a_cache_that_is_down_lets_requests_through(client, settings):
    settings.API_RATE_LIMIT = 1
    settings.CACHES = {**settings.CACHES, "limits": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}}
    settings.API_RATE_LIMIT_CACHE = "limits"
    assert [client.get("/api/v1/temaer/").status_code for _ in range(3)] == [200, 200, 200]


def test_zero_turns_the_limit_off(client, settings):
    settings.API_RATE_LIMIT = 0
    response = client.get("/api/v1/temaer/")
    assert response.status_code == 200 and "RateLimit-Policy" not in response
