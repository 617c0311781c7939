"""A withdrawal and a reinstatement are public events: whoever follows the article, its topic, its
issuer or everything is told once, with the reason readers see (issue 24)."""

import pytest
from django.core import mail
from django.urls import reverse

from alerts.models import Message
from publishing.services import document_reinstate, document_withdraw
from tests.alerts.conftest import send_alerts, subscribe_and_confirm
from tests.factories import make_measure

pytestmark = pytest.mark.django_db


def test_a_withdrawal_is_sent_once_to_everyone_who_follows_the_article_with_the_reason(
        client, article, publisher, topics, issuer):
    subscribe_and_confirm(client, "alt@example.no", everything="on")
    subscribe_and_confirm(client, "tema@example.no", guidance_topic=[topics["smittesporing"].pk])
    subscribe_and_confirm(client, "avsender@example.no", guidance_issuer=[issuer.pk])
    subscribe_and_confirm(client, "artikkel@example.no", guidance_article=[article.pk])
    subscribe_and_confirm(client, "annet-tema@example.no", guidance_topic=[topics["vaksinasjon"].pk])

    document_withdraw(document=article, user=publisher, reason="Erstattet av den nye veilederen for TISK.")
    send_alerts()
    send_alerts()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "alt@example.no", "artikkel@example.no", "avsender@example.no", "tema@example.no"]
    message = mail.outbox[0]
    assert message.subject == "Trukket tilbake: TISK i kommunene"
    assert "trukket tilbake i portalen" in message.body
    assert "> Erstattet av den nye veilederen for TISK." in message.body
    assert "/veiledning/tisk/" in message.body


def test_a_reinstatement_is_sent_once_too(client, article, publisher):
    subscribe_and_confirm(client, "alt@example.no", everything="on")
    document_withdraw(document=article, user=publisher, reason="Til ny vurdering.")
    document_reinstate(document=article, user=publisher)
    send_alerts()
    assert sorted(message.subject for message in mail.outbox) == [
        "Gjeninnført: TISK i kommunene", "Trukket tilbake: TISK i kommunene"]
    send_alerts()
    assert Message.objects.filter(kind="alert").count() == 2


def test_a_withdrawn_measure_is_sent_to_those_who_follow_it(client, publisher):
    measure = make_measure(slug="studenter", title="Studenter i helsefag", publisher=publisher)
    subscribe_and_confirm(client, "tiltak@example.no", staffing_measure=[measure.pk])
    document_withdraw(document=measure, user=publisher, reason="Ordningen er avsluttet.")
    send_alerts()
    (message,) = mail.outbox
    assert message.subject == "Trukket tilbake: Studenter i helsefag"
    assert "> Ordningen er avsluttet." in message.body


def test_the_subscription_form_offers_no_second_list_for_withdrawals(client, article):
    html = client.get(reverse("alerts:subscribe")).content.decode()
    assert html.count("Temaer") == 1
