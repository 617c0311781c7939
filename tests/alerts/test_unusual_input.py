"""Repeated, oversized and NUL-containing form values give a form error or are absorbed, never a 500."""

import pytest
from django.urls import reverse

from alerts import services
from alerts.models import Subscription, SubscriptionInterest
from alerts.tokens import subscriber_token
from tests.alerts.conftest import subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db


def manage_url(email):
    return reverse("alerts:manage", kwargs={"token": subscriber_token(Subscription.objects.get(email=email))})


def interests():
    return sorted(SubscriptionInterest.objects.values_list("facet", "value"))


def test_a_topic_ticked_twice_when_subscribing_is_followed_once(client, topics):
    pk = topics["smittesporing"].pk
    response = subscribe(client, "a@example.no", guidance_topic=[pk, pk])
    assert response.status_code == 302
    assert interests() == [("guidance.topic", str(pk))]


def test_a_topic_ticked_twice_on_the_manage_page_is_followed_once(client, topics):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    pk = topics["vaksinasjon"].pk
    response = client.post(manage_url("a@example.no"), {"frequency": "daily", "guidance_topic": [pk, pk]})
    assert response.status_code == 302
    assert interests() == [("guidance.topic", str(pk))]


def test_writing_choices_keeps_one_row_per_interest_even_when_given_twice(topics):
    subscription = Subscription.objects.create(email="a@example.no")
    pk = str(topics["smittesporing"].pk)
    services.subscription_update(subscription=subscription, frequency="immediate", everything=False,
                                 interests={"guidance.topic": [pk, pk]})
    assert interests() == [("guidance.topic", pk)]


def valid_data(topics):
    return {"email": "a@example.no", "frequency": "immediate", "guidance_topic": [topics["smittesporing"].pk]}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", "a\x00@example.no", "E-postadressen inneholder et tegn som ikke er tillatt."),
    ("email", "a" * 100_000 + "@example.no", "E-postadressen kan ha høyst 254 tegn."),
    ("frequency", "immediate\x00", "Velg blant alternativene på siden."),
    ("frequency", "1" * 100_000, "Velg blant alternativene på siden."),
    ("guidance_topic", "1\x00", "Velg blant alternativene på siden."),
    ("guidance_topic", "1" * 100_000, "Velg blant alternativene på siden."),
], ids=["email-nul", "email-oversized", "frequency-nul", "frequency-oversized", "topic-nul", "topic-oversized"])
def test_a_nul_or_oversized_value_in_any_field_gives_a_norwegian_form_error(client, topics, field, value, message):
    response = client.post(reverse("alerts:subscribe"), {**valid_data(topics), field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Skjemaet har feil som må rettes" in html and message in html
    assert "\x00" not in html and "1" * 1000 not in html and "a" * 1000 not in html  # not echoed back
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("field", ["frequency", "guidance_topic"])
def test_a_nul_value_on_the_manage_page_gives_a_form_error_and_changes_nothing(client, topics, field):
    subscribe_and_confirm(client, "a@example.no", everything="on")
    data = {"frequency": "immediate", "everything": "on", field: "1\x00"}
    response = client.post(manage_url("a@example.no"), data)
    assert response.status_code == 200
    assert "Skjemaet har feil som må rettes" in response.content.decode()
    assert interests() == []


def test_an_address_that_grows_past_the_limit_when_lower_cased_gives_a_form_error(client, topics):
    # "İ" lower-cases to two characters: 250 characters typed would be over 254 stored.
    email = "a@" + ".".join(["İ" * 60] * 4)[:240] + ".no"
    response = client.post(reverse("alerts:subscribe"), {**valid_data(topics), "email": email})
    assert response.status_code == 200
    assert "Skjemaet har feil som må rettes" in response.content.decode()
    assert not Subscription.objects.exists()
