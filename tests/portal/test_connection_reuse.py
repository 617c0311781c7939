"""Workers keep their database connection between requests (CONN_MAX_AGE) and Django's own health
check (CONN_HEALTH_CHECKS) replaces one the server dropped: no private connection attributes."""

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


def test_a_kept_connection_is_reused_by_the_next_request():
    if connections["default"].vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database is not a connection to keep")

    def scenario(connection, health_checks):
        pids = []
        for _ in range(3):
            assert get("/veiledning/tema/") == 200
            pids.append(connection.connection.get_backend_pid())
        return pids

    pids = in_fresh_thread(scenario)
    assert len(set(pids)) == 1


def test_a_request_reconnects_when_the_server_dropped_the_kept_connection():
    if connections["default"].vendor != "postgresql":
        pytest.skip("needs a database server that can drop a connection")

    def scenario(connection, health_checks):
        first = get("/veiledning/tema/")
        backend_pid = connection.connection.get_backend_pid()
        with psycopg2.connect(**connection.get_connection_params()) as admin, admin.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
        admin.close()
        return first, get("/"), backend_pid, connection.connection.get_backend_pid()

    first, after, old_pid, new_pid = in_fresh_thread(scenario)
    assert (first, after) == (200, 200)
    assert new_pid != old_pid
