"""Statsforvalteren's read-only overview of the decided worksheets in its county.

Only decisions in force are shown (see WorksheetQuerySet.latest_decided); drafts never leave the
municipality. Three queries whatever the county's size: municipalities, worksheets, reduced rows.
"""

from dataclasses import dataclass, field

from prioritering import note
from prioritering.models import Municipality, ServiceRow, Worksheet

_NORWEGIAN_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # after z, in the order æ, ø, å


def norwegian_key(text):
    return str(text).lower().translate(_NORWEGIAN_LAST)


@dataclass
class MunicipalityLine:
    municipality: Municipality
    worksheets: list = field(default_factory=list)
    reduced: list = field(default_factory=list)

    @property
    def phases(self):
        return sorted({w.phase for w in self.worksheets})

    @property
    def overdue(self):
        return [w for w in self.worksheets if w.review_overdue]


@dataclass
class ServiceLine:
    label: str
    rows: list = field(default_factory=list)


@dataclass
class CountyOverview:
    counties: list
    municipalities: list
    services: list

    @property
    def overdue(self):
        return [w for line in self.municipalities for w in line.overdue]

    @property
    def decided_count(self):
        return sum(len(line.worksheets) for line in self.municipalities)


def county_overview(counties):
    municipalities = sorted(Municipality.objects.filter(county__in=counties),
                            key=lambda m: (norwegian_key(m.county), norwegian_key(m.name)))
    lines = {m.pk: MunicipalityLine(m) for m in municipalities}
    worksheets = list(Worksheet.objects.latest_decided().in_counties(counties).select_related("municipality")
                      .order_by("-decided_at", "-pk"))
    by_id = {w.pk: w for w in worksheets}
    for worksheet in worksheets:
        lines[worksheet.municipality_id].worksheets.append(worksheet)
    rows = ServiceRow.objects.filter(worksheet__in=list(by_id), action__in=note.REDUCING_ACTIONS)
    services = {}
    for row in rows.order_by("position", "pk"):
        row.worksheet = by_id[row.worksheet_id]
        lines[row.worksheet.municipality_id].reduced.append(row)
        services.setdefault(row.service_type, ServiceLine(row.get_service_type_display())).rows.append(row)
    order = [code for code, _label in note.SERVICE_TYPES]
    for line in services.values():
        line.rows.sort(key=lambda r: (norwegian_key(r.worksheet.municipality.name), norwegian_key(r.title)))
    return CountyOverview(
        counties=sorted(counties, key=norwegian_key),
        municipalities=list(lines.values()),
        services=[services[code] for code in sorted(services, key=order.index)],
    )
