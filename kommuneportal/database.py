"""A database that stops answering costs a request a bounded wait, never a worker.

A PostgreSQL server that is frozen (a hung host, a full disk, a partition that keeps TCP alive)
never answers, and neither its own `statement_timeout` nor TCP keepalives (answered by its kernel)
end the wait. So while a request is being served, every wait for the server is bounded here, in
psycopg2's public wait callback (`psycopg2.extensions.set_wait_callback`):
settings.DATABASE_REQUEST_WAIT_SECONDS for any query, less for the page cache's own check
(`bounded_wait`). When a request's wait runs out, psycopg2 drops the connection and, for
settings.DATABASE_BREAKER_SECONDS, requests give up on the database at once instead of each waiting
again: anonymous readers get the cached copy (kommuneportal.middleware), everything else the
Norwegian 503 with Retry-After (kommuneportal.views.server_error). Then one request tries again, and
the first answer ends the outage. Outside requests (commands, migrations, bulk loads) nothing is
bounded here.
"""

import contextlib
import contextvars
import select
import threading
import time

import psycopg2
import psycopg2.extensions
from django.conf import settings

# (seconds, whether running out opens the breaker), or None outside requests.
_limit = contextvars.ContextVar("database_wait", default=None)
_breaker = {"open_until": 0.0}
_breaker_lock = threading.Lock()


class DatabaseUnresponsive(psycopg2.OperationalError):
    pass


def install():
    """Bound waits on PostgreSQL connections (called from kommuneportal.apps when it is the database)."""
    psycopg2.extensions.set_wait_callback(wait_with_deadline)
    from django.core.signals import request_finished, request_started

    request_started.connect(_request_started, dispatch_uid="kommuneportal.database.started")
    request_finished.connect(_request_finished, dispatch_uid="kommuneportal.database.finished")


def _request_started(**kwargs):
    _limit.set((settings.DATABASE_REQUEST_WAIT_SECONDS, True))


def _request_finished(**kwargs):
    _limit.set(None)


@contextlib.contextmanager
def bounded_wait(seconds):
    """Wait at most `seconds` for the database inside this block. Running out here only fails this
    block (a slow moment under load is not an outage): the breaker opens on a request's full wait."""
    outer = _limit.get()
    token = _limit.set((min(seconds, outer[0]) if outer else seconds, False))
    try:
        yield
    finally:
        _limit.reset(token)


def is_unresponsive():
    """Whether a recent wait ran out, so the database is not worth asking for a few seconds."""
    return time.monotonic() < _breaker["open_until"]


def wait_with_deadline(connection):
    limit = _limit.get()
    if limit is None:
        seconds = trips = None
    else:
        seconds, trips = limit
        if is_unresponsive():
            _give_up(connection, "Databasen svarte ikke nylig; prøver igjen om litt.")
    deadline = None if seconds is None else time.monotonic() + seconds
    while True:
        state = connection.poll()
        if state == psycopg2.extensions.POLL_OK:
            return
        if state == psycopg2.extensions.POLL_READ:
            readers, writers = [connection.fileno()], []
        elif state == psycopg2.extensions.POLL_WRITE:
            readers, writers = [], [connection.fileno()]
        else:
            raise psycopg2.OperationalError(f"Unexpected state from poll(): {state}")
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            _ran_out(connection, trips)
        ready = select.select(readers, writers, [], remaining)
        if deadline is not None and not any(ready[:2]):
            _ran_out(connection, trips)


def _ran_out(connection, trips):
    if trips:
        with _breaker_lock:
            _breaker["open_until"] = time.monotonic() + settings.DATABASE_BREAKER_SECONDS
    _give_up(connection, "Databasen svarte ikke i tide.")


def _give_up(connection, message):
    # psycopg2 marks a connection whose wait callback raised as broken, so Django replaces it; closing
    # it here, inside the callback, would wait for psycopg2's own lock on it for ever.
    raise DatabaseUnresponsive(message)
