"""One versioning mechanism for everything publishers write (guidance articles, staffing measures).

A *document* (an article, a measure) is a stable identity with a slug. Its text lives in
*versions*: rows numbered 1, 2, 3 … whose content is never changed after saving. A version is a
draft until a publisher approves it with a `publish_at` time; the *live* version is resolved at
read time as the highest-numbered approved version whose `publish_at` has passed, so a version
scheduled for tomorrow 08:00 simply appears then, with no job to run.

Concrete models subclass `VersionedDocument` and `DocumentVersion` (which names its parent
foreign key in `parent_field`) and add their own content fields to `content_fields`. Writes go
through `publishing.services`; this module only reads.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
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

    def previous_major_number(self):
        """The number of the last major version published before this one, or None for a new document."""
        return (
            type(self).objects.filter(**{f"{self.parent_field}_id": getattr(self, f"{self.parent_field}_id")})
            .published(self.publish_at).major().filter(number__lt=self.number)
            .order_by("-number").values_list("number", flat=True).first()
        )


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

    def __str__(self):
        # The document has no title of its own: use one already at hand (the admin annotates
        # `latest_title`, readers' pages attach the live version) rather than query per call.
        live = getattr(self, "_live_version", None)
        return getattr(self, "latest_title", None) or (live.title if live else self.slug)

    @classmethod
    def version_model(cls):
        return cls._meta.get_field("versions").related_model

    @classmethod
    def publish_permission(cls):
        """The permission ("app_label.publish_<version model>") that publishes, schedules and withdraws."""
        meta = cls.version_model()._meta
        return f"{meta.app_label}.publish_{meta.model_name}"

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
