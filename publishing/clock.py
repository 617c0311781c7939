"""When public content changes, so that no page is served after what it shows has changed.

Changes come in two kinds:

- *Writes* (publish, withdraw, reinstate, restore, an edited contact point …) call
  `content_changed()` in their own transaction.
- *Time* (a version scheduled for 08:00, a measure whose validity ends today) needs no job: the
  clock row stores the next moment anything changes by itself, and `current_generation()` — read
  once per request — promotes what has fallen due when that moment has passed.

A model takes part by defining a classmethod `next_content_change(now)` returning the next
datetime after `now` at which it changes by itself (or None), and, if it has stored state to bring
up to date, `promote_due(now)`. Versioned documents do both; see `publishing.models`.
"""

import datetime
from functools import cache
from typing import NamedTuple

from django.apps import apps
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from publishing.models import ContentClock

CLOCK_PK = 1


class ClockReading(NamedTuple):
    """The clock row as read on every request (a model instance costs more to build than the read)."""

    generation: int
    next_change_at: datetime.datetime | None
    changed_at: datetime.datetime | None


def _participants():
    return [model for model in apps.get_models() if hasattr(model, "next_content_change")]


def next_change_after(now):
    moments = [model.next_content_change(now) for model in _participants()]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


@transaction.atomic
def content_changed(now=None):
    """Bump the generation and work out when content next changes by itself. Returns the clock."""
    now = now or timezone.now()
    clock, _created = ContentClock.objects.select_for_update().get_or_create(pk=CLOCK_PK)
    clock.generation += 1
    clock.next_change_at = next_change_after(now)
    clock.changed_at = now
    clock.save()
    return clock


def current_generation(now=None):
    """The content generation now, promoting whatever has fallen due first (one query when nothing has)."""
    now = now or timezone.now()
    clock = _read_clock()
    if clock is None or (clock.next_change_at is not None and clock.next_change_at <= now):
        clock = promote_due(now)
    return clock


def _read_clock():
    """The clock row in one round trip to the database, or None.

    This runs on every request, cached page or not, so it is kept to the bare query: composing it
    through the ORM costs more than the database takes to answer, and on a reused connection Django
    would first send a health check (`SELECT 1`). The read itself shows whether the connection still
    works: if it fails on a reused connection outside a transaction, reconnect and read again, as
    Django's health check would have.
    """
    reused = connection.connection is not None and connection.health_check_enabled and not connection.health_check_done
    if reused:
        connection.health_check_done = True
    try:
        row = _select_clock_row()
    except (InterfaceError, OperationalError):
        if not reused or connection.in_atomic_block:
            raise
        connection.close()
        row = _select_clock_row()
    if row is None:
        return None
    generation, next_change_at, changed_at = row
    return ClockReading(generation, _aware(next_change_at), _aware(changed_at))


def _select_clock_row():
    sql = _clock_sql(connection.vendor)
    if connection.vendor != "postgresql" or connection.queries_logged or connection.execute_wrappers:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()
    # Straight to psycopg: Django's cursor wrapper adds about 15 µs to every request, cached page or
    # not (+5 % cached pages per second under wrk). Errors still come out as Django's, and counted or
    # wrapped queries (tests, DEBUG) take the path above.
    connection.ensure_connection()
    with connection.wrap_database_errors, connection.connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()


@cache
def _clock_sql(vendor):
    quote = connection.ops.quote_name
    # The key is our own constant, written into the statement so it needs no parameter handling.
    return "SELECT {}, {}, {} FROM {} WHERE {} = {:d}".format(
        *(quote(ContentClock._meta.get_field(name).column) for name in ("generation", "next_change_at", "changed_at")),
        quote(ContentClock._meta.db_table), quote(ContentClock._meta.pk.column), CLOCK_PK)


def _aware(value):
    """A datetime from a plain query: SQLite gives text in UTC, PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.timezone.utc)
    return value


@transaction.atomic
def promote_due(now=None):
    """Bring every participant's stored state up to `now`, then bump the generation."""
    now = now or timezone.now()
    ContentClock.objects.select_for_update().get_or_create(pk=CLOCK_PK)  # one promoter at a time
    for model in _participants():
        if hasattr(model, "promote_due"):
            model.promote_due(now)
    return content_changed(now)


def content_stamp(clock):
    """The generation with the moment it began, e.g. "412.1763887200.000000": what a cache key holds.

    A database restored from an older backup counts its generations up again from an older number,
    so the number alone could meet pages cached before the restore for other content; with the moment
    each generation began it cannot.
    """
    moment = clock.changed_at.timestamp() if clock.changed_at else 0
    return f"{clock.generation}.{moment:.6f}"


def seconds_until_next_change(clock, now=None, *, limit):
    """How long a page rendered now may be kept, at most `limit` seconds."""
    if clock.next_change_at is None:
        return limit
    remaining = (clock.next_change_at - (now or timezone.now())) / datetime.timedelta(seconds=1)
    return max(0, min(limit, int(remaining)))
