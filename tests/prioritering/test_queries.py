"""List and worksheet pages use a constant number of queries. Intended to prevent an n+1 issue."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_contact_point, make_member, make_row, make_worksheet

pytestmark = pytest.mark.django_db

MAX_QUERIES = 5  # content clock, session, user, worksheet(s) with the role, rows (or memberships on the list)
CONTACT_POINT = 1  # the staffing contact point banner on every HTML page (templates/includes/contact_point.html)


def _pages(name, queries):
    """What a view may read: a CSV download shows no banner, an HTML page one contact point more."""
    return queries if name.endswith("_export") else queries + CONTACT_POINT


@pytest.fixture(autouse=True)
def contact_point(db):
    """Two versions, so the banner is drawn and has to pick one: still a single query."""
    make_contact_point(datetime.date(2021, 3, 5))
    return make_contact_point(datetime.date(2022, 9, 10))


@pytest.mark.parametrize("count", [3, 100])
def test_list_page_query_count_is_constant(client, hamar, django_assert_max_num_queries, count):
    for i in range(count):
        make_row(make_worksheet(hamar, service_unit=f"Enhet {i}"))
    client.force_login(make_member(hamar, "leder"))
    with django_assert_max_num_queries(MAX_QUERIES + CONTACT_POINT):
        response = client.get(reverse("prioritering:worksheet_list"))
    assert response.content.decode().count("Enhet ") == count


@pytest.mark.parametrize("count", [3, 100])
@pytest.mark.parametrize("name", ["worksheet_detail", "worksheet_print", "worksheet_export"])
def test_worksheet_pages_query_count_is_constant(client, hamar, django_assert_max_num_queries, count, name):
    worksheet = make_worksheet(hamar)
    for i in range(count):
        make_row(worksheet, service_type="annet", service_name=f"Tjeneste {i}", vulnerable_groups=["barn"])
    client.force_login(make_member(hamar, "leder"))
    with django_assert_max_num_queries(_pages(name, MAX_QUERIES)):
        response = client.get(reverse(f"prioritering:{name}", args=[worksheet.pk]))
    assert f"Tjeneste {count - 1}" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("count", [3, 100])
def test_history_page_query_count_is_constant(client, hamar, django_assert_max_num_queries, count):
    from prioritering import services
    from prioritering.services import record_change

    worksheet = make_worksheet(hamar)
    user = make_member(hamar, "leder")
    for i in range(count):
        change = record_change(worksheet=worksheet, user=user, summary=f"Endring {i} om Ola Nordmann")
    services.worksheet_redact(worksheet=worksheet, change=change, user=user, text="Ola Nordmann", reason="Et navn.")
    client.force_login(user)
    # One more than the other pages: the redactions noted on each entry (issue 25), read in one query.
    with django_assert_max_num_queries(MAX_QUERIES + 1 + CONTACT_POINT):
        response = client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk]))
    assert response.content.decode().count("Personopplysninger fjernet") == 1


COUNTY_QUERIES = 7  # content clock, session, user, county memberships, municipalities, decided worksheets, rows


def _county_with(count):
    from prioritering.models import Membership, Role, Status
    from tests.factories import make_municipality, make_user

    for i in range(count):
        municipality = make_municipality(f"Kommune {i}", county="Innlandet")
        worksheet = make_worksheet(municipality, service_unit=f"Enhet {i}", status=Status.DECIDED)
        make_row(worksheet, service_type="annet", service_name=f"Redusert {i}")
        make_row(worksheet, service_type="annet", service_name=f"Stanset {i}", action="stanse")
        make_worksheet(municipality, service_unit=f"Privat enhet {i}")
        make_worksheet(make_municipality(f"Annet fylke {i}", county="Telemark"), status=Status.DECIDED)
    user = make_user()
    Membership.objects.create(user=user, county="Innlandet", role=Role.COUNTY)
    return user


@pytest.mark.parametrize("count", [3, 100])
@pytest.mark.parametrize("name", ["county_overview", "county_export"])
def test_county_overview_query_count_is_constant_and_flat(client, django_assert_flat_queries, count, name):
    client.force_login(_county_with(count))
    with django_assert_flat_queries(_pages(name, COUNTY_QUERIES)):
        response = client.get(reverse(f"prioritering:{name}"))
    text = response.content.decode("utf-8-sig")
    assert f"Stanset {count - 1}" in text and "Privat enhet" not in text and "Annet fylke" not in text


@pytest.mark.parametrize("count", [3, 100])
def test_county_worksheet_query_count_is_constant(client, hamar, django_assert_flat_queries, count):
    from prioritering.models import Membership, Role, Status
    from tests.factories import make_user

    worksheet = make_worksheet(hamar, status=Status.DECIDED)
    for i in range(count):
        make_row(worksheet, service_type="annet", service_name=f"Tjeneste {i}", vulnerable_groups=["barn"])
    user = make_user()
    Membership.objects.create(user=user, county="Innlandet", role=Role.COUNTY)
    client.force_login(user)
    # content clock, session, user, county memberships, worksheet, rows; the contact point
    with django_assert_flat_queries(6 + CONTACT_POINT):
        response = client.get(reverse("prioritering:county_worksheet", args=[worksheet.pk]))
    assert f"Tjeneste {count - 1}" in response.content.decode()


def test_the_notes_page_reads_nothing_but_the_session_and_the_contact_point(client, hamar, django_assert_max_num_queries):
    client.force_login(make_member(hamar, "leser"))
    with django_assert_max_num_queries(3 + CONTACT_POINT):  # content clock, session, user; the contact point
        client.get(reverse("prioritering:note"))
