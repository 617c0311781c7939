"""Isolation is absolute: only members of a worksheet's municipality reach it, by any URL or form field."""

import pytest
from django.urls import reverse

from prioritering.models import Status, Worksheet
from tests.factories import make_member, make_worksheet

pytestmark = pytest.mark.django_db

READ, EDIT, LEAD = "leser", "bidragsyter", "leder"

# Every worksheet URL, with the least role that may open it.
URLS = [
    ("worksheet_detail", READ, False),
    ("worksheet_history", READ, False),
    ("worksheet_print", READ, False),
    ("worksheet_export", READ, False),
    ("worksheet_edit", EDIT, False),
    ("row_create", EDIT, False),
    ("row_edit", EDIT, True),
    ("row_delete", EDIT, True),
    ("worksheet_decide", LEAD, False),
    ("worksheet_new_version", LEAD, False),
]
RANK = {READ: 1, EDIT: 2, LEAD: 3}


def _url(name, worksheet, with_row):
    if name == "worksheet_new_version":
        worksheet.status = Status.DECIDED
        worksheet.save()
    args = [worksheet.pk, worksheet.rows.first().pk] if with_row else [worksheet.pk]
    return reverse(f"prioritering:{name}", args=args)


@pytest.mark.parametrize("name,required,with_row", URLS)
def test_anonymous_is_sent_to_sign_in(client, worksheet, name, required, with_row):
    url = _url(name, worksheet, with_row)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/?next=")


# Read-only pages accept only GET (POST is a 405 before any lookup), so POST is tried on the others.
REQUESTS = [(name, required, with_row, "get") for name, required, with_row in URLS] + [
    (name, required, with_row, "post") for name, required, with_row in URLS if required != READ]


@pytest.mark.parametrize("name,required,with_row,method", REQUESTS)
def test_leader_of_another_municipality_gets_404(client, worksheet, lillehammer, name, required, with_row, method):
    client.force_login(make_member(lillehammer, "leder"))
    url = _url(name, worksheet, with_row)
    response = getattr(client, method)(url, {"revision": "1", "phase": "4"})
    assert response.status_code == 404
    worksheet.refresh_from_db()
    assert worksheet.revision == 1 and worksheet.rows.count() == 1


@pytest.mark.parametrize("name,required,with_row", URLS)
@pytest.mark.parametrize("role", [READ, EDIT, LEAD])
def test_members_reach_what_their_role_allows_and_get_403_otherwise(client, worksheet, hamar, name, required,
                                                                     with_row, role):
    client.force_login(make_member(hamar, role))
    response = client.get(_url(name, worksheet, with_row))
    assert response.status_code == (200 if RANK[role] >= RANK[required] else 403)


def test_list_shows_only_own_municipalitys_worksheets(client, hamar, lillehammer):
    make_worksheet(hamar, service_unit="Hamar sone nord")
    make_worksheet(lillehammer, service_unit="Lillehammer sentrum")
    client.force_login(make_member(hamar, "leser"))
    html = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert "Hamar sone nord" in html and "Lillehammer sentrum" not in html


def test_list_requires_sign_in(client):
    response = client.get(reverse("prioritering:worksheet_list"))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


def test_posting_another_municipalitys_id_on_create_is_refused(client, hamar, lillehammer):
    client.force_login(make_member(hamar, "leder"))
    response = client.post(reverse("prioritering:worksheet_create"), {
        "municipality": lillehammer.pk, "service_unit": "Innbrudd", "phase": "3",
        "assessed_on": "16.03.2022", "responsible": "X"})
    assert response.status_code == 200
    assert "Velg en av dine egne kommuner" in response.content.decode()
    assert not Worksheet.objects.filter(municipality=lillehammer).exists()


def test_row_of_another_worksheet_is_404_even_in_own_worksheet_url(client, worksheet, hamar, lillehammer):
    foreign = make_worksheet(lillehammer)
    from tests.factories import make_row
    foreign_row = make_row(foreign)
    client.force_login(make_member(hamar, "leder"))
    url = reverse("prioritering:row_edit", args=[worksheet.pk, foreign_row.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"service_type": "renhold"}).status_code == 404


def test_reader_cannot_create_worksheets(client, hamar):
    client.force_login(make_member(hamar, "leser"))
    assert client.get(reverse("prioritering:worksheet_create")).status_code == 403


def test_contributor_cannot_decide_by_posting(client, worksheet, hamar):
    client.force_login(make_member(hamar, "bidragsyter"))
    response = client.post(reverse("prioritering:worksheet_decide", args=[worksheet.pk]), {"revision": "1"})
    assert response.status_code == 403
    worksheet.refresh_from_db()
    assert worksheet.status == Status.DRAFT


def test_unknown_ids_are_404(client, leader):
    client.force_login(leader)
    assert client.get("/prioritering/999999/").status_code == 404
    assert client.get("/prioritering/999999/tjenester/1/").status_code == 404
    assert client.get("/prioritering/abc/").status_code == 404


def test_a_municipality_field_smuggled_into_the_edit_form_is_ignored(client, worksheet, hamar, lillehammer):
    client.force_login(make_member(hamar, "leder"))
    client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "municipality": lillehammer.pk, "service_unit": "Sone nord", "phase": "3", "assessed_on": "16.03.2022",
        "responsible": "Leder", "revision": "1"})
    worksheet.refresh_from_db()
    assert worksheet.municipality == hamar and worksheet.service_unit == "Sone nord"


def test_a_member_of_both_municipalities_sees_both(client, hamar, lillehammer):
    from tests.factories import make_membership

    user = make_member(hamar, "leser")
    make_membership(user, lillehammer, "leser")
    make_worksheet(hamar, service_unit="Hamar sone nord")
    make_worksheet(lillehammer, service_unit="Lillehammer sentrum")
    client.force_login(user)
    html = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert "Hamar sone nord" in html and "Lillehammer sentrum" in html


# --- The county view (Statsforvalteren) -----------------------------------------------------

COUNTY_URLS = ["county_overview", "county_export", "county_worksheet"]


def _county_url(name, worksheet):
    return reverse(f"prioritering:{name}", args=[worksheet.pk] if name == "county_worksheet" else [])


@pytest.fixture
def decided(worksheet, hamar):
    from prioritering import services

    return services.worksheet_decide(worksheet=worksheet, user=make_member(hamar, LEAD))


def _statsforvalter(county):
    from prioritering.models import Membership, Role
    from tests.factories import make_user

    user = make_user()
    Membership.objects.create(user=user, county=county, role=Role.COUNTY)
    return user


@pytest.mark.parametrize("name", COUNTY_URLS)
def test_anonymous_is_sent_to_sign_in_from_the_county_view(client, decided, name):
    response = client.get(_county_url(name, decided))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/?next=")


@pytest.mark.parametrize("name", COUNTY_URLS)
@pytest.mark.parametrize("who,expected", [(READ, 403), (EDIT, 403), (LEAD, 403),
                                          ("statsforvalter i fylket", 200), ("statsforvalter i et annet fylke", None)])
def test_county_view_permission_matrix(client, decided, hamar, name, who, expected):
    from tests.factories import make_municipality

    make_municipality("Seljord", "4022", county="Telemark")
    if who in RANK:
        user = make_member(hamar, who)
    else:
        user = _statsforvalter("Innlandet" if who == "statsforvalter i fylket" else "Telemark")
    client.force_login(user)
    response = client.get(_county_url(name, decided))
    if expected is None:  # another county: its own overview, never this worksheet
        expected = 404 if name == "county_worksheet" else 200
        assert decided.service_unit not in response.content.decode("utf-8-sig")
    assert response.status_code == expected


@pytest.mark.parametrize("name", COUNTY_URLS)
def test_the_county_view_only_answers_get(client, decided, name):
    client.force_login(_statsforvalter("Innlandet"))
    assert client.post(_county_url(name, decided), {"revision": "1"}).status_code == 405


@pytest.mark.parametrize("name,required,with_row,method", REQUESTS)
def test_a_statsforvalter_in_the_county_is_no_member_and_gets_404_on_worksheet_urls(
        client, worksheet, name, required, with_row, method):
    client.force_login(_statsforvalter("Innlandet"))
    response = getattr(client, method)(_url(name, worksheet, with_row), {"revision": "1", "phase": "4"})
    assert response.status_code == 404
    worksheet.refresh_from_db()
    assert worksheet.rows.count() == 1


def test_a_draft_is_404_in_the_county_view_even_for_the_statsforvalter_of_the_county(client, worksheet):
    client.force_login(_statsforvalter("Innlandet"))
    assert client.get(reverse("prioritering:county_worksheet", args=[worksheet.pk])).status_code == 404
    assert worksheet.service_unit not in client.get(reverse("prioritering:county_overview")).content.decode()
