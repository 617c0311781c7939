import datetime

import pytest

from prioritering.models import AssistanceRequest, CapacityOffer, Membership, OfferStatus, RequestStatus, Role
from tests.factories import make_member, make_municipality, make_user

PASSWORD = "et-langt-passord-123"


def make_statsforvalter(county="Innlandet", username=None, email="statsforvalter@example.invalid"):
    user = make_user(username, email=email)
    Membership.objects.create(user=user, county=county, role=Role.COUNTY)
    return user


def make_request(municipality, *, status=RequestStatus.DRAFT, submitted=None, **fields):
    """A request as the services would leave it; `submitted` defaults to now for anything not a draft."""
    from django.utils import timezone

    defaults = dict(task="smittesporing", profession="uten-helseutdanning", people=4, urgency="i-lopet-av-dager",
                    start_date=datetime.date(2022, 1, 10), end_date=datetime.date(2022, 1, 31),
                    help_from=["nabokommuner"], description="Smittesporere til utbruddet.",
                    tried_first="Egne vikarlister og pensjonister.")
    if status != RequestStatus.DRAFT and submitted is None:
        submitted = timezone.now()
    return AssistanceRequest.objects.create(municipality=municipality, status=status, submitted_at=submitted,
                                            **{**defaults, **fields})


def make_offer(municipality, *, status=OfferStatus.OFFERED, **fields):
    from django.utils import timezone

    defaults = dict(task="smittesporing", profession="uten-helseutdanning", people=2,
                    start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2022, 2, 28),
                    description="To smittesporere på dagtid.")
    submitted = timezone.now() if status != OfferStatus.DRAFT else None
    return CapacityOffer.objects.create(municipality=municipality, status=status, submitted_at=submitted,
                                        **{**defaults, **fields})


def request_post_data(**overrides):
    """A complete, valid request form as a browser would post it."""
    data = {
        "task": "smittesporing", "profession": "uten-helseutdanning", "people": "4", "urgency": "i-dag",
        "start_date": "10.01.2022", "end_date": "31.01.2022", "help_from": ["nabokommuner"],
        "description": "Fire smittesporere til utbruddet i sone nord.", "service": "Smittesporingsteamet",
        "worksheet": "", "tried_first": "Egne vikarlister og pensjonister.", "volunteers_tried": "",
        "commercial_tried": "", "source_measure": "",
    }
    data.update(overrides)
    return data


def offer_post_data(**overrides):
    data = {"task": "smittesporing", "profession": "uten-helseutdanning", "people": "2", "start_date": "01.01.2022",
            "end_date": "28.02.2022", "description": "To smittesporere på dagtid; kontakt kommuneoverlegen."}
    data.update(overrides)
    return data


@pytest.fixture
def oyer(db):
    return make_municipality("Øyer", "3440")


@pytest.fixture
def seljord(db):
    return make_municipality("Seljord", "4022", county="Telemark")


@pytest.fixture
def statsforvalter(db, hamar):
    return make_statsforvalter()


@pytest.fixture
def hamar_leader(hamar):
    user = make_member(hamar, "leder")
    user.email = "leder@hamar.example.invalid"
    user.save(update_fields=["email"])
    return user
