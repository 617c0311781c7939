"""CSV export that Norwegian Excel opens correctly: UTF-8 with BOM and ';' as separator."""

import csv

from django.http import HttpResponse
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from prioritering.presentation import row_views

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _date(value):
    return date_format(value, "d.m.Y") if value else ""


def worksheet_csv_response(worksheet):
    filename = f"prioritering-{slugify(worksheet.municipality.name)}-{worksheet.pk}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Nr"), _("Tjeneste"), _("Tjenestetype"), _("Tiltak"), _("Begrunnelse"), _("Nytte"),
                     _("Alvorlighet"), _("Ressurs"), _("Mestring"), _("Indikativ prioritet (ikke en beslutning)"),
                     _("Sårbare grupper"), _("Plan for sårbare grupper"), _("Forsvarlig minimum"), _("Involvering"),
                     _("Varer til"), _("Vedtaksform"), _("Journalført"), _("Feil"), _("Advarsler"),
                     _("Kommune"), _("Tjenesteenhet"), _("Fase"), _("Status")])
    for view in row_views(worksheet):
        row = view.row
        writer.writerow([_cell(v) for v in [
            view.number, row.title, row.get_service_type_display(), row.get_action_display(),
            row.get_reason_display(), row.nytte, row.alvorlighet, row.ressurs, row.mestring,
            f"{view.priority.label} ({view.priority.score})" if view.priority else _("Ikke vurdert"),
            ", ".join(str(g) for g in row.vulnerable_group_labels()), row.vulnerable_plan, row.forsvarlig_minimum,
            row.get_involvement_display(), _date(row.end_date), row.get_decision_form_display(),
            row.journal_reference, " | ".join(f.code for f in view.errors), " | ".join(f.code for f in view.warnings),
            worksheet.municipality.name, worksheet.service_unit, worksheet.phase, worksheet.get_status_display(),
        ]])
    return response
