from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alerts.sources import all_facets
from alerts.models import Frequency
from alerts.services import normalise_email

EMAIL_MAX_LENGTH = 254  # Subscription.email
FOLD_AFTER = 12  # a list with more choices than this (every article, every measure) folds away in <details>
INVALID_CHOICE = _("Velg blant alternativene på siden.")  # never echoes the posted value back


def field_name(facet):
    return facet.key.replace(".", "_")


class DistinctMultipleChoiceField(forms.MultipleChoiceField):
    """Each ticked value once: a hand-made `?topic=1&topic=1` must not break the unique interest."""

    default_error_messages = {"invalid_choice": INVALID_CHOICE}

    def clean(self, value):
        return list(dict.fromkeys(super().clean(value)))


class SubscriberEmailField(forms.EmailField):
    default_error_messages = {
        "max_length": _("E-postadressen kan ha høyst %(limit_value)d tegn."),
        "null_characters_not_allowed": _("E-postadressen inneholder et tegn som ikke er tillatt."),
    }

    def bound_data(self, data, initial):
        # What was typed is shown again, unless it is nothing a person typed (NUL, thousands of characters).
        if not isinstance(data, str) or "\x00" in data or len(data) > self.max_length:
            return ""
        return data


class AlertChoicesForm(forms.Form):
    """What to be alerted about and how often. The facets come from the source registry."""

    everything = forms.BooleanField(
        label=_("Alle vesentlige endringer"), required=False,
        help_text=_("Du får varsel om alle vesentlige endringer i veiledning og tiltak. Vil du bare følge noe av "
                    "det, fjern krysset og velg under."),
    )
    frequency = forms.ChoiceField(
        label=_("Hvor ofte vil du ha e-post?"), choices=Frequency.choices, initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect, error_messages={"invalid_choice": INVALID_CHOICE},
        help_text=_("Straks: én e-post per endring, innen noen minutter. Daglig: ett sammendrag hver morgen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.facets = []
        for facet in all_facets():
            choices = facet.choices()
            if choices:  # no empty groups on the page
                self.facets.append(facet)
                self.fields[field_name(facet)] = DistinctMultipleChoiceField(
                    label=facet.label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple,
                )
        self.order_fields(["email", "everything", *(field_name(f) for f in self.facets), "frequency"])
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.form_error_title = _("Skjemaet har feil som må rettes")
        folded = {name for name in map(field_name, self.facets) if len(self.fields[name].choices) > FOLD_AFTER}
        self.helper.layout = Layout(*[
            Field(name, template="alerts/includes/folded_choices.html") if name in folded else name
            for name in self.fields
        ])

    def preselect(self, params):
        """Tick what a link asks for (`/varsel/?guidance_article=12` from an article page), or
        «Alle vesentlige endringer» when it asks for nothing that exists, so an address is all it takes."""
        chosen = {}
        for facet in self.facets:
            name = field_name(facet)
            offered = {str(value) for value, _label in self.fields[name].choices}
            values = [value for value in params.getlist(name) if value in offered]
            if values:
                chosen[name] = list(dict.fromkeys(values))
        self.initial.update(chosen, everything=not chosen)

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
    email = SubscriberEmailField(
        label=_("E-postadresse"), max_length=EMAIL_MAX_LENGTH,
        help_text=_("Vi sender en lenke du må åpne for å bekrefte. Adressen brukes bare til varslene."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        # Stored lower-cased, and some letters grow when lower-cased ("İ" becomes two characters).
        email = normalise_email(self.cleaned_data["email"])
        if len(email) > EMAIL_MAX_LENGTH:
            raise ValidationError(self.fields["email"].error_messages["max_length"],
                                  params={"limit_value": EMAIL_MAX_LENGTH}, code="max_length")
        return email
