import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffing.finder import Horizon
from staffing.models import PersonnelKind, Speed, Task

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
EARLIEST_DATE = datetime.date(2020, 1, 1)


class IsoDateInput(forms.DateInput):
    """A native date picker needs yyyy-mm-dd even when the address said 15.06.2022."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            for date_format in DATE_FORMATS:
                try:
                    return datetime.datetime.strptime(value, date_format).date().isoformat()
                except ValueError:
                    continue
        return super().format_value(value)


def _invalid(message):
    return {"invalid_choice": message}


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
        choices=[(CURRENT, _("Bare tiltak som gjelder nå")), (ALL, _("Vis også utløpte og kommende tiltak"))],
        error_messages=_invalid(_("«%(value)s» er ikke et gyldig valg. Velg «gjelder nå» eller «vis også utløpte».")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "get"
        self.helper.form_class = "kp-filter-form"
        self.helper.attrs = {"aria-label": _("Filtrer tiltakene")}
        self.helper.add_input(Submit("", _("Vis tiltak"), css_id="vis-tiltak"))

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
    """Four questions: what, how soon, must they be authorised, on which date."""

    oppgave = forms.ChoiceField(
        label=_("Hva trenger dere hjelp til?"), widget=forms.RadioSelect,
        choices=[*Task.choices, ("", _("Flere oppgaver eller vet ikke"))], required=False,
        error_messages=_invalid(_("«%(value)s» er ikke en oppgave portalen kjenner. Velg en oppgave fra listen.")),
    )
    naar = forms.ChoiceField(
        label=_("Hvor raskt trenger dere hjelp?"), widget=forms.RadioSelect, choices=Horizon.choices,
        error_messages={
            **_invalid(_("«%(value)s» er ikke et gyldig valg for hvor raskt. Velg fra listen.")),
            "required": _("Velg hvor raskt dere trenger hjelp."),
        },
    )
    autorisert = forms.ChoiceField(
        label=_("Må personellet være autorisert helsepersonell?"), widget=forms.RadioSelect, required=False,
        choices=[("nei", _("Nei, andre kan også hjelpe")), ("ja", _("Ja, det må være autorisert helsepersonell"))],
        error_messages=_invalid(_("Svar «ja» eller «nei» på om personellet må være autorisert.")),
    )
    dato = forms.DateField(
        # No help_text: the designsystemet pack's field template cannot render it on a text input yet.
        label=_("For hvilken dato? (tomt betyr i dag)"), required=False, input_formats=DATE_FORMATS,
        widget=IsoDateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datoen som dd.mm.åååå, for eksempel 15.06.2022.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "get"
        self.helper.form_class = "kp-finder-form"
        self.helper.add_input(Submit("", _("Finn tiltak"), css_id="finn-tiltak"))

    def clean_dato(self):
        day = self.cleaned_data["dato"] or timezone.localdate()
        if day < EARLIEST_DATE:
            raise forms.ValidationError(
                _("Portalen har ingen tiltak fra før 2020. Velg en dato fra 01.01.2020."), code="too_early"
            )
        return day

    def clean_autorisert(self):
        return self.cleaned_data["autorisert"] == "ja"
