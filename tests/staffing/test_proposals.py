"""«Foreslå et tiltak»: a public form without an account, kept free of spam without third parties."""

import html as html_lib
import re
import time
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from staffing.forms import MAX_FORM_AGE, opened_token
from staffing.models import MeasureProposal
from tests.factories import make_editor, make_publisher

pytestmark = pytest.mark.django_db

URL = "/bemanning/foresla-tiltak/"
PROPOSALS_PER_HOUR = int(settings.RATE_LIMITS["staffing_proposal"].split("/")[0])


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    caches["limits"].clear()
    yield
    caches["limits"].clear()


def proposal(**changes):
    data = {"title": "Lån av sykepleiere fra private sykehjem", "description": "Private sykehjem i regionen kan låne "
            "ut sykepleiere for en uke av gangen.", "source": "Avtale i Hamar 2022", "organisation": "Hamar kommune",
            "contact_email": "post@hamar.kommune.no", "nettsted": "", "opened": opened_token(time.time() - 60)}
    return {**data, **changes}


def page(response):
    return html_lib.unescape(response.content.decode())


def test_the_form_needs_no_account_and_carries_csrf_a_hidden_honeypot_and_when_it_was_opened(client):
    response = client.get(reverse("staffing:proposal_create"))
    html = response.content.decode()
    assert response.status_code == 200 and reverse("staffing:proposal_create") == URL
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'class="kp-honeypot"\s+aria-hidden="true"', html) and 'name="nettsted"' in html and 'tabindex="-1"' in html
    assert 'type="hidden" name="opened"' in html
    assert 'name=""' not in html


def test_a_proposal_is_stored_for_the_publishers_and_the_sender_is_thanked(client):
    response = client.post(URL, proposal())
    assert response.status_code == 302 and response["Location"] == reverse("staffing:proposal_done")
    stored = MeasureProposal.objects.get()
    assert (stored.title, stored.organisation, stored.handled) == ("Lån av sykepleiere fra private sykehjem",
                                                                  "Hamar kommune", False)
    assert "Takk for forslaget" in client.get(response["Location"]).content.decode()


def test_the_form_is_protected_by_csrf():
    response = Client(enforce_csrf_checks=True).post(URL, proposal())
    assert response.status_code == 403 and not MeasureProposal.objects.exists()


def test_a_filled_in_honeypot_stores_nothing(client):
    response = client.post(URL, proposal(nettsted="http://spam.example"))
    assert response.status_code == 400 and not MeasureProposal.objects.exists()


def test_a_form_sent_seconds_after_opening_is_refused_and_keeps_the_text(client):
    response = client.post(URL, proposal(opened=opened_token()))
    assert response.status_code == 400 and not MeasureProposal.objects.exists()
    html = page(response)
    assert "Forslaget ble sendt for raskt" in html and "Private sykehjem i regionen kan låne ut" in html


@pytest.mark.parametrize("opened", ["", "tull", signing.dumps("tekst", salt="staffing.proposal.opened"),
                                    opened_token(time.time() - MAX_FORM_AGE - 60), "x\x00" * 3000])
def test_a_missing_forged_or_expired_opening_time_is_refused_with_a_new_one_and_the_text_kept(client, opened):
    response = client.post(URL, proposal(opened=opened))
    html = page(response)
    assert response.status_code == 400 and not MeasureProposal.objects.exists()
    assert "Skjemaet var for gammelt" in html and "Lån av sykepleiere fra private sykehjem" in html
    assert 'name="opened" value="' in html


def test_a_few_proposals_an_hour_per_address_then_a_norwegian_refusal_that_keeps_the_text(client):
    for number in range(PROPOSALS_PER_HOUR):
        assert client.post(URL, proposal(title=f"Forslag {number}")).status_code == 302
    response = client.post(URL, proposal(title="Ett for mye"))
    assert response.status_code == 429 and 0 < int(response["Retry-After"]) <= 3600
    assert "Det er sendt mange slike skjemaer fra nettverket ditt den siste timen" in page(response)
    assert 'value="Ett for mye"' in page(response)
    assert MeasureProposal.objects.count() == PROPOSALS_PER_HOUR
    other = Client(REMOTE_ADDR="10.0.0.7")
    assert other.post(URL, proposal(title="Fra en annen kommune")).status_code == 302


def test_the_rate_limit_keeps_no_address_in_clear(client):
    from django.db import connection

    client.post(URL, proposal())
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM kommuneportal_limits")
        rows = cursor.fetchall()
    assert rows and not any("127.0.0.1" in str(row) for row in rows)


def test_nul_characters_get_a_norwegian_message_and_the_rest_of_the_text_is_kept(client):
    response = client.post(URL, proposal(title="Lån\x00 av sykepleiere", description="Beskrivelse\x00 av tiltaket."))
    html = page(response)
    assert response.status_code == 400 and not MeasureProposal.objects.exists()
    assert "Teksten inneholdt et usynlig tegn som ikke er tillatt (NUL)" in html
    assert 'value="Lån av sykepleiere"' in html and "Beskrivelse av tiltaket." in html


def test_an_oversized_text_gets_a_norwegian_message_and_is_kept_to_be_shortened(client):
    response = client.post(URL, proposal(description="ord " * 1500))
    html = page(response)
    assert response.status_code == 400
    assert "Teksten kan ha høyst 4000 tegn, men har 5999" in html and "ord ord ord" in html


@pytest.mark.parametrize("changes, message", [
    ({"title": "   "}, "Fyll ut dette feltet."),
    ({"description": ""}, "Fyll ut dette feltet."),
    ({"contact_email": "ikke en adresse"}, "Skriv en gyldig e-postadresse"),
    ({"title": "x" * 201}, "Teksten kan ha høyst 200 tegn"),
])
def test_bad_input_gets_a_norwegian_message_never_a_500(client, changes, message):
    response = client.post(URL, proposal(**changes))
    assert response.status_code == 400 and message in page(response)
    assert "Skjemaet har feil som må rettes" in page(response)


def test_duplicated_values_are_no_500_and_the_last_one_counts(client):
    pairs = [*proposal().items(), ("title", "Andre tittel"), ("opened", "tull"), ("opened", opened_token(time.time() - 60))]
    response = client.post(URL, urlencode(pairs), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert MeasureProposal.objects.get().title == "Andre tittel"


def test_proposals_are_read_in_the_admin_and_only_marked_as_handled(client):
    stored = MeasureProposal.objects.create(title="Lån av sykepleiere", description="Tekst.", organisation="Hamar")
    publisher = make_publisher()
    client.force_login(publisher)
    assert "Lån av sykepleiere" in client.get(reverse("admin:staffing_measureproposal_changelist")).content.decode()
    assert client.get(reverse("admin:staffing_measureproposal_add")).status_code == 403
    change = reverse("admin:staffing_measureproposal_change", args=[stored.pk])
    response = client.post(change, {"handled": "on", "title": "Endret tittel"})
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.handled and stored.title == "Lån av sykepleiere"


def test_an_editor_can_read_proposals_and_only_a_publisher_can_delete_them(client):
    stored = MeasureProposal.objects.create(title="Søppel", description="Spam.")
    client.force_login(make_editor())
    assert client.get(reverse("admin:staffing_measureproposal_change", args=[stored.pk])).status_code == 200
    assert client.get(reverse("admin:staffing_measureproposal_delete", args=[stored.pk])).status_code == 403
    client.force_login(make_publisher())
    client.post(reverse("admin:staffing_measureproposal_delete", args=[stored.pk]), {"post": "yes"})
    assert not MeasureProposal.objects.exists()


def test_behind_a_proxy_on_the_same_host_the_limit_is_per_forwarded_client(client):
    def send(forwarded):
        return client.post(URL, proposal(), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    for _number in range(PROPOSALS_PER_HOUR):
        assert send("192.0.2.10").status_code == 302
    assert send("192.0.2.10").status_code == 429
    assert send("192.0.2.10, 192.0.2.11").status_code == 302  # only the proxy's own entry counts
    assert send("192.0.2.11, 192.0.2.10").status_code == 429  # a forged first entry changes nothing
