"""The content clock is read on every request, cached page or not, so the read is one round trip
that also serves as the connection's health check — and still recovers from a dropped connection."""

import psycopg2
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.test import RequestFactory

connection = connections["default"]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def health_checks(monkeypatch):
    calls = []
    original = type(connection).is_usable

    def counting_is_usable(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(type(connection), "is_usable", counting_is_usable)
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.close()
    yield calls
    connection.close()


def get(path):
    """A request through Django's real WSGI handler. The test client would not do: it disconnects the
    signal that, between requests, marks a kept connection as due for a health check."""
    statuses = []
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET", HTTP_HOST="testserver")
    body = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    body.close()
    return int(statuses[0].split()[0])


def test_reused_connection_sends_no_separate_health_check(health_checks):
    assert get("/robots.txt") == 200
    for _ in range(3):
        assert get("/robots.txt") == 200
    assert connection.connection is not None, "the connection should be kept between requests"
    assert health_checks == []


def test_clock_read_reconnects_when_the_server_dropped_the_connection(health_checks):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server that can drop a connection")
    assert get("/robots.txt") == 200
    backend_pid = connection.connection.get_backend_pid()
    params = connection.get_connection_params()
    with psycopg2.connect(**params) as admin, admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
    admin.close()

    assert get("/") == 200
    assert connection.connection.get_backend_pid() != backend_pid
