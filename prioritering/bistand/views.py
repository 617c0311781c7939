"""Pages for requests for help and offers of capacity (the municipality's) and for coordinating them
(Statsforvalteren's). Isolation is in the querysets: another municipality's request is simply not found,
and so is any request outside Statsforvalteren's counties or still a draft."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from prioritering.bistand import coordination, exports, services
from prioritering.bistand.forms import AssistanceRequestForm, ConfirmForm, CoordinateForm, OfferForm
from prioritering.models import (
    AssistanceLocked, AssistanceRequest, CapacityOffer, Membership, Role, role_allows,
)
from prioritering.validators import PERSONAL_DATA_EXPLANATION

GET_POST = require_http_methods(["GET", "POST"])
GET = require_http_methods(["GET"])

STALE = gettext_lazy("Noen andre har lagret endringer mens du arbeidet, så dine endringer ble ikke lagret. Det du "
                     "skrev står fortsatt i skjemaet. Åpne siden i en ny fane for å se hva som er endret, og lagre "
                     "på nytt hvis dine endringer fortsatt skal gjelde.")

# Each sent request e-mails the county's Statsforvalter users: a leader sends a handful on a bad day.
SUBMITS_PER_HOUR = "10/h"


def _stale(form, current_revision):
    form.add_error(None, ValidationError(STALE, code="stale"))
    data = form.data.copy()
    data[form.add_prefix("revision")] = current_revision
    form.data = data


def _own(model, request, pk, required=Role.READER, related=()):
    """The item if the user is a member of its municipality (else 404) with the role required (else 403)."""
    queryset = model.objects.for_user(request.user).select_related("municipality", *related)
    item = get_object_or_404(queryset, pk=pk)
    if not role_allows(item.user_role, required):
        raise PermissionDenied
    return item


def _write(request, form, write, done):
    """Run `write()` and return (what it saved, None), or (None, a response) when it was refused.

    A stale copy keeps the user's text in `form` with an explanation (no response: show the form
    again); an item whose state changed meanwhile sends the user back to its page with the reason.
    """
    try:
        return write(), None
    except services.StaleEdit as stale:
        _stale(form, stale.current_revision)
    except AssistanceLocked as error:
        messages.error(request, str(error))
        return None, redirect(done)
    return None, None


def request_url(item):
    return reverse("prioritering:assistance_detail", args=[item.pk])


def offer_url(item):
    return reverse("prioritering:offer_detail", args=[item.pk])


def _municipal_memberships(user):
    return [m for m in Membership.objects.for_user(user).select_related("municipality") if not m.is_county]


# --- The municipality's own page -------------------------------------------------------------------

@login_required
@GET
def assistance_list(request):
    memberships = _municipal_memberships(request.user)
    counties = list(Membership.objects.for_user(request.user).county().values_list("county", flat=True))
    if not memberships and not counties:
        raise PermissionDenied
    own = [m.municipality_id for m in memberships]
    requests = (AssistanceRequest.objects.of_municipalities(own).select_related("municipality", "referred_to")
                .order_by("-created_at", "-pk"))
    offers = CapacityOffer.objects.of_municipalities(own).select_related("municipality").order_by("-created_at", "-pk")
    matched = CapacityOffer.objects.passed_on_to(own).select_related("municipality").order_by("start_date", "pk")
    return render(request, "prioritering/bistand/assistance_list.html", {
        "requests": requests, "offers": offers, "matched": matched, "memberships": memberships, "counties": counties,
        "can_write": any(role_allows(m.role, Role.CONTRIBUTOR) for m in memberships),
    })


def _require_writer(user):
    if not Membership.objects.for_user(user).editors().exists():
        raise PermissionDenied


@login_required
@GET_POST
def assistance_create(request):
    _require_writer(request.user)
    if request.method == "POST":
        form = AssistanceRequestForm(request.POST, user=request.user)
    else:
        form = AssistanceRequestForm(initial=AssistanceRequestForm.initial_from_query(request.GET), user=request.user)
    if request.method == "POST" and form.is_valid():
        item = services.request_create(user=request.user, municipality=form.cleaned_data["municipality"],
                                       data=form.request_data())
        messages.success(request, _("Utkastet er lagret. En leder i kommunen sender det til Statsforvalteren."))
        return redirect(request_url(item))
    return render(request, "prioritering/bistand/assistance_form.html", _form_context(form))


def _form_context(form, item=None):
    return {"form": form, "item": item, "personal_data_explanation": PERSONAL_DATA_EXPLANATION}


@login_required
@GET
def assistance_detail(request, pk):
    item = _own(AssistanceRequest, request, pk, related=("referred_to", "worksheet", "matched_offer__municipality"))
    return render(request, "prioritering/bistand/assistance_detail.html", {
        "item": item, "role_label": Role(item.user_role).label,
        "can_edit": item.is_editable and role_allows(item.user_role, Role.CONTRIBUTOR),
        "can_submit": item.is_editable and role_allows(item.user_role, Role.LEADER),
        "can_withdraw": item.can_withdraw and role_allows(item.user_role, Role.LEADER),
    })


@login_required
@GET_POST
def assistance_edit(request, pk):
    item = _own(AssistanceRequest, request, pk, Role.CONTRIBUTOR)
    if not item.is_editable:
        messages.error(request, _("Forespørselen er sendt og kan ikke lenger endres."))
        return redirect(request_url(item))
    form = AssistanceRequestForm(request.POST or None, instance=copy.copy(item), user=request.user)
    if request.method == "POST" and form.is_valid():
        saved, refused = _write(request, form, lambda: services.request_update(
            request=item, user=request.user, data=form.request_data(),
            expected_revision=form.cleaned_data["revision"]), request_url(item))
        if refused:
            return refused
        if saved:
            messages.success(request, _("Endringene er lagret."))
            return redirect(request_url(item))
    return render(request, "prioritering/bistand/assistance_form.html", _form_context(form, item))


def _confirm(request, item, *, template, write, success, done, title, explanation=""):
    """A page that asks once more before submitting or withdrawing, and does it on POST."""
    form = ConfirmForm(request.POST or None, initial={"revision": item.revision})
    if request.method == "POST" and form.is_valid():
        try:
            saved, refused = _write(request, form, lambda: write(form.cleaned_data["revision"]), done)
        except ValidationError as error:  # the model refused it as it stands now: say why, change nothing
            saved, refused = None, None
            for message in error.messages:
                form.add_error(None, message)
        if refused:
            return refused
        if saved:
            messages.success(request, success)
            return redirect(done)
    status = 409 if request.method == "POST" else 200
    return render(request, template, {"item": item, "form": form, "title": title, "explanation": explanation},
                  status=status)


@login_required
@GET_POST
@ratelimit(key="user", rate=SUBMITS_PER_HOUR, method="POST", block=True, group="prioritering.assistance_submit")
def assistance_submit(request, pk):
    """Sends e-mail to the county's Statsforvalter users, so a user may send a bounded number an hour
    (counted in the shared store; past it the site's Norwegian 429 page, settings.RATELIMIT_VIEW)."""
    item = _own(AssistanceRequest, request, pk, Role.LEADER)
    return _confirm(request, item, template="prioritering/bistand/assistance_confirm.html",
                    write=lambda revision: services.request_submit(request=item, user=request.user,
                                                                   expected_revision=revision),
                    success=_("Forespørselen er sendt til Statsforvalteren, som har fått beskjed på e-post."),
                    done=request_url(item), title=_("Send forespørselen til Statsforvalteren"),
                    explanation=_("Statsforvalteren i %(county)s får forespørselen med en gang og får beskjed på "
                                  "e-post. Den kan ikke endres etterpå; trekk den og lag en ny hvis behovet "
                                  "endrer seg.")
                    % {"county": item.municipality.county})


@login_required
@GET_POST
def assistance_withdraw(request, pk):
    item = _own(AssistanceRequest, request, pk, Role.LEADER)
    return _confirm(request, item, template="prioritering/bistand/assistance_confirm.html",
                    write=lambda revision: services.request_withdraw(request=item, user=request.user,
                                                                     expected_revision=revision),
                    success=_("Forespørselen er trukket."), done=request_url(item), title=_("Trekk forespørselen"),
                    explanation=_("Forespørselen står i historikken som trukket. Har den vært sendt, får "
                                  "Statsforvalteren beskjed på e-post om at den ikke lenger skal koordineres."))


@login_required
@GET
def assistance_history(request, pk):
    item = _own(AssistanceRequest, request, pk)
    return render(request, "prioritering/bistand/history.html", {
        "item": item, "changes": item.changes.all(), "back": request_url(item)})


# --- Offers --------------------------------------------------------------------------------------

@login_required
@GET_POST
def offer_create(request):
    _require_writer(request.user)
    form = OfferForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        item = services.offer_create(user=request.user, municipality=form.cleaned_data["municipality"],
                                     data=form.offer_data())
        messages.success(request, _("Utkastet er lagret. En leder i kommunen melder det til Statsforvalteren."))
        return redirect(offer_url(item))
    return render(request, "prioritering/bistand/offer_form.html", _form_context(form))


@login_required
@GET
def offer_detail(request, pk):
    item = _own(CapacityOffer, request, pk)
    referred = AssistanceRequest.objects.filter(matched_offer=item).select_related("municipality").order_by(
        "coordinated_at", "pk")
    return render(request, "prioritering/bistand/offer_detail.html", {
        "item": item, "referred": referred,
        "can_edit": item.is_editable and role_allows(item.user_role, Role.CONTRIBUTOR),
        "can_submit": item.is_editable and role_allows(item.user_role, Role.LEADER),
        "can_withdraw": item.can_withdraw and role_allows(item.user_role, Role.LEADER),
    })


@login_required
@GET_POST
def offer_edit(request, pk):
    item = _own(CapacityOffer, request, pk, Role.CONTRIBUTOR)
    if not item.is_editable:
        messages.error(request, _("Tilbudet er meldt og kan ikke lenger endres."))
        return redirect(offer_url(item))
    form = OfferForm(request.POST or None, instance=copy.copy(item), user=request.user)
    if request.method == "POST" and form.is_valid():
        saved, refused = _write(request, form, lambda: services.offer_update(
            offer=item, user=request.user, data=form.offer_data(),
            expected_revision=form.cleaned_data["revision"]), offer_url(item))
        if refused:
            return refused
        if saved:
            messages.success(request, _("Endringene er lagret."))
            return redirect(offer_url(item))
    return render(request, "prioritering/bistand/offer_form.html", _form_context(form, item))


@login_required
@GET_POST
def offer_submit(request, pk):
    item = _own(CapacityOffer, request, pk, Role.LEADER)
    return _confirm(request, item, template="prioritering/bistand/offer_confirm.html",
                    write=lambda revision: services.offer_submit(offer=item, user=request.user,
                                                                 expected_revision=revision),
                    success=_("Tilbudet er meldt til Statsforvalteren."), done=offer_url(item),
                    title=_("Meld tilbudet til Statsforvalteren"),
                    explanation=_("Statsforvalteren ser tilbudet i oversikten over fylket og kan formidle det til en "
                                  "kommune som ber om hjelp. Det kan ikke endres etterpå; trekk det og meld et nytt "
                                  "hvis kapasiteten endrer seg."))


@login_required
@GET_POST
def offer_withdraw(request, pk):
    item = _own(CapacityOffer, request, pk, Role.LEADER)
    return _confirm(request, item, template="prioritering/bistand/offer_confirm.html",
                    write=lambda revision: services.offer_withdraw(offer=item, user=request.user,
                                                                   expected_revision=revision),
                    success=_("Tilbudet er trukket."), done=offer_url(item), title=_("Trekk tilbudet"),
                    explanation=_("Statsforvalteren ser ikke lenger tilbudet blant den ledige kapasiteten."))


@login_required
@GET
def offer_history(request, pk):
    item = _own(CapacityOffer, request, pk)
    return render(request, "prioritering/bistand/history.html", {
        "item": item, "changes": item.changes.all(), "back": offer_url(item), "is_offer": True})


# --- Statsforvalteren ------------------------------------------------------------------------------

def _counties(request):
    """The counties the user is statsforvalter for; anyone else may not see these pages (403)."""
    counties = list(Membership.objects.for_user(request.user).county().values_list("county", flat=True))
    if not counties:
        raise PermissionDenied
    return counties


def county_request_url(item):
    return reverse("prioritering:county_assistance_detail", args=[item.pk])


@login_required
@GET
def county_assistance(request):
    return render(request, "prioritering/bistand/county_assistance.html",
                  {"view": coordination.coordination(_counties(request)), "county_view": True})


@login_required
@GET
def county_assistance_print(request):
    return render(request, "prioritering/bistand/county_assistance_print.html",
                  {"view": coordination.coordination(_counties(request)), "county_view": True})


@login_required
@GET
def county_assistance_export(request):
    counties = _counties(request)
    return exports.county_requests_csv(counties)


@login_required
@GET
def county_assistance_summary(request):
    counties = _counties(request)
    requests, offers = coordination.county_summary(counties)
    return render(request, "prioritering/bistand/county_summary.html", {
        "counties": sorted(counties), "requests": requests, "offers": offers,
        "statuses": coordination.SUMMARY_STATUSES, "county_view": True})


@login_required
@GET_POST
def county_assistance_detail(request, pk):
    counties = _counties(request)
    queryset = (AssistanceRequest.objects.for_counties(counties)
                .select_related("municipality", "referred_to", "worksheet", "matched_offer__municipality"))
    item = get_object_or_404(queryset, pk=pk)
    offers = coordination.matching_offers(item) if item.is_open else []
    form = CoordinateForm(request.POST or None, request_obj=item, offers=offers)
    if request.method == "POST":
        if not item.is_open:
            messages.error(request, _("Forespørselen er %(status)s og kan ikke lenger koordineres.")
                           % {"status": item.get_status_display().lower()})
            return redirect(county_request_url(item))
        if form.is_valid():
            saved, refused = _write(request, form, lambda: services.request_coordinate(
                request=item, user=request.user, expected_revision=form.cleaned_data["revision"],
                **form.coordination_data()), county_request_url(item))
            if refused:
                return refused
            if saved:
                messages.success(request, _("Lagret. Kommunen ser merknaden på sin side og har fått e-post."))
                return redirect(county_request_url(item))
    gap = coordination.municipality_lines([item.municipality.county])[0][item.municipality_id].gap
    return render(request, "prioritering/bistand/county_assistance_detail.html", {
        "item": item, "form": form, "offers": offers, "gap": gap, "county_view": True,
    })
