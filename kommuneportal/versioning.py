"""One versioning mechanism for everything publishers write (guidance articles, staffing measures).

A *document* (an article, a measure) is a stable identity with a slug. Its text lives in
*versions*: rows numbered 1, 2, 3 … whose content is never changed after saving. A version is a
draft until a publisher approves it with a `publish_at` time; the *live* version is resolved at
read time as the highest-numbered approved version whose `publish_at` has passed, so a version
scheduled for tomorrow 08:00 simply appears then, with no job to run.

Concrete models subclass `VersionedDocument` and `DocumentVersion` (which names its parent
foreign key in `parent_field`) and add their own content fields to `content_fields`.
"""

import datetime
import difflib
import html
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


class ChangeType(models.TextChoices):
    MAJOR = "major", _("Vesentlig endring")
    MINOR = "minor", _("Mindre endring (skrivefeil, lenker)")


class StaleVersionError(Exception):
    """Someone saved a newer version after the editor opened the one it started from."""

    def __init__(self, latest):
        self.latest = latest
        super().__init__(f"Version {latest.number if latest else 0} was saved in the meantime.")


class ImmutableVersionError(Exception):
    pass


# --- Versions -----------------------------------------------------------------


class VersionQuerySet(models.QuerySet):
    def published(self, at=None):
        return self.filter(publish_at__isnull=False, publish_at__lte=at or timezone.now())

    def scheduled(self, at=None):
        return self.filter(publish_at__gt=at or timezone.now())

    def drafts(self):
        return self.filter(publish_at__isnull=True)

    def major(self):
        return self.filter(change_type=ChangeType.MAJOR)


class DocumentVersion(models.Model):
    parent_field = None  # name of the ForeignKey to the document, set by subclasses
    content_fields = ("title", "summary", "body")
    # The only fields that may change after saving: the one-time publishing decision.
    approval_fields = ("publish_at", "approved_by", "approved_at")

    number = models.PositiveIntegerField(_("versjonsnummer"), editable=False)
    based_on_number = models.PositiveIntegerField(
        _("basert på versjon"), null=True, blank=True, editable=False,
        help_text=_("Versjonen redaktøren tok utgangspunkt i."),
    )
    title = models.CharField(_("tittel"), max_length=250)
    summary = models.TextField(_("ingress"), help_text=_("Ett eller to avsnitt som sier det viktigste."))
    body = models.TextField(
        _("brødtekst"), blank=True,
        help_text=_("Markdown: overskrifter med ##, lister med -, lenker som [tekst](https://…). HTML fjernes ved visning."),
    )
    change_type = models.CharField(
        _("type endring"), max_length=10, choices=ChangeType.choices, default=ChangeType.MAJOR,
        help_text=_("Vesentlige endringer flytter «Sist oppdatert», vises i endringsloggen og strømmen og varsles. "
                    "Mindre endringer (skrivefeil) gjør ingen av delene."),
    )
    change_note = models.TextField(
        _("endringsnotat"), blank=True,
        help_text=_("Offentlig: hva er endret og hvorfor. Påkrevd for vesentlige endringer."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("skrevet av")
    )
    created_at = models.DateTimeField(_("lagret"), default=timezone.now, editable=False)
    publish_at = models.DateTimeField(
        _("publiseres"), null=True, blank=True,
        help_text=_("Tomt betyr utkast. Et tidspunkt fram i tid betyr planlagt publisering."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("godkjent av"),
    )
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-number"]
        get_latest_by = "number"

    def __str__(self):
        return f"{self.title} (v{self.number})"

    @property
    def parent(self):
        return getattr(self, self.parent_field)

    @property
    def is_draft(self):
        return self.publish_at is None

    @property
    def is_major(self):
        return self.change_type == ChangeType.MAJOR

    def is_published(self, at=None):
        return self.publish_at is not None and self.publish_at <= (at or timezone.now())

    def is_scheduled(self, at=None):
        return self.publish_at is not None and self.publish_at > (at or timezone.now())

    def status_label(self, at=None):
        if self.is_draft:
            return _("Utkast")
        if self.is_scheduled(at):
            return _("Planlagt")
        return _("Publisert")

    def clean(self):
        if self.change_type == ChangeType.MAJOR and not self.change_note.strip():
            raise ValidationError(
                {"change_note": _("Skriv et endringsnotat: leserne skal kunne se hva som er endret.")},
                code="change_note_required",
            )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or not set(update_fields) <= set(self.approval_fields):
                raise ImmutableVersionError("A saved version is never changed; write a new version instead.")
        super().save(*args, **kwargs)

    def content(self):
        return {name: getattr(self, name) for name in self.content_fields}


# --- Documents ----------------------------------------------------------------


class VersionedQuerySet(models.QuerySet):
    def _versions(self):
        version_model = self.model.version_model()
        return version_model.objects.filter(**{version_model.parent_field: OuterRef("pk")})

    def with_live_version(self, at=None):
        """Annotate the live version's id, the first publication and the last major change."""
        at = at or timezone.now()
        published = self._versions().published(at)
        return self.annotate(
            live_version_id=Subquery(published.order_by("-number").values("pk")[:1]),
            first_published_at=Subquery(published.order_by("publish_at").values("publish_at")[:1]),
            last_major_at=Subquery(published.major().order_by("-publish_at").values("publish_at")[:1]),
        )

    def live(self, at=None):
        return self.with_live_version(at).filter(live_version_id__isnull=False, withdrawn_at__isnull=True)


def attach_live_versions(documents):
    """Give each document (annotated by `with_live_version`) its live version in one query."""
    documents = list(documents)
    if not documents:
        return documents
    version_model = documents[0].version_model()
    ids = [doc.live_version_id for doc in documents if getattr(doc, "live_version_id", None)]
    versions = version_model.objects.in_bulk(ids)
    for doc in documents:
        doc._live_version = versions.get(getattr(doc, "live_version_id", None))
    return documents


class VersionedDocument(models.Model):
    slug = models.SlugField(
        _("adresse (slug)"), max_length=120, unique=True,
        help_text=_("Del av nettadressen. Endres ikke etter publisering, så lenker og bokmerker virker."),
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now, editable=False)
    withdrawn_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(
        _("begrunnelse for tilbaketrekking"), blank=True, editable=False,
        help_text=_("Vises for leserne. Historikken beholdes."),
    )

    # Slugs taken by fixed pages under the same URL prefix (e.g. /veiledning/endringer/): a document
    # with one of them would be hidden behind that page.
    reserved_slugs = frozenset()

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.slug in self.reserved_slugs:
            raise ValidationError(
                {"slug": _("Denne adressen er opptatt av en side i portalen. Velg en annen.")}, code="reserved_slug"
            )

    @classmethod
    def version_model(cls):
        return cls._meta.get_field("versions").related_model

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def live_version(self):
        if not hasattr(self, "_live_version"):
            self._live_version = self.versions.published().order_by("-number").first()
        return self._live_version

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def published_versions(self):
        return self.versions.published().order_by("-number")


# --- Services -----------------------------------------------------------------


def four_eyes_required():
    return getattr(settings, "VERSIONING_FOUR_EYES", False)


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
    if not user.has_perm(f"{version._meta.app_label}.publish_{version._meta.model_name}"):
        raise PermissionDenied(_("Du har ikke rettighet til å publisere. Be en ansvarlig redaktør om å godkjenne."))
    if four_eyes_required() and version.author_id == user.pk:
        raise PermissionDenied(_("Firøyneprinsippet: en annen redaktør enn forfatteren må godkjenne versjonen."))
    version = type(version).objects.select_for_update().get(pk=version.pk)
    if not version.is_draft:
        raise ValidationError(_("Versjonen er allerede godkjent for publisering."), code="already_published")
    version.publish_at = publish_at or timezone.now()
    version.approved_by = user
    version.approved_at = timezone.now()
    version.save(update_fields=["publish_at", "approved_by", "approved_at"])
    return version


def version_restore(*, version, user):
    """Start a new draft from an old version's text."""
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
    if not user.has_perm(f"{document.version_model()._meta.app_label}.publish_{document.version_model()._meta.model_name}"):
        raise PermissionDenied(_("Du har ikke rettighet til å trekke tilbake."))
    document.withdrawn_at = timezone.now()
    document.withdrawal_reason = reason
    document.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    return document


@transaction.atomic
def document_reinstate(*, document, user):
    """Undo a withdrawal: the live version shows again (its history was never touched)."""
    if not user.has_perm(f"{document.version_model()._meta.app_label}.publish_{document.version_model()._meta.model_name}"):
        raise PermissionDenied(_("Du har ikke rettighet til å gjeninnsette."))
    document.withdrawn_at = None
    document.withdrawal_reason = ""
    document.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    return document


# --- Differences ----------------------------------------------------------------


def diff_html(old, new):
    """Word-level difference as HTML: <ins>/<del> with a visible text label, not colour alone.

    Whitespace is kept, so line breaks survive (show it with white-space: pre-wrap).
    """
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in _group_changes(matcher.get_opcodes(), old_tokens):
        if op == "equal":
            parts.append(html.escape("".join(old_tokens[a1:a2])))
            continue
        removed, added = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        # Whitespace around a change stays outside the markers, as plain text.
        kept = added if added.strip() or not removed.strip() else removed
        parts.append(html.escape(kept[:len(kept) - len(kept.lstrip())]))
        if removed.strip():
            parts.append(f'<del><span class="kp-diff-label">{_("Fjernet:")}</span> {html.escape(removed.strip())}</del>')
        if added.strip():
            parts.append(f'<ins><span class="kp-diff-label">{_("Lagt til:")}</span> {html.escape(added.strip())}</ins>')
        parts.append(html.escape(kept[len(kept.rstrip()):]))
    return mark_safe("".join(parts))


def _tokens(text):
    # Words (dates like 31.07.2022 and e-post stay whole), spaces and punctuation are separate
    # tokens, so "ingress." still matches "ingress".
    return re.findall(r"\s+|\w+(?:[.:/-]\w+)*|[^\w\s]", text or "")


def _group_changes(opcodes, old_tokens):
    """Fold spaces between two changes, and punctuation next to a change, into the change, so a
    rewritten phrase reads as one deletion and one insertion instead of alternating word by word."""
    grouped = []
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        text = "".join(old_tokens[a1:a2])
        if op == "equal" and not re.search(r"\w", text):
            after_change = index > 0 and opcodes[index - 1][0] != "equal"
            before_change = index + 1 < len(opcodes) and opcodes[index + 1][0] != "equal"
            punctuation = bool(text.strip())
            if (after_change and before_change) or (punctuation and (after_change or before_change)):
                op = "replace"
        if op != "equal" and grouped and grouped[-1][0] != "equal":
            _, first_a, _, first_b, _ = grouped.pop()
            op, a1, b1 = "replace", first_a, first_b
        grouped.append((op, a1, a2, b1, b2))
    return grouped


def display_value(value):
    """Content values as readers see them, so any field type can be compared as text."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "d.m.Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "d.m.Y")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(display_value(item) for item in value)
    return str(value)


def diff_versions(old, new):
    """Field-by-field difference between two versions of the same document, changed fields only flagged."""
    rows = []
    for name in new.content_fields:
        before = display_value(getattr(old, name)) if old else ""
        after = display_value(getattr(new, name))
        rows.append({
            "field": name,
            "label": new._meta.get_field(name).verbose_name,
            "changed": before != after,
            "html": diff_html(before, after),
        })
    return rows


# --- Roles ----------------------------------------------------------------------

EDITOR_GROUP = "Redaktør"  # writes drafts
PUBLISHER_GROUP = "Ansvarlig redaktør"  # also publishes, schedules and withdraws


def groups_grant_permissions(group_permissions, apps=None):
    """Create the named groups if missing and give them permissions ("app_label.codename").

    Works in data migrations (pass the historical `apps`), where permissions are not created until
    after migrating: missing ones are created here with the name Django would give them.
    """
    if apps is None:
        from django.apps import apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, perms in group_permissions.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            action, _sep, model_name = codename.partition("_")
            model = apps.get_model(app_label, model_name)
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model._meta.model_name)
            custom = dict(model._meta.permissions)
            name = custom.get(codename) or f"Can {action} {model._meta.verbose_name_raw}"
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": str(name)[:255]}
            )
            group.permissions.add(permission)
