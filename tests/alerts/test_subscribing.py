from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from alerts.models import Subscription
from tests.alerts.conftest import confirm_link, publish_change, send_alerts, subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db


def test_subscribing_sends_a_confirmation_and_no_alert_before_it_is_confirmed(client, article, publisher):
    response = subscribe(client, "Leder@Hamar.Kommune.no", everything="on")
    assert response.status_code == 302 and response["Location"] == reverse("alerts:requested")
    (confirmation,) = mail.outbox
    assert confirmation.to == ["leder@hamar.kommune.no"]
    assert "/varsel/bekreft/" in confirmation.body
    mail.outbox.clear()

    publish_change(article, publisher)
    send_alerts()
    assert mail.outbox == []


def test_addresses_are_stored_in_lower_case(client):
    subscribe(client, "  Kari.Nordmann@Example.NO ", everything="on")
    assert list(Subscription.objects.values_list("email", flat=True)) == ["kari.nordmann@example.no"]


def test_confirm_link_shows_a_button_and_only_a_post_confirms(client):
    subscribe(client, "a@example.no", everything="on")
    link = confirm_link(mail.outbox[0])
    response = client.get(link)
    assert response.status_code == 200 and "Bekreft og start varsler" in response.content.decode()
    assert not Subscription.objects.get().is_confirmed
    response = client.post(link)
    assert response.status_code == 200 and "Varslene er startet" in response.content.decode()
    assert Subscription.objects.get().is_confirmed


def test_confirm_link_works_once(client):
    subscribe(client, "a@example.no", everything="on")
    link = confirm_link(mail.outbox[0])
    assert client.post(link).status_code == 200
    second = client.post(link)
    assert second.status_code == 400
    assert "Lenken er allerede brukt" in second.content.decode()


def test_confirm_link_expires(client, settings):
    subscribe(client, "a@example.no", everything="on")
    link = confirm_link(mail.outbox[0])
    later = timezone.now().timestamp() + settings.ALERTS_CONFIRM_MAX_AGE + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(link)
    assert response.status_code == 400
    assert "Lenken er utløpt" in response.content.decode()
    assert not Subscription.objects.get().is_confirmed


def test_tampered_confirm_link_is_refused(client):
    subscribe(client, "a@example.no", everything="on")
    response = client.post(confirm_link(mail.outbox[0]).replace("bekreft/", "bekreft/x"))
    assert response.status_code == 400
    assert not Subscription.objects.get().is_confirmed


def test_at_most_one_confirmation_per_address_per_hour(client):
    subscribe(client, "a@example.no", everything="on")
    subscribe(client, "A@example.no", everything="on")
    subscribe(client, "a@example.no", everything="on")
    assert len(mail.outbox) == 1
    subscription = Subscription.objects.get()
    Subscription.objects.filter(pk=subscription.pk).update(last_request_mail_at=timezone.now() - timedelta(minutes=61))
    subscribe(client, "a@example.no", everything="on")
    assert len(mail.outbox) == 2


def test_the_page_answers_the_same_for_unknown_unconfirmed_and_subscribed_addresses(client):
    subscribe_and_confirm(client, "kjent@example.no", everything="on")
    subscribe(client, "ubekreftet@example.no", everything="on")
    responses = [subscribe(client, email, everything="on")
                 for email in ["ny@example.no", "ubekreftet@example.no", "kjent@example.no"]]
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, reverse("alerts:requested"))}
    page = client.get(reverse("alerts:requested")).content.decode()
    assert "kjent@example.no" not in page and "Hvis adressen kan få varsler" in page


def test_a_subscribed_address_is_mailed_a_manage_link_not_a_new_subscription(client, topics):
    subscribe_and_confirm(client, "kjent@example.no", everything="on")
    Subscription.objects.update(last_request_mail_at=timezone.now() - timedelta(hours=2))
    subscribe(client, "kjent@example.no", guidance_topic=[topics["vaksinasjon"].pk])
    (message,) = mail.outbox
    assert "/varsel/endre/" in message.body and "/varsel/bekreft/" not in message.body
    assert Subscription.objects.get().everything is True  # a stranger cannot change a confirmed subscription


def test_the_form_asks_for_something_to_follow(client):
    response = subscribe(client, "a@example.no")
    assert response.status_code == 200
    assert "Velg «Alle vesentlige endringer» eller minst ett tema" in response.content.decode()
    assert 'value="a@example.no"' in response.content.decode()
    assert mail.outbox == [] and not Subscription.objects.exists()


def test_the_form_lists_topics_and_issuers_and_preselects_from_the_query(client, topics, issuer, article):
    page = client.get(reverse("alerts:subscribe"), {"guidance_topic": topics["vaksinasjon"].pk}).content.decode()
    assert "Smittesporing" in page and "Helsedirektoratet" in page
    assert "TISK i kommunene" not in page  # articles only when asked for or searched for
    assert f'value="{topics["vaksinasjon"].pk}" id="id_guidance_topic_1" checked' in page
    page = client.get(reverse("alerts:subscribe"), {"guidance_article": article.pk}).content.decode()
    assert f'value="{article.pk}" id="id_guidance_article_0" checked' in page and "TISK i kommunene" in page


def test_manage_link_changes_what_is_followed(client, topics):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    from alerts.tokens import subscriber_token

    url = reverse("alerts:manage", args=[subscriber_token(Subscription.objects.get())])
    page = client.get(url).content.decode()
    assert "a***@example.no" in page and "a@example.no" not in page
    response = client.post(url, {"guidance_topic": [topics["vaksinasjon"].pk], "frequency": "daily"})
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.everything is False and subscription.frequency == "daily"
    assert list(subscription.interests.values_list("facet", "value")) == [("guidance.topic", str(topics["vaksinasjon"].pk))]


def test_unconfirmed_subscriptions_are_purged_after_seven_days(client):
    subscribe(client, "glemt@example.no", everything="on")
    subscribe_and_confirm(client, "aktiv@example.no", everything="on")
    send_alerts(now=timezone.now() + timedelta(days=6))
    assert Subscription.objects.count() == 2
    send_alerts(now=timezone.now() + timedelta(days=7, minutes=1))
    assert list(Subscription.objects.values_list("email", flat=True)) == ["aktiv@example.no"]
