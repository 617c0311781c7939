"""The staffing demo loaded into the database of an older demo: it corrects what the seeds correct, once.

Apart from tests/staffing/test_demo.py, whose tests share one demo loaded into an empty database."""

import datetime
import io

import pytest

from publishing.services import version_create, version_publish
from staffing import demo as staffing_demo
from staffing.models import ContactPoint, Measure
from tests.factories import make_publisher

pytestmark = pytest.mark.django_db


def test_an_older_demo_database_gets_one_correcting_version_and_then_nothing(db):
    publisher = make_publisher(username="redaktor")
    measure = Measure.objects.create(slug="sivilforsvaret-og-forsvaret", category=2, position=20)
    old = {**staffing_demo.MEASURES[2]["versions"][0]["content"],
           "how_to_request": "Ring Statsforvalterens beredskapslinje.", "speed": "samme-dag", "source_title": ""}
    version_publish(version=version_create(document=measure, author=publisher, based_on_number=0, change_type="major",
                                           change_note="Første versjon.", **old), user=publisher)
    ContactPoint.objects.create(valid_from=datetime.date(2021, 12, 10), text="Ring.", phone="404 07 998",
                                opening_hours="08–15 alle virkedager", email="nasjonalthelsepersonell@helsedir.no")

    staffing_demo.load(io.StringIO())
    measure.refresh_from_db()
    assert measure.versions.count() == 2 and measure.live_version.number == 2
    assert "beredskapslinje" not in measure.live_version.how_to_request and measure.live_version.source_title
    assert "Rettet etter kilden" in measure.live_version.change_note
    assert ContactPoint.objects.get(valid_from=datetime.date(2021, 12, 10)).opening_hours == "08–15"

    staffing_demo.load(io.StringIO())
    assert measure.versions.count() == 2


def test_an_older_demo_measure_that_lacks_only_the_links_gets_them_as_a_minor_version(db):
    publisher = make_publisher(username="redaktor")
    spec = next(spec for spec in staffing_demo.MEASURES if spec["slug"] == "studentlisens")
    measure = Measure.objects.create(slug="studentlisens", category=spec["category"], position=spec["position"])
    without_links = {**spec["versions"][0]["content"], "see_also": ""}
    version_publish(version=version_create(document=measure, author=publisher, based_on_number=0, change_type="major",
                                           change_note="Første versjon.", **without_links), user=publisher)
    measure.refresh_from_db()
    last_major = measure.last_major_at

    staffing_demo.load(io.StringIO())
    measure.refresh_from_db()
    live = measure.live_version
    assert (measure.versions.count(), live.number, live.change_type) == (2, 2, "minor")
    assert live.change_note == staffing_demo.LINKS_NOTE and live.see_also_links()
    assert measure.last_major_at == last_major  # a link is no reason to say the measure changed

    staffing_demo.load(io.StringIO())
    assert measure.versions.count() == 2
