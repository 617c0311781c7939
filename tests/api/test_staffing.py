"""Staffing measures and the contact point through /api/v1/ (issue 27): the contract."""

import datetime

import pytest
from django.utils import timezone

from publishing.services import document_withdraw, version_publish
from tests.api.conftest import hours
from tests.factories import add_version, make_contact_point, make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(publisher):
    return make_measure(slug="pensjonister", publisher=publisher, category=4, title="Pensjonert helsepersonell",
                        valid_from=datetime.date(2022, 9, 10), valid_until=datetime.date(2022, 6, 30) + datetime.timedelta(days=3650),
                        valid_until_is_approximate=True, source_title="Brev", source_issuer="Helsedirektoratet",
                        source_date=timezone.localdate() - datetime.timedelta(days=10), contact_email="post@helsedir.no")


def test_a_measure_gives_status_validity_confirmation_contacts_category_and_its_live_version(api, measure):
    response, body = api("/api/v1/tiltak/pensjonister/")
    assert response.status_code == 200
    data = body["data"]
    assert data["category"] == {"code": "4", "label": "Offentlige ordninger for ekstra personell"}
    assert data["status"] == {"code": "gjeldende", "label": "Gjeldende", "on": timezone.localdate().isoformat()}
    assert data["last_confirmed"]["text"].startswith("Sist bekreftet av Helsedirektoratet")
    live = data["live_version"]
    assert live["validity"]["valid_from"] == {"value": "2022-09-10", "precision": "day", "approximate": False,
                                              "origin": "source", "text": "10.09.2022"}
    assert live["validity"]["valid_until"]["precision"] == "month"
    assert live["contact"] == {"name": "", "phone": "404 07 998", "email": "post@helsedir.no", "url": ""}
    assert live["tasks"][0] == {"code": "testing", "label": "Testing"}
    assert live["speed_estimate"] == {"code": "samme-dag", "label": "Samme dag eller på kort varsel"}
    assert data["links"]["versions"] == "http://testserver/api/v1/tiltak/pensjonister/versjoner/"


def test_the_measures_can_be_limited_to_those_valid_on_a_date_and_to_a_group(api, publisher, measure):
    make_measure(slug="utlopt", publisher=publisher, category=2, valid_until=datetime.date(2021, 1, 1))
    slugs = lambda query: [item["slug"] for item in api(f"/api/v1/tiltak/?{query}")[1]["data"]]  # noqa: E731
    assert slugs("") == ["pensjonister", "utlopt"]
    assert slugs(f"gyldig={timezone.localdate().isoformat()}") == ["pensjonister"]
    assert slugs("gruppe=2") == ["utlopt"]
    response, problem = api("/api/v1/tiltak/?gyldig=2022-02-30&gruppe=9")
    assert response.status_code == 400 and {e["parameter"] for e in problem["errors"]} == {"gyldig", "gruppe"}


def test_measure_versions_hide_drafts_and_scheduled_ones_and_a_withdrawn_measure_is_gone(api, measure, publisher, at):
    publish_at = timezone.now() + hours(3)
    version_publish(version=add_version(measure, publisher, title="Ny ordning"), user=publisher, publish_at=publish_at)
    add_version(measure, publisher, title="Utkast")
    assert [v["number"] for v in api("/api/v1/tiltak/pensjonister/versjoner/")[1]["data"]] == [1]
    assert api("/api/v1/tiltak/pensjonister/versjoner/2/")[0].status_code == 404
    with at(publish_at + hours(1)):
        assert api("/api/v1/tiltak/pensjonister/")[1]["data"]["live_version"]["title"] == "Ny ordning"
    document_withdraw(document=measure, user=publisher, reason="Ordningen er avviklet.")
    response, problem = api("/api/v1/tiltak/pensjonister/")
    assert response.status_code == 410 and problem["withdrawal_reason"] == "Ordningen er avviklet."


def test_the_contact_point_gives_the_one_in_force_and_its_dated_history_but_nothing_before_its_day(api, db):
    today = timezone.localdate()
    make_contact_point(datetime.date(2021, 12, 1), valid_from_is_approximate=True, opening_hours="08–16")
    make_contact_point(datetime.date(2022, 3, 1), opening_hours="08–15")
    make_contact_point(today + datetime.timedelta(days=5), opening_hours="00–24")
    _response, body = api("/api/v1/kontaktpunkt/")
    data = body["data"]
    assert data["current"]["opening_hours"] == "08–15"
    assert [point["opening_hours"] for point in data["history"]] == ["08–15", "08–16"]
    assert data["history"][1]["valid_from"] == {"value": "2021-12", "precision": "month", "approximate": False,
                                                "origin": "source", "text": "desember 2021"}


def test_no_contact_point_yet_is_an_empty_history_not_an_error(api, db):
    response, body = api("/api/v1/kontaktpunkt/")
    assert response.status_code == 200 and body["data"] == {"current": None, "history": []}
