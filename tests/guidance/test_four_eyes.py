"""With VERSIONING_FOUR_EYES on, someone other than the author must approve a version."""

import pytest
from django.core.exceptions import PermissionDenied

from publishing.services import version_publish
from tests.factories import add_version, make_article, make_publisher
from tests.guidance.admin_helpers import version_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return make_publisher("forfatter")


@pytest.fixture
def colleague():
    return make_publisher("kollega")


@pytest.fixture
def draft(author, colleague):
    article = make_article(author=author, approver=colleague)
    return add_version(article, author, title="Ny versjon")


def test_an_author_cannot_approve_their_own_version_when_four_eyes_is_on(client, settings, author, draft):
    settings.VERSIONING_FOUR_EYES = True
    client.force_login(author)

    response = client.post(version_url("publish", draft.article, draft.number), {"action": "publish"}, follow=True)

    assert "Firøyneprinsippet" in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_draft and draft.approved_by is None


def test_an_author_cannot_schedule_their_own_version_when_four_eyes_is_on(client, settings, author, draft):
    settings.VERSIONING_FOUR_EYES = True
    client.force_login(author)
    client.post(version_url("publish", draft.article, draft.number), {"action": "schedule",
                                                                       "publish_at": "2099-01-02T08:00"})
    draft.refresh_from_db()
    assert draft.is_draft


def test_another_responsible_editor_can_approve_when_four_eyes_is_on(client, settings, colleague, draft):
    settings.VERSIONING_FOUR_EYES = True
    client.force_login(colleague)

    client.post(version_url("publish", draft.article, draft.number), {"action": "publish"})

    draft.refresh_from_db()
    assert draft.is_published() and draft.approved_by == colleague


def test_the_author_may_approve_their_own_version_when_four_eyes_is_off(client, settings, author, draft):
    settings.VERSIONING_FOUR_EYES = False
    client.force_login(author)
    client.post(version_url("publish", draft.article, draft.number), {"action": "publish"})
    draft.refresh_from_db()
    assert draft.approved_by == author


def test_the_service_refuses_self_approval_under_four_eyes(settings, author, draft):
    settings.VERSIONING_FOUR_EYES = True
    with pytest.raises(PermissionDenied):
        version_publish(version=draft, user=author)


def test_the_editorial_roles_exist_and_only_the_responsible_editor_may_publish():
    from django.contrib.auth.models import Group

    from publishing.roles import editorial_groups_ensure

    editorial_groups_ensure()  # idempotent on top of migration 0003
    editor, responsible = Group.objects.get(name="Redaktør"), Group.objects.get(name="Ansvarlig redaktør")
    editor_perms = set(editor.permissions.values_list("codename", flat=True))
    responsible_perms = set(responsible.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article"} <= editor_perms and "publish_articleversion" not in editor_perms
    assert "publish_articleversion" in responsible_perms and editor_perms <= responsible_perms
    assert Group.objects.filter(name__in=["Redaktør", "Ansvarlig redaktør"]).count() == 2
