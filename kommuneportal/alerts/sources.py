"""The kinds of document a reader can be alerted about, one `Source` per kind.

A source knows how to find major versions that are live now and not yet alerted about, what a
subscriber can filter on (its facets), and how to describe a version in an e-mail. Adding staffing
measures (or anything else versioned) is one more `Source` in `registry()`.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    key: str          # stored in SubscriptionInterest.facet, e.g. "guidance.topic"
    label: str        # legend of the checkbox group on /varsel/
    choices: object   # callable returning [(value, label), …]


@dataclass
class Change:
    """What an alert says about one newly live major version."""

    source: str
    version_id: int
    title: str
    kind_label: str
    issuer: str
    change_note: str
    published_at: object
    url: str
    compare_url: str
    is_new: bool = False  # the first version: "published", not "changed"
    facets: set = field(default_factory=set)


def absolute(path):
    return settings.SITE_URL + path


def first_reverse(names, args, fallback):
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return fallback


def previous_major_number(version):
    """The number of the major version readers were last alerted about, or None for a new document."""
    return (
        type(version).objects.filter(**{version.parent_field: version.parent})
        .published(version.publish_at).major().filter(number__lt=version.number)
        .order_by("-number").values_list("number", flat=True).first()
    )


class Source:
    key = ""
    facets = ()

    def new_versions(self, *, now, dispatched_ids):
        """Major versions live at `now` whose id is not in `dispatched_ids` (a subquery)."""
        raise NotImplementedError

    def describe(self, version):
        raise NotImplementedError


class GuidanceSource(Source):
    key = "guidance.article"

    def __init__(self):
        from guidance.models import Article, ArticleVersion, Issuer, Topic

        self.Article, self.ArticleVersion = Article, ArticleVersion
        self.facets = (
            Facet("guidance.topic", _("Temaer"), lambda: [(str(t.pk), t.name) for t in Topic.objects.all()]),
            Facet("guidance.issuer", _("Avsendere"), lambda: [(str(i.pk), i.name) for i in Issuer.objects.all()]),
            Facet("guidance.article", _("Enkeltartikler"), self._article_choices),
        )

    def _article_choices(self):
        articles = self.Article.objects.live().order_by("slug")
        titles = dict(
            self.ArticleVersion.objects.filter(pk__in=[a.live_version_id for a in articles]).values_list("article_id", "title")
        )
        return sorted(((str(a.pk), titles.get(a.pk, a.slug)) for a in articles), key=lambda c: c[1].lower())

    def new_versions(self, *, now, dispatched_ids):
        return (
            self.ArticleVersion.objects.published(now).major()
            .filter(article__withdrawn_at__isnull=True)
            .exclude(pk__in=dispatched_ids)
            .select_related("article__issuer")
            .prefetch_related("article__topics")
            .order_by("publish_at", "pk")
        )

    def describe(self, version):
        article = version.article
        slug = article.slug
        previous = previous_major_number(version)
        history = first_reverse(
            ["guidance:article_history", "guidance:history", "guidance:article-history"], [slug],
            f"/veiledning/{slug}/historikk/",
        )
        compare = history + (f"?fra={previous}&til={version.number}" if previous else "")
        facets = {("guidance.article", str(article.pk)), ("guidance.issuer", str(article.issuer_id))}
        facets |= {("guidance.topic", str(topic.pk)) for topic in article.topics.all()}
        return Change(
            source=self.key, version_id=version.pk, title=version.title, kind_label=article.get_kind_display(),
            issuer=article.issuer.name, change_note=version.change_note, published_at=version.publish_at,
            url=absolute(first_reverse(["guidance:article"], [slug], f"/veiledning/{slug}/")),
            compare_url=absolute(compare), is_new=previous is None, facets=facets,
        )


def registry():
    """All sources whose apps and models exist, keyed by source key."""
    sources = [GuidanceSource()]
    sources += _staffing_sources()
    return {source.key: source for source in sources}


def _staffing_sources():
    if not apps.is_installed("staffing"):
        return []
    try:
        from kommuneportal.alerts.staffing_source import MeasureSource
    except ImportError:  # staffing has no versioned measures yet
        return []
    return [MeasureSource()]


def all_facets():
    return [facet for source in registry().values() for facet in source.facets]
