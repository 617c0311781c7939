"""The query string of an API resource, read through a Django form: Norwegian messages and codes.

Each resource declares its parameters as a form (`QueryForm` subclass). Unknown and repeated
parameters are errors as well, so a typing error (`?tema=` for `?temaer=`) is never silently ignored
and returns the whole list instead. Cursors are opaque to clients: base64 of a small JSON list.
"""

import base64
import binascii
import datetime
import json

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from publishing.api.problems import bad_parameters

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def encode_cursor(values):
    text = json.dumps(list(values), separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(text, kinds):
    """The values of a cursor made by `encode_cursor`, checked against `kinds` (a type per value), or None."""
    try:
        values = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not isinstance(values, list) or len(values) != len(kinds):
        return None
    if not all(isinstance(value, kind) and not isinstance(value, bool) for value, kind in zip(values, kinds)):
        return None
    if any(isinstance(value, int) and not -2**63 <= value < 2**63 for value in values):
        return None  # past what a database column holds
    if any(isinstance(value, str) and "\x00" in value for value in values):
        return None  # PostgreSQL text cannot hold it
    return values


class TextParameterField(forms.Field):
    """A parameter read from text: at most `max_length` characters, no NUL, parsed by `parse`."""

    max_length = 64

    def __init__(self, *, max_length=None, **kwargs):
        self.max_length = max_length or self.max_length
        super().__init__(**kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if len(value) > self.max_length or "\x00" in value:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return self.parse(value)


class CursorField(TextParameterField):
    """`?markor=`: where the previous page ended, as the API's own `next` link gave it."""

    default_error_messages = {"invalid": _("Markøren er ikke en vi har laget. Bruk lenken i «links.next» som den "
                                           "er, eller begynn uten «markor».")}

    def __init__(self, *, kinds, **kwargs):
        self.kinds = kinds
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("help_text", _("Fortsett etter forrige side: verdien fra lenken i «links.next»."))
        super().__init__(**kwargs)

    def parse(self, value):
        values = decode_cursor(value, self.kinds)
        if values is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return values


class MomentField(TextParameterField):
    """A point in time in ISO 8601: `2026-11-20T08:00:00+01:00`, `…Z`, or a day (`2026-11-20`, its
    start in Norwegian time). A time without a zone is Norwegian time."""

    default_error_messages = {"invalid": _("Skriv et tidspunkt som 2026-11-20T08:00:00+01:00, eller en dato som "
                                           "2026-11-20.")}

    def parse(self, value):
        try:
            moment = parse_datetime(value) or _start_of(parse_date(value))
        except (ValueError, OverflowError):
            moment = None
        if moment is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
            return moment.astimezone(datetime.timezone.utc)  # as the database compares it
        except (ValueError, OverflowError):  # the first or last hours of year 1 or 9999 in another zone
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class DateField(forms.DateField):
    """A day as ISO 8601 (`2026-11-20`), the only form the API reads."""

    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": _("Skriv en dato som 2026-11-20 (år-måned-dag).")}


def _start_of(day):
    return datetime.datetime.combine(day, datetime.time.min) if day else None


class QueryForm(forms.Form):
    """A resource's query string. This one takes no parameters; subclasses declare theirs as fields."""

    cursor_kinds = None  # for a paged list: the type of each value in its cursor

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.cursor_kinds:
            self.fields["markor"] = CursorField(kinds=self.cursor_kinds)

    @classmethod
    def parameter_names(cls):
        return [*cls.base_fields, *(["markor"] if cls.cursor_kinds else [])]

    @classmethod
    def read(cls, query):
        """The cleaned parameters of `query` (a QueryDict), or raise a 400 naming every bad one."""
        errors, known = {}, set(cls.parameter_names())
        for name, values in query.lists():
            if name not in known:
                errors[name[:60]] = [(_("Ukjent parameter. Se dokumentasjonen for hvilke denne ressursen tar."),
                                      "unknown_parameter")]
            elif len(values) > 1:
                errors[name] = [(_("Oppgi parameteren bare én gang."), "repeated_parameter")]
        form = cls(query)
        if not form.is_valid():
            for name, problems in form.errors.as_data().items():
                errors.setdefault(name, [(problem.messages[0], problem.code) for problem in problems])
        if errors:
            raise bad_parameters(errors)
        return form.cleaned_data


PAGE_SIZE_MESSAGE = _("Skriv et heltall fra 1 til 100.")  # MAX_PAGE_SIZE


class PagedQueryForm(QueryForm):
    """A list read page by page: `antall` per page, `markor` where the last page ended."""

    cursor_kinds = (str,)

    antall = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE_SIZE,
        help_text=_("Hvor mange elementer per side, fra 1 til 100 (standard 20)."),
        error_messages={"invalid": PAGE_SIZE_MESSAGE, "min_value": PAGE_SIZE_MESSAGE, "max_value": PAGE_SIZE_MESSAGE},
    )

    def clean_antall(self):
        return self.cleaned_data.get("antall") or DEFAULT_PAGE_SIZE
