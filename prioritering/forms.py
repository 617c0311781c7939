from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from prioritering import guardrails, note, note_sections
from prioritering.models import Municipality, Role, ServiceRow, Worksheet
from prioritering.personal_data import PersonalDataCheck
from prioritering.services import fields_containing, redaction_pattern
from prioritering.validators import validate_no_personal_data

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
HEADER_TEXTS = ["service_unit", "responsible", "infection_situation", "summary"]
# The responsible may be named: a name there is an employee's, not a service recipient's.
NAMES_ALLOWED = {"responsible"}

# Say what is missing, in the words of the field, rather than Django's «Feltet er påkrevet.»
REQUIRED_MESSAGES = {
    "municipality": _("Velg kommunen skjemaet gjelder."),
    "service_unit": _("Skriv hvilken tjenesteenhet vurderingen gjelder, for eksempel «Hjemmetjenesten sone nord»."),
    "responsible": _("Skriv hvem som er ansvarlig for vurderingen, for eksempel «Enhetsleder hjemmetjenesten»."),
    "assessed_on": _("Skriv datoen for vurderingen som dd.mm.åååå, for eksempel 16.03.2022."),
    "phase": _("Velg hvilken fase epidemien er i."),
    "service_type": _("Velg hvilken type tjeneste raden gjelder."),
    "action": _("Velg hvilket tiltak som foreslås for tjenesten."),
    "reason": _("Velg om tiltaket begrunnes i smittevern, kapasitet eller begge."),
    "decision_form": _("Velg hvordan endringen i tildelingen vedtas."),
}


def _link_sources(form):
    """End the help text of every field that comes from the note with a link to its chapter."""
    for name, anchor in note_sections.FIELDS.items():
        if name in form.fields:
            field = form.fields[name]
            link = note_sections.chapter(anchor).link()
            field.help_text = format_html("{} {}", field.help_text, link) if field.help_text else link


def _own_aids():
    return HTML(format_html('<p class="ds-paragraph kp-own-aid">{}</p>', note_sections.OWN_AIDS))


def _specific_messages(form):
    for name, message in REQUIRED_MESSAGES.items():
        if name in form.fields:
            form.fields[name].error_messages["required"] = message


def _without_blank_choice(field):
    # A radio list must not offer (and preselect) an empty «---------» choice.
    field.choices = [c for c in field.choices if c[0] not in ("", None)]


def _helper():
    helper = FormHelper()
    # The page shows the error summary first, before its heading (includes/error_summary.html).
    helper.form_show_errors = False
    return helper


def _add_confirmation(form):
    """Ask, at the end of the form, to confirm text that may be personal data (prioritering/personal_data.py)."""
    fieldset = form.personal_data.layout()
    if fieldset is not None:
        form.helper.layout.append(fieldset)


def _fields_in_layout_order(form, names):
    # The error summary lists errors in field order, so fields follow the order the page shows them in.
    form.order_fields(names)


class WorksheetForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = Worksheet
        fields = HEADER_FIELDS
        widgets = {
            "phase": forms.RadioSelect,
            "infection_situation": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    layout_names = ["service_unit", "responsible", "assessed_on", "next_review", "phase",
                    "staff_available", "staff_needed", "infection_situation", "summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision
        for name in ("assessed_on", "next_review"):
            _date_field(self.fields[name])
        _without_blank_choice(self.fields["phase"])
        self.fields["phase"].error_messages["invalid_choice"] = _("Velg en av fasene 1–5.")
        _specific_messages(self)
        _link_sources(self)
        _fields_in_layout_order(self, self.layout_names)
        self.helper = _helper()
        self.helper.layout = Layout(
            Fieldset(_("Enhet og ansvar"), "service_unit", "responsible", "assessed_on", "next_review"),
            Fieldset(_("Fase i epidemien"), "phase"),
            Fieldset(_("Situasjonen"), "staff_available", "staff_needed", "infection_situation", "summary"),
            "revision",
        )
        self.helper.add_input(Submit("lagre", _("Lagre")))
        self.personal_data = PersonalDataCheck(self, HEADER_TEXTS, names_allowed=NAMES_ALLOWED)
        _add_confirmation(self)

    def clean(self):
        cleaned = super().clean()
        self.personal_data.clean()
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
        required=False, initial=False, label=_("Start med notatets forslag"),
        help_text=_("Kryss av hvis skjemaet skal starte med de sju tiltakene notatet foreslår under «Kapasitet i "
                    "tjenestene». Hvert av dem må vurderes og fylles ut før skjemaet kan vedtas. Uten avkrysning "
                    "starter skjemaet tomt."),
    )
    layout_names = ["municipality", *WorksheetForm.layout_names, "prefill"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["revision"]
        municipalities = Municipality.objects.filter(
            memberships__user=user, memberships__role__in=[Role.CONTRIBUTOR, Role.LEADER]).order_by("name")
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].empty_label = _("Velg kommune")
        own = list(municipalities[:2])
        if len(own) == 1:
            self.fields["municipality"].empty_label = None
            self.initial["municipality"] = own[0].pk
        self.helper.layout = Layout(
            Fieldset(_("Enhet og ansvar"), "municipality", "service_unit", "responsible", "assessed_on", "next_review"),
            Fieldset(_("Fase i epidemien"), "phase"),
            Fieldset(_("Situasjonen"), "staff_available", "staff_needed", "infection_situation", "summary"),
            Fieldset(_("Notatets forslag"), "prefill"),
        )
        _add_confirmation(self)
        self.helper.inputs = []
        self.helper.add_input(Submit("opprett", _("Opprett skjema")))


ROW_TEXTS = ["service_name", "description", "medical_basis", "vulnerable_plan", "forsvarlig_minimum",
             "oral_justification", "journal_reference"]
ROW_FIELDS = ["service_type", "service_name", "action", "reason", "medical_basis", "description",
              "nytte", "alvorlighet", "ressurs", "mestring", "weighted_criteria",
              "vulnerable_groups", "vulnerable_plan", "forsvarlig_minimum", "involvement",
              "end_date", "individual_decision", "decision_form", "oral_justification", "journal_reference",
              "reversal_understood", "complaint_info"]
ROW_LAYOUT = ["service_type", "service_name", "description", "action", "reason", "medical_basis", "end_date",
              "nytte", "alvorlighet", "ressurs", "mestring", "weighted_criteria",
              "forsvarlig_minimum", "vulnerable_groups", "vulnerable_plan",
              "involvement", "individual_decision", "decision_form", "oral_justification", "journal_reference",
              "reversal_understood", "complaint_info"]
# Questions the note asks only in some cases: (field, when it must be answered, the message when it is not).
CONDITIONAL_ANSWERS = [
    ("involvement", lambda action, decision: action not in (None, "", "opprettholde"),
     _("Svar på om tjenestemottaker og eventuelt pårørende er involvert. Notatet: «Tjenestemottaker og eventuelt "
       "pårørende skal involveres før beslutningen fattes.»"), "involvement_required"),
    ("reversal_understood", lambda action, decision: action in note.REDUCING_ACTIONS and decision == "omgjoring",
     _("Svar på om mottakerne og eventuelt pårørende har forstått hva endringen medfører og hvor lenge den gjelder. "
       "Det må være sikret når vedtakene omgjøres."), "reversal_understood_required"),
    ("complaint_info", lambda action, decision: action in note.REDUCING_ACTIONS,
     _("Svar på om mottakerne får vite at de kan klage. Retten til å klage gjelder også når tjenesten reduseres "
       "eller stanses under en epidemi."), "complaint_info_required"),
]
REASON_PREFIX = "begrunnelse_"
REASON_MIN_LENGTH = 10


class ServiceRowForm(RevisionMixin, forms.ModelForm):
    weighted_criteria = forms.MultipleChoiceField(
        choices=[(c, note.CRITERIA_LABELS[c]) for c in note.CRITERIA], widget=forms.CheckboxSelectMultiple,
        label=_("Kriterier som begrunner tiltaket"),
        help_text=_("Kryss av for kriteriene vurderingen bygger på. «Ressurskriteriet skal ikke brukes alene.»"),
        error_messages={"required": _("Kryss av for minst ett kriterium som begrunner tiltaket.")},
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
            "decision_form": forms.RadioSelect, "individual_decision": forms.RadioSelect,
            "nytte": forms.RadioSelect, "alvorlighet": forms.RadioSelect,
            "ressurs": forms.RadioSelect, "mestring": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}), "vulnerable_plan": forms.Textarea(attrs={"rows": 3}),
            "forsvarlig_minimum": forms.Textarea(attrs={"rows": 3}), "medical_basis": forms.Textarea(attrs={"rows": 3}),
            "oral_justification": forms.Textarea(attrs={"rows": 3}),
            "reversal_understood": forms.RadioSelect, "complaint_info": forms.RadioSelect,
        }

    def __init__(self, *args, phase=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision
        if not self.instance.pk:
            self.fields["revision"].required = False
        _date_field(self.fields["end_date"])
        for name in note.CRITERIA:
            field = self.fields[name]
            field.required = True
            _without_blank_choice(field)
            field.error_messages["required"] = _("Velg et trinn for %(criterion)s.") % {
                "criterion": str(note.CRITERIA_LABELS[name]).lower()}
        for name in ("involvement", "individual_decision", "reversal_understood", "complaint_info"):
            _without_blank_choice(self.fields[name])
        _specific_messages(self)
        _link_sources(self)
        self.warnings = self._warnings_to_consider(phase)
        for finding in self.warnings:
            self.fields[REASON_PREFIX + finding.code] = self._reason_field(finding)
        _fields_in_layout_order(self, [*ROW_LAYOUT, *(REASON_PREFIX + f.code for f in self.warnings)])
        self.helper = _helper()
        self.helper.layout = Layout(
            Fieldset(_("Tjenesten"), "service_type", "service_name", "description"),
            Fieldset(_("Tiltak og begrunnelse"), "action", "reason", "medical_basis", "end_date"),
            Fieldset(_("Kriteriene (notatets vedlegg 1)"), _own_aids(), "nytte", "alvorlighet", "ressurs", "mestring",
                     "weighted_criteria"),
            Fieldset(_("Forsvarlighet og sårbare grupper"), "forsvarlig_minimum", "vulnerable_groups", "vulnerable_plan"),
            Fieldset(_("Involvering og vedtak"), "involvement", "individual_decision", "decision_form",
                     "oral_justification", "journal_reference", "reversal_understood", "complaint_info"),
            "revision",
        )
        if self.warnings:
            self.helper.layout.append(Fieldset(_("Advarsler som må vurderes"),
                                               *(REASON_PREFIX + f.code for f in self.warnings)))
        self.personal_data = PersonalDataCheck(self, [*ROW_TEXTS, *(REASON_PREFIX + f.code for f in self.warnings)])
        _add_confirmation(self)
        self.helper.add_input(Submit("lagre", _("Lagre tjenesten")))

    def _warnings_to_consider(self, phase):
        # Only warnings the stored row has: a warning that first appears with this save needs a new look.
        if not self.instance.pk or phase is None:
            return []
        return [f for f in guardrails.check_row(self.instance, phase) if not f.is_error]

    def _reason_field(self, finding):
        field = forms.CharField(
            required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
            validators=[validate_no_personal_data],
            label=_("Hvorfor tiltaket er riktig likevel: %(title)s") % {"title": finding.title},
            help_text=format_html("{} {}", _(
                "%(message)s Skriv en kort begrunnelse for å gå videre tross advarselen; den vises i historikken, på "
                "det vedtatte skjemaet, i utskriften og i CSV-filen. La feltet stå tomt hvis advarselen ikke er "
                "vurdert ennå.") % {"message": finding.message}, finding.chapter.link()),
        )
        if finding.reason:
            field.initial = finding.reason
        return field

    def clean_service_name(self):
        name = self.cleaned_data["service_name"].strip()
        if self.data.get(self.add_prefix("service_type")) == "annet" and not name:
            raise forms.ValidationError(_("Beskriv tjenesten med egne ord når tjenestetypen er «Annet»."),
                                        code="service_name_required")
        return name

    def clean(self):
        cleaned = super().clean()
        self.personal_data.clean()
        for finding in self.warnings:
            name = REASON_PREFIX + finding.code
            reason = (cleaned.get(name) or "").strip()
            if reason and len(reason) < REASON_MIN_LENGTH:
                self.add_error(name, forms.ValidationError(
                    _("Skriv en begrunnelse på minst %(n)s tegn, for eksempel hvorfor tiltaket er forsvarlig likevel.")
                    % {"n": REASON_MIN_LENGTH}, code="reason_too_short"))
        action, decision = cleaned.get("action"), cleaned.get("decision_form")
        for name, applies, message, code in CONDITIONAL_ANSWERS:
            if applies(action, decision) and not cleaned.get(name) and name not in self.errors:
                self.add_error(name, forms.ValidationError(message, code=code))
        granted = cleaned.get("individual_decision")
        if not granted and (action in note.REDUCING_ACTIONS or decision == "omgjoring"):
            self.add_error("individual_decision", forms.ValidationError(
                _("Svar på om mottakerne har tjenesten ved enkeltvedtak. Når tjenesten reduseres eller stanses, "
                  "avgjør svaret om endringen må vedtas som skriftlig omgjøring."), code="individual_decision_required"))
        elif granted == "nei" and decision == "omgjoring":
            self.add_error("decision_form", forms.ValidationError(
                _("Omgjøring gjelder bare tjenester som er tildelt ved enkeltvedtak. Velg en annen vedtaksform, "
                  "eller svar «Ja» på om mottakerne har tjenesten ved enkeltvedtak."), code="reversal_without_decision"))
        return cleaned

    def row_data(self):
        return {name: self.cleaned_data[name] for name in ROW_FIELDS}

    def reasons(self):
        """{warning code: reason} as written in the form; an empty reason withdraws an acknowledgement."""
        return {f.code: self.cleaned_data.get(REASON_PREFIX + f.code, "").strip() for f in self.warnings}


class DecideForm(RevisionMixin):
    pass


REDACTION_MIN_LENGTH = 3


class RedactionForm(forms.Form):
    """What to remove from a history entry, and why. The text must be in the entry; the reason must not repeat it."""

    text = forms.CharField(
        label=_("Teksten som skal fjernes"), max_length=500,
        help_text=_("Skriv eller lim inn teksten slik den står i endringen, for eksempel et navn eller en adresse. "
                    "Store og små bokstaver spiller ingen rolle. Teksten fjernes overalt der skjemaet har lagret den: "
                    "i historikken, i skjemaet og tjenestene, i tidligere og senere versjoner av skjemaet og i "
                    "administrasjonsloggen – og dermed i utskriften og CSV-filen."),
        error_messages={"required": _("Skriv teksten som skal fjernes.")},
    )
    reason = forms.CharField(
        label=_("Hvorfor teksten fjernes"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_personal_data],
        help_text=_("Begrunnelsen står i historikken, sammen med hvem som fjernet hva og når. Ikke gjenta "
                    "opplysningene som fjernes, for eksempel «Navn og adresse på en bruker»."),
        error_messages={"required": _("Skriv hvorfor teksten fjernes.")},
    )
    confirm = forms.BooleanField(
        label=_("Jeg forstår at teksten fjernes for godt og ikke kan hentes tilbake"),
        error_messages={"required": _("Kryss av for at du forstår at fjerningen ikke kan angres.")},
    )

    def __init__(self, *args, change, **kwargs):
        super().__init__(*args, **kwargs)
        self.change = change
        self.helper = _helper()
        self.helper.add_input(Submit("fjern", _("Fjern teksten overalt")))

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if len(text) < REDACTION_MIN_LENGTH:
            raise forms.ValidationError(_("Skriv minst %(n)s tegn, så bare det som skal fjernes, blir fjernet.")
                                        % {"n": REDACTION_MIN_LENGTH}, code="text_too_short")
        if not fields_containing(self.change, redaction_pattern(text)):
            raise forms.ValidationError(_("Teksten finnes ikke i denne endringen. Kopier den slik den står i "
                                          "tabellen over."), code="not_in_change")
        return text

    def clean(self):
        cleaned = super().clean()
        text, reason = cleaned.get("text"), cleaned.get("reason")
        if text and reason:
            if redaction_pattern(text).search(reason):
                self.add_error("reason", forms.ValidationError(
                    _("Begrunnelsen gjentar teksten som skal fjernes. Beskriv hva slags opplysning det er i stedet."),
                    code="reason_repeats_text"))
        return cleaned


class NewVersionForm(forms.Form):
    phase = forms.TypedChoiceField(
        choices=note.PHASES, coerce=int, widget=forms.RadioSelect, label=_("Fase for den nye versjonen"),
        help_text=_("Den nye versjonen er et utkast med de samme tjenestene. Det vedtatte skjemaet blir stående som erstattet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _link_sources(self)
        self.helper = _helper()
        self.helper.add_input(Submit("ny_versjon", _("Lag ny versjon")))


SORT_CHOICES = [("rekkefolge", _("rekkefølge")), ("prioritet", _("indikativ prioritet")),
                ("tjeneste", _("tjeneste")), ("tiltak", _("tiltak"))]


class SortForm(forms.Form):
    sorter = forms.ChoiceField(choices=SORT_CHOICES, required=False)
