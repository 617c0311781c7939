from itertools import groupby

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from publishing.history import published_version, version_history
from publishing.markdown import render_markdown
from staffing.finder import find_measures
from staffing.forms import CatalogueFilterForm, FinderForm, ProposalForm
from staffing.models import Category, ContactPoint, Measure


def measure_list(request):
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("vis", CatalogueFilterForm.CURRENT)  # so the radio shows what is applied
    form = CatalogueFilterForm(data)
    measures = Measure.objects.all().with_successor()
    if form.is_valid():
        measures = form.filter(measures, today)
    else:
        measures = measures.valid_on(today)
    measures = list(measures)
    groups = [(Category(category), list(items)) for category, items in groupby(measures, key=lambda m: m.category)]
    context = {"form": form, "groups": groups, "count": len(measures), "today": today}
    return render(request, "staffing/measure_list.html", context, status=200 if form.is_valid() else 400)


def measure_detail(request, slug):
    measure = Measure.objects.live().with_successor().filter(slug=slug).first()
    if measure is None:
        raise Http404
    context = {
        "measure": measure,
        "version": measure.live_version,
        "body_html": render_markdown(measure.live_version.body),
        "history": measure.published_versions(),
        "predecessors": Measure.objects.live().filter(successor=measure),
        "today": timezone.localdate(),
    }
    return render(request, "staffing/measure_detail.html", context)


def measure_history(request, slug):
    measure = get_object_or_404(Measure.objects.with_live_version(), slug=slug)
    context, status = version_history(measure, request.GET)
    return render(request, "staffing/measure_history.html", {**context, "measure": measure}, status=status)


@require_safe
def measure_version(request, slug, number):
    """One published version, readable in full at its own address, with how it stands to the current one."""
    measure = get_object_or_404(Measure.objects.with_live_version(), slug=slug)
    context = published_version(measure, number)
    context.update(measure=measure, body_html=render_markdown(context["version"].body))
    return render(request, "staffing/measure_version.html", context)


def measure_finder(request):
    asked = any(name in request.GET for name in (*FinderForm.base_fields, "autorisert"))
    form = FinderForm.from_query(request.GET) if asked else FinderForm(initial={"dato": timezone.localdate()})
    context = {"form": form, "asked": asked, "result": None}
    if asked and form.is_valid():
        data = form.cleaned_data
        context["result"] = find_measures(
            task=data["oppgave"], profession=data["personell"], horizon=data["naar"], day=data["dato"],
        )
        context["day"] = context["contact_point_date"] = data["dato"]
    status = 400 if asked and not form.is_valid() else 200
    return render(request, "staffing/measure_finder.html", context, status=status)


def contact_point_detail(request):
    """«Om kontaktpunktet»: what the one way in helps with, in its source's words, and how it has changed."""
    today = timezone.localdate()
    points = list(ContactPoint.objects.filter(valid_from__lte=today).order_by("-valid_from"))
    for point, later in zip(points[1:], points):
        point.until = later
    context = {"current": points[0] if points else None, "earlier": points[1:], "today": today}
    return render(request, "staffing/contactpoint_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def proposal_create(request):
    if request.method != "POST":
        return render(request, "staffing/measureproposal_form.html", {"form": ProposalForm()})
    form = ProposalForm(request.POST)
    # A client past the limit is told so before anything else, with the typed text kept; a valid
    # proposal is counted before it is saved, so two sent at once cannot both take the last place.
    retry_after = _client_spent(request, count=False)
    if retry_after is None and form.is_valid():
        retry_after = _client_spent(request, count=True)
        if retry_after is None:
            form.save()
            return redirect("staffing:proposal_done")
    if retry_after is not None:
        form.is_valid()  # so the page shows the typed text with any other problems
        response = render(request, "staffing/measureproposal_form.html",
                          {"form": form, "retry_minutes": -(-retry_after // 60)}, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    return render(request, "staffing/measureproposal_form.html", {"form": form}, status=400)


def _client_spent(request, *, count):
    """Seconds until this client address may send another proposal, or None. Counted per client address
    (behind the README's proxy, the one it forwards: kommuneportal/clients.py) in the store every worker
    shares; only a keyed hash of the address is kept (kommuneportal.clients.keyed_hash), for an hour."""
    usage = get_usage(request, group="staffing.proposal", key="ip", rate=settings.RATE_LIMITS["staffing_proposal"],
                      increment=count)
    if not usage:
        return None
    spent = usage["should_limit"] if count else usage["count"] >= usage["limit"]
    return max(usage["time_left"], 1) if spent else None


def proposal_done(request):
    return render(request, "staffing/measureproposal_done.html")
