"""Superusers manage memberships in the Django admin; worksheets there are read-only, superusers only, and looking is recorded."""

import pytest
from django.urls import NoReverseMatch, reverse

from prioritering import services
from prioritering.models import Membership, Status, Worksheet, WorksheetChange
from tests.factories import make_editor, make_member, make_publisher, make_row, make_superuser, make_worksheet

pytestmark = pytest.mark.django_db


def test_admin_adds_a_member_inline_on_the_municipality(client, hamar):
    admin = make_superuser()
    user = make_member(hamar, "leser")
    client.force_login(admin)
    url = reverse("admin:prioritering_municipality_change", args=[hamar.pk])
    assert client.get(url).status_code == 200
    membership = Membership.objects.get(user=user)
    response = client.post(url, {
        "name": "Hamar", "number": hamar.number, "county": "Innlandet",
        "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "1", "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000", "memberships-0-id": membership.pk,
        "memberships-0-municipality": hamar.pk, "memberships-0-user": user.pk, "memberships-0-role": "leder",
    })
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "leder"


def test_admin_pages_for_memberships_and_worksheets_open(client, hamar):
    worksheet = make_worksheet(hamar)
    make_row(worksheet)
    make_member(hamar)
    client.force_login(make_superuser())
    for name, args in [("admin:prioritering_membership_changelist", []),
                       ("admin:prioritering_worksheet_changelist", []),
                       ("admin:prioritering_worksheet_change", [worksheet.pk])]:
        assert client.get(reverse(name, args=args)).status_code == 200
    response = client.post(reverse("admin:prioritering_worksheet_change", args=[worksheet.pk]), {"service_unit": "X"})
    assert response.status_code == 403


@pytest.fixture
def admin_client(client):
    client.force_login(make_superuser())
    return client


@pytest.fixture
def decided(worksheet, leader):
    return services.worksheet_decide(worksheet=worksheet, user=leader)


@pytest.fixture
def superseded(decided, leader):
    services.worksheet_new_version(worksheet=decided, user=leader, phase=4)
    decided.refresh_from_db()
    return decided


def _add_form(hamar, **overrides):
    return {
        "municipality": hamar.pk, "service_unit": "Sykehjemmet", "phase": "3", "assessed_on": "16.03.2022",
        "responsible": "Enhetsleder", "next_review": "", "staff_available": "", "staff_needed": "",
        "infection_situation": "", "summary": "",
        "rows-TOTAL_FORMS": "0", "rows-INITIAL_FORMS": "0", "rows-MIN_NUM_FORMS": "0", "rows-MAX_NUM_FORMS": "0",
        "changes-TOTAL_FORMS": "0", "changes-INITIAL_FORMS": "0", "changes-MIN_NUM_FORMS": "0",
        "changes-MAX_NUM_FORMS": "0", **overrides,
    }


@pytest.mark.parametrize("state", ["worksheet", "decided", "superseded"])
def test_no_worksheet_can_be_deleted_in_the_admin_because_its_history_would_go_with_it(admin_client, request, state):
    worksheet = request.getfixturevalue(state)
    url = reverse("admin:prioritering_worksheet_delete", args=[worksheet.pk])
    assert admin_client.get(url).status_code == 403
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Worksheet.objects.filter(pk=worksheet.pk).exists()
    assert WorksheetChange.objects.filter(worksheet=worksheet).exists() or state == "worksheet"


def test_the_worksheet_list_offers_no_bulk_delete(admin_client, decided):
    url = reverse("admin:prioritering_worksheet_changelist")
    assert "delete_selected" not in admin_client.get(url).content.decode()
    admin_client.post(url, {"action": "delete_selected", "_selected_action": [decided.pk], "post": "yes"})
    assert Worksheet.objects.filter(pk=decided.pk).exists()


def test_a_worksheet_added_in_the_admin_is_always_a_draft(admin_client, hamar):
    response = admin_client.post(reverse("admin:prioritering_worksheet_add"),
                                 _add_form(hamar, status="vedtatt", decided_at="16.03.2022"))
    assert response.status_code == 302
    worksheet = Worksheet.objects.get(service_unit="Sykehjemmet")
    assert worksheet.status == Status.DRAFT and worksheet.decided_at is None and worksheet.decided_by is None


def test_a_worksheet_added_in_the_admin_records_who_created_it_in_its_history(admin_client, hamar):
    admin_client.post(reverse("admin:prioritering_worksheet_add"), _add_form(hamar))
    worksheet = Worksheet.objects.get(service_unit="Sykehjemmet")
    user = admin_client.get(reverse("admin:index")).wsgi_request.user
    assert worksheet.created_by == user
    assert list(worksheet.changes.values_list("user_name", flat=True)) == [user.get_username()]


def test_the_add_form_shows_status_and_previous_version_as_read_only(admin_client):
    page = admin_client.get(reverse("admin:prioritering_worksheet_add")).content.decode()
    assert 'name="status"' not in page and 'name="previous_version"' not in page
    assert 'name="service_unit"' in page


def test_rows_are_added_on_the_site_where_they_are_recorded_not_in_the_admin(admin_client, hamar):
    url = reverse("admin:prioritering_worksheet_add")
    assert "rows-__prefix__-service_type" not in admin_client.get(url).content.decode()
    row = {"position": "1", "service_type": "dagaktivitet", "action": "redusere", "reason": "kapasitet",
           "decision_form": "skriftlig", "weighted_criteria": "[]", "vulnerable_groups": "[]",
           "acknowledged_warnings": "[]"}
    admin_client.post(url, _add_form(hamar, **{"rows-TOTAL_FORMS": "1", "rows-MAX_NUM_FORMS": "1000"},
                                     **{f"rows-0-{name}": value for name, value in row.items()}))
    assert not Worksheet.objects.filter(service_unit="Sykehjemmet", rows__isnull=False).exists()


@pytest.mark.parametrize("state", ["decided", "superseded"])
def test_decided_and_superseded_worksheets_are_read_only_with_their_rows_and_history(admin_client, request, state):
    worksheet = request.getfixturevalue(state)
    row = worksheet.rows.get()
    change = worksheet.changes.first()
    url = reverse("admin:prioritering_worksheet_change", args=[worksheet.pk])
    page = admin_client.get(url).content.decode()
    assert admin_client.get(url).status_code == 200
    for name in ('name="status"', 'name="service_unit"', 'name="rows-0-service_type"', 'name="changes-0-summary"',
                 'name="changes-0-DELETE"', 'name="rows-0-DELETE"'):
        assert name not in page
    response = admin_client.post(url, {
        "service_unit": "Endret", "status": "utkast",
        "rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "1", "rows-0-id": row.pk, "rows-0-DELETE": "on",
        "changes-TOTAL_FORMS": "1", "changes-INITIAL_FORMS": "1", "changes-0-id": change.pk, "changes-0-DELETE": "on",
    })
    assert response.status_code == 403
    worksheet.refresh_from_db()
    assert worksheet.status == state.replace("decided", "vedtatt").replace("superseded", "erstattet")
    assert worksheet.rows.filter(pk=row.pk).exists() and worksheet.changes.filter(pk=change.pk).exists()


def test_history_rows_have_no_admin_pages_of_their_own(admin_client):
    for name in ("admin:prioritering_worksheetchange_changelist", "admin:prioritering_servicerow_changelist"):
        with pytest.raises(NoReverseMatch):
            reverse(name)


# --- Only superusers see worksheets, and their looking is recorded ---------------------------

ADMIN_PAGES = [("admin:prioritering_worksheet_changelist", False), ("admin:prioritering_worksheet_change", True),
               ("admin:prioritering_worksheet_add", False), ("admin:prioritering_municipality_changelist", False),
               ("admin:prioritering_membership_changelist", False)]


@pytest.mark.parametrize("make_staff_user", [make_editor, make_publisher], ids=["redaktor", "ansvarlig-redaktor"])
def test_the_editorial_groups_never_see_worksheets_in_the_admin_even_when_given_the_permissions(
        client, worksheet, make_staff_user):
    from django.contrib.auth.models import Permission

    user = make_staff_user()
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="prioritering"))
    client.force_login(user)
    for name, with_pk in ADMIN_PAGES:
        assert client.get(reverse(name, args=[worksheet.pk] if with_pk else [])).status_code == 403, name
    index = client.get(reverse("admin:index")).content.decode()
    assert "prioritering/" not in index and "Prioriteringsskjemaer" not in index
    assert not worksheet.changes.exists()


def test_a_superuser_opening_a_worksheet_in_the_admin_is_recorded_where_the_municipality_sees_it(
        client, worksheet, reader):
    admin = make_superuser("drift")
    client.force_login(admin)
    page = client.get(reverse("admin:prioritering_worksheet_change", args=[worksheet.pk])).content.decode()
    assert "Visningen er registrert i skjemaets historikk" in page
    change = worksheet.changes.get()
    assert (change.user_name, change.summary) == ("drift", "Åpnet i administrasjonen")
    client.force_login(reader)
    history = client.get(reverse("prioritering:worksheet_history", args=[worksheet.pk])).content.decode()
    assert "drift" in history and "Åpnet i administrasjonen" in history


def test_refused_admin_requests_record_nothing(client, worksheet):
    client.force_login(make_superuser())
    client.post(reverse("admin:prioritering_worksheet_change", args=[worksheet.pk]), {"service_unit": "X"})
    client.get(reverse("admin:prioritering_worksheet_change", args=[999999]))
    assert not worksheet.changes.exists()


def test_the_admin_says_legg_til_nytt_prioriteringsskjema(admin_client, worksheet):
    for name in ("admin:prioritering_worksheet_changelist", "admin:prioritering_worksheet_add"):
        page = admin_client.get(reverse(name)).content.decode()
        assert "Legg til nytt prioriteringsskjema" in page and "Legg til ny prioriteringsskjema" not in page


def test_a_statsforvalter_is_given_a_county_in_the_membership_admin(admin_client, hamar):
    user = make_member(hamar, "leser")
    url = reverse("admin:prioritering_membership_add")
    page = admin_client.get(url).content.decode()
    assert '<option value="Innlandet">Innlandet</option>' in page
    refused = admin_client.post(url, {"user": user.pk, "role": "statsforvalter", "municipality": hamar.pk,
                                      "county": "Innlandet"})
    assert refused.status_code == 200 and "ikke av en kommune" in refused.content.decode()
    assert admin_client.post(url, {"user": user.pk, "role": "statsforvalter", "county": "Innlandet"}).status_code == 302
    assert Membership.objects.filter(user=user, county="Innlandet", municipality=None, role="statsforvalter").exists()


def test_the_municipality_page_offers_only_the_municipal_roles(admin_client, hamar):
    page = admin_client.get(reverse("admin:prioritering_municipality_change", args=[hamar.pk])).content.decode()
    assert 'value="leder"' in page and 'value="statsforvalter"' not in page
