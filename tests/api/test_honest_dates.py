"""Honest dates in the API (issues 12 and 27): never a date more exact than the source, and every date
says whose it is. The source's day is never given when the source gives only a month or none; the
portal's own moments are only in the fields named `…_at`, which the schema calls the portal's."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_article, make_issuer, make_measure

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
APPROXIMATE_SOURCE = datetime.date(2020, 12, 17)
APPROXIMATE_AT = datetime.datetime(2020, 12, 18, 12, 0, tzinfo=OSLO)
EXACT_AT = datetime.datetime(2021, 1, 21, 12, 0, tzinfo=OSLO)


def _source(day, approximate):
    return {"source_title": "Rundskriv", "source_issuer": "Helsedirektoratet", "source_date": day,
            "source_date_is_approximate": approximate}


@pytest.fixture
def articles(publisher):
    issuer = make_issuer("Helsedirektoratet", "helsedirektoratet")
    return {
        "omtrentlig": make_article(slug="omtrentlig", author=publisher, issuer=issuer, versions=[
            {"publish_at": APPROXIMATE_AT, **_source(APPROXIMATE_SOURCE, True)}]),
        "eksakt": make_article(slug="eksakt", author=publisher, issuer=issuer, versions=[
            {"publish_at": EXACT_AT, **_source(EXACT_AT.date(), False)}]),
        "udatert": make_article(slug="udatert", author=publisher, issuer=issuer, versions=[
            {"publish_at": EXACT_AT, **_source(None, True)}]),
    }


def _dates_outside_portal_fields(value, key=""):
    """Every string in `value` that is not in a field named …_at (the portal's own moments)."""
    if isinstance(value, dict):
        return [text for name, item in value.items() for text in _dates_outside_portal_fields(item, name)]
    if isinstance(value, list):
        return [text for item in value for text in _dates_outside_portal_fields(item, key)]
    return [] if key.endswith("_at") or not isinstance(value, str) else [value]


def test_an_approximate_source_gives_only_its_month_from_the_source_and_no_day_anywhere_else(client, articles):
    for url in ("/api/v1/artikler/omtrentlig/", "/api/v1/endringer/", "/api/v1/artikler/omtrentlig/versjoner/"):
        body = client.get(url).json()
        texts = json.dumps(_dates_outside_portal_fields(body["data"]), ensure_ascii=False)
        for day in (APPROXIMATE_SOURCE, APPROXIMATE_AT.date()):
            assert day.isoformat() not in texts and f"{day:%d.%m.%Y}" not in texts, url
    version = client.get("/api/v1/artikler/omtrentlig/").json()["data"]["live_version"]
    month = {"value": "2020-12", "precision": "month", "approximate": True, "origin": "source",
             "text": "ca. desember 2020"}
    assert version["source"]["date"] == month and version["date"] == month


def test_an_exact_source_gives_the_portals_day_of_publication_marked_as_the_portals(client, articles):
    version = client.get("/api/v1/artikler/eksakt/").json()["data"]["live_version"]
    assert version["date"] == {"value": "2021-01-21", "precision": "day", "approximate": False, "origin": "portal",
                               "text": "21.01.2021"}
    assert version["source"]["date"]["origin"] == "source"
    assert version["published_at"] == "2021-01-21T12:00:00+01:00"


def test_an_undated_source_gives_no_date_and_says_so(client, articles):
    version = client.get("/api/v1/artikler/udatert/").json()["data"]["live_version"]
    assert version["source"]["date"] is None
    assert version["date"] == {"value": None, "precision": None, "approximate": True, "origin": "source",
                               "text": "Kilden er ikke datert"}


def test_a_measure_whose_source_names_only_months_gives_only_months(client, publisher):
    make_measure(slug="pensjonister", publisher=publisher, source_date=datetime.date(2021, 3, 31),
                 source_date_is_approximate=True, valid_from=datetime.date(2020, 3, 31), valid_from_is_approximate=True,
                 valid_until=datetime.date(2022, 6, 30), valid_until_is_approximate=True)
    data = client.get("/api/v1/tiltak/pensjonister/").json()["data"]
    texts = json.dumps(_dates_outside_portal_fields(data), ensure_ascii=False)
    for day in ("2021-03-31", "2020-03-31", "2022-06-30", "31.03.2021", "30.06.2022"):
        assert day not in texts
    assert data["live_version"]["validity"]["valid_until"]["text"] == "juni 2022"
    assert data["last_confirmed"]["date"]["text"] == "ca. mars 2021"
