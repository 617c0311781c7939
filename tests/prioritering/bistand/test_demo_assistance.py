"""The demo has requests and offers in Innlandet built on the seeds, dated to their examples, loaded once."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from prioritering.models import AssistanceChange, AssistanceNotification, AssistanceRequest, CapacityOffer
from tests.once import built_once

pytestmark = pytest.mark.django_db


def _load_demo():
    with open("/dev/null", "w") as quiet:
        call_command("load_demo", stdout=quiet)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """load_demo once for the module; what a test changes is rolled back after it (tests/once.py)."""
    yield from built_once(django_db_blocker, _load_demo)


def _sign_in(client, username, password):
    client.post(reverse("login"), {"username": username, "password": password})


def test_statsforvalteren_sees_an_open_request_with_a_matching_offer_and_not_the_draft(client, demo):
    _sign_in(client, "statsforvalter-innlandet", "demo-statsforvalter-2026")
    html = client.get(reverse("prioritering:county_assistance")).content.decode()
    open_part = html[html.index('id="apne-tittel"'):html.index('id="kapasitet-tittel"')]
    assert "Lillehammer: Vaksinering: 3 sykepleiere" in open_part and "1 tilbud passer" in open_part
    assert "Hamar: Vaksinering: 2 sykepleiere" in open_part
    assert "Eidskog" not in open_part  # a bidragsyter's draft
    closed = html[html.index('id="avsluttet-tittel"'):]
    assert "Dekket" in closed and "Hedmarken" in closed


def test_the_demo_is_dated_to_its_examples_never_to_the_day_it_was_loaded(client, demo):
    today = timezone.localdate().strftime("%d.%m.%Y")
    _sign_in(client, "hamar", "demo-hamar-2026")
    outbreak = AssistanceRequest.objects.get(municipality__name="Hamar", status="dekket")
    for name in ("assistance_detail", "assistance_history"):
        html = client.get(reverse(f"prioritering:{name}", args=[outbreak.pk])).content.decode()
        assert "04.09.2020" in html and today not in html.split("<footer")[0].split('class="kp-contact-slot"')[-1]
        assert "00:00" not in html
    assert not AssistanceChange.objects.filter(created_at__date=timezone.now().date()).exists()


def test_every_demo_text_says_it_is_an_example(demo):
    for item in [*AssistanceRequest.objects.all(), *CapacityOffer.objects.all()]:
        assert item.description.startswith("Demoeksempel.") and "eksemp" in item.description.split(".", 1)[1].lower()


def test_loading_the_demo_sends_no_e_mail_about_the_past_and_is_idempotent(demo):
    assert not AssistanceNotification.objects.unqueued().exists()
    counts = (AssistanceRequest.objects.count(), CapacityOffer.objects.count(), AssistanceChange.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (AssistanceRequest.objects.count(), CapacityOffer.objects.count(), AssistanceChange.objects.count()) == counts
    assert counts[0] == 4 and counts[1] == 1


def test_eidskogs_bidragsyter_sees_the_draft_and_cannot_send_it(client, demo):
    _sign_in(client, "eidskog", "demo-eidskog-2026")
    draft = AssistanceRequest.objects.get(municipality__name="Eidskog")
    html = client.get(reverse("prioritering:assistance_detail", args=[draft.pk])).content.decode()
    assert "Utkast" in html and "Bare en leder kan sende forespørselen." in html
    assert "Frivillige forsøkt" in html and "Kommunen svarer at ikke alt er forsøkt" in html
