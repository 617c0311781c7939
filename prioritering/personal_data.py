"""The personal-data guard in a form: refusals come from the model fields' validator, warnings from here.

A warning (a phone number, a name, health information about «pasienten») stops the save once, with
the text kept and a checkbox: «the text is not about a service recipient». The confirmation counts
only for the warnings the user was shown; a text changed so that it warns of something new needs a
new look. Any form can use it:

    self.personal_data = PersonalDataCheck(self, ["description", …], names_allowed={"responsible"})
    …
    def clean(self):
        cleaned = super().clean()
        self.personal_data.clean()
"""

import hashlib

from crispy_forms.layout import Fieldset
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from prioritering.validators import personal_data_warnings

CONFIRM = "bekreft_personopplysninger"
SEEN = "personopplysninger_sett"

HOW_TO_GO_ON = _("Fjern det, eller kryss av nederst i skjemaet for at teksten ikke handler om en tjenestemottaker "
                 "eller pårørende.")


def _digest(warnings):
    shown = sorted((name, f.code, f.match) for name, found in warnings.items() for f in found)
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:16]


class PersonalDataCheck:
    def __init__(self, form, field_names, *, names_allowed=()):
        self.form = form
        self.warnings = {}
        if form.is_bound:
            for name in field_names:
                found = personal_data_warnings(form.data.get(form.add_prefix(name), ""),
                                               names_allowed=name in names_allowed)
                if found:
                    self.warnings[name] = found
        self.confirmed = False
        if self.warnings:
            self._ask_for_confirmation()

    def _ask_for_confirmation(self):
        form, digest = self.form, _digest(self.warnings)
        ticked = form.data.get(form.add_prefix(CONFIRM)) in ("on", "true", "True", "1")
        self.confirmed = ticked and form.data.get(form.add_prefix(SEEN)) == digest
        data = form.data.copy()
        data[form.add_prefix(SEEN)] = digest
        if not self.confirmed:
            data[form.add_prefix(CONFIRM)] = ""
        form.data = data
        form.fields[CONFIRM] = forms.BooleanField(
            required=False,
            label=_("Teksten inneholder ikke personopplysninger om tjenestemottakere eller pårørende"),
            help_text=_("Portalen fant tekst som kan være personopplysninger; se feilmeldingene ved feltene. Navnet "
                        "og telefonnummeret til en ansatt eller til enheten kan stå i skjemaet. Kryss av bare når du "
                        "har lest teksten på nytt."),
        )
        form.fields[SEEN] = forms.CharField(required=False, widget=forms.HiddenInput)

    def layout(self):
        """The fieldset to add at the end of the form's layout, or None when there is nothing to confirm."""
        if not self.warnings:
            return None
        return Fieldset(_("Mulige personopplysninger"), CONFIRM, SEEN)

    def clean(self):
        if not self.warnings or self.confirmed:
            return
        for name, found in self.warnings.items():
            for finding in found:
                self.form.add_error(name, ValidationError(f"{finding.message} {HOW_TO_GO_ON}", code=finding.code))
        self.form.add_error(CONFIRM, ValidationError(
            _("Kryss av her hvis teksten likevel ikke er personopplysninger om tjenestemottakere eller pårørende."),
            code="personopplysninger_ikke_bekreftet"))
