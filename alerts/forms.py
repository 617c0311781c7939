from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alerts.sources import all_facets
from alerts.models import Frequency


def field_name(facet):
    return facet.key.replace(".", "_")


class AlertChoicesForm(forms.Form):
    """What to be alerted about and how often. The facets come from the source registry."""

    everything = forms.BooleanField(
        label=_("Alle vesentlige endringer"), required=False,
        help_text=_("Du får varsel om alle vesentlige endringer i veiledning og tiltak. Velg ellers under."),
    )
    frequency = forms.ChoiceField(
        label=_("Hvor ofte vil du ha e-post?"), choices=Frequency.choices, initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
        help_text=_("Straks: én e-post per endring, innen noen minutter. Daglig: ett sammendrag hver morgen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.facets = []
        for facet in all_facets():
            choices = facet.choices()
            if choices:  # no empty groups on the page
                self.facets.append(facet)
                self.fields[field_name(facet)] = forms.MultipleChoiceField(
                    label=facet.label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple,
                )
        self.order_fields(["email", "everything", *(field_name(f) for f in self.facets), "frequency"])
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.form_error_title = _("Skjemaet har feil som må rettes")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("everything") and not any(self.interests().values()):
            raise ValidationError(
                _("Velg «Alle vesentlige endringer» eller minst ett tema, én avsender eller én artikkel."),
                code="nothing_chosen",
            )
        return cleaned

    def interests(self):
        return {facet.key: self.cleaned_data.get(field_name(facet)) or [] for facet in self.facets}

    def choices(self):
        return {
            "frequency": self.cleaned_data["frequency"],
            "everything": self.cleaned_data["everything"],
            "interests": self.interests(),
        }

    @classmethod
    def initial_from(cls, *, frequency, everything, interests):
        initial = {"frequency": frequency, "everything": everything}
        initial.update({key.replace(".", "_"): values for key, values in interests.items()})
        return initial


class SubscribeForm(AlertChoicesForm):
    email = forms.EmailField(
        label=_("E-postadresse"), max_length=254,
        help_text=_("Vi sender en lenke du må åpne for å bekrefte. Adressen brukes bare til varslene."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
