"""CSV export that Norwegian Excel opens correctly: UTF-8 with BOM and ';' as separator. Words, never codes."""

import csv

from django.http import HttpResponse
import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from prioritering.presentation import row_views

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _date(value):
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return date_format(value, "d.m.Y") if value else ""


def _yes_no(value):
    return _("Ja") if value else _("Nei")


def _csv_response(filename, header, lines):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for line in lines:
        writer.writerow([_cell(v) for v in line])
    return response


def _acknowledged(view):
    return " | ".join(
        f"{f.title}: {f.reason}" if f.reason else _("%(title)s: vurdert uten skriftlig begrunnelse") % {"title": f.title}
        for f in view.acknowledged_warnings)


WORKSHEET_HEADER = [
    _l("Nr"),
    _l("Tjeneste"),
    _l("Tjenestetype"),
    _l("Tiltak"),
    _l("Begrunnelse"),
    _l("Nytte"),
    _l("Alvorlighet"),
    _l("Ressurs"),
    _l("Mestring"),
    _l("Indikativ prioritet (portalens hjelpemiddel, ikke en beslutning)"),
    _l("Sårbare grupper"),
    _l("Plan for sårbare grupper"),
    _l("Forsvarlig minimum"),
    _l("Involvering"),
    _l("Varer til"),
    _l("Tildelt ved enkeltvedtak"),
    _l("Vedtaksform"),
    _l("Journalført"),
    _l("Medisinskfaglig begrunnelse (smittevern)"),
    _l("Konkret vurdering for muntlige vedtak"),
    _l("Mottakerne har forstått endringen"),
    _l("Opplyst om klageretten"),
    _l("Feil"),
    _l("Advarsler som ikke er vurdert"),
    _l("Vurderte advarsler med begrunnelse"),
    _l("Kommune"),
    _l("Tjenesteenhet"),
    _l("Fase"),
    _l("Status"),
]


def worksheet_csv_response(worksheet):
    filename = f"prioritering-{slugify(worksheet.municipality.name)}-{worksheet.pk}.csv"
    lines = []
    for view in row_views(worksheet):
        row = view.row
        lines.append([
            view.number, row.title, row.get_service_type_display(), row.get_action_display(),
            row.get_reason_display(), *(row.criterion_step(name) for name in ("nytte", "alvorlighet", "ressurs", "mestring")),
            f"{view.priority.label} ({view.priority.score} av 12)" if view.priority else _("Ikke vurdert"),
            ", ".join(str(g) for g in row.vulnerable_group_labels()), row.vulnerable_plan, row.forsvarlig_minimum,
            row.get_involvement_display(), _date(row.end_date), row.get_individual_decision_display(),
            row.get_decision_form_display(), row.journal_reference, row.medical_basis, row.oral_justification,
            row.get_reversal_understood_display(), row.get_complaint_info_display(),
            " | ".join(str(f.title) for f in view.errors),
            " | ".join(str(f.title) for f in view.warnings if not (f.acknowledged or f.acknowledged_without_reason)),
            _acknowledged(view),
            worksheet.municipality.name, worksheet.service_unit, worksheet.get_phase_display(),
            worksheet.get_status_display(),
        ])
    return _csv_response(filename, WORKSHEET_HEADER, lines)


COUNTY_HEADER = [
    _l("Fylke"),
    _l("Kommune"),
    _l("Kommunenummer"),
    _l("Tjenesteenhet"),
    _l("Fase"),
    _l("Vedtatt"),
    _l("Neste gjennomgang"),
    _l("Gjennomgangen er forfalt"),
    _l("Reduserte tjenester"),
    _l("Midlertidig stansede tjenester"),
    _l("Personell tilgjengelig (årsverk)"),
    _l("Personell som trengs (årsverk)"),
]


def _service(row, ended):
    if not row.end_date:
        return f"{row.title} ({_('uten sluttdato')})"
    if ended:
        return f"{row.title} (til {_date(row.end_date)}, {_('avsluttet')})"
    return f"{row.title} (til {_date(row.end_date)})"


def _services(line, worksheet, action):
    rows = [(row, False) for row in line.reduced] + [(row, True) for row in line.ended]
    return " | ".join(_service(row, ended) for row, ended in rows
                      if row.worksheet_id == worksheet.pk and row.action == action)


def county_csv_response(overview):
    lines = []
    for line in overview.municipalities:
        m = line.municipality
        if not line.worksheets:
            lines.append([m.county, m.name, m.number, _("Ingen vedtatte skjemaer"), "", "", "", "", "", "", "", ""])
        for w in line.worksheets:
            lines.append([
                m.county, m.name, m.number, w.service_unit, w.get_phase_display(), _date(w.decided_at),
                _date(w.next_review), _yes_no(w.review_overdue),
                _services(line, w, "redusere"), _services(line, w, "stanse"), w.staff_available, w.staff_needed,
            ])
    filename = f"prioritering-fylke-{slugify('-'.join(overview.counties))}.csv"
    return _csv_response(filename, COUNTY_HEADER, lines)
