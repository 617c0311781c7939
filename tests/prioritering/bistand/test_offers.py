"""A municipality reports spare capacity, so Statsforvalteren can see what neighbours could lend."""

import pytest
from django.urls import reverse

from prioritering.bistand import services
from prioritering.models import CapacityOffer, OfferStatus
from tests.factories import make_member
from tests.prioritering.bistand.conftest import offer_post_data

pytestmark = pytest.mark.django_db

CREATE = reverse("prioritering:offer_create")
COUNTY = reverse("prioritering:county_assistance")


def _post(hamar, **overrides):
    return offer_post_data(municipality=str(hamar.pk), **overrides)


def test_a_draft_offer_is_invisible_to_statsforvalteren_until_a_leader_reports_it(client, hamar, contributor, leader,
                                                                                   statsforvalter):
    client.force_login(contributor)
    response = client.post(CREATE, _post(hamar))
    offer = CapacityOffer.objects.get()
    assert response.status_code == 302 and offer.status == OfferStatus.DRAFT
    client.force_login(statsforvalter)
    assert "To smittesporere på dagtid" not in client.get(COUNTY).content.decode()

    client.force_login(contributor)
    assert client.post(reverse("prioritering:offer_submit", args=[offer.pk]), {"revision": "1"}).status_code == 403
    client.force_login(leader)
    assert client.post(reverse("prioritering:offer_submit", args=[offer.pk]), {"revision": "1"}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.OFFERED and offer.submitted_by == leader
    client.force_login(statsforvalter)
    assert "To smittesporere på dagtid" in client.get(COUNTY).content.decode()


def test_a_withdrawn_offer_leaves_the_county_view(client, hamar, leader, statsforvalter):
    offer = services.offer_create(user=leader, municipality=hamar, data=_data())
    offer = services.offer_submit(offer=offer, user=leader, expected_revision=1)
    client.force_login(leader)
    client.post(reverse("prioritering:offer_withdraw", args=[offer.pk]), {"revision": str(offer.revision)})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN
    client.force_login(statsforvalter)
    assert "To smittesporere" not in client.get(COUNTY).content.decode()
    history = client.get(reverse("prioritering:offer_history", args=[offer.pk]))
    assert history.status_code == 404  # the county reads the county view, not the municipality's pages


def test_editing_a_draft_offer_is_recorded_and_a_stale_edit_keeps_the_text(client, hamar, contributor):
    offer = services.offer_create(user=contributor, municipality=hamar, data=_data())
    services.offer_update(offer=offer, user=make_member(hamar, "leder"), data={"people": 3}, expected_revision=1)
    client.force_login(contributor)
    url = reverse("prioritering:offer_edit", args=[offer.pk])
    stale = client.post(url, offer_post_data(description="Min egen tekst", revision="1"))
    assert stale.status_code == 200 and "Min egen tekst" in stale.content.decode()
    assert "Noen andre har lagret endringer" in stale.content.decode()
    assert client.post(url, offer_post_data(people="5", revision="2")).status_code == 302
    offer.refresh_from_db()
    assert offer.people == 5
    history = client.get(reverse("prioritering:offer_history", args=[offer.pk])).content.decode()
    assert history.count("Endret utkastet") == 2 and "Opprettet tilbudet som utkast" in history


@pytest.mark.parametrize("field,value,message", [
    ("people", "", "Skriv hvor mange personer"),
    ("start_date", "", "Skriv fra hvilken dato"),
    ("end_date", "01.12.2021", "Til-datoen kan ikke være før fra-datoen."),
    ("profession", "roboter", "Velg et gyldig valg"),
    ("description", "Kontakt 01010012356", "fødselsnummer"),
])
def test_bad_input_on_an_offer_gets_a_norwegian_message(client, hamar, contributor, field, value, message):
    client.force_login(contributor)
    response = client.post(CREATE, _post(hamar, **{field: value}))
    assert response.status_code == 200 and message in response.content.decode()
    assert not CapacityOffer.objects.exists()


def test_a_reported_offer_can_no_longer_be_edited(client, hamar, leader):
    offer = services.offer_create(user=leader, municipality=hamar, data=_data())
    services.offer_submit(offer=offer, user=leader, expected_revision=1)
    client.force_login(leader)
    response = client.post(reverse("prioritering:offer_edit", args=[offer.pk]), offer_post_data(revision="2"))
    assert response.status_code == 302
    assert "kan ikke lenger endres" in client.get(response["Location"]).content.decode()


def _data(**overrides):
    import datetime

    data = dict(task="smittesporing", profession="uten-helseutdanning", people=2,
                start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2022, 2, 28),
                description="To smittesporere på dagtid.")
    data.update(overrides)
    return data
