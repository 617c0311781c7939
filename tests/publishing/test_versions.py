"""Versions are written once, and which one is live is worked out at read time."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from publishing.models import ImmutableVersionError, StaleVersionError
from publishing.services import (
    document_reinstate,
    document_withdraw,
    version_create,
    version_publish,
    version_restore,
)
from tests.factories import add_version

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def live_title(document, at=None):
    """The title readers see at `at`, or None when the document is not live: read from the stored
    spans at that moment, with nothing written and no job run in between."""
    found = type(document).objects.live(at).filter(pk=document.pk).first()
    return found.live_version.title if found else None


# --- immutability


def test_saved_version_is_never_changed(make_document, publisher):
    version = make_document(author=publisher, title="Første tittel").latest_version()
    version.title = "Endret i ettertid"
    with pytest.raises(ImmutableVersionError):
        version.save()
    with pytest.raises(ImmutableVersionError):
        version.save(update_fields=["title", "publish_at"])
    assert type(version).objects.get(pk=version.pk).title == "Første tittel"


def test_only_the_approval_fields_may_be_set_and_only_once(make_document, publisher):
    draft = make_document(author=publisher, publish=False).latest_version()
    when = timezone.now() + HOUR
    draft.publish_at, draft.approved_by, draft.approved_at = when, publisher, timezone.now()
    draft.save(update_fields=["publish_at", "approved_by", "approved_at"])
    assert type(draft).objects.get(pk=draft.pk).publish_at == when

    with pytest.raises(ValidationError) as error:
        version_publish(version=draft, user=publisher)
    assert error.value.code == "already_published"
    assert type(draft).objects.get(pk=draft.pk).publish_at == when


# --- which version is live


def test_live_version_is_the_highest_published_number(make_document, publisher):
    now = timezone.now()
    document = make_document(author=publisher, title="Versjon 1", published_at=now - HOUR)
    # Version 2 was approved with an earlier time than version 1: the number decides, not the time.
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=now - 3 * HOUR)
    add_version(document, publisher, title="Versjon 3, utkast")

    assert live_title(document, at=now) == "Versjon 2"
    assert type(document).objects.get(pk=document.pk).live_version.title == "Versjon 2"


def test_scheduled_version_is_invisible_before_publish_at(make_document, publisher):
    document = make_document(author=publisher, title="Versjon 1")
    scheduled_for = timezone.now() + 10 * HOUR
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=scheduled_for)

    assert live_title(document, at=scheduled_for - datetime.timedelta(seconds=1)) == "Versjon 1"
    assert live_title(document, at=scheduled_for) == "Versjon 2"  # with no job run in between
    assert document.versions.scheduled().count() == 1


def test_a_version_scheduled_in_the_past_is_live_now(make_document, publisher):
    document = make_document(author=publisher, title="Versjon 1")
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert type(document).objects.live().get(pk=document.pk).live_version_id == document.versions.get(number=2).pk


def test_draft_is_never_live(make_document, publisher):
    document = make_document(author=publisher, publish=False)
    assert live_title(document) is None
    assert live_title(document, at=timezone.now() + datetime.timedelta(days=1000)) is None


def test_withdrawn_document_is_not_live_and_reinstate_restores_it(make_document, publisher):
    document = make_document(author=publisher, title="Trukket og gjeninnsatt")

    document_withdraw(document=document, user=publisher, reason="Erstattet av ny veileder.")
    document.refresh_from_db()
    assert document.is_withdrawn and document.withdrawal_reason == "Erstattet av ny veileder."
    assert live_title(document) is None
    assert document.versions.count() == 1  # the history is kept

    document_reinstate(document=document, user=publisher)
    document.refresh_from_db()
    assert not document.is_withdrawn and document.withdrawal_reason == ""
    assert live_title(document) == "Trukket og gjeninnsatt"


def test_withdrawing_needs_a_reason_readers_can_see(make_document, publisher):
    document = make_document(author=publisher)
    with pytest.raises(ValidationError) as error:
        document_withdraw(document=document, user=publisher, reason="   ")
    assert error.value.code == "reason_required"
    document.refresh_from_db()
    assert not document.is_withdrawn


# --- dates readers see


def test_minor_versions_do_not_move_last_major_at(make_document, publisher):
    first_published = timezone.now() - datetime.timedelta(days=3)
    document = make_document(author=publisher, published_at=first_published)
    version_publish(version=add_version(document, publisher, change_type="minor", change_note="",
                                        title="Skrivefeil rettet"), user=publisher)

    annotated = type(document).objects.live().get(pk=document.pk)

    assert annotated.last_major_at == first_published and annotated.first_published_at == first_published
    assert document.versions.get(pk=annotated.live_version_id).title == "Skrivefeil rettet"


def test_a_major_version_moves_last_major_at(make_document, publisher):
    document = make_document(author=publisher, published_at=timezone.now() - datetime.timedelta(days=3))
    second = version_publish(version=add_version(document, publisher, title="Ny regel"), user=publisher)
    assert type(document).objects.live().get(pk=document.pk).last_major_at == second.publish_at


def test_previous_major_number_skips_minor_versions(make_document, publisher):
    now = timezone.now()
    document = make_document(author=publisher, published_at=now - 4 * HOUR)
    minor = version_publish(version=add_version(document, publisher, change_type="minor", change_note="",
                                                title="Skrivefeil rettet"), user=publisher, publish_at=now - 3 * HOUR)
    major = version_publish(version=add_version(document, publisher, title="Ny regel"), user=publisher,
                            publish_at=now - 2 * HOUR)
    draft = add_version(document, publisher, title="Utkast")

    assert document.versions.get(number=1).previous_major_number() is None
    assert minor.previous_major_number() == 1
    assert major.previous_major_number() == 1
    assert draft.previous_major_number() == 3


# --- writing new versions


def test_stale_copy_is_refused_with_the_newer_version(make_document, publisher):
    document = make_document(author=publisher)
    add_version(document, publisher, title="Versjon 2")
    content = {**document.latest_version().content(), "title": "Skrevet på versjon 1"}

    with pytest.raises(StaleVersionError) as error:
        version_create(document=document, author=publisher, based_on_number=1, change_type="minor", **content)

    assert error.value.latest.number == 2 and error.value.latest.title == "Versjon 2"
    assert document.versions.count() == 2


def test_a_new_version_records_what_it_started_from(make_document, publisher):
    document = make_document(author=publisher)
    second = add_version(document, publisher, title="Versjon 2")
    assert (second.number, second.based_on_number, second.is_draft, second.author) == (2, 1, True, publisher)


def test_restore_creates_a_new_draft_with_old_text(make_document, publisher):
    document = make_document(author=publisher, title="Gammel", body="Gammel tekst")
    version_publish(version=add_version(document, publisher, title="Ny", body="Ny tekst"), user=publisher)
    old = document.versions.get(number=1)

    restored = version_restore(version=old, user=publisher)

    assert (restored.number, restored.title, restored.body, restored.is_draft) == (3, "Gammel", "Gammel tekst", True)
    restored = document.versions.get(number=3)
    assert restored.content() == old.content() and restored.based_on_number == 2
    assert "versjon 1" in restored.change_note
    assert document.versions.get(number=2).title == "Ny"
    assert live_title(document) == "Ny"  # a restored text is a draft until someone publishes it
