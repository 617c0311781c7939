"""Two copies of send_alerts at once, on separate database connections (PostgreSQL row locks)."""

import threading
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, connections

from alerts import outbox
from alerts.models import Message, MessageStatus
from tests.alerts.conftest import publish_change, subscribe_and_confirm

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_two_senders_running_at_once_send_every_mail_exactly_once(client, article, publisher, monkeypatch):
    for number in range(8):
        subscribe_and_confirm(client, f"leder{number}@example.no", everything="on")
    publish_change(article, publisher)
    outbox.alerts_enqueue()
    assert Message.objects.filter(kind="alert", status=MessageStatus.PENDING).count() == 8

    send = EmailBackend.send_messages

    def slow_send(self, messages):
        time.sleep(0.02)  # keep both senders busy at the same time
        return send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", slow_send)
    start, results = threading.Barrier(2), []

    def run():
        try:
            start.wait()
            results.append(outbox.outbox_deliver(batch=3))
            results.append(outbox.outbox_deliver(batch=3))
            results.append(outbox.outbox_deliver(batch=3))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    recipients = [m.to[0] for m in mail.outbox]
    assert sorted(recipients) == sorted(f"leder{number}@example.no" for number in range(8))
    assert sum(result["sent"] for result in results) == 8
    assert set(Message.objects.filter(kind="alert").values_list("status", flat=True)) == {MessageStatus.SENT}
