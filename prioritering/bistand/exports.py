"""The county's requests and offers as CSV that Norwegian Excel opens (the worksheets' format: UTF-8
with BOM, ';', words not codes, formulas defused)."""

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from prioritering.county import norwegian_key
from prioritering.exports import _csv_response, _date
from prioritering.models import AssistanceRequest, CapacityOffer

HEADER = [
    _l("Type"), _l("Fylke"), _l("Kommune"), _l("Oppgave"), _l("Personell"), _l("Antall personer"), _l("Fra dato"),
    _l("Til dato"), _l("Hvor raskt"), _l("Hjelp fra"), _l("Frivillige forsøkt"), _l("Kommersielle aktører forsøkt"),
    _l("Tjenesten"), _l("Beskrivelse"), _l("Forsøkt først"), _l("Status"), _l("Merknad fra Statsforvalteren"),
    _l("Sendt"), _l("Sist koordinert"),
]


def _request_line(r):
    return [
        _("Forespørsel"), r.municipality.county, r.municipality.name, r.get_task_display(), r.get_profession_display(),
        r.people, _date(r.start_date), _date(r.end_date), r.get_urgency_display(), ", ".join(r.help_from_labels()),
        r.get_volunteers_tried_display(), r.get_commercial_tried_display(), r.service, r.description, r.tried_first,
        r.coordination_label, r.coordination_note, _date(r.submitted_at), _date(r.coordinated_at),
    ]


def _offer_line(o):
    return [
        _("Tilbud"), o.municipality.county, o.municipality.name, o.get_task_display(), o.get_profession_display(),
        o.people, _date(o.start_date), _date(o.end_date), "", "", "", "", "", o.description, "",
        o.get_status_display(), "", _date(o.submitted_at), "",
    ]


def county_requests_csv(counties):
    """Every request sent from the counties (never a draft) and every offer reported, two queries."""
    requests = (AssistanceRequest.objects.for_counties(counties).select_related("municipality", "referred_to")
                .by_urgency())
    offers = CapacityOffer.objects.for_counties(counties).select_related("municipality").order_by("start_date", "pk")
    lines = [_request_line(r) for r in requests] + [_offer_line(o) for o in offers]
    filename = f"bistand-fylke-{slugify('-'.join(sorted(counties, key=norwegian_key)))}.csv"
    return _csv_response(filename, HEADER, lines)
