"""The content clock is read on every request, cached page or not, so the read is one round trip
that also serves as the connection's health check — and still recovers from a dropped connection."""

import threading

import psycopg2
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.test import RequestFactory

pytestmark = pytest.mark.django_db(transaction=True)


def get(path):
    """A request through Django's real WSGI handler. The test client would not do: it disconnects the
    signal that, between requests, marks a kept connection as due for a health check."""
    statuses = []
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET", HTTP_HOST="testserver")
    body = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    body.close()
    return int(statuses[0].split()[0])


def in_fresh_thread(scenario):
    """Run `scenario(connection, health_checks)` in a thread of its own, with its own connection kept
    between requests, as a server's worker has (earlier tests may leave this thread's state odd)."""
    outcome = {}

    def run():
        connection = connections["default"]
        connection.settings_dict["CONN_HEALTH_CHECKS"] = True
        connection.settings_dict["CONN_MAX_AGE"] = 60
        health_checks = []
        original = connection.is_usable
        connection.is_usable = lambda: health_checks.append(1) or original()
        try:
            outcome["result"] = scenario(connection, health_checks)
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def test_reused_connection_sends_no_separate_health_check():
    def scenario(connection, health_checks):
        statuses = [get("/robots.txt") for _ in range(4)]
        return statuses, connection.connection is not None, health_checks

    statuses, kept, health_checks = in_fresh_thread(scenario)
    assert statuses == [200] * 4
    assert kept, "the connection should be kept between requests"
    assert health_checks == []


def test_clock_read_reconnects_when_the_server_dropped_the_connection():
    if connections["default"].vendor != "postgresql":
        pytest.skip("needs a database server that can drop a connection")

    def scenario(connection, health_checks):
        first = get("/robots.txt")
        backend_pid = connection.connection.get_backend_pid()
        with psycopg2.connect(**connection.get_connection_params()) as admin, admin.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
        admin.close()
        return first, get("/"), backend_pid, connection.connection.get_backend_pid()

    first, after, old_pid, new_pid = in_fresh_thread(scenario)
    assert (first, after) == (200, 200)
    assert new_pid != old_pid
