"""Staffing measures in the site search (`/sok/`), beside guidance: registered in
`guidance.search.SEARCH_PROVIDERS`.

Live measures are searched whatever their validity: an expired measure stays findable and says so in
its label. PostgreSQL uses the Norwegian full-text configuration through the same expression as the
GIN index; SQLite matches every word with `icontains`.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from guidance.search import RESULT_LIMIT, SearchResult, highlight_headline, highlight_words
from staffing.models import Measure, MeasureVersion
from staffing.search_index import SEARCH_CONFIG, measure_search_vector

_START, _STOP = "\ue000", "\ue001"  # the highlight markers `highlight_headline` understands
TEXT_FIELDS = ("title", "summary", "provider", "how_to_request", "conditions", "legal_basis", "body")


def search_measures(query):
    versions = MeasureVersion.objects.filter(pk__in=Measure.objects.live().values("live_version_id"))
    versions = versions.select_related("measure")
    if connection.vendor == "postgresql":
        versions = _postgres_search(versions, query)
    else:
        versions = _fallback_search(versions, query)
    today = timezone.localdate()
    return [_result(version, query, today) for version in versions[:RESULT_LIMIT]]


def _postgres_search(versions, query):
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    return (
        versions.annotate(search=measure_search_vector())
        .filter(search=search_query)
        .annotate(
            rank=SearchRank(F("search"), search_query),
            headline=SearchHeadline(
                Concat("summary", Value(" "), "how_to_request", Value(" "), "conditions", output_field=TextField()),
                search_query,
                config=SEARCH_CONFIG, start_sel=_START, stop_sel=_STOP, max_words=35, min_words=15,
                max_fragments=2, fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-publish_at")
    )


def _fallback_search(versions, query):
    for word in _words(query):
        matches = Q()
        for name in TEXT_FIELDS:
            matches |= Q(**{f"{name}__icontains": word})
        versions = versions.filter(matches)
    return versions.order_by("-publish_at")


def _words(query):
    return [word for word in re.findall(r"\w+", query) if len(word) > 1][:10]


def _result(version, query, today):
    headline = getattr(version, "headline", None)
    excerpt = highlight_headline(headline) if headline is not None else highlight_words(
        f"{version.summary} {version.how_to_request}", _words(query)
    )
    label = _("Bemanningstiltak")
    if version.is_expired_on(today):
        label = _("Bemanningstiltak – utløpt")
    return SearchResult(title=version.title, url=version.measure.get_absolute_url(), kind_label=label,
                        date=version.publish_at, excerpt_html=excerpt)
