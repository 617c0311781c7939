"""Which versions are open (`DocumentVersion.span_open`): every version live now or later is, so reads of
what is live now can ask for it and read the open versions' indexes only; a version replaced since its
document was last written is still open until the next write, and is never shown for that."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from publishing.models.versions import SPAN_OPEN_MARGIN
from publishing.services import version_publish
from tests.factories import add_version

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def _open(document):
    """{version number: span_open} as stored."""
    return dict(document.versions.order_by("number").values_list("number", "span_open"))


def test_the_live_version_and_a_scheduled_one_are_open_a_replaced_one_is_not(make_document, publisher):
    now = timezone.now()
    document = make_document(author=publisher, title="Versjon 1", published_at=now - 5 * HOUR)
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=now - 3 * HOUR)
    version_publish(version=add_version(document, publisher, title="Versjon 3"), user=publisher,
                    publish_at=now + 3 * HOUR)
    add_version(document, publisher, title="Versjon 4, utkast")

    # 1 was replaced three hours ago; 2 is live until 3 falls due; 4 is a draft.
    assert _open(document) == {1: False, 2: True, 3: True, 4: False}


def test_a_version_replaced_within_the_margin_is_still_open(make_document, publisher):
    """Written by one instance while another reads with a clock a little behind: the version that reader
    sees must be open."""
    now = timezone.now()
    document = make_document(author=publisher, title="Versjon 1", published_at=now - 5 * HOUR)
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=now - SPAN_OPEN_MARGIN / 2)
    assert _open(document) == {1: True, 2: True}
    assert type(document).objects.live().get(pk=document.pk).live_version.title == "Versjon 2"


def test_a_scheduled_version_falls_due_with_nothing_written_and_the_next_write_closes_the_old_span(
        make_document, publisher):
    document = make_document(author=publisher, title="Versjon 1", published_at=timezone.now() - 6 * HOUR)
    written_at = timezone.now() - 4 * HOUR
    with mock.patch("django.utils.timezone.now", return_value=written_at):
        # Scheduled four hours ago for two hours later: it has been live for two hours now.
        version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                        publish_at=written_at + 2 * HOUR)
    assert _open(document) == {1: True, 2: True}  # as it was when the spans were written

    # Nothing was written when version 2 fell due; readers see it, not the version still marked open.
    assert type(document).objects.live().get(pk=document.pk).live_version.title == "Versjon 2"
    assert type(document).objects.live().count() == 1

    # The next write of any document of the kind closes the span that ended.
    other = make_document(author=publisher, title="En annen")
    assert _open(document) == {1: False, 2: True}
    assert _open(other) == {1: True}


def test_what_readers_saw_at_a_past_moment_does_not_depend_on_open_spans(make_document, publisher):
    now = timezone.now()
    document = make_document(author=publisher, title="Versjon 1", published_at=now - 5 * HOUR)
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=now - 3 * HOUR)
    assert _open(document)[1] is False

    saw = type(document).objects.live(now - 4 * HOUR).get(pk=document.pk)
    assert saw.live_version.title == "Versjon 1"
    assert document.version_live_at(now - 4 * HOUR).title == "Versjon 1"
    assert document.version_live_at(now).title == "Versjon 2"


def test_refreshing_every_document_closes_ended_spans_and_opens_live_ones(make_document, publisher):
    now = timezone.now()
    document = make_document(author=publisher, title="Versjon 1", published_at=now - 5 * HOUR)
    version_publish(version=add_version(document, publisher, title="Versjon 2"), user=publisher,
                    publish_at=now - 3 * HOUR)
    type(document).version_model().objects.filter(pk__in=document.versions.values("pk")).update(span_open=False)

    type(document).refresh_all_live_state()
    assert _open(document) == {1: False, 2: True}
    assert type(document).objects.live().get(pk=document.pk).live_version.title == "Versjon 2"
