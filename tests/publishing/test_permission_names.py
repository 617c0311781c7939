"""The admin's user and group pages name permissions in Norwegian (issue 13).

publishing.permissions renames them after every migrate, so this holds on the fresh test database,
for a model added later and after someone renamed one by hand.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from publishing.roles import PUBLISHER_GROUP, editorial_groups_ensure
from tests.factories import make_superuser

pytestmark = pytest.mark.django_db

OUR_APPS = ["publishing", "alerts", "guidance", "staffing", "prioritering"]


def name(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename).name


def rerun_post_migrate():
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


@pytest.mark.parametrize(("permission", "expected"), [
    ("guidance.add_article", "Kan legge til artikkel"),
    ("guidance.change_topic", "Kan endre tema"),
    ("guidance.delete_externallink", "Kan slette lenke til andre myndigheter"),
    ("guidance.view_articleversion", "Kan se artikkelversjon"),
    ("staffing.change_measure", "Kan endre bemanningstiltak"),
    ("publishing.add_searchsynonym", "Kan legge til synonym i søket"),
    ("alerts.view_subscription", "Kan se abonnement på varsler"),
    ("prioritering.change_worksheet", "Kan endre prioriteringsskjema"),
    # Custom permissions keep the Norwegian names their Meta.permissions give them.
    ("guidance.publish_articleversion", "Kan publisere og planlegge artikkelversjoner"),
    ("staffing.publish_measureversion", "Kan publisere og planlegge tiltaksversjoner"),
    # Django's own models too, from their Norwegian verbose names.
    ("auth.change_user", "Kan endre bruker"),
    ("auth.add_group", "Kan legge til gruppe"),
])
def test_a_fresh_database_names_the_permissions_in_norwegian(permission, expected):
    assert name(permission) == expected


def test_no_permission_of_any_app_keeps_an_english_name():
    english = Permission.objects.filter(name__startswith="Can ").values_list("content_type__app_label", "codename")
    assert list(english) == []
    assert Permission.objects.filter(content_type__app_label__in=OUR_APPS).count() > 50


def test_a_new_model_or_a_hand_edited_name_gets_its_norwegian_name_on_the_next_migrate():
    # A new model's permissions are created by django.contrib.auth, in English, on the migrate that adds it.
    Permission.objects.get(content_type__app_label="staffing", codename="add_contactpoint").delete()
    Permission.objects.filter(content_type__app_label="guidance", codename="view_issuer").update(name="Can view issuer")

    rerun_post_migrate()

    assert name("staffing.add_contactpoint") == "Kan legge til kontaktpunkt"
    assert name("guidance.view_issuer") == "Kan se avsender"


def test_the_editorial_groups_create_missing_permissions_with_norwegian_names():
    Permission.objects.get(content_type__app_label="publishing", codename="change_searchsynonym").delete()
    editorial_groups_ensure()
    assert name("publishing.change_searchsynonym") == "Kan endre synonym i søket"
    assert Group.objects.get(name=PUBLISHER_GROUP).permissions.filter(codename="change_searchsynonym").exists()


def test_the_admin_group_and_user_pages_show_the_norwegian_names(client):
    superuser = make_superuser()
    client.force_login(superuser)
    group = Group.objects.get(name=PUBLISHER_GROUP)
    for url in (reverse("admin:auth_group_change", args=[group.pk]),
                reverse("admin:auth_user_change", args=[superuser.pk])):
        page = client.get(url).content.decode()
        assert "Kan legge til artikkel" in page and "Kan publisere og planlegge artikkelversjoner" in page
        assert "Can add" not in page and "Can change" not in page
