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
