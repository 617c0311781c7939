"""Coordination pages read a constant number of queries, none with a subquery that runs per row.
Intended to prevent an n+1 issue: pinned at two data sizes."""

import datetime

import pytest
from django.urls import reverse

from prioritering.bistand import services
from prioritering.models import RequestStatus
from tests.factories import make_contact_point, make_member, make_municipality, make_row, make_worksheet
from tests.prioritering.bistand.conftest import make_offer, make_request, make_statsforvalter

pytestmark = pytest.mark.django_db

CONTACT_POINT = 1  # the staffing contact point banner on every HTML page
BASE = 3  # content clock, session, user


@pytest.fixture(autouse=True)
def contact_point(db):
    return make_contact_point(datetime.date(2021, 3, 5))


def _county_with(count):
    """`count` municipalities in Innlandet, each with a decided worksheet, requests in every state and offers."""
    from prioritering import services as worksheet_services

    for i in range(count):
        municipality = make_municipality(f"Kommune {i}")
        leader = make_member(municipality, "leder")
        worksheet = make_worksheet(municipality, service_unit=f"Enhet {i}", staff_available=10, staff_needed=12)
        make_row(worksheet)
        worksheet_services.worksheet_decide(worksheet=worksheet, user=leader)
        make_request(municipality, status=RequestStatus.SUBMITTED, description=f"Åpen {i}")
        make_request(municipality, status=RequestStatus.REFERRED, referred_to=municipality, description=f"Formidlet {i}")
        make_request(municipality, status=RequestStatus.COVERED, description=f"Dekket {i}")
        make_request(municipality, description=f"Utkast {i}")
        offer = make_offer(municipality, description=f"Tilbud {i}")
        make_request(municipality, status=RequestStatus.COVERED, matched_offer=offer)
        make_request(make_municipality(f"Annet fylke {i}", county="Telemark"), status=RequestStatus.SUBMITTED)
    return make_statsforvalter()


# content clock, session, user, county memberships, municipalities, worksheets, offers, open requests,
# closed requests, which requests each offer went to
COUNTY_QUERIES = 10


@pytest.mark.parametrize("count", [3, 60])
@pytest.mark.parametrize("name", ["county_assistance", "county_assistance_print"])
def test_the_coordination_view_costs_the_same_at_any_size(client, django_assert_flat_queries, count, name):
    client.force_login(_county_with(count))
    with django_assert_flat_queries(COUNTY_QUERIES + CONTACT_POINT):
        html = client.get(reverse(f"prioritering:{name}")).content.decode()
    assert f"Kommune {count - 1}" in html and "Annet fylke" not in html and "10 av 12" in html


@pytest.mark.parametrize("count", [3, 60])
def test_the_csv_costs_the_same_at_any_size(client, django_assert_flat_queries, count):
    client.force_login(_county_with(count))
    with django_assert_flat_queries(BASE + 3):  # county memberships, requests, offers
        text = client.get(reverse("prioritering:county_assistance_export")).content.decode("utf-8-sig")
    assert f"Åpen {count - 1}" in text and f"Tilbud {count - 1}" in text and "Utkast" not in text


@pytest.mark.parametrize("count", [3, 60])
def test_the_summary_costs_the_same_at_any_size(client, django_assert_flat_queries, count):
    client.force_login(_county_with(count))
    with django_assert_flat_queries(BASE + 3 + CONTACT_POINT):  # county memberships, requests grouped, offers grouped
        client.get(reverse("prioritering:county_assistance_summary"))


@pytest.mark.parametrize("count", [3, 60])
def test_the_county_request_page_costs_the_same_with_any_history_and_offers(client, hamar, django_assert_flat_queries,
                                                                            count):
    statsforvalter = make_statsforvalter()
    item = make_request(hamar, status=RequestStatus.SUBMITTED)
    for i in range(count):
        services.record(item=item, user=statsforvalter, summary=f"Endring {i}")
        make_offer(make_municipality(f"Nabo {i}"), description=f"Tilbud {i}")
    client.force_login(statsforvalter)
    # content clock, session, user, county memberships, request, matching offers, the form's offers and
    # municipalities, municipalities and worksheets (staffing gap), history
    with django_assert_flat_queries(BASE + 9 + CONTACT_POINT):
        html = client.get(reverse("prioritering:county_assistance_detail", args=[item.pk])).content.decode()
    assert f"Endring {count - 1}" in html and f"Nabo {count - 1}" in html


@pytest.mark.parametrize("count", [3, 60])
def test_the_municipalitys_list_costs_the_same_at_any_size(client, hamar, lillehammer, django_assert_flat_queries,
                                                          count):
    for i in range(count):
        offer = make_offer(lillehammer, description=f"Lånt {i}")
        make_request(hamar, status=RequestStatus.REFERRED, matched_offer=offer, referred_to=lillehammer,
                     coordination_note=f"Merknad {i}")
        make_offer(hamar, description=f"Eget {i}")
    client.force_login(make_member(hamar, "leser"))
    # content clock, session, user, memberships, county memberships, requests, offers, offers passed on to us
    with django_assert_flat_queries(BASE + 5 + CONTACT_POINT):
        html = client.get(reverse("prioritering:assistance_list")).content.decode()
    assert f"Merknad {count - 1}" in html


@pytest.mark.parametrize("count", [3, 60])
@pytest.mark.parametrize("name", ["assistance_history", "assistance_detail"])
def test_a_request_page_costs_the_same_with_any_history(client, hamar, django_assert_max_num_queries, count, name):
    leader = make_member(hamar, "leder")
    item = make_request(hamar)
    for i in range(count):
        services.record(item=item, user=leader, summary=f"Endring {i}")
    client.force_login(leader)
    # content clock, session, user, the request with the user's role, history (history page only)
    with django_assert_max_num_queries(BASE + 2 + CONTACT_POINT):
        assert client.get(reverse(f"prioritering:{name}", args=[item.pk])).status_code == 200
