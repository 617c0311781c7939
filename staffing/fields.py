"""Model fields whose Python values are text, for content that lives in immutable versions.

The shared versioning diff (`publishing.diff.diff_versions`) compares every content field
word by word and needs text. Two kinds of content here are not text by nature:

`ChoiceListField` holds several choices in one text column.

A measure version is immutable and its content travels through `version_create(**content)` as plain
values, so a many-to-many table would not fit. The choices are stored as ",a,b," so that
`field__contains=",a,"` finds one choice exactly on SQLite and PostgreSQL alike. The Python value
stays a string; forms see a list of checkboxes.

`DayField` is a real date column whose Python value is a `Day`: an ISO date string ("2022-06-30")
that also gives its `datetime.date` as `.date`.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def split_choices(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item]
    return [item for item in str(value).split(",") if item]


def join_choices(values):
    values = split_choices(values)
    return f",{','.join(values)}," if values else ""


class ChoiceListFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return split_choices(value)

    def clean(self, value):
        # The same text the model stores, so an unchanged form compares equal to the saved version.
        return join_choices(super().clean(value))

    def has_changed(self, initial, data):
        return split_choices(initial) != split_choices(data)


class ChoiceListField(models.CharField):
    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        # The options shape forms and validation, never the column, so migrations leave them out.
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return join_choices(value)

    def get_prep_value(self, value):
        if isinstance(value, (list, tuple)):
            return join_choices(value)
        return super().get_prep_value(value)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.options}
        unknown = [item for item in split_choices(value) if item not in known]
        if unknown:
            raise ValidationError(_("Ukjent valg: %(value)s."), code="invalid_choice", params={"value": ", ".join(unknown)})

    def formfield(self, **kwargs):
        defaults = {"form_class": ChoiceListFormField, "choices": self.options, "required": not self.blank}
        defaults.update(kwargs)
        if not isinstance(defaults.get("widget"), forms.CheckboxSelectMultiple):
            defaults.pop("widget", None)  # the admin offers a text input for every CharField
        defaults.pop("max_length", None)
        defaults.pop("empty_value", None)
        form_class = defaults.pop("form_class")
        return form_class(**{key: value for key, value in defaults.items() if key in _FORM_KWARGS})

    def labels(self, value):
        names = dict(self.options)
        return [names.get(item, item) for item in split_choices(value)]


_FORM_KWARGS = {"choices", "required", "label", "help_text", "initial", "widget", "disabled", "show_hidden_initial"}


class Day(str):
    """An ISO date as text; `.date` is the `datetime.date`."""

    @property
    def date(self):
        return datetime.date.fromisoformat(self)

    @classmethod
    def of(cls, value):
        if value in (None, ""):
            return None
        if isinstance(value, cls):
            return value
        if isinstance(value, datetime.datetime):
            value = value.date()
        return cls(value.isoformat() if isinstance(value, datetime.date) else str(value))


class DayFormField(forms.DateField):
    def clean(self, value):
        return Day.of(super().clean(value))


class DayField(models.DateField):
    def from_db_value(self, value, expression, connection):
        return Day.of(value)

    def to_python(self, value):
        return Day.of(super().to_python(value.date if isinstance(value, Day) else value))

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value.date if isinstance(value, Day) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DayFormField, **kwargs})
