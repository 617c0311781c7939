from urllib.parse import urlsplit

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.dates import UNDATED_SORT_DAY, sort_day
from publishing.links import reverse_cached
from publishing.models import DocumentVersion, VersionedDocument, VersionedManager, VersionedQuerySet


class Topic(models.Model):
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


class Issuer(models.Model):
    name = models.CharField(_("navn"), max_length=150, unique=True)
    slug = models.SlugField(_("adresse (slug)"), unique=True)

    class Meta:
        verbose_name = _("avsender")
        verbose_name_plural = _("avsendere")
        ordering = ["name"]

    def __str__(self):
        return self.name


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
    LIVE_STATE_FIELDS = (*VersionedDocument.LIVE_STATE_FIELDS, "sort_day")
    search_recency = F("sort_day")  # equal matches in the site search: the newest source date first

    kind = models.CharField(_("type"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.GUIDANCE)
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="articles", verbose_name=_("avsender"))
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True, verbose_name=_("temaer"))
    live_version = models.OneToOneField(
        "ArticleVersion", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="live_of",
        verbose_name=_("live versjon"),
    )
    sort_day = models.DateField(
        _("dato i lister"), default=UNDATED_SORT_DAY, editable=False,
        help_text=_("Den live versjonens dato etter kilden, som listene sorterer etter (publishing.dates.sort_day)."),
    )

    objects = VersionedManager.from_queryset(ArticleQuerySet)()

    class Meta:
        verbose_name = _("artikkel")
        verbose_name_plural = _("artikler")
        ordering = ["slug"]
        indexes = [
            # The order of the list pages (the source's date, undated last), so a page is read from the
            # index, not sorted from all articles.
            models.Index(F("sort_day").desc(), F("first_published_at").desc(), "slug", name="guidance_article_dated_idx"),
            models.Index(F("kind"), F("sort_day").desc(), F("first_published_at").desc(), "slug",
                         name="guidance_article_kinddate_idx"),
            # Counting a list ("1 234 artikler") reads this small index, not the wide rows.
            models.Index(fields=["kind", "issuer"], condition=Q(live_version__isnull=False, withdrawn_at__isnull=True),
                         name="guidance_article_live_idx"),
        ]

    def get_absolute_url(self):
        return reverse_cached("guidance:article", self.slug)

    def get_kind_display(self):
        # Django's own builds a dict of every choice on each call; list pages call this for every row.
        return KIND_LABELS.get(self.kind, self.kind)

    # Lists order articles by their live version's date as the source gives it (`sort_day`), stored here
    # beside the rest of the live state so a list page reads an index instead of joining every version.

    # An article whose text names no source is dated by its last substantive change in the portal, so a
    # typo corrected today (a minor version) does not lift it above newer articles.

    def refresh_live_state(self, now=None):
        super().refresh_live_state(now)
        live = self.live_version
        if live is None:
            self.sort_day = UNDATED_SORT_DAY
        elif not live.source_title:
            self.sort_day = timezone.localdate(self.last_major_at or self.first_published_at)
        else:
            self.sort_day = live.sort_day
        type(self).objects.filter(pk=self.pk).update(sort_day=self.sort_day)

    @classmethod
    def refresh_all_live_state(cls, now=None):
        super().refresh_all_live_state(now)
        live = ArticleVersion.objects.filter(pk=OuterRef("live_version_id"))
        changed = TruncDate(Coalesce("last_major_at", "first_published_at"), tzinfo=timezone.get_current_timezone())
        cls.objects.update(sort_day=Case(
            When(Exists(live.filter(source_title="")), then=changed),
            default=Coalesce(Subquery(live.values("sort_day")[:1]), Value(UNDATED_SORT_DAY)),
        ))


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
        ]
        permissions = [("publish_articleversion", _("Kan publisere og planlegge artikkelversjoner"))]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "publish_at" in update_fields:
            self.sort_day = sort_day(self)
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "sort_day"]
        super().save(*args, **kwargs)


class ExternalLink(models.Model):
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

    def __str__(self):
        return self.title

    @property
    def host(self):
        return urlsplit(self.url).hostname or self.url
