"""Publishers keep the site search's synonym list; they get the right to the same way as every other
editorial right: publishing's `editorial_permissions` (publishing.roles), not only a migration."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from publishing.models import SearchSynonym
from publishing.roles import EDITOR_GROUP, PUBLISHER_GROUP, editorial_groups_ensure
from tests.factories import make_editor, make_publisher

pytestmark = pytest.mark.django_db


def group_permissions(name):
    return {f"{app}.{codename}" for app, codename in
            Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")}


@pytest.fixture
def groups_from_live_code():
    """The editorial groups as editorial_groups_ensure makes them, without what the migrations granted."""
    Group.objects.filter(name__in=[EDITOR_GROUP, PUBLISHER_GROUP]).delete()
    editorial_groups_ensure()


def test_the_editorial_groups_get_the_synonym_permissions_from_live_code(groups_from_live_code):
    synonyms = {f"publishing.{action}_searchsynonym" for action in ("view", "add", "change", "delete")}
    assert synonyms <= group_permissions(PUBLISHER_GROUP)
    assert synonyms & group_permissions(EDITOR_GROUP) == {"publishing.view_searchsynonym"}


def test_a_publisher_adds_a_synonym_in_the_admin(client, groups_from_live_code):
    client.force_login(make_publisher())
    add = reverse("admin:publishing_searchsynonym_add")
    assert client.get(add).status_code == 200
    response = client.post(add, {"word": "Lege", "alternatives": "leger,  fastlege"})
    assert response.status_code == 302 and response["Location"] == reverse("admin:publishing_searchsynonym_changelist")
    synonym = SearchSynonym.objects.get(word="lege")
    assert synonym.alternative_list() == ["leger", "fastlege"]
    assert "synonymer i søket" in client.get(reverse("admin:index")).content.decode().lower()


def test_an_editor_may_read_the_synonyms_but_not_change_them(client, groups_from_live_code):
    client.force_login(make_editor())
    assert client.get(reverse("admin:publishing_searchsynonym_changelist")).status_code == 200
    assert client.get(reverse("admin:publishing_searchsynonym_add")).status_code == 403
    response = client.post(reverse("admin:publishing_searchsynonym_add"), {"word": "lege", "alternatives": "leger"})
    assert response.status_code == 403 and not SearchSynonym.objects.filter(word="lege").exists()
