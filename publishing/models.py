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

import re
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Func, Max, Min, OuterRef, Q, Subquery
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.validators import one_line_error


SEARCH_CONFIG = "norwegian"  # PostgreSQL's Norwegian stemming: "smittesporingen" finds "smittesporing"


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
    # The fields of the source a version's text comes from, and the editors' own words beside it.
    source_fields = ("source_title", "source_issuer", "source_date", "source_date_is_approximate", "source_url")
    content_fields = ("title", "summary", "body", *source_fields, "editor_note", "see_also")
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
            if update_fields is None or not set(update_fields) <= set(self.approval_fields):
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


# --- Documents ----------------------------------------------------------------


# Columns only the database's search reads. Never loaded into Python: a long document's vector is
# kilobytes that the database would otherwise unpack for every row of every list.
SEARCH_COLUMNS = ("search_vector", "search_rank_vector")


class VersionedQuerySet(models.QuerySet):
    def with_live_version(self):
        """Fetch the live version in the same query (the documents' stored `live_version`)."""
        return self.select_related("live_version")

    def live(self):
        """Documents readers can see: with a live version, not withdrawn. One indexed filter, no subquery."""
        return self.with_live_version().filter(live_version__isnull=False, withdrawn_at__isnull=True)


class VersionedManager(models.Manager.from_queryset(VersionedQuerySet)):
    def get_queryset(self):
        return super().get_queryset().defer(*SEARCH_COLUMNS)


class VersionedDocument(models.Model):
    """A document whose text lives in versions. Its live state is stored, not recomputed per read.

    A concrete subclass declares `live_version`, a nullable one-to-one field to its version model
    with related_name="live_of" (an abstract model cannot point at a model it does not know yet).
    `live_version`, `first_published_at`, `last_major_at` and `next_publish_at` are written by
    `refresh_live_state`, in the same transaction as every publish, withdrawal, reinstatement and
    restore, and by `promote_due` when a scheduled version falls due (see `publishing.clock`).
    """

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
    first_published_at = models.DateTimeField(_("først publisert"), null=True, blank=True, editable=False)
    last_major_at = models.DateTimeField(_("sist vesentlig endret"), null=True, blank=True, editable=False)
    next_publish_at = models.DateTimeField(
        _("neste planlagte publisering"), null=True, blank=True, editable=False, db_index=True,
        help_text=_("Når neste planlagte versjon skal bli synlig."),
    )
    # The live version's text and the names of what the document belongs to as PostgreSQL full
    # text, so a search reads one GIN index over live documents only; and the same for the title,
    # summary and names alone, which ranks the matches: a few words per document instead of the whole
    # text, so ranking thousands of matches never unpacks thousands of long vectors. Empty on SQLite,
    # which searches with icontains instead.
    search_vector = SearchVectorField(null=True, editable=False)
    search_rank_vector = SearchVectorField(null=True, editable=False)

    # Slugs taken by fixed pages under the same URL prefix (e.g. /veiledning/endringer/): a document
    # with one of them would be hidden behind that page.
    reserved_slugs = frozenset()

    # The live version's fields in the full-text vector, with their weights (A counts most). Those
    # weighted RANK_WEIGHTS are also in the ranking vector.
    search_weights = ((("title",), "A"), (("summary",), "B"), (("body",), "C"))
    RANK_WEIGHTS = ("A", "B")

    objects = VersionedManager()

    class Meta:
        abstract = True

    LIVE_STATE_FIELDS = ("live_version", "first_published_at", "last_major_at", "next_publish_at", "search_vector",
                         "search_rank_vector")

    def save(self, *args, **kwargs):
        # Only refresh_live_state writes the live state, so saving an older copy of a document (an
        # edit form, a script) can never undo a publish that happened in between.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [field.name for field in self._meta.concrete_fields
                                       if not field.primary_key and field.name not in self.LIVE_STATE_FIELDS]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug in self.reserved_slugs:
            raise ValidationError(
                {"slug": _("Denne adressen er opptatt av en side i portalen. Velg en annen.")}, code="reserved_slug"
            )

    def __str__(self):
        # The document has no title of its own: use one already at hand (the admin annotates
        # `latest_title`, readers' querysets select the live version) rather than query per call.
        live = self.live_version if self._live_version_loaded() else None
        return getattr(self, "latest_title", None) or (live.title if live else self.slug)

    def _live_version_loaded(self):
        return self.live_version_id is None or type(self).live_version.is_cached(self)

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

    def refresh_live_state(self, now=None):
        """Store what readers see at `now`: the live version, first publication, last major change
        and when the next scheduled version falls due. Call inside the writing transaction."""
        now = now or timezone.now()
        published = Q(publish_at__isnull=False, publish_at__lte=now)
        state = self.versions.aggregate(
            live_number=Max("number", filter=published),
            first_published_at=Min("publish_at", filter=published),
            last_major_at=Max("publish_at", filter=published & Q(change_type=ChangeType.MAJOR)),
            next_publish_at=Min("publish_at", filter=Q(publish_at__gt=now)),
        )
        live_number = state.pop("live_number")
        self.live_version = self.versions.get(number=live_number) if live_number else None
        for name, value in state.items():
            setattr(self, name, value)
        self.save(update_fields=["live_version", *state])
        type(self).store_search_vectors(type(self).objects.filter(pk=self.pk))

    @classmethod
    def refresh_all_live_state(cls, now=None):
        """`refresh_live_state` for every document in one UPDATE: for bulk loads and repairs, not reads."""
        now = now or timezone.now()
        version_model = cls.version_model()
        versions = version_model.objects.filter(**{version_model.parent_field: OuterRef("pk")}).order_by()
        published = versions.filter(publish_at__isnull=False, publish_at__lte=now)
        cls.objects.update(
            live_version=Subquery(published.order_by("-number").values("pk")[:1]),
            first_published_at=Subquery(published.order_by("publish_at").values("publish_at")[:1]),
            last_major_at=Subquery(published.filter(change_type=ChangeType.MAJOR).order_by("-publish_at")
                                   .values("publish_at")[:1]),
            next_publish_at=Subquery(versions.filter(publish_at__gt=now).order_by("publish_at").values("publish_at")[:1]),
        )
        cls.store_search_vectors(cls.objects.all())

    @classmethod
    def search_vector_expression(cls, prefix="", weights=None):
        """The weighted full-text expression over a version's fields (`prefix` reaches them through a
        relation), of the fields with one of `weights` when given."""
        vectors = [SearchVector(*[prefix + name for name in names], weight=weight, config=SEARCH_CONFIG)
                   for names, weight in cls.search_weights if weights is None or weight in weights]
        combined = vectors[0]
        for vector in vectors[1:]:
            combined = combined + vector
        return combined

    @classmethod
    def store_search_vectors(cls, documents):
        """Store the search vectors of `documents` (a queryset of this model): the live version's
        weighted text and, weighted as a summary, the names of what each belongs to (an article's
        topics and issuer), so a search is one condition on the GIN index; and the ranking vector of
        the title, summary and names. Called with the live state, and by `publishing.signals` when a
        name or a link to a named thing changes. A document that is not live gets none (NULL)."""
        if connection.vendor != "postgresql":
            return
        live = cls.version_model().objects.filter(pk=OuterRef("live_version_id"))
        text = Subquery(live.annotate(vector=cls.search_vector_expression()).values("vector")[:1],
                        output_field=SearchVectorField())
        rank_text = Subquery(live.annotate(vector=cls.search_vector_expression(weights=cls.RANK_WEIGHTS))
                             .values("vector")[:1], output_field=SearchVectorField())
        names = []
        for relation in named_relations(cls):
            if relation.many_to_many:
                through = relation.remote_field.through
                source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
                linked = (through.objects.filter(**{source: OuterRef("pk")}).order_by().values(source)
                          .annotate(names=StringAgg(f"{target}__name", " ")).values("names"))
            else:
                linked = relation.related_model._default_manager.filter(pk=OuterRef(relation.attname)).values("name")
            names.append(Subquery(linked[:1], output_field=models.TextField()))
        if names:
            names_vector = SearchVector(*names, weight="B", config=SEARCH_CONFIG)
            text, rank_text = (_concatenated_vectors(vector, names_vector) for vector in (text, rank_text))
        documents.update(search_vector=text, search_rank_vector=rank_text)

    @classmethod
    def promote_due(cls, now):
        """Make scheduled versions whose time has come live (called by `publishing.clock`)."""
        for document in cls.objects.select_for_update().filter(next_publish_at__lte=now):
            document.refresh_live_state(now)

    @classmethod
    def next_content_change(cls, now):
        """When a document of this kind next changes by itself: its next scheduled version."""
        return cls.objects.filter(next_publish_at__isnull=False).aggregate(at=Min("next_publish_at"))["at"]

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def version_live_at(self, at):
        """The version readers saw (or will see) at `at`, from the history; pages read `live_version`."""
        return self.versions.published(at).order_by("-number").first()

    def published_versions(self):
        return self.versions.published().order_by("-number")


# --- What every instance serves ------------------------------------------------------


class ContentClock(models.Model):
    """One row: the generation of the public content and when it next changes by itself.

    `generation` goes up whenever what a public page shows may have changed (a publish, a
    withdrawal, a scheduled version falling due, a contact point or a measure's validity starting
    or ending). Page caches key on it, so every instance — whatever cache it has — stops serving
    older pages the moment the row changes. See `publishing.clock`.
    """

    generation = models.PositiveBigIntegerField(default=1)
    next_change_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("innholdsklokke")
        verbose_name_plural = _("innholdsklokke")

    def __str__(self):
        return f"generasjon {self.generation}"


# --- Search ------------------------------------------------------------------------------


def _concatenated_vectors(*vectors):
    """`a || b` for stored vectors: NULL when the first is (a document that is not live)."""
    return Func(*vectors, arg_joiner=" || ", template="(%(expressions)s)", output_field=SearchVectorField())


@cache
def named_relations(model):
    """The document's ForeignKeys and ManyToManys to models with a `name` (guidance: issuer, topics):
    their names are searched with the document's text."""
    return tuple(
        relation for relation in model._meta.get_fields()
        if relation.is_relation and not relation.auto_created and (relation.many_to_one or relation.many_to_many)
        and any(target_field.name == "name" for target_field in relation.related_model._meta.concrete_fields)
    )


class SearchSynonym(models.Model):
    """A word readers type and the words the documents use for the same thing.

    The site search looks for the alternatives too (`publishing.search`): "sykepleier" also finds
    "helsepersonell". One direction only; add the reverse as its own row if it should work both ways.
    """

    word = models.CharField(
        _("ord"), max_length=100, unique=True,
        help_text=_("Ett ord slik folk skriver det i søket, f.eks. «sykepleier». Store og små bokstaver er likegyldig."),
    )
    alternatives = models.CharField(
        _("søk også etter"), max_length=500,
        help_text=_("Ord eller uttrykk skilt med komma, f.eks. «sykepleiere, helsepersonell». Treff på disse "
                    "vises sammen med treff på ordet."),
    )

    class Meta:
        verbose_name = _("synonym i søket")
        verbose_name_plural = _("synonymer i søket")
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.alternatives}"

    def clean(self):
        self.word = self.word.strip().lower()
        if not self.word.isalnum():
            raise ValidationError({"word": _("Skriv ett ord, uten mellomrom, bindestrek eller tegn.")}, code="one_word")
        alternatives = self.alternative_list()
        if not alternatives:
            raise ValidationError({"alternatives": _("Skriv minst ett ord å søke etter i tillegg.")},
                                  code="no_alternatives")
        self.alternatives = ", ".join(alternatives)

    def alternative_list(self):
        """The alternatives, lower-cased, each once, without the word itself."""
        words = (" ".join(part.split()).lower() for part in self.alternatives.split(","))
        return [word for word in dict.fromkeys(words) if word and word != self.word]
