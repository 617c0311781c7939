"""Readers can see every published version of a measure and compare any two."""

import pytest
from django.urls import reverse

from publishing.services import version_create, version_publish
from tests.factories import make_measure, make_publisher

pytestmark = pytest.mark.django_db


def _change(measure, publisher, **content):
    latest = measure.latest_version()
    version = version_create(document=measure, author=publisher, based_on_number=latest.number,
                             change_type="major", change_note="Nytt telefonnummer.", **{**latest.content(), **content})
    return version_publish(version=version, user=publisher)


def test_measure_history_compares_two_published_versions(client):
    publisher = make_publisher()
    measure = make_measure(slug="innsatspersonell", publisher=publisher, how_to_request="Ring 404 07 998.")
    _change(measure, publisher, how_to_request="Ring 404 07 999.")
    page = client.get(reverse("staffing:history", args=["innsatspersonell"]), {"fra": 1, "til": 2})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Nytt telefonnummer." in html
    assert "<del>" in html and "<ins>" in html and "999" in html


def test_measure_page_links_to_its_history(client):
    make_measure(slug="innsatspersonell")
    html = client.get(reverse("staffing:measure", args=["innsatspersonell"])).content.decode()
    assert reverse("staffing:history", args=["innsatspersonell"]) in html


@pytest.mark.parametrize("query", [{"fra": "x", "til": "1"}, {"til": "99"}, {"fra": "1", "til": "1"}])
def test_bad_comparison_is_a_400_that_still_lists_the_versions(client, query):
    make_measure(slug="innsatspersonell")
    page = client.get(reverse("staffing:history", args=["innsatspersonell"]), query)
    assert page.status_code == 400
    assert "Publiserte versjoner" in page.content.decode()


def test_unpublished_or_unknown_measure_has_no_public_history(client):
    make_measure(slug="utkast", publish=False)
    assert client.get(reverse("staffing:history", args=["utkast"])).status_code == 404
    assert client.get(reverse("staffing:history", args=["finnes-ikke"])).status_code == 404
