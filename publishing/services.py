"""Every write to a versioned document: new versions, publishing, restoring, withdrawing.

These functions are the only way to change what readers see of a document. Each stores the
document's new state, records the change (`publishing.changes.record_change`: what it changes, for
the page caches on every instance) and announces it once committed. The states and transitions are
in `publishing.models.documents`. Who may publish is decided here, in `can_publish`, and nowhere else.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.changes import record_change
from publishing.models import ChangeKind, ChangeType, StaleVersionError


def four_eyes_required():
    return getattr(settings, "VERSIONING_FOUR_EYES", False)


def can_publish(user, document_model):
    """Whether `user` may publish, schedule, withdraw and reinstate documents of `document_model`."""
    return user.has_perm(document_model.publish_permission())


@transaction.atomic
def version_create(*, document, author, based_on_number, change_type, change_note="", **content):
    """Save new text for a document as a new version, refusing if the editor's copy is stale.

    `based_on_number` is the version number the editor started from (0 or None for the first).
    """
    document_model = type(document)
    document_model.objects.select_for_update().filter(pk=document.pk).first()  # serialise writers
    latest = document.latest_version()
    latest_number = latest.number if latest else 0
    if (based_on_number or 0) != latest_number:
        raise StaleVersionError(latest)
    version_model = document.version_model()
    version = version_model(
        **{version_model.parent_field: document},
        number=latest_number + 1,
        based_on_number=based_on_number or None,
        author=author,
        change_type=change_type,
        change_note=change_note,
        **content,
    )
    version.full_clean(exclude=[version_model.parent_field])
    try:
        with transaction.atomic():
            version.save()
    except IntegrityError:  # a concurrent writer took the same number (SQLite has no row locks)
        raise StaleVersionError(document.latest_version())
    return version


@transaction.atomic
def version_publish(*, version, user, publish_at=None):
    """Approve a draft for publishing now or at `publish_at` (scheduling)."""
    if not can_publish(user, type(version.parent)):
        raise PermissionDenied(_("Du har ikke rettighet til å publisere. Be en ansvarlig redaktør om å godkjenne."))
    if four_eyes_required() and version.author_id == user.pk:
        raise PermissionDenied(_("Firøyneprinsippet: en annen redaktør enn forfatteren må godkjenne versjonen."))
    version = type(version).objects.select_for_update().get(pk=version.pk)
    if not version.is_draft:
        raise ValidationError(_("Versjonen er allerede godkjent for publisering."), code="already_published")
    now = timezone.now()
    version.publish_at = publish_at or now
    version.approved_by = user
    version.approved_at = now
    version.save(update_fields=["publish_at", "approved_by", "approved_at"])
    document = version.parent
    document.refresh_live_state()
    later = version.publish_at > now
    # Scheduling changes nothing readers see now; the pages that will show it must still know when it
    # falls due, so the change is recorded now (they are rendered again) and again for its moment.
    record_change(document.change_tags(), kind=ChangeKind.SCHEDULED if later else ChangeKind.PUBLISHED,
                  obj=document, version=version, user=user, note=version.change_note,
                  effective_at=version.publish_at, scheduled_for=[version.publish_at] if later else ())
    return version


@transaction.atomic
def version_restore(*, version, user):
    """Start a new draft from an old version's text. Readers see nothing until it is published."""
    document = version.parent
    latest = document.latest_version()
    return version_create(
        document=document, author=user, based_on_number=latest.number,
        change_type=ChangeType.MAJOR,
        change_note=str(_("Gjenoppretter teksten fra versjon %(number)s.") % {"number": version.number}),
        **version.content(),
    )


@transaction.atomic
def document_withdraw(*, document, user, reason):
    if not reason.strip():
        raise ValidationError(_("Skriv en begrunnelse som leserne kan se."), code="reason_required")
    if "\x00" in reason:  # PostgreSQL text cannot hold it: a ValueError, a 500
        raise ValidationError(_("Begrunnelsen inneholder et tegn (NUL) som ikke kan lagres. Fjern det og prøv igjen."),
                              code="null_characters_not_allowed")
    if not can_publish(user, type(document)):
        raise PermissionDenied(_("Du har ikke rettighet til å trekke tilbake."))
    document.withdrawn_at = timezone.now()
    document.withdrawal_reason = reason
    type(document).objects.filter(pk=document.pk).update(withdrawn_at=document.withdrawn_at, withdrawal_reason=reason)
    record_change(document.change_tags(), kind=ChangeKind.WITHDRAWN, obj=document, user=user, note=reason)
    return document


@transaction.atomic
def document_reinstate(*, document, user):
    """Undo a withdrawal: the live version shows again (its history was never touched)."""
    if not can_publish(user, type(document)):
        raise PermissionDenied(_("Du har ikke rettighet til å gjeninnsette."))
    document.withdrawn_at = None
    document.withdrawal_reason = ""
    type(document).objects.filter(pk=document.pk).update(withdrawn_at=None, withdrawal_reason="")
    record_change(document.change_tags(), kind=ChangeKind.REINSTATED, obj=document, user=user)
    return document
