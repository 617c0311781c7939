"""«Alle vesentlige endringer» or something specific (issue 28): ticking a topic, issuer or article
takes «Alle» away, the pages say so, and the confirmation pages repeat what was chosen."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from alerts.models import Subscription
from alerts.tokens import subscriber_token
from tests.alerts.conftest import confirm_link, subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_topic_ticked_with_everything_subscribes_to_the_topic_only_and_says_so(client, topics):
    response = subscribe(client, "a@example.no", everything="on", guidance_topic=[topics["smittesporing"].pk])
    assert response["Location"] == reverse("alerts:requested") + "?alle=fjernet"
    subscription = Subscription.objects.get()
    assert subscription.everything is False
    assert list(subscription.interests.values_list("facet", "value")) == [("guidance.topic", str(topics["smittesporing"].pk))]
    assert "«Alle vesentlige endringer» er tatt bort" in _text(client.get(response["Location"]))


def test_everything_alone_is_kept_and_the_page_says_nothing_about_it(client):
    response = subscribe(client, "a@example.no", everything="on")
    assert response["Location"] == reverse("alerts:requested")
    assert Subscription.objects.get().everything is True
    assert "tatt bort" not in _text(client.get(response["Location"]))


def test_the_form_says_that_a_specific_choice_replaces_everything(client):
    html = _text(client.get(reverse("alerts:subscribe")))
    assert "Velger du noe under, tas dette krysset bort" in html
    assert 'src="/static/js/alert-choices.js"' in client.get(reverse("alerts:subscribe")).content.decode()


def test_the_confirmation_page_lists_what_was_chosen_before_it_is_confirmed(client, topics, issuer):
    subscribe(client, "a@example.no", everything="on", frequency="daily",
              guidance_topic=[topics["vaksinasjon"].pk, topics["smittesporing"].pk], guidance_issuer=[issuer.pk])
    page = _text(client.get(confirm_link(mail.outbox[0])))
    assert "Dette har du valgt" in page
    assert "Temaer: Smittesporing, Vaksinasjon" in page and "Avsendere: Helsedirektoratet" in page
    assert "Daglig sammendrag" in page
    assert "Alle vesentlige endringer i veiledning og tiltak" not in page


def test_the_confirmed_page_lists_what_the_alerts_are_about(client, article):
    subscribe(client, "a@example.no", guidance_article=[article.pk])
    page = _text(client.post(confirm_link(mail.outbox[0])))
    assert "Varslene er startet" in page and "Enkeltartikler: TISK i kommunene" in page


def test_everything_is_named_as_such_on_the_confirmation_page(client):
    subscribe(client, "a@example.no", everything="on")
    page = _text(client.get(confirm_link(mail.outbox[0])))
    assert "Varsel om Alle vesentlige endringer i veiledning og tiltak" in page and "Straks" in page


def test_the_manage_page_takes_everything_away_when_a_topic_is_ticked_and_says_so(client, topics):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    subscription = Subscription.objects.get()
    url = reverse("alerts:manage", args=[subscriber_token(subscription)])
    response = client.post(url, {"everything": "on", "guidance_topic": [topics["smittesporing"].pk],
                                 "frequency": "immediate"}, follow=True)
    subscription.refresh_from_db()
    assert subscription.everything is False and subscription.interests.count() == 1
    assert "«Alle vesentlige endringer» er tatt bort" in _text(response)
