"""The admin change log: read-only, for superusers and holders of view_logentry, and it includes subscribers' own changes."""

import pytest
from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from alerts.models import Subscription
from alerts.tokens import subscriber_token
from tests.alerts.conftest import confirm_link, subscribe
from tests.factories import make_publisher, make_superuser, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:admin_logentry_changelist")


def subscribe_confirm_change_and_unsubscribe(client):
    subscribe(client, "kari@example.no", everything="on")
    assert client.post(confirm_link(mail.outbox[0])).status_code == 200
    token = subscriber_token(Subscription.objects.get())
    assert client.post(reverse("alerts:manage", args=[token]), {"frequency": "daily", "everything": "on"}).status_code == 302
    assert client.post(reverse("alerts:unsubscribe", args=[token])).status_code == 200


def test_a_subscribers_confirmation_change_and_unsubscription_are_on_the_admin_change_log(client):
    subscribe_confirm_change_and_unsubscribe(client)
    client.force_login(make_superuser())

    page = client.get(CHANGELIST).content.decode()
    assert "Eieren bekreftet abonnementet (k***@example.no)" in page
    assert "Eieren endret varslene (k***@example.no): Daglig sammendrag, alle vesentlige endringer" in page
    assert "Eieren meldte seg av (k***@example.no)" in page
    assert "kari@example.no" not in page
    assert set(LogEntry.objects.values_list("user__username", "user__is_active")) == {("abonnent", False)}
    assert not LogEntry.objects.get(action_flag=DELETION).user.has_usable_password()


def test_the_change_log_can_be_searched_and_filtered(client):
    subscribe_confirm_change_and_unsubscribe(client)
    client.force_login(make_superuser())
    found = client.get(CHANGELIST, {"q": "meldte seg av"}).content.decode()
    assert "Eieren meldte seg av" in found and "Eieren bekreftet" not in found
    deletions = client.get(CHANGELIST, {"action_flag__exact": DELETION}).content.decode()
    assert "Eieren meldte seg av" in deletions and "Eieren bekreftet" not in deletions
    assert client.get(CHANGELIST, {"action_time__year": 2020}).status_code == 200


def test_the_change_log_is_read_only_even_for_a_superuser(client):
    subscribe_confirm_change_and_unsubscribe(client)
    client.force_login(make_superuser())
    entry = LogEntry.objects.first()
    assert client.get(reverse("admin:admin_logentry_add")).status_code == 403
    assert client.post(reverse("admin:admin_logentry_delete", args=[entry.pk])).status_code == 403
    detail = client.get(reverse("admin:admin_logentry_change", args=[entry.pk])).content.decode()
    assert 'name="_save"' not in detail and entry.object_repr in detail
    client.post(reverse("admin:admin_logentry_change", args=[entry.pk]), {"change_message": "endret"})
    assert LogEntry.objects.get(pk=entry.pk).change_message == entry.change_message


def test_staff_with_the_view_logentry_permission_see_the_change_log(client):
    subscribe_confirm_change_and_unsubscribe(client)
    reader = make_publisher()
    reader.user_permissions.add(Permission.objects.get(codename="view_logentry",
                                                      content_type=ContentType.objects.get_for_model(LogEntry)))
    client.force_login(reader)
    assert "Eieren meldte seg av" in client.get(CHANGELIST).content.decode()


def test_others_cannot_see_the_change_log(client):
    subscribe_confirm_change_and_unsubscribe(client)
    client.force_login(make_user())  # not staff: sent to the admin's sign-in
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(make_publisher())  # staff without view_logentry
    assert client.get(CHANGELIST).status_code == 403
    client.logout()
    assert client.get(CHANGELIST).status_code == 302


def test_the_change_log_list_does_not_grow_queries_with_its_length(client, django_assert_max_num_queries):
    client.force_login(make_superuser())

    def add_entries(count):
        ct = ContentType.objects.get_for_model(Subscription)
        for number in range(count):
            LogEntry.objects.create(user=make_user(password=None), content_type=ct, object_id=str(number), object_repr=f"s{number}",
                                    action_flag=ADDITION, change_message="Lagt til.")

    add_entries(2)
    with django_assert_max_num_queries(12) as small:
        assert client.get(CHANGELIST).status_code == 200
    add_entries(40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(CHANGELIST).status_code == 200
