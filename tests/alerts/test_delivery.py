"""The outbox's delivery protocol: idempotent, crash-safe, retried with back-off, one sender per row."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from alerts import outbox
from alerts.models import Message, MessageStatus
from tests.alerts.conftest import publish_change, send_alerts, subscribe_and_confirm

pytestmark = pytest.mark.django_db


class Crash(BaseException):
    """Stands in for the process being killed: not an Exception, so nothing catches it."""


@pytest.fixture
def queued_alert(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_change(article, publisher)
    outbox.alerts_enqueue()
    return Message.objects.get(kind="alert")


def test_a_crash_between_sending_and_marking_never_sends_the_mail_again(queued_alert, settings):
    with mock.patch.object(outbox, "_mark_sent", side_effect=Crash), pytest.raises(Crash):
        send_alerts()
    assert len(mail.outbox) == 1
    assert Message.objects.get(pk=queued_alert.pk).status == MessageStatus.SENDING

    send_alerts()  # the next minute: the row is still "sending" and is left alone
    stuck = timezone.now() + timedelta(minutes=settings.ALERTS_STALE_MINUTES + 1)
    send_alerts(now=stuck)
    send_alerts(now=stuck + timedelta(minutes=1))

    assert len(mail.outbox) == 1
    message = Message.objects.get(pk=queued_alert.pk)
    assert message.status == MessageStatus.UNCERTAIN and "kanskje sendt" in message.last_error


def test_a_crash_after_claiming_but_before_sending_sends_the_mail_exactly_once_later(queued_alert, settings):
    with mock.patch.object(outbox, "_deliver_one", side_effect=Crash), pytest.raises(Crash):
        send_alerts()
    assert mail.outbox == []
    assert Message.objects.get(pk=queued_alert.pk).status == MessageStatus.CLAIMED

    send_alerts()  # too early to know the other run is dead: nothing happens
    assert mail.outbox == []
    stuck = timezone.now() + timedelta(minutes=settings.ALERTS_STALE_MINUTES + 1)
    send_alerts(now=stuck)
    send_alerts(now=stuck + timedelta(minutes=1))
    assert len(mail.outbox) == 1
    assert Message.objects.get(pk=queued_alert.pk).status == MessageStatus.SENT


def test_a_failed_send_is_recorded_and_retried_with_back_off(queued_alert, settings):
    now = timezone.now()
    refused = SMTPServerDisconnected("Connection unexpectedly closed")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refused):
        send_alerts(now=now)
        message = Message.objects.get(pk=queued_alert.pk)
        assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)
        assert "Connection unexpectedly closed" in message.last_error
        assert message.next_attempt_at == now + timedelta(minutes=1)

        send_alerts(now=now + timedelta(seconds=30))  # not due yet
        assert Message.objects.get(pk=queued_alert.pk).attempts == 1
        send_alerts(now=now + timedelta(minutes=1))
        message = Message.objects.get(pk=queued_alert.pk)
        assert message.attempts == 2 and message.next_attempt_at == now + timedelta(minutes=3)

    send_alerts(now=now + timedelta(minutes=3))
    assert len(mail.outbox) == 1
    assert Message.objects.get(pk=queued_alert.pk).status == MessageStatus.SENT


def test_a_message_is_marked_failed_after_the_last_attempt(queued_alert, settings):
    settings.ALERTS_MAX_ATTEMPTS = 2
    now = timezone.now()
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=OSError("refused")):
        send_alerts(now=now)
        send_alerts(now=now + timedelta(minutes=1))
        send_alerts(now=now + timedelta(days=1))
    message = Message.objects.get(pk=queued_alert.pk)
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 2)


def test_a_second_copy_running_at_the_same_time_skips_rows_the_first_has_claimed(queued_alert):
    first_claim = outbox._claim(now=timezone.now(), only_ids=None, batch=10)
    second = outbox.outbox_deliver()  # the second copy finds nothing to take
    assert second["sent"] == 0 and mail.outbox == []

    message = Message.objects.select_related("subscription").get(pk=queued_alert.pk)
    connection = mail.get_connection()
    assert outbox._deliver_one(message, claim_id=first_claim, connection=connection, clock=timezone.now) == "sent"
    # A stale copy that still holds the message in memory cannot send it again.
    assert outbox._deliver_one(message, claim_id=first_claim, connection=connection, clock=timezone.now) == "retry"
    assert len(mail.outbox) == 1


def test_each_mail_has_a_stable_message_id(queued_alert, settings):
    settings.SITE_URL = "https://kommuneportal.example.no"
    send_alerts()
    assert mail.outbox[0].extra_headers["Message-ID"] == f"<varsel-{queued_alert.pk}-alert@kommuneportal.example.no>"
