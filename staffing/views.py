from itertools import groupby

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_http_methods, require_safe

from publishing.history import published_version, version_history
from publishing.markdown import render_markdown
from staffing.finder import find_measures
from staffing.forms import CatalogueFilterForm, FinderForm, ProposalForm
from staffing.models import Category, ContactPoint, Measure

PROPOSALS_PER_HOUR = 5  # per client address; a municipality rarely has more than one or two


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
    context = {"current": points[0] if points else None, "earlier": points[1:], "today": today}
    return render(request, "staffing/contactpoint_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def proposal_create(request):
    if request.method != "POST":
        return render(request, "staffing/measureproposal_form.html", {"form": ProposalForm()})
    form = ProposalForm(request.POST)
    if _proposals_sent(request) >= PROPOSALS_PER_HOUR:
        form.is_valid()  # so the page shows the typed text with any other problems
        return render(request, "staffing/measureproposal_form.html", {"form": form, "rate_limited": True}, status=429)
    if not form.is_valid():
        return render(request, "staffing/measureproposal_form.html", {"form": form}, status=400)
    form.save()
    _count_proposal(request)
    return redirect("staffing:proposal_done")


def proposal_done(request):
    return render(request, "staffing/measureproposal_done.html")


def _client_address(request):
    """The sender's address. Behind a proxy on the same host (docs/operations.md: nginx in front of gunicorn) every
    request comes from loopback, so the address that proxy appended last to X-Forwarded-For is used:
    a client can forge the entries before it, never the last one."""
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and (address.startswith("127.") or address == "::1"):
        return forwarded.rsplit(",", 1)[-1].strip()[:64]
    return address


def _rate_key(request):
    # Only a keyed hash of the address is kept, and only in the cache, for an hour.
    digest = salted_hmac("staffing.proposal.rate", _client_address(request)).hexdigest()
    return f"staffing:proposals:{digest}"


def _proposals_sent(request):
    return cache.get(_rate_key(request), 0)


def _count_proposal(request):
    key = _rate_key(request)
    if not cache.add(key, 1, 3600):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, 3600)
