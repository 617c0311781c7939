"""Staffing measures are a second alert source. Skipped until staffing has versioned measures."""

import pytest
from django.core import mail
from django.urls import reverse

import tests.factories as factories
from tests.alerts.conftest import publish_change, send_alerts, subscribe_and_confirm

pytest.importorskip("staffing.models", reason="staffing has no versioned measures yet")
make_measure = getattr(factories, "make_measure", None)
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(make_measure is None, reason="tests.factories has no make_measure yet"),
]


def test_a_major_change_to_a_measure_alerts_those_following_it_or_its_group(client, publisher):
    measure = make_measure(slug="reservepersonell", category=4, title="Nasjonalt register for reservepersonell",
                           publisher=publisher)
    other = make_measure(slug="sivilforsvaret", category=2, title="Sivilforsvaret", publisher=publisher)
    page = client.get(reverse("alerts:subscribe")).content.decode()
    assert "Nasjonalt register for reservepersonell" in page and "Offentlige ordninger for ekstra personell" in page

    subscribe_and_confirm(client, "gruppe@example.no", staffing_category=["4"])
    subscribe_and_confirm(client, "tiltak@example.no", staffing_measure=[measure.pk])
    subscribe_and_confirm(client, "annet@example.no", staffing_measure=[other.pk])
    subscribe_and_confirm(client, "alt@example.no", everything="on")

    publish_change(measure, publisher, note="Registeret er åpnet igjen fra 10.09.2022.")
    send_alerts()

    assert sorted(m.to[0] for m in mail.outbox) == ["alt@example.no", "gruppe@example.no", "tiltak@example.no"]
    assert "> Registeret er åpnet igjen fra 10.09.2022." in mail.outbox[0].body
    assert "/bemanning/reservepersonell/" in mail.outbox[0].body
