"""Every write to worksheets goes through these functions, so each one is checked and recorded in the history."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prioritering import guardrails, note
from prioritering.models import (
    REDACTED, Membership, Redaction, Role, ServiceRow, Status, Worksheet, WorksheetChange, role_allows,
)
from prioritering.validators import validate_no_personal_data


class StaleEdit(Exception):
    """The form was based on a copy someone else has changed since."""

    def __init__(self, current_revision):
        super().__init__(current_revision)
        self.current_revision = current_revision


class DecisionBlocked(Exception):
    """The worksheet breaks a guard-rail, or has warnings nobody has acknowledged."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def _require_role(user, municipality, required):
    role = Membership.objects.filter(user=user, municipality=municipality).values_list("role", flat=True).first()
    if not role_allows(role, required):
        raise PermissionDenied


def _display(model, name, value):
    field = model._meta.get_field(name)
    if value in (None, "", []):
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name == "vulnerable_groups":
        return ", ".join(str(dict(note.VULNERABLE_GROUPS).get(v, v)) for v in value)
    if name == "acknowledged_warnings":
        return "; ".join(_acknowledgement_text(code, reason) for code, reason in _as_reasons(value).items())
    if name == "weighted_criteria":
        return ", ".join(str(note.CRITERIA_LABELS.get(v, v)) for v in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nei")
    if hasattr(value, "strftime"):
        return date_format(value, "d.m.Y")
    return str(value)


def _as_reasons(value):
    return dict.fromkeys(value, "") if isinstance(value, list) else dict(value)


def _acknowledgement_text(code, reason):
    if not reason:
        return _("%(title)s (vurdert uten skriftlig begrunnelse)") % {"title": guardrails.title(code)}
    return _("%(title)s: «%(reason)s»") % {"title": guardrails.title(code), "reason": reason}


def _diff(instance, data):
    changes = []
    for name, new in data.items():
        old = getattr(instance, name)
        if old != new:
            label = str(instance._meta.get_field(name).verbose_name)
            changes.append({"field": label, "old": _display(type(instance), name, old),
                            "new": _display(type(instance), name, new)})
    return changes


def _initial(model, data):
    """The values a new object starts with, for its first history entry (so every text it held is on record)."""
    return [{"field": str(model._meta.get_field(name).verbose_name), "old": "–", "new": _display(model, name, value)}
            for name, value in data.items() if value not in (None, "", [])]


def record_change(*, worksheet, user, summary, details=()):
    return WorksheetChange.objects.create(
        worksheet=worksheet, user=user, user_name=user.get_username(), summary=summary, details=list(details),
    )


@transaction.atomic
def worksheet_create(*, user, municipality, data, prefill=False):
    _require_role(user, municipality, Role.CONTRIBUTOR)
    worksheet = Worksheet(municipality=municipality, created_by=user, **data)
    worksheet.full_clean()
    worksheet.save()
    record_change(worksheet=worksheet, user=user, summary=_("Opprettet skjemaet"), details=_initial(Worksheet, data))
    if prefill:
        for position, suggestion in enumerate(note.CAPACITY_SUGGESTIONS, start=1):
            row = ServiceRow(worksheet=worksheet, position=position, **{k: str(v) for k, v in suggestion.items()})
            row.full_clean()
            row.save()
        record_change(worksheet=worksheet, user=user,
                      summary=_("Fylte inn %(n)s forslag fra notatets «Kapasitet i tjenestene»")
                      % {"n": len(note.CAPACITY_SUGGESTIONS)})
    return worksheet


@transaction.atomic
def worksheet_update(*, worksheet, user, data, expected_revision):
    current = Worksheet.objects.select_for_update().get(pk=worksheet.pk)
    _require_role(user, current.municipality_id, Role.CONTRIBUTOR)
    current.ensure_editable()
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    details = _diff(current, data)
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    # The conditional UPDATE refuses a stale save even where SELECT … FOR UPDATE is a no-op (SQLite).
    updated = Worksheet.objects.filter(pk=current.pk, revision=expected_revision, status=Status.DRAFT).update(
        revision=F("revision") + 1, updated_at=timezone.now(), **data)
    if not updated:
        raise StaleEdit(Worksheet.objects.values_list("revision", flat=True).get(pk=current.pk))
    if details:
        record_change(worksheet=current, user=user, summary=_("Endret skjemaets hode"), details=details)
    current.refresh_from_db()
    return current


def _lock_editable(worksheet, user):
    current = Worksheet.objects.select_for_update().get(pk=worksheet.pk)
    _require_role(user, current.municipality_id, Role.CONTRIBUTOR)
    current.ensure_editable()
    return current


@transaction.atomic
def row_create(*, worksheet, user, data):
    current = _lock_editable(worksheet, user)
    last = current.rows.aggregate(last=Max("position"))["last"] or 0
    row = ServiceRow(worksheet=current, position=last + 1, **data)
    row.full_clean()
    row.save()
    Worksheet.objects.filter(pk=current.pk).update(updated_at=timezone.now())
    record_change(worksheet=current, user=user, summary=_("La til tjenesten «%(row)s»") % {"row": row.title},
                  details=_diff(ServiceRow(), data))
    return row


@transaction.atomic
def row_update(*, row, user, data, expected_revision, reasons=None):
    """Save a row with the written reasons its warnings are acknowledged with ({code: reason}).

    A reason counts only for a warning the user saw before saving that is still there after, so a
    new warning needs a new look. Without `reasons` the stored acknowledgements are kept (same rule).
    """
    current_ws = _lock_editable(row.worksheet, user)
    current = ServiceRow.objects.select_for_update().get(pk=row.pk, worksheet=current_ws)
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    shown = guardrails.warning_codes(current, current_ws.phase)
    if reasons is None:
        reasons = guardrails.acknowledgements(current)
    for name, value in data.items():
        setattr(current, name, value)
    remaining = guardrails.warning_codes(current, current_ws.phase)
    acknowledged = {code: reason.strip() for code, reason in sorted(reasons.items())
                    if code in shown & remaining and (reason or "").strip()}
    for reason in acknowledged.values():
        validate_no_personal_data(reason)  # a reason is free text like any other (the form says so first)
    data = {**data, "acknowledged_warnings": acknowledged}
    current.acknowledged_warnings = acknowledged
    details = _diff(ServiceRow.objects.get(pk=current.pk), data)
    current.full_clean()
    updated = ServiceRow.objects.filter(pk=current.pk, revision=expected_revision).update(
        revision=F("revision") + 1, **data)
    if not updated:
        raise StaleEdit(ServiceRow.objects.values_list("revision", flat=True).get(pk=current.pk))
    Worksheet.objects.filter(pk=current_ws.pk).update(updated_at=timezone.now())
    if details:
        record_change(worksheet=current_ws, user=user,
                      summary=_("Endret tjenesten «%(row)s»") % {"row": current.title}, details=details)
    current.refresh_from_db()
    return current


@transaction.atomic
def row_delete(*, row, user):
    current_ws = _lock_editable(row.worksheet, user)
    title = row.title
    ServiceRow.objects.filter(pk=row.pk, worksheet=current_ws).delete()
    record_change(worksheet=current_ws, user=user, summary=_("Slettet tjenesten «%(row)s»") % {"row": title})


@transaction.atomic
def worksheet_decide(*, worksheet, user, expected_revision=None):
    current = Worksheet.objects.select_for_update().get(pk=worksheet.pk)
    _require_role(user, current.municipality_id, Role.LEADER)
    if expected_revision is not None and current.revision != expected_revision:
        raise StaleEdit(current.revision)
    current.mark_decided(user)
    rows = list(current.rows.all())
    if not rows:
        raise DecisionBlocked([(None, _("Skjemaet har ingen tjenester å vedta."))])
    problems = guardrails.decision_problems(current, rows)
    if problems:
        raise DecisionBlocked(problems)
    updated = Worksheet.objects.filter(pk=current.pk, revision=current.revision, status=Status.DRAFT).update(
        status=Status.DECIDED, decided_by=user, decided_at=current.decided_at, revision=F("revision") + 1)
    if not updated:
        raise StaleEdit(current.revision)
    record_change(worksheet=current, user=user, summary=_("Vedtok skjemaet"),
                  details=[{"field": _("status"), "old": _("Utkast"), "new": _("Vedtatt")},
                           *_acknowledged_on_decision(rows, current.phase)])
    current.refresh_from_db()
    return current


def _acknowledged_on_decision(rows, phase):
    """The warnings the worksheet is decided with and the reasons given, so the decision's entry holds them."""
    return [{"field": _("Vurdert advarsel: «%(row)s»") % {"row": row.title}, "old": "–",
             "new": _acknowledgement_text(finding.code, finding.reason)}
            for row in rows for finding in guardrails.check_row(row, phase) if finding.acknowledged]


def record_admin_view(*, worksheet, user):
    """A superuser opened the worksheet in the admin: the municipality sees that in the history."""
    return record_change(worksheet=worksheet, user=user, summary=_("Åpnet i administrasjonen"))


@transaction.atomic
def worksheet_new_version(*, worksheet, user, phase):
    """Copy a decided worksheet into a new draft for a new phase; the old one becomes read-only erstattet."""
    old = Worksheet.objects.select_for_update().get(pk=worksheet.pk)
    _require_role(user, old.municipality_id, Role.LEADER)
    old.mark_superseded()
    Worksheet.objects.filter(pk=old.pk).update(status=Status.SUPERSEDED, revision=F("revision") + 1)
    copied = ["service_unit", "responsible", "staff_available", "staff_needed", "infection_situation", "summary"]
    new = Worksheet(municipality=old.municipality, created_by=user, previous_version=old, phase=phase,
                    **{name: getattr(old, name) for name in copied})
    new.full_clean()
    new.save()
    ServiceRow.objects.bulk_create(
        ServiceRow(worksheet=new, **row.copy_fields()) for row in old.rows.all()
    )
    record_change(worksheet=old, user=user, summary=_("Erstattet av en ny versjon for fase %(phase)s") % {"phase": phase},
                  details=[{"field": _("status"), "old": _("Vedtatt"), "new": _("Erstattet")}])
    record_change(worksheet=new, user=user,
                  summary=_("Opprettet som ny versjon av skjemaet vedtatt %(date)s, for fase %(phase)s")
                  % {"date": date_format(timezone.localtime(old.decided_at), "d.m.Y") if old.decided_at else "–",
                     "phase": phase})
    return new


# --- Redaction: personal data removed from every stored copy ----------------------------------------

# The free text a worksheet stores, field by field. Choices, dates and figures never hold personal data.
WORKSHEET_TEXTS = ("service_unit", "responsible", "infection_situation", "summary")
ROW_TEXTS = ("service_name", "description", "note_basis", "medical_basis", "vulnerable_plan", "forsvarlig_minimum",
             "oral_justification", "journal_reference", "acknowledged_warnings")
SUMMARY_LABEL = gettext_lazy("Beskrivelsen av endringen")


def can_redact(user, municipality_id):
    return user.is_superuser or role_allows(
        Membership.objects.filter(user=user, municipality_id=municipality_id).values_list("role", flat=True).first(),
        Role.LEADER)


def redaction_pattern(text):
    """The text as typed, in any letter case and with any run of white space where it has one."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()), re.IGNORECASE)


def fields_containing(change, pattern):
    """The labels of the parts of a history entry the text is in: its description and its fields' values."""
    labels = [str(SUMMARY_LABEL)] if pattern.search(change.summary) else []
    for detail in change.details or []:
        if isinstance(detail, dict) and any(pattern.search(str(detail.get(k, ""))) for k in ("old", "new")):
            labels.append(str(detail.get("field", "")))
    return list(dict.fromkeys(labels))


def _scrub(value, pattern):
    """(value with every match replaced, number of replacements), through lists and dicts of strings."""
    if isinstance(value, str):
        return pattern.subn(REDACTED, value)
    if isinstance(value, list):
        parts = [_scrub(v, pattern) for v in value]
        return [v for v, _n in parts], sum(n for _v, n in parts)
    if isinstance(value, dict):
        parts = {k: _scrub(v, pattern) for k, v in value.items()}
        return {k: v for k, (v, _n) in parts.items()}, sum(n for _v, n in parts.values())
    return value, 0


def _scrub_details(details, pattern):
    """A history entry's details: the values before and after, never the fields' names."""
    if not isinstance(details, list):
        return _scrub(details, pattern)
    scrubbed, total = [], 0
    for detail in details:
        if isinstance(detail, dict):
            values = {k: _scrub(v, pattern) if k in ("old", "new") else (v, 0) for k, v in detail.items()}
            detail = {k: v for k, (v, _n) in values.items()}
            total += sum(n for _v, n in values.values())
        scrubbed.append(detail)
    return scrubbed, total


def _scrub_objects(queryset, names, pattern, bump_revision=False):
    """Rewrite the named fields of each object where the text occurs; the number of fields rewritten."""
    changed = 0
    for obj in queryset:
        updates = {}
        for name in names:
            scrub = _scrub_details if name == "details" else _scrub
            value, count = scrub(getattr(obj, name), pattern)
            if count:
                max_length = obj._meta.get_field(name).max_length
                updates[name] = value[:max_length] if max_length else value
        if updates:
            if bump_revision:
                updates["revision"] = F("revision") + 1  # an edit based on the old text is refused as stale
            type(obj).objects.filter(pk=obj.pk).update(**updates)
            changed += len(updates) - bump_revision
    return changed


def _version_chain(worksheet):
    """The worksheet with every earlier and later version of it: versions are copies of each other's text."""
    chain, todo = {}, [worksheet.pk]
    while todo:
        for ws in Worksheet.objects.select_for_update().filter(pk__in=todo):
            chain[ws.pk] = ws
        linked = Worksheet.objects.filter(Q(next_version__in=todo) | Q(previous_version__in=todo))
        todo = [pk for pk in linked.values_list("pk", flat=True) if pk not in chain]
    return list(chain.values())


def _scrub_admin_log(worksheet_ids, pattern):
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    types = ContentType.objects.get_for_models(Worksheet, ServiceRow).values()
    entries = LogEntry.objects.filter(content_type__in=types, object_id__in=[str(pk) for pk in worksheet_ids])
    return _scrub_objects(entries, ("object_repr", "change_message"), pattern)


@transaction.atomic
def worksheet_redact(*, worksheet, change, user, text, reason):
    """Replace `text` with REDACTED in every stored copy of a worksheet's text, and record who did it and why.

    The one write that may change a decided or replaced worksheet: GDPR requires that what should not
    be stored can be erased. Copies are the history entries, the header and rows of the worksheet and
    of every earlier and later version of it (print and CSV are built from those), and the admin log.
    """
    if not can_redact(user, worksheet.municipality_id):
        raise PermissionDenied
    pattern = redaction_pattern(text)
    fields = fields_containing(change, pattern)
    if change.worksheet_id != worksheet.pk or not fields:
        raise ValidationError(_("Teksten finnes ikke i denne endringen."), code="not_in_change")
    chain = _version_chain(worksheet)
    ids = [ws.pk for ws in chain]
    places = _scrub_objects(WorksheetChange.objects.filter(worksheet__in=ids), ("summary", "details"), pattern)
    places += _scrub_objects(Worksheet.objects.filter(pk__in=ids), WORKSHEET_TEXTS, pattern, bump_revision=True)
    places += _scrub_objects(ServiceRow.objects.filter(worksheet__in=ids), ROW_TEXTS, pattern, bump_revision=True)
    places += _scrub_admin_log(ids, pattern)
    redaction = Redaction(worksheet=worksheet, change=change, fields=", ".join(fields)[:300], places=places,
                          reason=reason.strip(), user=user, user_name=user.get_username())
    redaction.full_clean()
    redaction.save()
    change.refresh_from_db()
    when = date_format(timezone.localtime(change.created_at), "d.m.Y H:i")
    for ws in chain:
        record_change(worksheet=ws, user=user, summary=_("Fjernet personopplysninger fra endringen %(when)s")
                      % {"when": when}, details=[
                          {"field": _("Endringen"), "old": "–", "new": f"{when} {change.user_name}: {change.summary}"},
                          {"field": _("Felt"), "old": "–", "new": redaction.fields},
                          {"field": _("Begrunnelse"), "old": "–", "new": redaction.reason},
                          {"field": _("Lagrede tekster endret"), "old": "–", "new": str(places)},
                      ])
    return redaction
