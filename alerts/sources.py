"""The kinds of document a reader can be alerted about, one `Source` per kind.

A source knows how to find major versions that are live now and not yet alerted about, what a
subscriber can filter on (its facets), and how to describe a version in an e-mail. Each app that
has alertable documents provides its source in its own `alerts.py`, and the site lists them in
the `ALERT_SOURCES` setting, so this app never imports the apps it alerts about.
"""

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Facet:
    """Something a subscriber can follow: a topic, an issuer, an article …

    A short list (topics, issuers, measures) gives `choices`, all of it, and the form shows every
    choice. A list that grows with the content (every article) gives `lookup` and `search` instead,
    so the form costs the same with ten articles or ten thousand: it shows only what was asked for
    (a link from the article's page, what the subscriber follows already) and what a title search found.
    """

    key: str                # stored in SubscriptionInterest.facet, e.g. "guidance.topic"
    label: str              # legend of the checkbox group on /varsel/
    choices: object = None  # callable returning every [(value, label), …], for a short list
    lookup: object = None   # callable(values) returning [(value, label), …] for those of `values` one may follow
    search: object = None   # callable(words, limit): at most `limit` [(value, label), …] whose label has every word

    @property
    def is_long(self):
        return self.choices is None


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
    event: str = ""  # "withdrawn" or "reinstated" for those public events (change_note is then the reason)


def absolute(path):
    return settings.SITE_URL + path


class Source:
    key = ""
    facets = ()

    def new_versions(self, *, now, dispatched_ids):
        """Major versions live at `now` whose id is not in `dispatched_ids` (a subquery)."""
        raise NotImplementedError

    def describe(self, version):
        """A `Change` for one of the versions `new_versions` returned."""
        raise NotImplementedError


class WithdrawalSource(Source):
    """Withdrawals and reinstatements of one kind of document, as recorded by the publishing services
    (`publishing.models.PublicChange`): alerted about once each, to whoever follows the document.
    `version_id` holds the record's id. Its facets are the document source's, so it adds none to the form."""

    document_model = None

    def new_versions(self, *, now, dispatched_ids):
        from django.contrib.contenttypes.models import ContentType

        from publishing.models import PublicChange

        return (PublicChange.objects.withdrawals()
                .filter(content_type=ContentType.objects.get_for_model(self.document_model), recorded_at__lte=now)
                .exclude(pk__in=dispatched_ids).order_by("recorded_at", "pk"))

    def documents(self, changes):
        return self.document_model.objects.in_bulk([change.object_id for change in changes])


def registry():
    """Every source named in settings.ALERT_SOURCES, keyed by source key."""
    return _registry(tuple(settings.ALERT_SOURCES))


@cache
def _registry(paths):
    sources = [import_string(path)() for path in paths]
    return {source.key: source for source in sources}


def all_facets():
    return [facet for source in registry().values() for facet in source.facets]
