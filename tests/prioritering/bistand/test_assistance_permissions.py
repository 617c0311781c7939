"""The permission matrix over every coordination view: anonymous → sign-in; another municipality → 404;
a role below the one needed → 403; Statsforvalteren only its county's sent requests, municipal pages never."""

import pytest
from django.urls import reverse

from prioritering.models import AssistanceRequest, CapacityOffer, RequestStatus
from tests.factories import make_member, make_user
from tests.prioritering.bistand.conftest import make_offer, make_request, make_statsforvalter

pytestmark = pytest.mark.django_db

READ, EDIT, LEAD = "leser", "bidragsyter", "leder"
RANK = {READ: 1, EDIT: 2, LEAD: 3}

# Every municipal view of one request or offer, with the least role that may open it.
OBJECT_URLS = [
    ("assistance_detail", "request", READ),
    ("assistance_history", "request", READ),
    ("assistance_edit", "request", EDIT),
    ("assistance_submit", "request", LEAD),
    ("assistance_withdraw", "request", LEAD),
    ("offer_detail", "offer", READ),
    ("offer_history", "offer", READ),
    ("offer_edit", "offer", EDIT),
    ("offer_submit", "offer", LEAD),
    ("offer_withdraw", "offer", LEAD),
]
LIST_URLS = [("assistance_list", READ), ("assistance_create", EDIT), ("offer_create", EDIT)]
COUNTY_URLS = ["county_assistance", "county_assistance_print", "county_assistance_export", "county_assistance_summary"]


@pytest.fixture
def items(hamar):
    return {"request": make_request(hamar), "offer": make_offer(hamar, status="utkast")}


def _url(name, items, kind):
    return reverse(f"prioritering:{name}", args=[items[kind].pk])


@pytest.mark.parametrize("name,kind,required", OBJECT_URLS)
def test_anonymous_is_sent_to_sign_in_from_every_object_page(client, items, name, kind, required):
    response = client.get(_url(name, items, kind))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/?next=")


@pytest.mark.parametrize("name", [n for n, _r in LIST_URLS] + COUNTY_URLS)
def test_anonymous_is_sent_to_sign_in_from_every_list_and_county_page(client, name):
    response = client.get(reverse(f"prioritering:{name}"))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/?next=")


# Read-only pages accept only GET (POST is a 405 before any lookup), so POST is tried on the others.
REQUESTS = [(n, k, r, "get") for n, k, r in OBJECT_URLS] + [(n, k, r, "post") for n, k, r in OBJECT_URLS if r != READ]


@pytest.mark.parametrize("name,kind,required,method", REQUESTS)
def test_a_leader_of_another_municipality_gets_404_and_changes_nothing(client, items, lillehammer, name, kind,
                                                                        required, method):
    client.force_login(make_member(lillehammer, "leder"))
    response = getattr(client, method)(_url(name, items, kind), {"revision": "1", "people": "9"})
    assert response.status_code == 404
    assert AssistanceRequest.objects.get().revision == 1 and CapacityOffer.objects.get().revision == 1


@pytest.mark.parametrize("name,kind,required", OBJECT_URLS)
@pytest.mark.parametrize("role", [READ, EDIT, LEAD])
def test_members_reach_what_their_role_allows_and_get_403_otherwise(client, items, hamar, name, kind, required, role):
    client.force_login(make_member(hamar, role))
    response = client.get(_url(name, items, kind))
    assert response.status_code == (200 if RANK[role] >= RANK[required] else 403)


@pytest.mark.parametrize("name,kind,required", [u for u in OBJECT_URLS if u[2] != READ])
@pytest.mark.parametrize("role", [READ, EDIT])
def test_a_post_below_the_role_needed_is_403_and_changes_nothing(client, items, hamar, name, kind, required, role):
    if RANK[role] >= RANK[required]:
        pytest.skip("allowed")
    client.force_login(make_member(hamar, role))
    assert client.post(_url(name, items, kind), {"revision": "1"}).status_code == 403
    assert AssistanceRequest.objects.get().status == RequestStatus.DRAFT
    assert CapacityOffer.objects.get().status == "utkast"


@pytest.mark.parametrize("name,required", LIST_URLS)
@pytest.mark.parametrize("role", [READ, EDIT, LEAD])
def test_list_and_new_pages_by_role(client, hamar, name, required, role):
    client.force_login(make_member(hamar, role))
    assert client.get(reverse(f"prioritering:{name}")).status_code == (200 if RANK[role] >= RANK[required] else 403)


@pytest.mark.parametrize("name,required", LIST_URLS)
def test_a_user_with_no_membership_gets_403(client, name, required):
    client.force_login(make_user())
    assert client.get(reverse(f"prioritering:{name}")).status_code == 403


@pytest.mark.parametrize("name,kind,required", OBJECT_URLS)
def test_statsforvalteren_is_no_member_of_the_municipality(client, items, name, kind, required):
    client.force_login(make_statsforvalter())
    assert client.get(_url(name, items, kind)).status_code == 404


@pytest.mark.parametrize("name", COUNTY_URLS)
@pytest.mark.parametrize("role", [READ, EDIT, LEAD])
def test_municipal_roles_get_403_on_the_county_pages(client, hamar, name, role):
    client.force_login(make_member(hamar, role))
    assert client.get(reverse(f"prioritering:{name}")).status_code == 403


@pytest.mark.parametrize("name", COUNTY_URLS)
def test_statsforvalteren_opens_every_county_page(client, hamar, name):
    client.force_login(make_statsforvalter())
    assert client.get(reverse(f"prioritering:{name}")).status_code == 200


@pytest.mark.parametrize("status,county,expected", [
    (RequestStatus.SUBMITTED, "Innlandet", 200),
    (RequestStatus.DRAFT, "Innlandet", 404),      # a draft is the municipality's own
    (RequestStatus.SUBMITTED, "Telemark", 404),   # another county's statsforvalter
])
def test_the_county_request_page_by_status_and_county(client, hamar, seljord, status, county, expected):
    item = make_request(hamar, status=status)
    client.force_login(make_statsforvalter(county))
    url = reverse("prioritering:county_assistance_detail", args=[item.pk])
    assert client.get(url).status_code == expected
    if expected == 404:
        assert client.post(url, {"action": "dekket", "note": "x", "revision": "1"}).status_code == 404
        item.refresh_from_db()
        assert item.status == status


@pytest.mark.parametrize("role", [READ, EDIT, LEAD])
def test_municipal_members_cannot_coordinate_their_own_request(client, hamar, role):
    item = make_request(hamar, status=RequestStatus.SUBMITTED)
    client.force_login(make_member(hamar, role))
    url = reverse("prioritering:county_assistance_detail", args=[item.pk])
    assert client.post(url, {"action": "dekket", "note": "x", "revision": "1"}).status_code == 403
    item.refresh_from_db()
    assert item.status == RequestStatus.SUBMITTED


def test_every_url_of_the_coordination_package_is_in_the_matrix():
    from prioritering.bistand import urls

    names = {pattern.name for pattern in urls.urlpatterns}
    covered = {n for n, _k, _r in OBJECT_URLS} | {n for n, _r in LIST_URLS} | set(COUNTY_URLS)
    assert names == covered | {"county_assistance_detail"}


def test_forms_without_a_csrf_token_are_refused(hamar, items):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_member(hamar, "leder"))
    response = client.post(reverse("prioritering:assistance_submit", args=[items["request"].pk]), {"revision": "1"})
    assert response.status_code == 403
    assert AssistanceRequest.objects.get().status == RequestStatus.DRAFT
