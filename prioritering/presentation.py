"""What the detail and print pages show: numbered rows with their findings, a summary per rule, and the matrix."""

from dataclasses import dataclass, field

from prioritering import guardrails, matrix, note_sections


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

    @property
    def acknowledged_warnings(self):
        return [f for f in self.warnings if f.acknowledged or f.acknowledged_without_reason]

    @property
    def open_findings(self):
        """What still stands in the way of a decision."""
        return [f for f in self.findings if not f.acknowledged]


@dataclass
class RuleLine:
    """One line of the summary: a rule and the rows it concerns, each with its finding."""

    code: str
    rule: object
    entries: list = field(default_factory=list)  # (RowView, Finding)

    @property
    def is_error(self):
        return self.rule.level == guardrails.ERROR

    @property
    def chapter(self):
        return note_sections.chapter(self.rule.section)

    @property
    def open_count(self):
        return sum(not finding.acknowledged for _view, finding in self.entries)

    @property
    def unconsidered_count(self):
        """Entries nobody has looked at: on a decided worksheet, acknowledgements without a reason count as looked at."""
        return sum(not (finding.acknowledged or finding.acknowledged_without_reason) for _view, finding in self.entries)


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


def rule_lines(views, worksheet_findings=()):
    """Errors first, then warnings, each in the order of guardrails.RULES; rows in their numbered order.

    A finding about the worksheet as a whole is an entry without a row view (None).
    """
    lines = {}
    for finding in worksheet_findings:
        lines.setdefault(finding.code, RuleLine(finding.code, finding.rule)).entries.append((None, finding))
    for view in sorted(views, key=lambda v: v.number):
        for finding in view.findings:
            lines.setdefault(finding.code, RuleLine(finding.code, finding.rule)).entries.append((view, finding))
    order = list(guardrails.RULES)
    return sorted(lines.values(), key=lambda line: (not line.is_error, order.index(line.code)))


def worksheet_context(worksheet, sort):
    views = row_views(worksheet, sort)
    numbered = sorted(views, key=lambda v: v.number)
    worksheet_findings = guardrails.check_worksheet(worksheet, [v.row for v in numbered])
    lines = rule_lines(views, worksheet_findings)
    return {
        "worksheet": worksheet,
        "rows": views,
        "sort": sort,
        "markers": matrix.markers([(v.number, v.row) for v in numbered]),
        "grid": matrix.grid(),
        "unassessed": [v for v in numbered if v.priority is None],
        "rule_lines": lines,
        "error_lines": [line for line in lines if line.is_error],
        "warning_lines": [line for line in lines if not line.is_error],
        "acknowledged": [(v, f) for v in numbered for f in v.acknowledged_warnings],
        "decided_remarks": [line for line in lines if line.unconsidered_count],
        "worksheet_findings": worksheet_findings,
        "error_count": sum(len(v.errors) for v in views) + len(worksheet_findings),
        "warning_count": sum(len(v.unacknowledged_warnings) for v in views),
    }
