"""Staffing measures in the site search (`/sok/`), beside guidance: the provider the site's registry calls.

Live measures are searched whatever their validity: an expired measure stays findable and says so in
its label. PostgreSQL uses the Norwegian full-text configuration through the same expression as the
GIN index; SQLite matches every word with `icontains`.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from publishing.search import RESULT_LIMIT, SearchResult, excerpt, search_versions, weighted_search_vector
from staffing.models import MeasureVersion

TEXT_FIELDS = ("title", "summary", "provider", "how_to_request", "conditions", "legal_basis", "body")
EXCERPT_FIELDS = ("summary", "how_to_request", "conditions")


def measure_search_vector():
    """The expression staffing migration 0002 indexed (frozen there)."""
    return weighted_search_vector(
        (("title",), "A"), (("summary",), "B"), (("provider", "how_to_request", "conditions", "legal_basis"), "C"),
        (("body",), "D"),
    )


def search_measures(query):
    versions = MeasureVersion.objects.filter(live_of__isnull=False, live_of__withdrawn_at__isnull=True)
    versions = search_versions(
        versions.select_related("measure"), query, vector=measure_search_vector(),
        text_fields=TEXT_FIELDS, excerpt_fields=EXCERPT_FIELDS,
    )
    today = timezone.localdate()
    return [_result(version, query, today) for version in versions[:RESULT_LIMIT]]


def _result(version, query, today):
    label = _("Bemanningstiltak")
    if version.is_expired_on(today):
        label = _("Bemanningstiltak – utløpt")
    return SearchResult(title=version.title, url=version.measure.get_absolute_url(), kind_label=label,
                        date=version.publish_at, excerpt_html=excerpt(version, query, EXCERPT_FIELDS))
