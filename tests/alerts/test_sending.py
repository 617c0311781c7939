from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts.tokens import subscriber_token
from alerts.models import Message, MessageStatus, Subscription
from publishing.models import ChangeType
from tests.alerts.conftest import publish_change, send_alerts, subscribe_and_confirm
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_minor_version_sends_nothing(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_change(article, publisher, change_type=ChangeType.MINOR, note="Rettet en skrivefeil.")
    send_alerts()
    assert mail.outbox == []


def test_a_major_version_sends_one_mail_per_matching_confirmed_subscriber(client, article, publisher, topics, issuer):
    subscribe_and_confirm(client, "alt@example.no", everything="on")
    subscribe_and_confirm(client, "tema@example.no", guidance_topic=[topics["smittesporing"].pk])
    subscribe_and_confirm(client, "avsender@example.no", guidance_issuer=[issuer.pk])
    subscribe_and_confirm(client, "artikkel@example.no", guidance_article=[article.pk])
    subscribe_and_confirm(client, "annet-tema@example.no", guidance_topic=[topics["vaksinasjon"].pk])
    client.post(reverse("alerts:subscribe"), {"email": "ubekreftet@example.no", "everything": "on", "frequency": "immediate"})
    mail.outbox.clear()

    version = publish_change(article, publisher, note="Nærkontakter skal nå testes to ganger.\nKarantene er fjernet.")
    send_alerts()

    assert sorted(m.to[0] for m in mail.outbox) == [
        "alt@example.no", "artikkel@example.no", "avsender@example.no", "tema@example.no",
    ]
    message = mail.outbox[0]
    assert message.subject == "Vesentlig endring: TISK i kommunene"
    assert "> Nærkontakter skal nå testes to ganger.\n> Karantene er fjernet." in message.body
    assert f"/veiledning/tisk/historikk/?fra=1&til={version.number}" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/varsel/avmeld/" in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/varsel/endre/" in message.body and "/varsel/avmeld/" in message.body


def test_a_scheduled_major_version_sends_nothing_before_publish_at_and_one_mail_after(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_at = timezone.now() + timedelta(hours=2)
    publish_change(article, publisher, publish_at=publish_at)

    send_alerts()
    send_alerts(now=publish_at - timedelta(seconds=1))
    assert mail.outbox == []

    send_alerts(now=publish_at + timedelta(seconds=30))
    send_alerts(now=publish_at + timedelta(minutes=1))
    assert len(mail.outbox) == 1


def test_running_send_alerts_twice_sends_each_mail_once(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    subscribe_and_confirm(client, "b@example.no", everything="on")
    publish_change(article, publisher)
    send_alerts()
    send_alerts()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.no", "b@example.no"]
    assert set(Message.objects.filter(kind="alert").values_list("status", flat=True)) == {MessageStatus.SENT}


def test_subscribers_are_not_sent_changes_from_before_they_subscribed(client, article, publisher):
    publish_change(article, publisher)
    subscribe_and_confirm(client, "a@example.no", everything="on")
    send_alerts()
    assert mail.outbox == []


def test_a_daily_digest_groups_a_days_changes_into_one_mail(client, publisher, topics, issuer, settings):
    settings.ALERTS_DIGEST_HOUR = 7
    subscribe_and_confirm(client, "daglig@example.no", everything="on", frequency="daily")
    subscribe_and_confirm(client, "straks@example.no", everything="on")
    morning = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    first = make_article(author=publisher, issuer=issuer, slug="a", title="Testing på grensen",
                         summary="Ingress.", body="Tekst.", published_at=timezone.now() - timedelta(days=2))
    second = make_article(author=publisher, issuer=issuer, slug="b", title="Besøk i sykehjem",
                          summary="Ingress.", body="Tekst.", published_at=timezone.now() - timedelta(days=2))
    publish_change(first, publisher, publish_at=morning, note="Gratis test for alle.")
    publish_change(second, publisher, publish_at=morning + timedelta(hours=5), note="Besøk er tillatt igjen.")

    send_alerts(now=morning + timedelta(minutes=1))
    send_alerts(now=morning + timedelta(hours=5, minutes=1))
    send_alerts(now=morning + timedelta(hours=21))  # 06:00 next day: before digest time
    assert [m.to[0] for m in mail.outbox] == ["straks@example.no", "straks@example.no"]

    send_alerts(now=morning + timedelta(hours=22, minutes=1))  # 07:01
    send_alerts(now=morning + timedelta(hours=22, minutes=2))
    digests = [m for m in mail.outbox if m.to == ["daglig@example.no"]]
    assert len(digests) == 1
    assert "Testing på grensen" in digests[0].body and "Besøk i sykehjem" in digests[0].body
    assert "> Gratis test for alle." in digests[0].body and "(2)" in digests[0].subject
    assert "List-Unsubscribe" in digests[0].extra_headers


def test_unsubscribing_stops_further_mail(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_change(article, publisher)
    send_alerts()
    (alert,) = mail.outbox
    url = alert.extra_headers["List-Unsubscribe"].strip("<>").split("://", 1)[1].split("/", 1)[1].join(["/", ""])

    page = client.get(url)
    assert page.status_code == 200 and "Meld meg av" in page.content.decode()
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()

    publish_change(article, publisher)
    send_alerts()
    assert len(mail.outbox) == 1


def test_one_click_unsubscribe_works_without_a_csrf_token(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    url = reverse("alerts:unsubscribe", args=[subscriber_token(Subscription.objects.get())])
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_unsubscribing_drops_mail_still_waiting_in_the_outbox(client, article, publisher):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_change(article, publisher)
    from alerts.outbox import alerts_enqueue

    alerts_enqueue()
    assert Message.objects.filter(kind="alert", status="pending").count() == 1
    client.post(reverse("alerts:unsubscribe", args=[subscriber_token(Subscription.objects.get())]))
    send_alerts()
    assert mail.outbox == [] and not Message.objects.exists()


def test_send_alerts_accepts_a_time_on_the_command_line(client, article, publisher):
    from io import StringIO

    from django.core.management import call_command

    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_at = timezone.now() + timedelta(days=1)
    publish_change(article, publisher, publish_at=publish_at)
    out = StringIO()
    call_command("send_alerts", "--now", (publish_at + timedelta(minutes=1)).isoformat(), stdout=out)
    assert "sent=1" in out.getvalue()
    assert len(mail.outbox) == 1
