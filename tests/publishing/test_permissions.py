"""Who may publish is one permission per document type, given by the two editorial roles."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied

from guidance.models import Article
from publishing.roles import EDITOR_GROUP, PUBLISHER_GROUP, editorial_groups_ensure
from publishing.services import can_publish, document_reinstate, document_withdraw, version_publish
from staffing.models import Measure
from tests.factories import make_editor, make_publisher, make_user

pytestmark = pytest.mark.django_db


def group_permissions(name):
    group = Group.objects.get(name=name)
    return {f"{app}.{codename}" for app, codename in
            group.permissions.values_list("content_type__app_label", "codename")}


def test_four_eyes_requires_another_publisher(settings, make_document):
    settings.VERSIONING_FOUR_EYES = True
    author, colleague = make_publisher(), make_publisher()
    draft = make_document(author=author, publish=False).latest_version()

    with pytest.raises(PermissionDenied):
        version_publish(version=draft, user=author)
    draft.refresh_from_db()
    assert draft.is_draft and draft.approved_by is None

    version_publish(version=draft, user=colleague)
    draft.refresh_from_db()
    assert draft.is_published() and draft.approved_by == colleague


def test_the_author_may_publish_their_own_version_without_four_eyes(settings, make_document, publisher):
    settings.VERSIONING_FOUR_EYES = False
    draft = make_document(author=publisher, publish=False).latest_version()
    version_publish(version=draft, user=publisher)
    draft.refresh_from_db()
    assert draft.approved_by == publisher


def test_editor_without_publish_permission_cannot_publish(make_document, publisher):
    editor = make_editor()
    document = make_document(author=editor, publish=False)
    draft = document.latest_version()

    with pytest.raises(PermissionDenied):
        version_publish(version=draft, user=editor)
    with pytest.raises(PermissionDenied):
        document_withdraw(document=document, user=editor, reason="Utdatert.")
    document_withdraw(document=document, user=publisher, reason="Utdatert.")
    with pytest.raises(PermissionDenied):
        document_reinstate(document=document, user=editor)

    draft.refresh_from_db()
    document.refresh_from_db()
    assert draft.is_draft and document.is_withdrawn


@pytest.mark.parametrize("document_model, permission", [
    (Article, "guidance.publish_articleversion"),
    (Measure, "staffing.publish_measureversion"),
])
def test_can_publish_is_the_publish_permission(document_model, permission):
    assert document_model.publish_permission() == permission
    assert can_publish(make_publisher(), document_model)
    assert not can_publish(make_editor(), document_model)

    user = make_user(password=None, is_staff=True)
    assert not can_publish(user, document_model)
    app_label, codename = permission.split(".")
    user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user = get_user_model().objects.get(pk=user.pk)  # has_perm caches what it found
    assert can_publish(user, document_model)


def test_editorial_groups_ensure_gives_both_apps_permissions():
    Group.objects.filter(name__in=[EDITOR_GROUP, PUBLISHER_GROUP]).delete()

    editorial_groups_ensure()

    editor, publisher = group_permissions(EDITOR_GROUP), group_permissions(PUBLISHER_GROUP)
    assert {"guidance.add_articleversion", "staffing.add_measureversion"} <= editor
    assert not {"guidance.publish_articleversion", "staffing.publish_measureversion"} & editor
    assert {"guidance.publish_articleversion", "staffing.publish_measureversion"} <= publisher
    assert editor <= publisher


def test_editorial_groups_ensure_can_run_again_and_repairs_hand_edits():
    editorial_groups_ensure()
    before = group_permissions(PUBLISHER_GROUP)
    Group.objects.get(name=PUBLISHER_GROUP).permissions.remove(
        Permission.objects.get(content_type__app_label="staffing", codename="publish_measureversion"))

    editorial_groups_ensure()

    assert group_permissions(PUBLISHER_GROUP) == before
    assert Group.objects.filter(name__in=[EDITOR_GROUP, PUBLISHER_GROUP]).count() == 2
