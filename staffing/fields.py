"""A list of choice codes in one JSON column, e.g. ["testing", "smittesporing"].

A measure version is immutable and its content travels through `version_create(**content)` as
plain values, so a many-to-many table would not fit. The codes are validated against `options`
and edited as checkboxes. `deconstruct()` reports a plain `models.JSONField`, because the options
shape forms and validation, never the column: migrations stay free of project imports.

`has_choice` finds one code exactly, in SQL, on SQLite and PostgreSQL alike (JSONField's own
`contains` lookup is not supported on SQLite).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import NotSupportedError, models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Velg fra listen."), code="invalid")
        known = {code for code, _label in self.options}
        unknown = [str(item) for item in value if item not in known]
        if unknown:
            raise ValidationError(_("Ukjent valg: %(value)s."), code="invalid_choice", params={"value": ", ".join(unknown)})

    def formfield(self, **kwargs):
        # Skip JSONField's textarea; no hidden initial either, though the default (list) is callable.
        return models.Field.formfield(self, **{
            "form_class": forms.MultipleChoiceField, "choices": self.options,
            "widget": forms.CheckboxSelectMultiple, "show_hidden_initial": False, **kwargs,
        })

    def labels(self, value):
        names = dict(self.options)
        return [names.get(code, code) for code in value or []]


@ChoiceListField.register_lookup
class HasChoice(models.Lookup):
    """`tasks__has_choice="testing"`: the list holds that code (whole codes only, never a substring)."""

    lookup_name = "has_choice"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        raise NotSupportedError(f"has_choice is written for SQLite and PostgreSQL, not {connection.vendor}.")

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = {rhs})"
        return sql, (*lhs_params, *rhs_params)

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @> jsonb_build_array(({rhs})::text)", (*lhs_params, *rhs_params)
