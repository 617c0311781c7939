"""Statsforvalteren's read-only overview of the decided worksheets in its county.

Only decisions in force are shown (see WorksheetQuerySet.latest_decided); drafts never leave the
municipality. Three queries whatever the county's size: municipalities, worksheets, reduced rows.
A reduction whose end date has passed is listed apart, as ended: it no longer says anything about
today. A reduced or paused palliative service is marked, since the note says palliative care
«må sikres». Each municipality's staffing gap is summed from the worksheets in force.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from prioritering import note
from prioritering.models import Municipality, ServiceRow, Worksheet

_NORWEGIAN_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # after z, in the order æ, ø, å

# The note: «Personer i livets sluttfase, må sikres god lindrende behandling og omsorg».
MUST_BE_SECURED = {"lindrende"}


def norwegian_key(text):
    return str(text).lower().translate(_NORWEGIAN_LAST)


@dataclass
class StaffingGap:
    """Årsverk available and needed, summed over the worksheets that give both numbers."""

    worksheets: list

    @property
    def counted(self):
        return [w for w in self.worksheets if w.staff_available is not None and w.staff_needed is not None]

    @property
    def available(self):
        return sum(w.staff_available for w in self.counted)

    @property
    def needed(self):
        return sum(w.staff_needed for w in self.counted)

    @property
    def missing(self):
        return max(self.needed - self.available, 0)

    @property
    def known(self):
        return bool(self.counted)

    @property
    def uncounted(self):
        return len(self.worksheets) - len(self.counted)


@dataclass
class MunicipalityLine:
    municipality: Municipality
    worksheets: list = field(default_factory=list)
    reduced: list = field(default_factory=list)
    ended: list = field(default_factory=list)

    @property
    def phases(self):
        return sorted({w.phase for w in self.worksheets})

    @property
    def overdue(self):
        return [w for w in self.worksheets if w.review_overdue]

    @property
    def gap(self):
        return StaffingGap(self.worksheets)

    @property
    def must_be_secured(self):
        return [row for row in self.reduced if row.service_type in MUST_BE_SECURED]


@dataclass
class ServiceLine:
    label: str
    rows: list = field(default_factory=list)


@dataclass
class CountyOverview:
    counties: list
    municipalities: list
    services: list
    ended: list = field(default_factory=list)

    @property
    def overdue(self):
        return [w for line in self.municipalities for w in line.overdue]

    @property
    def decided_count(self):
        return sum(len(line.worksheets) for line in self.municipalities)

    @property
    def must_be_secured(self):
        return [row for line in self.municipalities for row in line.must_be_secured]


def municipality_lines(counties):
    """Each municipality of the counties with its decisions in force: two queries."""
    municipalities = sorted(Municipality.objects.filter(county__in=counties),
                            key=lambda m: (norwegian_key(m.county), norwegian_key(m.name)))
    lines = {m.pk: MunicipalityLine(m) for m in municipalities}
    worksheets = list(Worksheet.objects.latest_decided().in_counties(counties).select_related("municipality")
                      .order_by("-decided_at", "-pk"))
    for worksheet in worksheets:
        lines[worksheet.municipality_id].worksheets.append(worksheet)
    return lines, worksheets


def is_ended(row, today):
    return row.end_date is not None and row.end_date < today


def county_overview(counties):
    lines, worksheets = municipality_lines(counties)
    by_id = {w.pk: w for w in worksheets}
    today = timezone.localdate()
    rows = ServiceRow.objects.filter(worksheet__in=list(by_id), action__in=note.REDUCING_ACTIONS)
    services, ended = {}, []
    for row in rows.order_by("position", "pk"):
        row.worksheet = by_id[row.worksheet_id]
        line = lines[row.worksheet.municipality_id]
        if is_ended(row, today):
            line.ended.append(row)
            ended.append(row)
            continue
        line.reduced.append(row)
        services.setdefault(row.service_type, ServiceLine(row.get_service_type_display())).rows.append(row)
    order = [code for code, _label in note.SERVICE_TYPES]
    for line in services.values():
        line.rows.sort(key=_by_place)
    ended.sort(key=lambda r: (-r.end_date.toordinal(), *_by_place(r)))
    return CountyOverview(
        counties=sorted(counties, key=norwegian_key),
        municipalities=list(lines.values()),
        services=[services[code] for code in sorted(services, key=order.index)],
        ended=ended,
    )


def _by_place(row):
    return norwegian_key(row.worksheet.municipality.name), norwegian_key(row.title)
