"""With VERSIONING_FOUR_EYES on, someone other than the author must approve a version."""

import pytest
from django.core.exceptions import PermissionDenied

from kommuneportal.versioning import version_publish
from tests.guidance.admin_helpers import add_version, make_article, make_responsible_editor, version_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return make_responsible_editor("forfatter")


@pytest.fixture
def colleague():
    return make_responsible_editor("kollega")


@pytest.fixture
def draft(author, colleague):
    article = make_article(author, approver=colleague)
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
