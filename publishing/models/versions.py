"""The version half of a versioned document: rows of text that are never changed after saving.

See `publishing.models.documents` for the states a document goes through and who changes them.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.validators import one_line_error

# Columns only the database's search reads. Never loaded into Python: a long version's vector is
# kilobytes that the database would otherwise unpack for every row of every list.
SEARCH_COLUMNS = ("search_vector", "search_rank_vector")


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


class VersionQuerySet(models.QuerySet):
    def published(self, at=None):
        return self.filter(publish_at__isnull=False, publish_at__lte=at or timezone.now())

    def scheduled(self, at=None):
        return self.filter(publish_at__gt=at or timezone.now())

    def drafts(self):
        return self.filter(publish_at__isnull=True)

    def major(self):
        return self.filter(change_type=ChangeType.MAJOR)

    def live_at(self, at):
        """The versions readers see at `at`: at most one per document (see `VersionedDocument.refresh_live_state`)."""
        return self.filter(live_condition(at))


# How long after its span ended a version still counts as open (`DocumentVersion.span_open`): more than
# any difference between the clocks of the instances, or between a reader's moment and a write's.
SPAN_OPEN_MARGIN = datetime.timedelta(hours=1)


def live_condition(at, prefix=""):
    """The stored span in which a version is the live one contains `at`: a condition on two columns.

    For a moment from now on (give or take half the margin) the version's span is also open
    (`DocumentVersion.span_open`), which the span implies then: PostgreSQL reads the partial indexes of
    the open versions, one or two per document, instead of the spans of every version ever published."""
    condition = Q(**{f"{prefix}live_from__lte": at}) & (
        Q(**{f"{prefix}live_until__isnull": True}) | Q(**{f"{prefix}live_until__gt": at}))
    if at >= timezone.now() - SPAN_OPEN_MARGIN / 2:
        condition = Q(**{f"{prefix}span_open": True}) & condition
    return condition


def span_is_open(live_from, live_until, at):
    """Whether a span, written at `at`, is open: it has begun or will begin and had not ended by `at`
    less the margin. Every version live at `at` or later is open."""
    return live_from is not None and (live_until is None or live_until > at - SPAN_OPEN_MARGIN)


class VersionManager(models.Manager.from_queryset(VersionQuerySet)):
    def get_queryset(self):
        return super().get_queryset().defer(*SEARCH_COLUMNS)


class DocumentVersion(models.Model):
    parent_field = None  # name of the ForeignKey to the document, set by subclasses
    # The fields of the source a version's text comes from, and the editors' own words beside it.
    source_fields = ("source_title", "source_issuer", "source_date", "source_date_is_approximate", "source_url")
    content_fields = ("title", "summary", "body", *source_fields, "editor_note", "see_also")
    # The only fields that may change after saving: the one-time publishing decision, and what is
    # worked out from every version's decision (`derived_fields`, written by the document).
    approval_fields = ("publish_at", "approved_by", "approved_at")
    derived_fields = ("live_from", "live_until", "span_open", "last_major_at", "listed_at", *SEARCH_COLUMNS)

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
    source_title = models.CharField(
        _("kildedokument"), max_length=250, blank=True,
        help_text=_("Dokumentet teksten bygger på, slik det heter hos utgiveren, f.eks. «Brev til kommunene om "
                    "bemanning»."),
    )
    source_issuer = models.CharField(_("utgiver av kilden"), max_length=150, blank=True,
                                     help_text=_("F.eks. Helsedirektoratet, FHI, KS eller Statsforvalteren i Innlandet."))
    source_date = models.DateField(_("kildens dato"), null=True, blank=True,
                                   help_text=_("Datoen dokumentet har. Tomt hvis kilden ikke oppgir en dato."))
    source_date_is_approximate = models.BooleanField(
        _("datoen er omtrentlig"), default=False,
        help_text=_("Kryss av når kilden ikke gir en eksakt dato: leserne ser da bare måned og år («ca. desember 2020»)."),
    )
    source_url = models.URLField(_("lenke til kilden"), blank=True, help_text=_("Der dokumentet finnes på nett."))
    editor_note = models.TextField(
        _("redaksjonens merknad"), blank=True,
        help_text=_("Portalens egen forklaring. Vises tydelig atskilt fra kildens ord; skriv aldri fakta som kilden ikke "
                    "sier her."),
    )
    see_also = models.TextField(
        _("se også"), blank=True,
        help_text=_("Lenker til sider i portalen om det samme, f.eks. samme ordning i bemanningsoversikten eller i "
                    "veiledningen. Én lenke per linje, slik: [Tiltaket i bemanningsoversikten](/bemanning/studentlisens/). "
                    "Bare adresser i portalen, som begynner med /. Vises under «Se også», atskilt fra kildens ord."),
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

    # Worked out from all the document's approved versions whenever one is approved
    # (`VersionedDocument.refresh_live_state`): the span in which this version is the one readers see
    # (both empty: never), and the document's last substantive change during it. A version scheduled
    # for 08:00 gets its span when it is approved, so at 08:00 it is live without anything being written.
    live_from = models.DateTimeField(_("synlig fra"), null=True, blank=True, editable=False)
    live_until = models.DateTimeField(_("synlig til"), null=True, blank=True, editable=False)
    # Whether the span was open when the spans were last written (`span_is_open`): true for every version
    # that is live now or will be, and for one replaced within the last hour or since the last write of
    # any document of its kind (`VersionedDocument.close_ended_spans`). Reads of what is live now add it to
    # the span's condition (`live_condition`), so the lists, counts and search read partial indexes of
    # these versions, not of every version ever published: ten times as many with ten versions each.
    span_open = models.BooleanField(_("synlig nå eller senere"), default=False, editable=False)
    last_major_at = models.DateTimeField(_("sist vesentlig endret"), null=True, blank=True, editable=False)
    # The order of the list pages: the last substantive change, else the first publication.
    listed_at = models.DateTimeField(_("sortert etter"), null=True, blank=True, editable=False)
    # The version's text and the names of what its document belongs to as PostgreSQL full text, so a
    # search is one condition on a GIN index; and the same for the title, summary and names alone,
    # which ranks the matches. Empty on SQLite, which searches with icontains instead.
    search_vector = SearchVectorField(null=True, editable=False)
    search_rank_vector = SearchVectorField(null=True, editable=False)

    objects = VersionManager()

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

    def is_live(self, at=None):
        at = at or timezone.now()
        return self.live_from is not None and self.live_from <= at and (self.live_until is None or self.live_until > at)

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
        errors = {}
        if (error := one_line_error(self.title)) is not None:
            errors["title"] = error
        if self.change_type == ChangeType.MAJOR and not self.change_note.strip():
            errors["change_note"] = ValidationError(
                _("Skriv et endringsnotat: leserne skal kunne se hva som er endret."), code="change_note_required")
        bad_link = next((line for line in _see_also_lines(self.see_also) if not _local_link(line)), None)
        if bad_link is not None:
            errors["see_also"] = ValidationError(
                _("«%(line)s» er ikke en lenke til en side i portalen. Skriv én lenke per linje, slik: "
                  "[Tittel](/bemanning/studentlisens/)."), params={"line": bad_link[:80]}, code="see_also_link")
        if errors:
            raise ValidationError(errors)

    def see_also_links(self):
        """The editors' «Se også» links as (title, path), in the order written."""
        return [link for link in map(_local_link, _see_also_lines(self.see_also)) if link]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or not set(update_fields) <= {*self.approval_fields, *self.derived_fields}:
                raise ImmutableVersionError("A saved version is never changed; write a new version instead.")
        super().save(*args, **kwargs)

    def content(self):
        return {name: getattr(self, name) for name in self.content_fields}

    @property
    def has_source(self):
        return bool(self.source_title)

    def reader_date(self, published_at=None):
        """(when, is_approximate): the date readers are given for this version (issue 12). When it was
        published (`published_at`, else its own `publish_at`), unless its source gives no exact date:
        then the source's date, shown as its month only («ca. desember 2020»), or None if it has none.
        Reads only the row's own fields. Pages render it with `{% version_date %}` (publishing_tags)."""
        if self.source_date_is_approximate:
            return self.source_date, True
        return published_at or self.publish_at, False

    def previous_major_number(self):
        """The number of the last major version published before this one, or None for a new document."""
        return (
            type(self).objects.filter(**{f"{self.parent_field}_id": getattr(self, f"{self.parent_field}_id")})
            .published(self.publish_at).major().filter(number__lt=self.number)
            .order_by("-number").values_list("number", flat=True).first()
        )


# One «Se også» line: [Title](/local/path/), optionally with ?query or #anchor.
SEE_ALSO_LINE = re.compile(r"\[(?P<title>[^\[\]]*\S[^\[\]]*)\]\((?P<path>/[^\s()]*)\)")


def _see_also_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _local_link(line):
    """(title, path) when `line` links to a page of this site, else None. The path must resolve to one of
    the site's URL patterns, so a typing error is caught when saving rather than by a reader's 404."""
    match = SEE_ALSO_LINE.fullmatch(line)
    if not match:
        return None
    path = match["path"]
    parts = urlsplit(path)
    if path.startswith("//") or "\\" in path or parts.scheme or parts.netloc:
        return None
    try:
        resolve(parts.path)
    except Resolver404:
        return None
    return match["title"].strip(), path


