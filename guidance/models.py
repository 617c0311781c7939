import datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.dates import UNDATED_SORT_DAY, sort_day
from publishing.links import reverse_cached
from publishing.models import DocumentVersion, PublicContent, VersionedDocument, VersionedManager, VersionedQuerySet
from publishing.validators import one_line_error


class Topic(PublicContent):
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("adresse (slug)"), unique=True)
    description = models.TextField(_("beskrivelse"), blank=True, help_text=_("Vises øverst på temasiden."))
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("guidance:topic", self.slug)

    def clean(self):
        super().clean()
        if (error := one_line_error(self.name)) is not None:  # a name is a heading: one line
            raise ValidationError({"name": error})


class Issuer(PublicContent):
    name = models.CharField(_("navn"), max_length=150, unique=True)
    slug = models.SlugField(_("adresse (slug)"), unique=True)

    class Meta:
        verbose_name = _("avsender")
        verbose_name_plural = _("avsendere")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (error := one_line_error(self.name)) is not None:  # a name is a heading: one line
            raise ValidationError({"name": error})


class ArticleKind(models.TextChoices):
    GUIDANCE = "veiledning", _("Veiledning")
    NEWS = "nyhet", _("Nyhet")
    CONSULTATION = "horingssvar", _("Høringssvar")
    FAQ = "sporsmal-og-svar", _("Spørsmål og svar")


KIND_LABELS = dict(ArticleKind.choices)


class ArticleQuerySet(VersionedQuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)


class Article(VersionedDocument):
    reserved_slugs = frozenset({"endringer", "nyheter", "sporsmal-og-svar", "lenker", "feed", "tema"})

    kind = models.CharField(_("type"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.GUIDANCE)
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="articles", verbose_name=_("avsender"))
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True, verbose_name=_("temaer"))
    objects = VersionedManager.from_queryset(ArticleQuerySet)()

    class Meta:
        verbose_name = _("artikkel")
        verbose_name_plural = _("artikler")
        ordering = ["slug"]

    def get_absolute_url(self):
        return reverse_cached("guidance:article", self.slug)

    def get_kind_display(self):
        # Django's own builds a dict of every choice on each call; list pages call this for every row.
        return KIND_LABELS.get(self.kind, self.kind)

    # Lists order articles by their live version's date as the source gives it (`sort_day`), undated
    # last; an article whose text names no source by its last substantive change in the portal, so a
    # typo corrected today (a minor version) does not lift it above newer articles.
    list_fields = ("source_title", "sort_day")

    @classmethod
    def listed_at(cls, version, *, last_major_at, first_published_at):
        day = timezone.localdate(last_major_at or first_published_at) if not version.source_title else version.sort_day
        return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.timezone.utc)


class ArticleVersion(DocumentVersion):
    parent_field = "article"
    # Its sort day depends on when it is published when it names no source, so it is written with the
    # publishing decision (see save).
    approval_fields = (*DocumentVersion.approval_fields, "sort_day")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions", verbose_name=_("artikkel"))
    sort_day = models.DateField(
        _("dato i lister"), default=UNDATED_SORT_DAY, editable=False,
        help_text=_("Versjonens dato etter kilden, som endringsloggen og strømmene sorterer etter."),
    )

    class Meta(DocumentVersion.Meta):
        verbose_name = _("artikkelversjon")
        verbose_name_plural = _("artikkelversjoner")
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="guidance_unique_version_number")]
        indexes = [
            models.Index(fields=["article", "publish_at"], name="guidance_version_publish_idx"),
            # The changelog and the feeds: major versions, the newest source date first, undated last.
            models.Index(F("sort_day").desc(), F("publish_at").desc(), F("id").desc(), condition=Q(change_type="major"),
                         name="guidance_version_dated_idx"),
            # Reading a document's live version: its span.
            models.Index(fields=["article", "live_from"], condition=Q(live_from__isnull=False),
                         name="guidance_version_live_idx"),
            # The order of the list pages, so a page is read from the index, not sorted from all articles: the
            # open versions only (one or two per article, not every version ever published), with what the
            # live condition reads, so counting them reads no row of the table.
            models.Index(F("listed_at").desc(), condition=Q(span_open=True),
                         include=["article", "live_from", "live_until", "id"], name="guidance_version_listed_idx"),
            # The versions replaced since they were last written, closed by the next write (close_ended_spans).
            models.Index(fields=["live_until"], condition=Q(span_open=True, live_until__isnull=False),
                         name="guidance_version_ended_idx"),
            # The API's «changes since» with minor changes (/api/v1/endringer/?mindre=1): every published
            # version in publication order, a page read from the index instead of sorting them all.
            models.Index(fields=["publish_at", "id"], name="guidance_version_order_idx"),
        ]
        permissions = [("publish_articleversion", _("Kan publisere og planlegge artikkelversjoner"))]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "publish_at" in update_fields:
            self.sort_day = sort_day(self)
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "sort_day"]
        super().save(*args, **kwargs)


class ExternalLink(PublicContent):
    title = models.CharField(_("tittel"), max_length=250)
    description = models.TextField(_("beskrivelse"), blank=True)
    url = models.URLField(_("nettadresse"), help_text=_("Full adresse til siden hos den andre myndigheten."))
    links_to_front_page = models.BooleanField(
        _("lenken går til forsiden"), default=False,
        help_text=_("Kryss av når kilden ikke gir adressen til siden, så lenken går til myndighetens forside. Leserne "
                    "får vite det, i stedet for å tro at lenken går til siden som er beskrevet."),
    )
    issuer = models.ForeignKey(
        Issuer, on_delete=models.PROTECT, related_name="external_links", verbose_name=_("avsender"), null=True, blank=True
    )
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        verbose_name = _("lenke til andre myndigheter")
        verbose_name_plural = _("lenker til andre myndigheter")
        ordering = ["position", "title"]

    def clean(self):
        super().clean()
        if (error := one_line_error(self.title)) is not None:
            raise ValidationError({"title": error})

    def __str__(self):
        return self.title

    @property
    def host(self):
        return urlsplit(self.url).hostname or self.url
