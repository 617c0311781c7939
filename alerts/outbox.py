"""Turning newly live major versions into queued e-mails, and delivering the queue.

Delivery protocol (each step its own committed write, so the database always says how far we got):

0. *connect*: the mail connection is opened before anything is claimed. If it cannot be (a wrong
   backend, host or port, TLS and SSL both on …) nothing is claimed, `MailUnavailable` is raised
   and `send_alerts` fails with the reason; the rows stay `pending` for the next run.

1. *claim*: due `pending` rows are locked with ``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL)
   and set to `claimed` with this run's `claim_id`. A second copy of `send_alerts` skips locked
   rows, and the conditional ``UPDATE … WHERE status='pending'`` means only one run can win a
   row even on SQLite, which has no row locks.
2. *sending*: immediately before handing one e-mail to the mail server, its row moves
   `claimed → sending` (conditional on our `claim_id`, so a row taken over by another run is
   skipped).
3. *sent*: straight after the mail server accepted it, the row is marked `sent`.

If the process dies between 1 and 2 the e-mail was certainly not sent: after ALERTS_STALE_MINUTES
the row goes back to `pending` and a later run sends it — once. If it dies between 2 and 3 we
cannot know whether the server got the e-mail. We choose *at most once* for that window (a few
hundred milliseconds of one SMTP exchange): the row becomes `uncertain`, is never resent
automatically and is shown in the admin. A duplicate alert teaches readers to ignore alerts;
the window is small, visible, and the e-mail has a stable Message-ID. Errors raised by the mail
server (connection refused, 4xx/5xx) mean it did not take the e-mail: the row returns to
`pending` with exponential back-off and the error recorded, and becomes `failed` after
ALERTS_MAX_ATTEMPTS.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from alerts import emails
from alerts.sources import registry
from alerts.models import (
    AlertDispatch, DigestItem, Frequency, Message, MessageKind, MessageStatus, Subscription,
)

logger = logging.getLogger(__name__)


# --- Alerts -------------------------------------------------------------------------------


def alerts_enqueue(*, now=None):
    """Queue alerts for every major version live at `now` that has not been handled. Returns the count of changes."""
    now = now or timezone.now()
    handled = 0
    for source in registry().values():
        dispatched = AlertDispatch.objects.filter(source=source.key).values("version_id")
        for version in source.new_versions(now=now, dispatched_ids=dispatched):
            handled += _dispatch(source.describe(version), now=now)
    return handled


def _dispatch(change, *, now):
    try:
        with transaction.atomic():
            dispatch = AlertDispatch.objects.create(
                source=change.source, version_id=change.version_id, title=change.title[:250],
                published_at=change.published_at, created_at=now,
            )
            subscribers = list(Subscription.objects.matching(facets=change.facets, published_at=change.published_at))
            for subscription in subscribers:
                _queue_for(subscription, change, dispatch, now=now)
            dispatch.recipients = len(subscribers)
            dispatch.save(update_fields=["recipients"])
    except IntegrityError:  # another copy of send_alerts handled this version first
        return 0
    return 1


def _queue_for(subscription, change, dispatch, *, now):
    if subscription.frequency == Frequency.DAILY:
        DigestItem.objects.create(subscription=subscription, dispatch=dispatch, text=emails.change_text(change),
                                  created_at=now)
        return
    subject, body = emails.alert(subscription, change)
    Message.objects.create(
        subscription=subscription, kind=MessageKind.ALERT, subject=subject, body=body,
        dedupe_key=f"alert:{subscription.pk}:{change.source}:{change.version_id}", created_at=now, next_attempt_at=now,
    )


# --- Daily digests ----------------------------------------------------------------------------


def digest_cutoff(now):
    """The latest digest time (ALERTS_DIGEST_HOUR, local time) at or before `now`."""
    local = timezone.localtime(now)
    cutoff = local.replace(hour=settings.ALERTS_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return cutoff if cutoff <= local else cutoff - timedelta(days=1)


def digests_enqueue(*, now=None):
    """Group each digest subscriber's changes from before the last digest time into one e-mail."""
    now = now or timezone.now()
    cutoff = digest_cutoff(now)
    waiting = DigestItem.objects.filter(message__isnull=True, created_at__lt=cutoff)
    queued = 0
    for subscription in Subscription.objects.filter(pk__in=waiting.values("subscription_id")):
        try:
            with transaction.atomic():
                items = list(waiting.filter(subscription=subscription).select_related("dispatch")
                             .order_by("dispatch__published_at", "pk"))
                subject, body = emails.digest(subscription, [item.text for item in items], cutoff.date())
                message = Message.objects.create(
                    subscription=subscription, kind=MessageKind.DIGEST, subject=subject, body=body,
                    dedupe_key=f"digest:{subscription.pk}:{cutoff.date().isoformat()}", created_at=now,
                    next_attempt_at=now,
                )
                DigestItem.objects.filter(pk__in=[item.pk for item in items], message__isnull=True).update(message=message)
        except IntegrityError:  # this digest was already queued (by another run)
            continue
        queued += 1
    return queued


# --- Delivery -----------------------------------------------------------------------------


def recover_stale(*, now):
    cutoff = now - timedelta(minutes=settings.ALERTS_STALE_MINUTES)
    released = Message.objects.filter(status=MessageStatus.CLAIMED, claimed_at__lt=cutoff).update(
        status=MessageStatus.PENDING, claim_id=""
    )
    uncertain = Message.objects.filter(status=MessageStatus.SENDING, claimed_at__lt=cutoff).update(
        status=MessageStatus.UNCERTAIN,
        last_error="Avbrutt mellom sending og registrering: kanskje sendt. Sendes ikke på nytt automatisk.",
    )
    return released, uncertain


def _due(*, now, only_ids):
    due = Message.objects.filter(status=MessageStatus.PENDING, next_attempt_at__lte=now)
    return due if only_ids is None else due.filter(pk__in=only_ids)


def _claim(*, now, only_ids, batch):
    claim_id = uuid.uuid4().hex
    with transaction.atomic():
        due = _due(now=now, only_ids=only_ids)
        ids = list(due.order_by("next_attempt_at", "pk").select_for_update(skip_locked=True)
                   .values_list("pk", flat=True)[:batch])
        Message.objects.filter(pk__in=ids, status=MessageStatus.PENDING).update(
            status=MessageStatus.CLAIMED, claim_id=claim_id, claimed_at=now
        )
    return claim_id


class MailUnavailable(Exception):
    """The mail backend could not be set up or reached. Nothing was claimed: the rows stay pending."""


def _open_connection():
    try:
        connection = get_connection(timeout=settings.ALERTS_SMTP_TIMEOUT)
        connection.open()
    except Exception as error:  # any misconfiguration: an unknown backend, TLS and SSL both on, a closed port …
        raise MailUnavailable(f"{_describe_backend()}: {type(error).__name__}: {error}") from error
    return connection


def _describe_backend():
    if settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
        return f"{settings.EMAIL_BACKEND} på {settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    return settings.EMAIL_BACKEND


def outbox_deliver(*, now=None, only_ids=None, batch=200):
    """Send due messages. Returns a dict of counts. `now` fixes the clock (tests, --now).

    Raises MailUnavailable, having claimed nothing, when there is mail to send and no connection
    can be opened: claimed rows would otherwise wait ALERTS_STALE_MINUTES for nothing.
    """
    clock = (lambda: now) if now else timezone.now
    counts = {"sent": 0, "retry": 0, "failed": 0}
    counts["released"], counts["uncertain"] = recover_stale(now=clock())
    if not _due(now=clock(), only_ids=only_ids).exists():
        return counts  # no connection to the mail server every minute for nothing
    connection = _open_connection()
    try:
        claim_id = _claim(now=clock(), only_ids=only_ids, batch=batch)
        for message in Message.objects.filter(claim_id=claim_id, status=MessageStatus.CLAIMED).select_related(
            "subscription"
        ).order_by("pk"):
            counts[_deliver_one(message, claim_id=claim_id, connection=connection, clock=clock)] += 1
    finally:
        connection.close()
    return counts


def _deliver_one(message, *, claim_id, connection, clock):
    started = Message.objects.filter(pk=message.pk, claim_id=claim_id, status=MessageStatus.CLAIMED).update(
        status=MessageStatus.SENDING, claimed_at=clock(), attempts=F("attempts") + 1
    )
    if not started:  # released as stale and taken by another run
        return "retry"
    try:
        connection.open()
        emails.build(message, connection=connection).send()
    except Exception as error:  # the server did not take it: retry later
        logger.warning("Alert e-mail %s failed: %s", message.pk, error)
        return _mark_failed(message, error=error, now=clock())
    _mark_sent(message, claim_id=claim_id, now=clock())
    return "sent"


def _mark_sent(message, *, claim_id, now):
    Message.objects.filter(pk=message.pk, claim_id=claim_id).update(status=MessageStatus.SENT, sent_at=now, last_error="")


def _mark_failed(message, *, error, now):
    attempts = message.attempts + 1
    final = attempts >= settings.ALERTS_MAX_ATTEMPTS
    delay = timedelta(minutes=min(2 ** (attempts - 1), 360))
    Message.objects.filter(pk=message.pk).update(
        status=MessageStatus.FAILED if final else MessageStatus.PENDING, claim_id="",
        next_attempt_at=now + delay, last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    return "failed" if final else "retry"
