from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from prioritering import note
from prioritering.models import Municipality, Role, ServiceRow, Worksheet

# Our copy of the pack's field template; see the comment in it.
DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATE_HINT = _(" Skriv datoen som dd.mm.åååå, for eksempel 16.03.2022.")


def _date_field(field):
    field.input_formats = DATE_FORMATS
    field.widget = forms.DateInput(format="%d.%m.%Y", attrs={"inputmode": "numeric", "autocomplete": "off"})
    field.help_text = f"{field.help_text}{DATE_HINT}"
    field.error_messages["invalid"] = _("Datoen finnes ikke eller er skrevet feil. Skriv den som dd.mm.åååå, for eksempel 16.03.2022.")


class RevisionMixin(forms.Form):
    """Carries the revision the user started from, so a save based on a stale copy can be refused."""

    revision = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, label=_("Revisjon"),
        error_messages={"required": _("Skjemaet mangler revisjonsnummer. Last siden på nytt og prøv igjen."),
                        "invalid": _("Skjemaet har et ugyldig revisjonsnummer. Last siden på nytt og prøv igjen."),
                        "min_value": _("Skjemaet har et ugyldig revisjonsnummer. Last siden på nytt og prøv igjen.")},
    )


HEADER_FIELDS = ["service_unit", "phase", "assessed_on", "responsible", "next_review",
                 "staff_available", "staff_needed", "infection_situation", "summary"]


class WorksheetForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = Worksheet
        fields = HEADER_FIELDS
        widgets = {
            "phase": forms.RadioSelect,
            "infection_situation": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision
        for name in ("assessed_on", "next_review"):
            _date_field(self.fields[name])
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Enhet og ansvar"), "service_unit", "responsible", "assessed_on", "next_review"),
            Fieldset(_("Fase i epidemien"), "phase"),
            Fieldset(_("Situasjonen"), "staff_available", "staff_needed", "infection_situation", "summary"),
            "revision",
        )
        self.helper.add_input(Submit("lagre", _("Lagre")))

    def clean(self):
        cleaned = super().clean()
        assessed, review = cleaned.get("assessed_on"), cleaned.get("next_review")
        if assessed and review and review < assessed:
            self.add_error("next_review", forms.ValidationError(
                _("Neste gjennomgang kan ikke være før datoen for vurderingen."), code="review_before_assessment"))
        return cleaned

    def header_data(self):
        return {name: self.cleaned_data[name] for name in HEADER_FIELDS}


class WorksheetCreateForm(WorksheetForm):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Kommune"),
        help_text=_("Du kan bare lage skjema for kommuner der du er bidragsyter eller leder."),
        error_messages={"invalid_choice": _("Velg en av dine egne kommuner.")},
    )
    prefill = forms.BooleanField(
        required=False, initial=True, label=_("Start med notatets forslag"),
        help_text=_("Fyller inn tiltakene notatet foreslår under «Kapasitet i tjenestene». Du vurderer og endrer dem etterpå."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["revision"]
        self.fields["municipality"].queryset = Municipality.objects.filter(
            memberships__user=user, memberships__role__in=[Role.CONTRIBUTOR, Role.LEADER])
        self.helper.layout = Layout(
            Fieldset(_("Enhet og ansvar"), "municipality", "service_unit", "responsible", "assessed_on", "next_review"),
            Fieldset(_("Fase i epidemien"), "phase"),
            Fieldset(_("Situasjonen"), "staff_available", "staff_needed", "infection_situation", "summary"),
            Fieldset(_("Notatets forslag"), "prefill"),
        )
        self.helper.inputs = []
        self.helper.add_input(Submit("opprett", _("Opprett skjema")))


ROW_FIELDS = ["service_type", "service_name", "action", "reason", "description",
              "nytte", "alvorlighet", "ressurs", "mestring", "weighted_criteria",
              "vulnerable_groups", "vulnerable_plan", "forsvarlig_minimum", "involvement",
              "end_date", "decision_form", "journal_reference"]


class ServiceRowForm(RevisionMixin, forms.ModelForm):
    weighted_criteria = forms.MultipleChoiceField(
        choices=[(c, note.CRITERIA_LABELS[c]) for c in note.CRITERIA], widget=forms.CheckboxSelectMultiple,
        label=_("Kriterier som begrunner tiltaket"),
        help_text=_("Kryss av for kriteriene vurderingen bygger på. «Ressurskriteriet skal ikke brukes alene.»"),
        error_messages={"required": _("Kryss av for minst ett kriterium som begrunner tiltaket.")},
    )
    warnings_acknowledged = forms.BooleanField(
        required=False, label=_("Advarslene over er vurdert"),
        help_text=_("Kryss av når advarslene som vises for tjenesten, er vurdert og tiltaket likevel er riktig. "
                    "En advarsel som dukker opp etter lagring, må vurderes på nytt."),
    )
    vulnerable_groups = forms.MultipleChoiceField(
        choices=note.VULNERABLE_GROUPS, widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Sårbare grupper som berøres"),
        help_text=_("Gruppene notatet nevner under «Spesielt sårbare grupper»."),
    )

    class Meta:
        model = ServiceRow
        fields = ROW_FIELDS
        widgets = {
            "action": forms.RadioSelect, "reason": forms.RadioSelect, "involvement": forms.RadioSelect,
            "decision_form": forms.RadioSelect,
            "nytte": forms.RadioSelect, "alvorlighet": forms.RadioSelect,
            "ressurs": forms.RadioSelect, "mestring": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}), "vulnerable_plan": forms.Textarea(attrs={"rows": 3}),
            "forsvarlig_minimum": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision
        if not self.instance.pk:
            self.fields["revision"].required = False
            del self.fields["warnings_acknowledged"]  # nothing has been shown to acknowledge yet
        elif not self.is_bound:
            self.initial["warnings_acknowledged"] = bool(self.instance.acknowledged_warnings)
        _date_field(self.fields["end_date"])
        for name in note.CRITERIA:
            field = self.fields[name]
            field.required = True
            field.choices = [c for c in field.choices if c[0] != ""]
            field.error_messages["required"] = _("Velg et trinn for %(criterion)s.") % {
                "criterion": str(note.CRITERIA_LABELS[name]).lower()}
        for name in ("involvement",):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Tjenesten"), "service_type", "service_name", "description"),
            Fieldset(_("Tiltak og begrunnelse"), "action", "reason", "end_date"),
            Fieldset(_("Kriteriene (notatets Vedlegg 1)"), "nytte", "alvorlighet", "ressurs", "mestring",
                     "weighted_criteria"),
            Fieldset(_("Forsvarlighet og sårbare grupper"), "forsvarlig_minimum", "vulnerable_groups", "vulnerable_plan"),
            Fieldset(_("Involvering og vedtak"), "involvement", "decision_form", "journal_reference"),
            "revision",
        )
        if "warnings_acknowledged" in self.fields:
            self.helper.layout.append(Fieldset(_("Advarsler"), "warnings_acknowledged"))
        self.helper.add_input(Submit("lagre", _("Lagre tjenesten")))

    def clean_service_name(self):
        name = self.cleaned_data["service_name"].strip()
        if self.data.get(self.add_prefix("service_type")) == "annet" and not name:
            raise forms.ValidationError(_("Beskriv tjenesten med egne ord når tjenestetypen er «Annet»."),
                                        code="service_name_required")
        return name

    def row_data(self):
        return {name: self.cleaned_data[name] for name in ROW_FIELDS}


class DecideForm(RevisionMixin):
    pass


class NewVersionForm(forms.Form):
    phase = forms.TypedChoiceField(
        choices=note.PHASES, coerce=int, widget=forms.RadioSelect, label=_("Fase for den nye versjonen"),
        help_text=_("Den nye versjonen er et utkast med de samme tjenestene. Det vedtatte skjemaet blir stående som erstattet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("ny_versjon", _("Lag ny versjon")))


SORT_CHOICES = [("rekkefolge", _("rekkefølge")), ("prioritet", _("indikativ prioritet")),
                ("tjeneste", _("tjeneste")), ("tiltak", _("tiltak"))]


class SortForm(forms.Form):
    sorter = forms.ChoiceField(choices=SORT_CHOICES, required=False)
