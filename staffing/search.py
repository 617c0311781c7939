"""Staffing measures in the site search (`/sok/`), beside guidance: the provider the site's registry calls.

Live measures are searched whatever their validity: an expired or long-unconfirmed measure stays
findable and says so in its label.
"""

from functools import partial

from django.utils import timezone
from django.utils.translation import gettext as _

from publishing.dates import MONTH, PORTAL, item_date
from publishing.search import SearchHits, SearchResult, search_documents
from publishing.snippets import excerpt
from staffing.finder import age_of
from staffing.models import Measure, Status

TEXT_FIELDS = ("title", "summary", "provider", "how_to_request", "conditions", "legal_basis", "body")
EXCERPT_FIELDS = ("summary", "body", "how_to_request", "conditions")


def search_measures(query):
    measures = search_documents(Measure.objects.live(), query, text_fields=TEXT_FIELDS)
    return SearchHits(measures, partial(_result, query=query, today=timezone.localdate()))


def _result(measure, *, query, today):
    version = measure.live_version
    status = version.status_on(today)
    if status == Status.EXPIRED:
        label = _("Bemanningstiltak – utløpt")
    elif status == Status.UNCONFIRMED:
        label = _("Bemanningstiltak – ikke bekreftet som gjeldende, sist bekreftet %(age)s") % {
            "age": age_of(version, today)}
    elif status == Status.UNDATED:
        label = _("Bemanningstiltak – kilden er ikke datert")
    else:
        label = _("Bemanningstiltak")
    date, precision = item_date(version)  # the source's date, never more exact than it (issues 12, 24)
    return SearchResult(title=version.title, url=measure.get_absolute_url(), kind_label=label,
                        date=date, date_is_approximate=precision == MONTH, date_is_portal=precision == PORTAL,
                        excerpt_html=excerpt(measure, query, EXCERPT_FIELDS))
