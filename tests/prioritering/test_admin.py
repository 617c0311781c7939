"""Admins manage users' memberships in the Django admin; worksheets there are read-only so history is never bypassed."""

import pytest
from django.urls import reverse

from prioritering.models import Membership
from tests.factories import make_member, make_row, make_superuser, make_worksheet

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
