"""Plain functions that build test data. One place, so every test builds objects the same way."""

import itertools

from django.contrib.auth import get_user_model

from prioritering.models import Municipality

_sequence = itertools.count(1)


def make_user(username=None, password="et-langt-passord-123", **fields):
    username = username or f"bruker{next(_sequence)}"
    user = get_user_model().objects.create_user(username=username, password=password, **fields)
    return user


def make_publisher(username=None, **fields):
    return make_user(username=username, is_staff=True, is_superuser=True, **fields)


def make_municipality(name="Hamar", number=None, county="Innlandet"):
    number = number or f"{9000 + next(_sequence):04d}"[-4:]
    return Municipality.objects.create(name=name, number=number, county=county)


def make_membership(user, municipality, role="bidragsyter"):
    from prioritering.models import Membership

    return Membership.objects.create(user=user, municipality=municipality, role=role)


def make_member(municipality, role="bidragsyter", username=None):
    user = make_user(username)
    make_membership(user, municipality, role)
    return user


def make_worksheet(municipality, **fields):
    import datetime

    from prioritering.models import Worksheet

    defaults = {"service_unit": "Hjemmetjenesten sone nord", "phase": 3, "assessed_on": datetime.date(2022, 3, 16),
                "responsible": "Enhetsleder"}
    return Worksheet.objects.create(municipality=municipality, **{**defaults, **fields})


def make_row(worksheet, **fields):
    import datetime

    from prioritering.models import ServiceRow

    defaults = {"service_type": "dagaktivitet", "action": "redusere", "reason": "kapasitet",
                "nytte": 2, "alvorlighet": 2, "ressurs": 2, "mestring": 2,
                "weighted_criteria": ["nytte", "alvorlighet"], "forsvarlig_minimum": "Individuell vurdering.",
                "involvement": "begge", "end_date": datetime.date(2022, 6, 30), "decision_form": "skriftlig"}
    position = worksheet.rows.count() + 1
    return ServiceRow.objects.create(worksheet=worksheet, position=position, **{**defaults, **fields})
