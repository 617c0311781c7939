import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from prioritering import county, guardrails, note, note_sections, services
from prioritering.exports import county_csv_response, worksheet_csv_response
from prioritering.forms import (
    DecideForm, NewVersionForm, RedactionForm, ServiceRowForm, SortForm, WorksheetCreateForm, WorksheetForm,
)
from prioritering.models import Membership, Role, Status, Worksheet, WorksheetLocked, role_allows
from prioritering.models.municipality import ROLE_EXPLANATIONS
from prioritering.presentation import worksheet_context
from prioritering.validators import PERSONAL_DATA_EXPLANATION

GET_POST = require_http_methods(["GET", "POST"])


def _worksheet(request, pk, required=Role.READER):
    """The worksheet if the user is a member of its municipality (else 404) with the role required (else 403)."""
    queryset = Worksheet.objects.for_user(request.user).select_related(
        "municipality", "decided_by", "previous_version", "next_version")
    worksheet = get_object_or_404(queryset, pk=pk)
    if not role_allows(worksheet.user_role, required):
        raise PermissionDenied
    return worksheet


def _stale_message(form, current_revision):
    form.add_error(None, ValidationError(
        _("Noen andre har lagret endringer i dette skjemaet mens du arbeidet, så dine endringer ble ikke lagret. "
          "Det du skrev står fortsatt i skjemaet. Åpne skjemaet i en ny fane for å se hva som er endret, og "
          "lagre på nytt hvis dine endringer fortsatt skal gjelde."), code="stale"))
    data = form.data.copy()
    data[form.add_prefix("revision")] = current_revision
    form.data = data


def _locked(request, worksheet, error):
    messages.error(request, str(error))
    return redirect(worksheet_url(worksheet))


def _save(request, worksheet, form, write):
    """Run `write()` and return (what it saved, None), or (None, a response) when it was refused.

    A stale edit keeps the user's text in `form` with an explanation (no response: show the form
    again); a worksheet that was locked meanwhile sends the user back to it.
    """
    try:
        return write(), None
    except services.StaleEdit as stale:
        _stale_message(form, stale.current_revision)
        return None, None
    except WorksheetLocked as error:
        return None, _locked(request, worksheet, error)


def _refuse_if_locked(request, worksheet):
    """Back to the worksheet with the model's explanation when it can no longer be changed, else None."""
    try:
        worksheet.ensure_editable()
    except WorksheetLocked as error:
        return _locked(request, worksheet, error)
    return None


def worksheet_url(worksheet):
    return reverse("prioritering:worksheet_detail", args=[worksheet.pk])


@login_required
@require_http_methods(["GET"])
def worksheet_list(request):
    worksheets = Worksheet.objects.for_user(request.user).for_list()
    memberships = list(Membership.objects.for_user(request.user).select_related("municipality"))
    can_create = any(role_allows(m.role, Role.CONTRIBUTOR) for m in memberships)
    return render(request, "prioritering/worksheet_list.html", {
        "worksheets": worksheets, "can_create": can_create, "roles": ROLE_EXPLANATIONS,
        "memberships": [m for m in memberships if not m.is_county],
        "counties": [m.county for m in memberships if m.is_county],
    })


@login_required
@require_http_methods(["GET"])
def note_page(request):
    return render(request, "prioritering/note.html", {
        "sections": [(key, section, guardrails.rules_by_section().get(key, []), note_sections.chapter(key))
                     for key, section in note.SECTIONS.items()],
        "note_title": note.NOTE_TITLE,
    })


@login_required
@GET_POST
def worksheet_create(request):
    if not Membership.objects.for_user(request.user).editors().exists():
        raise PermissionDenied
    form = WorksheetCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        worksheet = services.worksheet_create(
            user=request.user, municipality=form.cleaned_data["municipality"],
            data=form.header_data(), prefill=form.cleaned_data["prefill"])
        messages.success(request, _("Skjemaet er opprettet. Legg til eller vurder tjenestene."))
        return redirect(worksheet_url(worksheet))
    return render(request, "prioritering/worksheet_form.html",
                  {"form": form, "personal_data_explanation": PERSONAL_DATA_EXPLANATION})


@login_required
@require_http_methods(["GET"])
def worksheet_detail(request, pk):
    worksheet = _worksheet(request, pk)
    context = _sorted_context(request, worksheet)
    context["role_label"] = Role(worksheet.user_role).label
    context["can_edit"] = worksheet.is_editable and role_allows(worksheet.user_role, Role.CONTRIBUTOR)
    context["can_decide"] = worksheet.is_editable and role_allows(worksheet.user_role, Role.LEADER)
    context["can_new_version"] = worksheet.status == Status.DECIDED and role_allows(worksheet.user_role, Role.LEADER)
    context["previous_url"] = worksheet.previous_version_id and worksheet_url(worksheet.previous_version)
    next_version = getattr(worksheet, "next_version", None)
    context["next_url"] = next_version and worksheet_url(next_version)
    return render(request, "prioritering/worksheet_detail.html", context)


def _sorted_context(request, worksheet):
    sort = SortForm(request.GET)
    if not sort.is_valid():
        raise BadRequest
    context = worksheet_context(worksheet, sort.cleaned_data["sorter"] or "rekkefolge")
    context["sort_form"] = sort
    return context


@login_required
@GET_POST
def worksheet_edit(request, pk):
    worksheet = _worksheet(request, pk, Role.CONTRIBUTOR)
    if locked := _refuse_if_locked(request, worksheet):
        return locked
    # The form works on a copy, so the page heading keeps the stored name while the input is invalid.
    form = WorksheetForm(request.POST or None, instance=copy.copy(worksheet))
    if request.method == "POST" and form.is_valid():
        saved, refused = _save(request, worksheet, form, lambda: services.worksheet_update(
            worksheet=worksheet, user=request.user, data=form.header_data(),
            expected_revision=form.cleaned_data["revision"]))
        if refused:
            return refused
        if saved:
            messages.success(request, _("Endringene er lagret."))
            return redirect(worksheet_url(worksheet))
    return render(request, "prioritering/worksheet_form.html",
                  {"form": form, "worksheet": worksheet, "personal_data_explanation": PERSONAL_DATA_EXPLANATION})


@login_required
@GET_POST
def row_form(request, pk, row_pk=None):
    worksheet = _worksheet(request, pk, Role.CONTRIBUTOR)
    row = get_object_or_404(worksheet.rows, pk=row_pk) if row_pk is not None else None
    if locked := _refuse_if_locked(request, worksheet):
        return locked
    form = ServiceRowForm(request.POST or None, instance=copy.copy(row), phase=worksheet.phase)
    if request.method == "POST" and form.is_valid():
        def write():
            if row is None:
                return services.row_create(worksheet=worksheet, user=request.user, data=form.row_data())
            return services.row_update(row=row, user=request.user, data=form.row_data(),
                                       expected_revision=form.cleaned_data["revision"], reasons=form.reasons())

        saved, refused = _save(request, worksheet, form, write)
        if refused:
            return refused
        if saved:
            _report_findings(request, saved, worksheet.phase)
            return redirect(f"{worksheet_url(worksheet)}#rad-{saved.pk}")
    findings = guardrails.check_row(row, worksheet.phase) if row is not None else []
    return render(request, "prioritering/servicerow_form.html", {
        "form": form, "worksheet": worksheet, "row": row, "findings": findings,
        "open_errors": [f for f in findings if f.is_error],
        "open_warnings": [f for f in findings if not f.is_error and not f.acknowledged],
        "personal_data_explanation": PERSONAL_DATA_EXPLANATION,
    })


def _report_findings(request, row, phase):
    findings = guardrails.check_row(row, phase)
    errors = sum(f.is_error for f in findings)
    warnings = sum(not f.is_error and not f.acknowledged for f in findings)
    if errors:
        messages.warning(request, _("«%(row)s» er lagret som utkast, men har %(e)s feil og %(w)s advarsler fra notatets "
                                    "regler. Feilene må rettes før skjemaet kan vedtas.")
                         % {"row": row.title, "e": errors, "w": warnings})
    elif warnings:
        messages.warning(request, _("«%(row)s» er lagret, men har %(w)s advarsler. Hver av dem må vurderes med en kort "
                                    "skriftlig begrunnelse før skjemaet kan vedtas.") % {"row": row.title, "w": warnings})
    else:
        messages.success(request, _("«%(row)s» er lagret.") % {"row": row.title})


@login_required
@GET_POST
def row_delete(request, pk, row_pk):
    worksheet = _worksheet(request, pk, Role.CONTRIBUTOR)
    row = get_object_or_404(worksheet.rows, pk=row_pk)
    if locked := _refuse_if_locked(request, worksheet):
        return locked
    if request.method == "POST":
        try:
            services.row_delete(row=row, user=request.user)
        except WorksheetLocked as error:
            return _locked(request, worksheet, error)
        messages.success(request, _("Tjenesten «%(row)s» er slettet fra skjemaet.") % {"row": row.title})
        return redirect(worksheet_url(worksheet))
    return render(request, "prioritering/servicerow_confirm_delete.html", {"worksheet": worksheet, "row": row})


@login_required
@require_http_methods(["GET"])
def worksheet_history(request, pk):
    worksheet = _worksheet(request, pk)
    changes = worksheet.changes.prefetch_related("redactions")
    return render(request, "prioritering/worksheet_history.html", {
        "worksheet": worksheet, "changes": changes,
        "can_redact": request.user.is_superuser or role_allows(worksheet.user_role, Role.LEADER),
    })


def _redactable(request, pk):
    """The worksheet for a leader of its municipality (else 404 or 403), or for a superuser, who is no member."""
    if request.user.is_superuser:
        queryset = Worksheet.objects.for_user(request.user).filter(pk=pk)
        member = queryset.first()
        return member or get_object_or_404(Worksheet.objects.select_related("municipality"), pk=pk)
    return _worksheet(request, pk, Role.LEADER)


@login_required
@GET_POST
def worksheet_redact(request, pk, change_pk):
    worksheet = _redactable(request, pk)
    change = get_object_or_404(worksheet.changes, pk=change_pk)
    form = RedactionForm(request.POST or None, change=change)
    if request.method == "POST" and form.is_valid():
        redaction = services.worksheet_redact(worksheet=worksheet, change=change, user=request.user,
                                              text=form.cleaned_data["text"], reason=form.cleaned_data["reason"])
        messages.success(request, _("Teksten er fjernet fra %(n)s lagrede felt i skjemaet, dets versjoner og "
                                    "historikken. Fjerningen står i historikken, uten teksten.") % {"n": redaction.places})
        return redirect(_after_redaction(worksheet))
    return render(request, "prioritering/worksheet_redact.html", {
        "worksheet": worksheet, "change": change, "form": form, "back_url": _after_redaction(worksheet),
    })


def _after_redaction(worksheet):
    # A superuser who is no member of the municipality came from the admin and goes back there.
    if getattr(worksheet, "user_role", None):
        return reverse("prioritering:worksheet_history", args=[worksheet.pk])
    return reverse("admin:prioritering_worksheet_change", args=[worksheet.pk])


@login_required
@require_http_methods(["GET"])
def worksheet_print(request, pk):
    worksheet = _worksheet(request, pk)
    return render(request, "prioritering/worksheet_print.html", worksheet_context(worksheet, "rekkefolge"))


@login_required
@require_http_methods(["GET"])
def worksheet_export(request, pk):
    return worksheet_csv_response(_worksheet(request, pk))


@login_required
@GET_POST
def worksheet_decide(request, pk):
    worksheet = _worksheet(request, pk, Role.LEADER)
    form = DecideForm(request.POST or None, initial={"revision": worksheet.revision})
    problems = None
    if request.method == "POST" and form.is_valid():
        try:
            decided, refused = _save(request, worksheet, form, lambda: services.worksheet_decide(
                worksheet=worksheet, user=request.user, expected_revision=form.cleaned_data["revision"]))
        except services.DecisionBlocked as blocked:
            decided, refused, problems = None, None, blocked.problems
        if refused:
            return refused
        if decided:
            messages.success(request, _("Skjemaet er vedtatt. Det kan ikke lenger endres; lag en ny versjon ved ny fase."))
            return redirect(worksheet_url(worksheet))
    if problems is None:
        problems = guardrails.decision_problems(worksheet, list(worksheet.rows.all()))
    status = 409 if request.method == "POST" else 200
    return render(request, "prioritering/worksheet_decide.html",
                  {"worksheet": worksheet, "form": form, "problems": problems}, status=status)


@login_required
@GET_POST
def worksheet_new_version(request, pk):
    worksheet = _worksheet(request, pk, Role.LEADER)
    if worksheet.status != Status.DECIDED:
        return _locked(request, worksheet, _("Bare et vedtatt skjema kan få en ny versjon."))
    form = NewVersionForm(request.POST or None, initial={"phase": min(worksheet.phase + 1, 5)})
    if request.method == "POST" and form.is_valid():
        try:
            new = services.worksheet_new_version(worksheet=worksheet, user=request.user, phase=form.cleaned_data["phase"])
        except WorksheetLocked as error:
            return _locked(request, worksheet, error)
        messages.success(request, _("Ny versjon er opprettet som utkast. Det vedtatte skjemaet er nå erstattet."))
        return redirect(worksheet_url(new))
    return render(request, "prioritering/worksheet_new_version.html", {"worksheet": worksheet, "form": form})


# --- Statsforvalteren ------------------------------------------------------------------------

def _counties(request):
    """The counties the user is statsforvalter for; anyone else may not see the county view (403)."""
    counties = list(Membership.objects.for_user(request.user).county().values_list("county", flat=True))
    if not counties:
        raise PermissionDenied
    return counties


def county_worksheet_url(worksheet):
    return reverse("prioritering:county_worksheet", args=[worksheet.pk])


@login_required
@require_http_methods(["GET"])
def county_overview(request):
    overview = county.county_overview(_counties(request))
    return render(request, "prioritering/county_overview.html", {"overview": overview})


@login_required
@require_http_methods(["GET"])
def county_export(request):
    return county_csv_response(county.county_overview(_counties(request)))


@login_required
@require_http_methods(["GET"])
def county_worksheet(request, pk):
    """A decided worksheet in the user's county, read-only. Drafts and other counties are simply not found."""
    queryset = Worksheet.objects.decided().in_counties(_counties(request)).select_related(
        "municipality", "decided_by", "previous_version", "next_version")
    worksheet = get_object_or_404(queryset, pk=pk)
    context = _sorted_context(request, worksheet)
    next_version = getattr(worksheet, "next_version", None)
    context["county_view"] = True
    context["previous_url"] = worksheet.previous_version_id and county_worksheet_url(worksheet.previous_version)
    # A newer version that is still a draft is the municipality's own: this one is then still in force.
    if next_version and next_version.is_decided:
        context["next_url"] = county_worksheet_url(next_version)
    else:
        context["shown_status"] = Status.DECIDED
    return render(request, "prioritering/worksheet_detail.html", context)
