import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django import forms
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from prioritering.bistand.vocabulary import (
    PRECONDITION_QUOTE, PRECONDITION_SOURCE, ForwardedTo, HelpSource, Profession, Task, Urgency,
)
from prioritering.forms import DATE_FORMATS, DATE_HINT, RevisionMixin
from prioritering.models import (
    AssistanceRequest, CapacityOffer, Municipality, RequestStatus, Role, Worksheet,
)
from prioritering.validators import validate_no_personal_data

REQUIRED = {
    "municipality": _("Velg kommunen."),
    "task": _("Velg hva dere trenger hjelp til."),
    "profession": _("Velg hva slags personell det gjelder."),
    "people": _("Skriv hvor mange personer, for eksempel 4."),
    "urgency": _("Velg hvor raskt dere trenger hjelp."),
    "start_date": _("Skriv fra hvilken dato, som dd.mm.åååå, for eksempel 16.03.2022."),
    "description": _("Beskriv kort hva som trengs."),
    "tried_first": _("Skriv hva kommunen har forsøkt selv først, for eksempel egne vikarlister eller pensjonister."),
    "help_from": _("Velg hvem dere ber Statsforvalteren koordinere hjelp fra."),
    "action": _("Velg hva Statsforvalteren har gjort."),
    "note": _("Skriv en merknad til kommunen: hva som er gjort, og hva kommunen skal gjøre nå."),
}
PEOPLE_ERRORS = {
    "invalid": _("Skriv antallet med sifre, for eksempel 4."),
    "min_value": _("Skriv minst 1 person."),
    "max_value": _("Skriv høyst %(limit_value)s personer. Trengs flere, send flere forespørsler."),
}


def _date_field(field):
    field.input_formats = DATE_FORMATS
    field.widget = forms.DateInput(format="%d.%m.%Y", attrs={"inputmode": "numeric", "autocomplete": "off"})
    field.help_text = f"{field.help_text}{DATE_HINT}"
    field.error_messages["invalid"] = _("Datoen finnes ikke eller er skrevet feil. Skriv den som dd.mm.åååå, for "
                                        "eksempel 16.03.2022.")


def _messages(form):
    for name, message in REQUIRED.items():
        if name in form.fields:
            form.fields[name].error_messages["required"] = message
    if "people" in form.fields:
        form.fields["people"].error_messages.update(PEOPLE_ERRORS)


def _radio(form, *names):
    for name in names:
        field = form.fields[name]
        field.widget = forms.RadioSelect(choices=field.choices)
        field.choices = [c for c in field.choices if c[0] not in ("", None)]


def _own_municipalities(user, roles):
    return Municipality.objects.filter(memberships__user=user, memberships__role__in=roles).order_by("name")


class _MunicipalityChoice(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(queryset=Municipality.objects.none(), label=_("Kommune"),
                         error_messages={"invalid_choice": _("Velg en av dine egne kommuner.")}, **kwargs)

    def label_from_instance(self, obj):
        return obj.name


def _municipality_field(form, user, help_text):
    """Only the user's own municipalities where they may write; preselected when there is one."""
    field = form.fields["municipality"] = _MunicipalityChoice(help_text=help_text)
    field.queryset = _own_municipalities(user, [Role.CONTRIBUTOR, Role.LEADER])
    own = list(field.queryset[:2])
    if len(own) == 1:
        field.empty_label = None
        form.initial.setdefault("municipality", own[0].pk)
    else:
        field.empty_label = _("Velg kommune")


class _WorksheetChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(unit)s, fase %(phase)s (%(status)s, vurdert %(date)s)") % {
            "unit": obj.service_unit, "phase": obj.phase, "status": obj.get_status_display().lower(),
            "date": date_format(obj.assessed_on, "d.m.Y")}


NEED_FIELDS = ["task", "profession", "people", "start_date", "end_date", "description"]
REQUEST_FIELDS = ["task", "profession", "people", "urgency", "start_date", "end_date", "help_from",
                  "volunteers_tried", "commercial_tried", "description", "service", "worksheet", "tried_first",
                  "source_measure"]


class AssistanceRequestForm(RevisionMixin, forms.ModelForm):
    help_from = forms.MultipleChoiceField(
        choices=HelpSource.choices, widget=forms.CheckboxSelectMultiple, label=_("Hvem ber dere om hjelp fra?"),
        help_text=_("Statsforvalteren koordinerer bistand fra nabokommuner, Sivilforsvaret og Forsvaret, og gir "
                    "tilgang til helsefagstudenter til vaksinering. Kryss av for alt som kan passe."),
    )

    class Meta:
        model = AssistanceRequest
        fields = REQUEST_FIELDS
        labels = {
            "task": _("Hva trenger dere hjelp til?"), "profession": _("Hvem mangler dere?"),
            "urgency": _("Hvor raskt trenger dere hjelp?"), "people": _("Hvor mange personer?"),
            "start_date": _("Fra dato"), "end_date": _("Til dato (kan stå tom)"),
            "description": _("Hva trengs?"), "service": _("Tjenesten det gjelder (kan stå tom)"),
            "worksheet": _("Prioriteringsskjemaet det gjelder (kan stå tomt)"),
            "tried_first": _("Hva har kommunen forsøkt selv?"),
            "volunteers_tried": _("Har kommunen forsøkt å skaffe frivillige?"),
            "commercial_tried": _("Har kommunen forsøkt å skaffe kommersielle aktører, for eksempel "
                                  "bemanningsbyråer?"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}), "tried_first": forms.Textarea(attrs={"rows": 3}),
            "source_measure": forms.HiddenInput,
        }

    layout_names = ["task", "profession", "people", "urgency", "start_date", "end_date", "description", "service",
                    "worksheet", "help_from", "tried_first", "volunteers_tried", "commercial_tried",
                    "source_measure", "revision"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        creating = not self.instance.pk
        if creating:
            del self.fields["revision"]
            _municipality_field(self, user, _("Kommunen som ber om hjelp. Bare leder og bidragsyter kan skrive."))
        elif not self.is_bound:
            self.initial["revision"] = self.instance.revision
        for name in ("start_date", "end_date"):
            _date_field(self.fields[name])
        _radio(self, "task", "profession", "urgency", "volunteers_tried", "commercial_tried")
        for name in ("volunteers_tried", "commercial_tried"):
            self.fields[name].help_text = _("Må besvares når dere ber om Sivilforsvaret eller Forsvaret.")
        self.fields["worksheet"] = _WorksheetChoice(
            queryset=self._worksheets(user), required=False, label=self.Meta.labels["worksheet"],
            empty_label=_("Ingen"), help_text=self.fields["worksheet"].help_text,
            error_messages={"invalid_choice": _("Velg et av kommunens egne skjemaer.")})
        _messages(self)
        names = (["municipality"] if creating else []) + self.layout_names
        self.order_fields(names)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Behovet"), *(["municipality"] if creating else []), "task", "profession", "people", "urgency",
                     "start_date", "end_date", "description", "service", "worksheet"),
            Fieldset(_("Hjelp fra og forsøkt først"), "help_from", "tried_first",
                     HTML(format_html(
                         '<p class="ds-paragraph kp-precondition">{} <span class="kp-quote">({})</span></p>',
                         PRECONDITION_QUOTE, PRECONDITION_SOURCE)),
                     "volunteers_tried", "commercial_tried"),
            "source_measure", *([] if creating else ["revision"]),
        )
        self.helper.add_input(Submit("lagre", _("Lagre utkastet")))

    def _worksheets(self, user):
        if self.instance.pk:
            queryset = Worksheet.objects.filter(municipality_id=self.instance.municipality_id)
        else:
            own = _own_municipalities(user, [Role.CONTRIBUTOR, Role.LEADER])
            queryset = Worksheet.objects.filter(municipality__in=own)
        return queryset.select_related("municipality").order_by("-assessed_on", "-pk")

    def _post_clean(self):
        if "municipality" in self.cleaned_data:
            self.instance.municipality = self.cleaned_data["municipality"]
        super()._post_clean()

    def request_data(self):
        return {name: self.cleaned_data[name] for name in REQUEST_FIELDS}

    @classmethod
    def initial_from_query(cls, query):
        """The finder's answers and the measure a user came from, as the form's first values.

        Anything unknown is left out rather than refused: a link is a suggestion, not input.
        """
        initial = {}
        choices = {"oppgave": ("task", Task), "personell": ("profession", Profession), "naar": ("urgency", Urgency)}
        for key, (name, vocabulary) in choices.items():
            if query.get(key) in vocabulary.values:
                initial[name] = query[key]
        day = _parse_day(query.get("dato", ""))
        if day:
            initial["start_date"] = day
        wanted = [code for code in query.getlist("hjelp") if code in HelpSource.values]
        if wanted:
            initial["help_from"] = wanted
        measure = " ".join(query.get("tiltak", "").split())[:200]
        if measure and not validate_no_personal_data_quietly(measure):
            initial["source_measure"] = measure
        return initial


def _parse_day(text):
    text = (text or "").strip()[:10]
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    try:
        return parse_date(text)
    except ValueError:
        return None


def validate_no_personal_data_quietly(text):
    """True when the text would be refused by the personal-data guard."""
    try:
        validate_no_personal_data(text)
    except forms.ValidationError:
        return True
    return False


class OfferForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = CapacityOffer
        fields = NEED_FIELDS
        labels = {
            "task": _("Hva kan personellet hjelpe med?"), "profession": _("Hva slags personell?"),
            "people": _("Hvor mange personer?"), "start_date": _("Ledig fra dato"),
            "end_date": _("Ledig til dato (kan stå tom)"), "description": _("Beskriv kapasiteten"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        creating = not self.instance.pk
        if creating:
            del self.fields["revision"]
            _municipality_field(self, user, _("Kommunen som har ledig kapasitet."))
        elif not self.is_bound:
            self.initial["revision"] = self.instance.revision
        for name in ("start_date", "end_date"):
            _date_field(self.fields[name])
        _radio(self, "task", "profession")
        self.fields["description"].help_text = _(
            "For eksempel hvilke vakter, om personellet kan reise, og hvem hos dere Statsforvalteren skal kontakte "
            "(en rolle, ikke et navn).")
        _messages(self)
        self.order_fields((["municipality"] if creating else []) + NEED_FIELDS + ["revision"])
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Kapasiteten"), *(["municipality"] if creating else []), *NEED_FIELDS),
            *([] if creating else ["revision"]),
        )
        self.helper.add_input(Submit("lagre", _("Lagre utkastet")))

    def _post_clean(self):
        if "municipality" in self.cleaned_data:
            self.instance.municipality = self.cleaned_data["municipality"]
        super()._post_clean()

    def offer_data(self):
        return {name: self.cleaned_data[name] for name in NEED_FIELDS}


class ConfirmForm(RevisionMixin):
    """Submit or withdraw: only the revision the user saw, so a change made meanwhile is noticed."""


class _OfferChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        end = date_format(obj.end_date, "d.m.Y") if obj.end_date else _("ikke fastsatt")
        return _("%(name)s: %(title)s, %(start)s–%(end)s") % {
            "name": obj.municipality.name, "title": obj.title, "start": date_format(obj.start_date, "d.m.Y"),
            "end": end}


ACTION_CHOICES = [
    (RequestStatus.REFERRED, _("Formidlet til en kommune")),
    (RequestStatus.FORWARDED, _("Sendt videre til Sivilforsvaret eller Forsvaret")),
    (RequestStatus.COVERED, _("Dekket")),
    (RequestStatus.NOT_COVERED, _("Ikke dekket")),
]


class CoordinateForm(RevisionMixin):
    action = forms.ChoiceField(choices=ACTION_CHOICES, widget=forms.RadioSelect, label=_("Hva har dere gjort?"))
    offer = _OfferChoice(
        queryset=CapacityOffer.objects.none(), required=False, label=_("Tilbudet som dekker behovet (kan stå tomt)"),
        empty_label=_("Ingen"), help_text=_("Tilbud fra andre kommuner i fylket med samme oppgave og personell og "
                                            "perioder som overlapper."),
        error_messages={"invalid_choice": _("Velg et av tilbudene i listen.")},
    )
    referred_to = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), required=False, label=_("Formidlet til kommune"),
        empty_label=_("Velg kommune"), help_text=_("Trengs ved «Formidlet» når dere ikke har valgt et tilbud."),
        error_messages={"invalid_choice": _("Velg en kommune i fylket.")},
    )
    forwarded_to = forms.ChoiceField(
        choices=ForwardedTo.choices, required=False, widget=forms.RadioSelect, label=_("Sendt videre til"),
        help_text=_("Trengs ved «Sendt videre»."),
    )
    note = forms.CharField(
        label=_("Merknad til kommunen"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_no_personal_data],
        help_text=_("Kommunen ser merknaden med en gang på sin side og får den på e-post. Skriv om tjenester og "
                    "antall, ikke om pasienter eller navngitte ansatte."),
    )

    def __init__(self, *args, request_obj, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        self.fields["offer"].queryset = CapacityOffer.objects.filter(pk__in=[o.pk for o in offers]).select_related(
            "municipality")
        self.fields["referred_to"].queryset = Municipality.objects.filter(
            county=request_obj.municipality.county).exclude(pk=request_obj.municipality_id).order_by("name")
        self.fields["referred_to"].label_from_instance = lambda m: m.name
        if not self.is_bound:
            self.initial["revision"] = request_obj.revision
        _messages(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Registrer hva dere har gjort"), "action", "offer", "referred_to", "forwarded_to", "note"),
            "revision",
        )
        self.helper.add_input(Submit("lagre", _("Lagre og varsle kommunen")))

    def clean(self):
        cleaned = super().clean()
        action, offer, place = cleaned.get("action"), cleaned.get("offer"), cleaned.get("referred_to")
        if action == RequestStatus.REFERRED:
            if offer and place and offer.municipality_id != place.pk:
                self.add_error("referred_to", forms.ValidationError(
                    _("Tilbudet er fra %(name)s. Velg samme kommune, eller la feltet stå tomt.")
                    % {"name": offer.municipality.name}, code="offer_elsewhere"))
            elif not offer and not place:
                self.add_error("referred_to", forms.ValidationError(
                    _("Velg kommunen behovet er formidlet til, eller tilbudet som dekker det."), code="referred_to"))
            elif offer:
                cleaned["referred_to"] = offer.municipality
        if action == RequestStatus.FORWARDED and not cleaned.get("forwarded_to"):
            self.add_error("forwarded_to", forms.ValidationError(
                _("Velg om behovet er sendt videre til Sivilforsvaret eller Forsvaret."), code="forwarded_to"))
        return cleaned

    def coordination_data(self):
        data = self.cleaned_data
        return {"action": data["action"], "note": data["note"].strip(), "referred_to": data.get("referred_to"),
                "forwarded_to": data.get("forwarded_to") or "", "offer": data.get("offer")}
