"""Refuse admin query strings the database would choke on, with the site's 400 page instead of a 500.

Django's changelist already turns a lookup it cannot build into a redirect to `?e=1`. What slips
through are values Django accepts but the database driver or a date conversion does not, and those
fail while the page runs its queries, as a 500:

- a NUL byte anywhere (PostgreSQL text cannot hold one: `?status__exact=%00`, `?term=%00`);
- an integer beyond 64 bits (`?id__in=1,9223372036854775808` on SQLite);
- a date part that `datetime` cannot hold (`?created_at__year=9223372036854775808`, `…__year=10000`,
  `…__month=99999999999`): a year must be 1–9999 and every date part at most four digits;
- a date in year 1 or 9999, which cannot be moved between time zones (`?created_at__gt=0001-01-01`);
- lookups the database itself evaluates or that need an extension we do not install (`__regex`,
  `__iregex`, `__search`, `__unaccent`, `__trigram_similar`): no admin filter produces them.

The same goes for two kinds of posted keys Django looks up unchecked: the rows ticked for an action
(`_selected_action=abc`) and the chosen objects of a relation field, which an autocomplete widget
looks up again to show an invalid form (`issuer=abc`) and a many-to-many field looks up in one
`IN (…)` (`groups=9223372036854775808` on SQLite). A browser only ever posts real keys there.

One middleware for every ModelAdmin (ours and Django's, on every admin page including
autocomplete), rather than a mixin or ChangeList in each app: the apps may not import each other
or the site, and a guard that every new admin must remember to inherit is a guard that gets
forgotten. Only requests resolved inside the `admin` namespace are checked; the free-text search
`q` is checked for NUL bytes only, so a long number can still be searched for.
"""

import re

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import BadRequest, ValidationError
from django.db.models.constants import LOOKUP_SEP
from django.utils.translation import gettext_lazy as _

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
SEARCH_PARAMETER = "q"
YEARS = ("year", "iso_year")
DATE_PARTS = frozenset({*YEARS, "month", "day", "week", "week_day", "iso_week_day", "quarter", "hour", "minute", "second"})
DATABASE_EVALUATED_LOOKUPS = frozenset({
    "regex", "iregex", "search", "unaccent",
    "trigram_similar", "trigram_word_similar", "trigram_strict_word_similar",
})

_INTEGER = re.compile(r"\s*[+-]?\d+\s*")
_DATE_PART = re.compile(r"\d{1,4}")
_EDGE_OF_CALENDAR = re.compile(r"\s*(0001|9999)-")


class AdminQueryGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if "admin" not in request.resolver_match.namespaces:
            return None
        for name, values in request.GET.lists():
            problem = _problem(name, values)
            if problem:
                raise BadRequest(problem)
        model_admin = getattr(view_func, "model_admin", None)  # set by ModelAdmin.get_urls()
        if request.method == "POST" and model_admin and not _posted_keys_valid(request, model_admin):
            raise BadRequest(_("Skjemaet inneholder et valg som ikke finnes. "
                               "Gå tilbake, last siden på nytt og prøv igjen."))
        return None


def _problem(name, values):
    if "\x00" in name or any("\x00" in value for value in values):
        return _("Adressen inneholder et tegn (NUL) som ikke kan brukes i et filter eller søk.")
    if name == SEARCH_PARAMETER:
        return None
    segments = set(name.split(LOOKUP_SEP))
    if segments & DATABASE_EVALUATED_LOOKUPS:
        return _("Filteret i adressen (for eksempel regulære uttrykk) kan ikke brukes i administrasjonen.")
    parts = [part for value in values for part in value.split(",")]
    if any(_INTEGER.fullmatch(part) and not _fits_int64(part) for part in parts):
        return _("Et tall i adressen er for stort.")
    if segments & DATE_PARTS and not all(_valid_date_part(part, years=bool(segments & set(YEARS))) for part in parts):
        return _("Et årstall eller en annen del av en dato i adressen er ugyldig. Et årstall må være mellom 1 og 9999.")
    if any(_EDGE_OF_CALENDAR.match(part) for part in parts):
        return _("Datoer i år 1 og år 9999 kan ikke brukes i et filter.")
    return None


def _posted_keys_valid(request, model_admin):
    ticked = request.POST.getlist(ACTION_CHECKBOX_NAME)
    if not all(_valid_key(model_admin.model._meta.pk, value) for value in ticked):
        return False
    own = _relation_keys([model_admin.model])
    inlined = _relation_keys(inline.model for inline in model_admin.get_inline_instances(request))
    for posted, values in request.POST.lists():
        prefix, _dash, name = posted.rpartition("-")  # inline forms prefix their fields: "memberships-0-user"
        field = (inlined if prefix else own).get(name)
        if field and not all(_valid_key(field, value) for value in values if value):  # "" is the empty choice
            return False
    return True


def _relation_keys(models):
    return {field.name: field.target_field for model in models for field in model._meta.get_fields()
            if field.is_relation and field.concrete and not field.auto_created}


def _valid_key(field, value):
    try:
        key = field.to_python(value)
    except ValidationError:
        return False
    return "\x00" not in str(key) and (not isinstance(key, int) or INT64_MIN <= key <= INT64_MAX)


def _fits_int64(value):
    # Count the digits first: int() refuses more than 4300 of them with a ValueError (a 500).
    digits = value.strip().lstrip("+-").lstrip("0")
    return len(digits) <= 19 and INT64_MIN <= int(value) <= INT64_MAX


def _valid_date_part(value, *, years):
    value = value.strip()
    return bool(_DATE_PART.fullmatch(value)) and (not years or int(value) >= 1)
