"""The open API's shared parts: what guidance/api.py and staffing/api.py build their resources from.

The site (kommuneportal/api/) assembles the resources under /api/v1/ with the schema, the
documentation page and the rate limit. See docs/api.md.
"""

from publishing.api.params import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MomentField, PagedQueryForm, QueryForm
from publishing.api.problems import (
    PROBLEM_CONTENT_TYPE, Problem, bad_parameters, gone, method_not_allowed, not_found, problem_handler,
    problem_response, rate_limited,
)
from publishing.api.serializers import (
    CodeLabelSerializer, HonestDateSerializer, PageLinksSerializer, ProblemSerializer, VersionSerializer, code_label,
    envelope, honest_date, meta, reader_date,
)
from publishing.api.negotiation import JSONOnlyNegotiation
from publishing.api.views import PublicAPIView, public_cache_control

__all__ = [
    "DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE", "PROBLEM_CONTENT_TYPE", "CodeLabelSerializer", "HonestDateSerializer",
    "JSONOnlyNegotiation", "MomentField", "PageLinksSerializer", "PagedQueryForm", "Problem", "ProblemSerializer",
    "PublicAPIView", "QueryForm", "VersionSerializer", "bad_parameters", "code_label", "envelope", "gone", "honest_date",
    "meta", "method_not_allowed", "not_found", "problem_handler", "problem_response", "public_cache_control",
    "rate_limited", "reader_date",
]
