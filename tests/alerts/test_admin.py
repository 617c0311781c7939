import pytest
from django.urls import reverse

from alerts.outbox import alerts_enqueue
from tests.alerts.conftest import publish_change, subscribe, subscribe_and_confirm
from tests.factories import make_superuser

pytestmark = pytest.mark.django_db


def test_publishers_see_subscriber_counts_per_topic_and_the_outbox_state(client, publisher, article, topics):
    subscribe_and_confirm(client, "a@example.no", guidance_topic=[topics["smittesporing"].pk])
    subscribe_and_confirm(client, "b@example.no", guidance_topic=[topics["smittesporing"].pk, topics["vaksinasjon"].pk])
    subscribe(client, "ubekreftet@example.no", guidance_topic=[topics["vaksinasjon"].pk])
    publish_change(article, publisher)
    alerts_enqueue()
    client.force_login(publisher)

    page = client.get(reverse("admin:alerts_subscription_statistics")).content.decode()
    assert "2 bekreftede abonnenter, 1 ubekreftede" in page
    assert "<td>Smittesporing</td><td>2</td>" in page and "<td>Vaksinasjon</td><td>1</td>" in page
    assert "<td>Venter</td><td>2</td>" in page
    assert "a@example.no" not in page


def test_the_admin_cannot_add_change_or_send_alert_mail(client):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    client.force_login(make_superuser())  # not even a superuser: the refusals come from the ModelAdmins
    assert client.get(reverse("admin:alerts_message_add")).status_code == 403
    assert client.get(reverse("admin:alerts_subscription_add")).status_code == 403
    listing = client.get(reverse("admin:alerts_subscription_changelist")).content.decode()
    assert "a***@example.no" in listing and "a@example.no" not in listing
    assert client.get(reverse("admin:alerts_message_changelist")).status_code == 200
