"""E-mails other apps hand to the outbox: notifications to a user, not alerts to subscribers.

An app writes its notifications to a table of its own in the same transaction as the change that
causes them, and offers them through a *source* named in the `OUTBOX_SOURCES` setting (so this app
never imports it). `send_alerts` moves them into the outbox and the outbox's protocol sends them
(`alerts.outbox`). A source has:

    key                          a short prefix, unique among sources, e.g. "bistand"
    pending(*, limit)            not yet handed over: objects with `id`, `email`, `subject`, `body`
    mark_queued(*, ids, now)     the ones now in the outbox

Each notification becomes one outbox row with the unique key `<key>:<id>`, created in the same
transaction as `mark_queued`: a run that dies leaves both undone, and two runs at once cannot
queue one notification twice (the second meets the unique key). So it is queued exactly once, and
delivered at most once, like every e-mail in the outbox.
"""

from functools import cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from alerts.models import Message, MessageKind

BATCH = 500


def outbox_sources():
    return _sources(tuple(getattr(settings, "OUTBOX_SOURCES", ())))


@cache
def _sources(paths):
    return [import_string(path)() for path in paths]


def notifications_enqueue(*, now=None):
    """Move every pending notification of every source into the outbox. Returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    for source in outbox_sources():
        for item in source.pending(limit=BATCH):
            with transaction.atomic():
                queued += _queue(source, item, now=now)
                source.mark_queued(ids=[item.id], now=now)
    return queued


def _queue(source, item, *, now):
    try:
        with transaction.atomic():
            Message.objects.create(
                recipient=item.email, kind=MessageKind.NOTIFICATION, subject=item.subject[:250], body=item.body,
                dedupe_key=f"{source.key}:{item.id}"[:120], created_at=now, next_attempt_at=now,
            )
    except IntegrityError:  # another run queued it first
        return 0
    return 1
