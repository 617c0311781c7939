"""What the detail and print pages show: numbered rows with their findings, priority and the matrix."""

from dataclasses import dataclass

from prioritering import guardrails, matrix


@dataclass
class RowView:
    number: int
    row: object
    priority: object
    findings: list

    @property
    def errors(self):
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self):
        return [f for f in self.findings if not f.is_error]

    @property
    def unacknowledged_warnings(self):
        return [f for f in self.warnings if not f.acknowledged]


def _sort_key(sort):
    if sort == "prioritet":
        # Highest indicative priority first; rows not yet assessed last.
        return lambda v: (v.priority is None, -(v.priority.score if v.priority else 0), v.number)
    if sort == "tjeneste":
        return lambda v: (str(v.row.title).lower(), v.number)
    if sort == "tiltak":
        return lambda v: (v.row.action, v.number)
    return lambda v: v.number


def row_views(worksheet, sort="rekkefolge"):
    rows = list(worksheet.rows.all())
    views = [RowView(n, row, row.priority, guardrails.check_row(row, worksheet.phase))
             for n, row in enumerate(rows, start=1)]
    return sorted(views, key=_sort_key(sort))


def worksheet_context(worksheet, sort):
    views = row_views(worksheet, sort)
    numbered = sorted(((v.number, v.row) for v in views), key=lambda pair: pair[0])
    return {
        "worksheet": worksheet,
        "rows": views,
        "sort": sort,
        "markers": matrix.markers(numbered),
        "grid": matrix.grid(),
        "unassessed": [v for v in sorted(views, key=lambda v: v.number) if v.priority is None],
        "error_count": sum(len(v.errors) for v in views),
        "warning_count": sum(len(v.warnings) for v in views),
    }
