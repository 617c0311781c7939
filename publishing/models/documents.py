"""One versioning mechanism for everything publishers write (guidance articles, staffing measures).

A *document* (an article, a measure) is a stable identity with a slug. Its text lives in
*versions*: rows numbered 1, 2, 3 … whose content is never changed after saving. Concrete models
subclass `VersionedDocument` and `DocumentVersion` (which names its parent foreign key in
`parent_field`, with related_name="versions"); `publishing.checks` tells at start-up when one does not.

States and transitions (every transition is a function in `publishing.services`, which stores the
result, records the change and announces it: `publishing.changes`):

    state                       readers see                how it is entered
    --------------------------  -------------------------  -----------------------------------------
    draft (no approved version) 404                        version_create
    scheduled (first version    404 until its time, then   version_publish(publish_at=<future>)
      approved for later)         live with no write
    live                        the live version           version_publish(), or a scheduled version's
                                                             time passing (resolved at read time)
    live, newer draft waiting   the live version           version_create, version_restore
    live, newer scheduled       the live version, then     version_publish(publish_at=<future>)
                                  the newer one at its time
    withdrawn                   410 with the reason        document_withdraw
    reinstated                  the live version again     document_reinstate

Which version is live is never stored as "the live version now". Each approval works out, for all
the document's approved versions, the span in which each is the one readers see (`live_from`,
`live_until`: the newest-numbered version whose time has come), and a read asks for the version
whose span contains the moment of the read (`VersionedQuerySet.live`). So a version scheduled for
08:00 is served from 08:00:00 on every instance with no job to run, and a reader's GET only reads.
Each version also stores whether its span was still open when the spans were written (`span_open`);
a read of what is live now asks for that too, so it reads the partial indexes of the open versions,
one or two per document, and never the spans of every version ever published.
"""

import copy

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, FilteredRelation, Func, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.models.search import SEARCH_CONFIG, named_relations
from publishing.models.versions import SEARCH_COLUMNS, SPAN_OPEN_MARGIN, ChangeType, live_condition, span_is_open


LIVE = "live_version"


class VersionedQuerySet(models.QuerySet):
    """Documents, with their live version joined once however many conditions name it.

    `live_version` is a join to the versions on the stored span, a relation that is one-to-many to
    Django: each `filter(live_version__…)` would join the versions again. So `filter` and `exclude`
    read `live_version__<field>` as the same joined column (an alias, which shares the one join).
    """

    def filter(self, *args, **kwargs):
        documents, args, kwargs = self._through_live_join(args, kwargs)
        return super(VersionedQuerySet, documents).filter(*args, **kwargs)

    def exclude(self, *args, **kwargs):
        documents, args, kwargs = self._through_live_join(args, kwargs)
        return super(VersionedQuerySet, documents).exclude(*args, **kwargs)

    def _through_live_join(self, args, kwargs):
        fields = set()
        args = [_live_condition_names(arg, fields) if isinstance(arg, Q) else arg for arg in args]
        kwargs = dict(_live_name(key, value, fields) for key, value in kwargs.items())
        if not fields:
            return self, args, kwargs
        documents = self.with_live_version(fetch=False)
        missing = {f"{LIVE}_{name}": F(f"{LIVE}__{name}") for name in fields
                   if f"{LIVE}_{name}" not in documents.query.annotations}
        return (documents.alias(**missing) if missing else documents), args, kwargs

    def with_live_version(self, at=None, *, fetch=True):
        """Each document with `live_version`: the version readers see at `at` (now), read in the same
        query through a join on its stored span, or None. Without `fetch`, only `live_version_id` is
        read, and `live_version__<field>` can be filtered and ordered on."""
        documents = self
        if "live_version_id" not in self.query.annotations:
            at = at or timezone.now()
            documents = (
                self.annotate(live_version=FilteredRelation("versions", condition=live_condition(at, "versions__")))
                .annotate(live_version_id=F("live_version__id"))
            )
        if fetch:
            documents = documents.select_related("live_version").defer(
                *(f"live_version__{column}" for column in SEARCH_COLUMNS))
        return documents

    def live(self, at=None, *, fetch=True):
        """Documents readers can see at `at` (now): with a live version, not withdrawn."""
        return self.with_live_version(at, fetch=fetch).filter(live_version__isnull=False, withdrawn_at__isnull=True)

    def count_at_most(self, limit):
        """How many documents there are, counted no further than `limit`: counting a list of 10 000 then
        costs what counting one of `limit` does (the database stops at the limit)."""
        return self.order_by()[:limit].count()


def _live_name(key, value, fields):
    """("live_version__title__icontains", v) → ("live_version_title__icontains", v), noting "title"."""
    parts = key.split("__")
    if parts[0] != LIVE or len(parts) == 1:
        return key, value
    if parts[1] in ("isnull", "id", "pk"):
        return "__".join([f"{LIVE}_id", *parts[2:]] if parts[1] != "isnull" else [f"{LIVE}_id", *parts[1:]]), value
    fields.add(parts[1])
    return "__".join([f"{LIVE}_{parts[1]}", *parts[2:]]), value


def _live_condition_names(condition, fields):
    rewritten = copy.copy(condition)
    rewritten.children = [
        _live_condition_names(child, fields) if isinstance(child, Q)
        else _live_name(*child, fields) if isinstance(child, tuple) else child
        for child in condition.children
    ]
    return rewritten


class VersionedManager(models.Manager.from_queryset(VersionedQuerySet)):
    pass


class VersionedDocument(models.Model):
    """A document whose text lives in versions; see the module docstring for its states."""

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
    # When its first version became (or becomes) live; written with the versions' spans.
    first_published_at = models.DateTimeField(_("først publisert"), null=True, blank=True, editable=False)

    # Slugs taken by fixed pages under the same URL prefix (e.g. /veiledning/endringer/): a document
    # with one of them would be hidden behind that page.
    reserved_slugs = frozenset()

    # The version fields `listed_at` reads, besides the span's (a subclass that reads more names them).
    list_fields = ()

    # The version's fields in the full-text vector, with their weights (A counts most). Those
    # weighted RANK_WEIGHTS are also in the ranking vector.
    search_weights = ((("title",), "A"), (("summary",), "B"), (("body",), "C"))
    RANK_WEIGHTS = ("A", "B")

    objects = VersionedManager()

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
        # `latest_title`, readers' querysets select the live version) rather than query per call.
        live = self.__dict__.get("_live_version")
        return getattr(self, "latest_title", None) or (live.title if live else self.slug)

    # --- the live version, as read by `with_live_version()` (or looked up when it was not)

    @property
    def live_version(self):
        cached = self.__dict__
        if "_live_version" not in cached:
            if "_live_version_id" in cached:  # read with with_live_version(): None means none is live
                pk = cached["_live_version_id"]
                cached["_live_version"] = self.versions.get(pk=pk) if pk is not None else None
            else:
                cached["_live_version"] = self.version_live_at(timezone.now())
        return cached["_live_version"]

    @live_version.setter
    def live_version(self, version):  # set by the queryset's join (FilteredRelation)
        self.__dict__["_live_version"] = version

    @property
    def live_version_id(self):
        if "_live_version_id" in self.__dict__:
            return self.__dict__["_live_version_id"]
        live = self.live_version
        return live.pk if live else None

    @live_version_id.setter
    def live_version_id(self, pk):  # set by the queryset's annotation
        self.__dict__["_live_version_id"] = pk

    @property
    def last_major_at(self):
        """The live version's last substantive change of the document (None when nothing is live)."""
        live = self.live_version
        return live.last_major_at if live else None

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("_live_version", None)
        self.__dict__.pop("_live_version_id", None)
        super().refresh_from_db(*args, **kwargs)

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

    def change_tags(self):
        """What a change to this document changes (`publishing.cachetags`): its own pages and every
        list, count and search over documents of its kind."""
        from publishing.cachetags import tag_for

        return {tag_for(self), tag_for(type(self))}

    # --- the stored spans (written by publishing.services, in the writing transaction)

    def refresh_live_state(self):
        """Work out and store every approved version's span and the document's first publication."""
        versions = list(self.versions.order_by("number").only("pk", "number", "publish_at", "change_type",
                                                              *SPAN_FIELDS, *self.list_fields))
        first = _store_spans(type(self), versions)
        self.__dict__.pop("_live_version", None)  # read again from the new spans when next asked
        self.__dict__.pop("_live_version_id", None)
        if first != self.first_published_at:
            self.first_published_at = first
            type(self).objects.filter(pk=self.pk).update(first_published_at=first)
        type(self).close_ended_spans()
        type(self).store_search_vectors(type(self).objects.filter(pk=self.pk), only_missing=True)

    @classmethod
    def close_ended_spans(cls):
        """Mark as no longer open the versions of every document of this kind whose span ended more than the
        margin ago: replaced by a scheduled version since their document was last written. Open spans are
        then one or two per document however long the portal runs. A few rows, found by a small index;
        rows another transaction is writing are left for the next write."""
        version_model = cls.version_model()
        ended = version_model.objects.filter(span_open=True, live_until__lte=timezone.now() - SPAN_OPEN_MARGIN)
        if connection.features.has_select_for_update_skip_locked and connection.in_atomic_block:
            ended = ended.select_for_update(skip_locked=True)
        keys = list(ended.values_list("pk", flat=True))
        if keys:
            version_model.objects.filter(pk__in=keys).update(span_open=False)

    @classmethod
    def refresh_all_live_state(cls):
        """`refresh_live_state` for every document: for bulk loads and repairs, not reads."""
        version_model = cls.version_model()
        parent = f"{version_model.parent_field}_id"
        versions = version_model.objects.order_by(parent, "number").only(parent, "number", "publish_at",
                                                                        "change_type", *SPAN_FIELDS, *cls.list_fields)
        firsts, group, current = {}, [], None
        for version in [*versions.iterator(chunk_size=2000), None]:
            owner = getattr(version, parent) if version else None
            if group and owner != current:
                firsts[current] = _store_spans(cls, group)
                group = []
            current = owner
            if version:
                group.append(version)
        documents = list(cls.objects.only("pk", "first_published_at"))
        for document in documents:
            document.first_published_at = firsts.get(document.pk)
        cls.objects.bulk_update(documents, ["first_published_at"], batch_size=1000)
        cls.close_ended_spans()
        cls.store_search_vectors(cls.objects.all())

    @classmethod
    def listed_at(cls, version, *, last_major_at, first_published_at):
        """A live version's place in the lists of documents (newest first): by default the document's last
        substantive change, else its first publication. Stored with the span (`DocumentVersion.listed_at`)."""
        return last_major_at or first_published_at

    @classmethod
    def next_change_after(cls, at):
        """The next moment after `at` at which some document of this kind changes by itself."""
        return cls.version_model().objects.filter(publish_at__gt=at).aggregate(at=Min("publish_at"))["at"]

    # --- search vectors

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
    def store_search_vectors(cls, documents, *, only_missing=False):
        """Store the search vectors of the approved versions of `documents` (a queryset of this model):
        the version's weighted text and, weighted as a summary, the names of what its document belongs
        to (an article's topics and issuer), so a search is one condition on the GIN index; and the
        ranking vector of the title, summary and names. Called when versions are approved, and by
        `publishing.signals` when a name or a link to a named thing changes. Drafts get none."""
        if connection.vendor != "postgresql":
            return
        version_model = cls.version_model()
        parent = version_model.parent_field
        versions = version_model.objects.filter(**{f"{parent}__in": documents.values("pk")}, publish_at__isnull=False)
        if only_missing:
            versions = versions.filter(search_vector__isnull=True)
        text = cls.search_vector_expression()
        rank_text = cls.search_vector_expression(weights=cls.RANK_WEIGHTS)
        names = []
        for relation in named_relations(cls):
            if relation.many_to_many:
                through = relation.remote_field.through
                source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
                linked = (through.objects.filter(**{source: OuterRef(f"{parent}_id")}).order_by().values(source)
                          .annotate(names=StringAgg(f"{target}__name", " ")).values("names"))
            else:
                linked = relation.related_model._default_manager.filter(
                    **{relation.related_query_name(): OuterRef(f"{parent}_id")}).values("name")
            names.append(Subquery(linked[:1], output_field=models.TextField()))
        if names:
            names_vector = SearchVector(*names, weight="B", config=SEARCH_CONFIG)
            text, rank_text = (_concatenated_vectors(vector, names_vector) for vector in (text, rank_text))
        versions.update(search_vector=text, search_rank_vector=rank_text)

    # --- reading versions

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def version_live_at(self, at):
        """The version readers saw (or will see) at `at`, from the stored spans."""
        return self.versions.live_at(at).order_by("-number").first()

    def published_versions(self):
        return self.versions.published().order_by("-number")

    def next_scheduled_version(self, at=None):
        """The next approved version whose time has not come yet, or None."""
        return self.versions.scheduled(at).order_by("publish_at", "-number").first()


SPAN_FIELDS = ("live_from", "live_until", "span_open", "last_major_at", "listed_at")


def live_spans(versions):
    """{version number: (live_from, live_until, last_major_at)} for a document's versions.

    At any moment readers see the highest-numbered version whose `publish_at` has passed. A version
    that never becomes that (a newer number was already live, or both fall due at the same moment)
    gets no span. `last_major_at` is the latest `publish_at` of a major version that had been live by
    the time this one became live.
    """
    approved = sorted((v for v in versions if v.publish_at is not None), key=lambda v: (v.publish_at, v.number))
    live = []  # [version, live_from, live_until]
    for version in approved:
        if live and version.number < live[-1][0].number:
            continue
        if live:
            live[-1][2] = version.publish_at
            if live[-1][1] == version.publish_at:  # replaced at the very moment it would have begun
                live.pop()
        live.append([version, version.publish_at, None])
    spans, last_major = {}, None
    for version, live_from, live_until in live:
        if version.change_type == ChangeType.MAJOR:
            last_major = live_from
        spans[version.number] = (live_from, live_until, last_major)
    return spans


def _store_spans(document_model, versions):
    """Write the spans of one document's `versions` (those that changed); return its first publication."""
    spans = live_spans(versions)
    first = min((span[0] for span in spans.values()), default=None)
    now = timezone.now()
    changed = []
    for version in versions:
        live_from, live_until, last_major = spans.get(version.number, (None, None, None))
        listed = (document_model.listed_at(version, last_major_at=last_major, first_published_at=first)
                  if live_from is not None else None)
        values = {"live_from": live_from, "live_until": live_until, "span_open": span_is_open(live_from, live_until, now),
                  "last_major_at": last_major, "listed_at": listed}
        if any(getattr(version, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(version, name, value)
            changed.append(version)
    if changed:
        document_model.version_model().objects.bulk_update(changed, SPAN_FIELDS)
    return first


def _concatenated_vectors(*vectors):
    """`a || b` for stored vectors: NULL when the first is."""
    return Func(*vectors, arg_joiner=" || ", template="(%(expressions)s)", output_field=SearchVectorField())
