import datetime
import time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.dates import format_date
from staffing.finder import Horizon, Profession
from staffing.models import MeasureProposal, PersonnelKind, Speed, Task

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
EARLIEST_DATE = datetime.date(2020, 1, 1)


class IsoDateInput(forms.DateInput):
    """A native date picker needs yyyy-mm-dd even when the address said 15.06.2022. What is no date at
    all (31.02.2022) is shown again in a text box, as typed: a date input may not hold it."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            return _iso(value) or value
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, str) and value and not _iso(value):
            context["widget"]["type"] = "text"
        return context


def _iso(text):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            continue
    return None


def _invalid(message):
    return {"invalid_choice": message}


def _submit(label, css_id):
    """A submit button with no name: it adds nothing to the address, and `name=""` is invalid HTML."""
    return Div(Submit("", label, css_id=css_id, template="staffing/includes/submit_button.html"),
               css_class="kp-form-actions")


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters: plain GET parameters, so a filtered catalogue can be bookmarked."""

    CURRENT, ALL = "gjeldende", "alle"

    oppgave = forms.ChoiceField(
        label=_("Oppgave"), required=False, choices=[("", _("Alle oppgaver")), *Task.choices],
        error_messages=_invalid(_("«%(value)s» er ikke en oppgave portalen kjenner. Velg en oppgave fra listen.")),
    )
    personell = forms.ChoiceField(
        label=_("Personell"), required=False, choices=[("", _("Alt personell")), *PersonnelKind.choices],
        error_messages=_invalid(_("«%(value)s» er ikke en type personell portalen kjenner. Velg fra listen.")),
    )
    hastighet = forms.ChoiceField(
        label=_("Hvor raskt"), required=False, choices=[("", _("Uansett")), *Speed.choices],
        error_messages=_invalid(_("«%(value)s» er ikke et gyldig valg for hvor raskt. Velg fra listen.")),
    )
    vis = forms.ChoiceField(
        label=_("Vis"), required=False, widget=forms.RadioSelect,
        choices=[(CURRENT, _("Bare tiltak som ikke er utløpt")), (ALL, _("Vis også utløpte og kommende tiltak"))],
        error_messages=_invalid(_("«%(value)s» er ikke et gyldig valg. Velg «ikke utløpt» eller «vis også utløpte».")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "get"
        self.helper.form_class = "kp-filter-form"
        self.helper.attrs = {"aria-label": _("Filtrer tiltakene")}
        self.helper.layout = Layout(*self.fields, _submit(_("Vis tiltak"), "vis-tiltak"))

    def clean_vis(self):
        return self.cleaned_data["vis"] or self.CURRENT

    def filter(self, measures, day):
        data = self.cleaned_data
        measures = measures.valid_on(day) if data["vis"] == self.CURRENT else measures.live()
        if data["oppgave"]:
            measures = measures.for_task(data["oppgave"])
        if data["personell"]:
            measures = measures.with_personnel(data["personell"])
        if data["hastighet"]:
            measures = measures.with_speed(data["hastighet"])
        return measures

    def active_filters(self):
        data = self.cleaned_data if self.is_valid() else {}
        labels = {"oppgave": Task, "personell": PersonnelKind, "hastighet": Speed}
        return [str(choices(data[name]).label) for name, choices in labels.items() if data.get(name)]


class FinderForm(forms.Form):
    """Four questions: what, who, how soon, on which date."""

    oppgave = forms.ChoiceField(
        label=_("Hva trenger dere hjelp til?"), widget=forms.RadioSelect,
        choices=[*Task.choices, ("", _("Flere oppgaver eller vet ikke"))], required=False,
        error_messages=_invalid(_("«%(value)s» er ikke en oppgave portalen kjenner. Velg en oppgave fra listen.")),
    )
    personell = forms.ChoiceField(
        label=_("Hvem mangler dere?"), widget=forms.RadioSelect, required=False,
        choices=[*Profession.choices, ("", _("Alle som kan hjelpe"))],
        error_messages=_invalid(_("«%(value)s» er ikke et valg for personell. Velg fra listen.")),
    )
    naar = forms.ChoiceField(
        label=_("Hvor raskt trenger dere hjelp?"), widget=forms.RadioSelect, choices=Horizon.choices,
        error_messages={
            **_invalid(_("«%(value)s» er ikke et gyldig valg for hvor raskt. Velg fra listen.")),
            "required": _("Velg hvor raskt dere trenger hjelp."),
        },
    )
    dato = forms.DateField(
        # No help_text: the designsystemet pack's field template cannot render it on a text input yet.
        label=_("For hvilken dato? (tomt betyr i dag)"), required=False, input_formats=DATE_FORMATS,
        widget=IsoDateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datoen som dd.mm.åååå, for eksempel 15.06.2022.")},
    )

    # An address from before the personnel question (…&autorisert=ja) still asks for health personnel.
    LEGACY_AUTHORISED = {"ja": Profession.OTHER_HEALTH, "nei": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "get"
        self.helper.form_class = "kp-finder-form"
        self.helper.layout = Layout(*self.fields, _submit(_("Finn tiltak"), "finn-tiltak"))

    @classmethod
    def from_query(cls, query):
        data = query.copy()
        legacy = data.get("autorisert")
        if "personell" not in data and legacy in cls.LEGACY_AUTHORISED:
            data["personell"] = cls.LEGACY_AUTHORISED[legacy]
        data.pop("autorisert", None)
        return cls(data)

    def answers(self):
        """What a valid form was answered, as (question, answer) in words, for the summary above «Endre svarene»."""
        answered = []
        for name in ("oppgave", "personell", "naar"):
            field = self.fields[name]
            answered.append((field.label, dict(field.choices).get(self.cleaned_data.get(name) or "", "")))
        answered.append((_("Dato"), format_date(self.cleaned_data["dato"], "d.m.Y")))
        return answered

    def clean_dato(self):
        day = self.cleaned_data["dato"] or timezone.localdate()
        if day < EARLIEST_DATE:
            raise forms.ValidationError(
                _("Portalen har ingen tiltak fra før 2020. Velg en dato fra 01.01.2020."), code="too_early"
            )
        return day


# --- Proposals -----------------------------------------------------------------------------------

PROPOSAL_SALT = "staffing.proposal.opened"
MIN_FILL_SECONDS = 3  # a person needs longer than this to read and fill in the form
MAX_FORM_AGE = 24 * 3600
TEXT_ERRORS = {
    "required": _("Fyll ut dette feltet."),
    "max_length": _("Teksten kan ha høyst %(limit_value)d tegn, men har %(show_value)d. Kort den ned og send på nytt."),
    "null_characters_not_allowed": _("Teksten inneholdt et usynlig tegn som ikke er tillatt (NUL). Vi har fjernet "
                                     "det: se over teksten og send på nytt."),
}


def opened_token(at=None):
    """The signed moment the form was opened, so a submission seconds later can be told from a person's."""
    return signing.dumps(time.time() if at is None else at, salt=PROPOSAL_SALT)


class KeptTextMixin:
    """Shows again exactly what was typed, minus NUL characters (which no keyboard types), so nothing is lost."""

    def bound_data(self, data, initial):
        return data.replace("\x00", "") if isinstance(data, str) else data


class KeptCharField(KeptTextMixin, forms.CharField):
    pass


class KeptEmailField(KeptTextMixin, forms.EmailField):
    pass


class ProposalForm(forms.ModelForm):
    """«Foreslå et tiltak»: a few fields, no account. Spam is kept out by a field people never see and
    a minimum time between opening and sending; rate limiting is the view's."""

    title = KeptCharField(label=_("Hva er tiltaket?"), max_length=200, error_messages=TEXT_ERRORS,
                          help_text=_("Et kort navn, f.eks. «Lån av sykepleiere fra private sykehjem»."))
    description = KeptCharField(
        label=_("Beskriv tiltaket"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6}), error_messages=TEXT_ERRORS,
        help_text=_("Hva det gir, hvem som tilbyr det og hvordan en kommune ber om det."),
    )
    source = KeptCharField(label=_("Kilde eller lenke (valgfritt)"), max_length=500, required=False,
                           error_messages=TEXT_ERRORS, help_text=_("Hvor redaksjonen kan lese mer om tiltaket."))
    organisation = KeptCharField(label=_("Kommune eller virksomhet (valgfritt)"), max_length=150, required=False,
                                 error_messages=TEXT_ERRORS)
    contact_email = KeptEmailField(
        label=_("E-post (valgfritt)"), max_length=254, required=False,
        error_messages={**TEXT_ERRORS, "invalid": _("Skriv en gyldig e-postadresse, f.eks. navn@kommune.no.")},
        help_text=_("Bare hvis dere vil at redaksjonen skal kunne svare. Den vises aldri på sidene."),
    )
    # The honeypot: hidden from people (and screen readers), filled in by form-filling robots.
    nettsted = forms.Field(label=_("La dette feltet stå tomt"), required=False)
    opened = forms.Field(required=False, widget=forms.HiddenInput)

    class Meta:
        model = MeasureProposal
        fields = ["title", "description", "source", "organisation", "contact_email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["opened"] = opened_token()
        self.is_spam = False
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.form_class = "kp-proposal-form"
        self.helper.layout = Layout(
            *self.Meta.fields,
            Div(Field("nettsted", tabindex="-1", autocomplete="off"), css_class="kp-honeypot", aria_hidden="true"),
            "opened",
            _submit(_("Send forslaget"), "send-forslag"),
        )

    def clean(self):
        cleaned = super().clean()
        if str(cleaned.get("nettsted") or "").strip():
            self.is_spam = True
            raise forms.ValidationError(_("Forslaget ble ikke sendt."), code="honeypot")
        opened = self._opened_at()
        if opened is None:
            self._renew_opened()
            raise forms.ValidationError(
                _("Skjemaet var for gammelt. Teksten din er beholdt: send forslaget på nytt."), code="stale_form")
        if time.time() - opened < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("Forslaget ble sendt for raskt etter at siden ble åpnet. Teksten din er beholdt: vent noen sekunder "
                  "og send på nytt."), code="too_fast")
        return cleaned

    def _opened_at(self):
        token = self.data.get(self.add_prefix("opened"))
        try:
            opened = signing.loads(token, salt=PROPOSAL_SALT, max_age=MAX_FORM_AGE) if isinstance(token, str) else None
        except signing.BadSignature:
            return None
        if not isinstance(opened, (int, float)) or not 0 <= time.time() - opened <= MAX_FORM_AGE:
            return None
        return opened

    def _renew_opened(self):
        data = self.data.copy()
        data[self.add_prefix("opened")] = opened_token()
        self.data = data
