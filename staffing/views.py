from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from publishing.history import version_history
from publishing.markdown import render_markdown
from staffing.finder import find_measures
from staffing.forms import CatalogueFilterForm, FinderForm
from staffing.models import Category, Measure


def measure_list(request):
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("vis", CatalogueFilterForm.CURRENT)  # so the radio shows what is applied
    form = CatalogueFilterForm(data)
    if form.is_valid():
        measures = form.filter(Measure.objects.all(), today)
    else:
        measures = Measure.objects.valid_on(today)
    measures = list(measures)
    groups = [(Category(category), list(items)) for category, items in groupby(measures, key=lambda m: m.category)]
    context = {"form": form, "groups": groups, "count": len(measures), "today": today}
    return render(request, "staffing/measure_list.html", context, status=200 if form.is_valid() else 400)


def measure_detail(request, slug):
    measure = Measure.objects.live().filter(slug=slug).first()
    if measure is None:
        raise Http404
    context = {
        "measure": measure,
        "version": measure.live_version,
        "body_html": render_markdown(measure.live_version.body),
        "history": measure.published_versions(),
        "today": timezone.localdate(),
    }
    return render(request, "staffing/measure_detail.html", context)


def measure_history(request, slug):
    measure = get_object_or_404(Measure.objects.with_live_version(), slug=slug)
    context, status = version_history(measure, request.GET)
    return render(request, "staffing/measure_history.html", {**context, "measure": measure}, status=status)


def measure_finder(request):
    asked = any(name in request.GET for name in FinderForm.base_fields)
    data = request.GET.copy()
    data.setdefault("autorisert", "nei")
    form = FinderForm(data) if asked else FinderForm(initial={"autorisert": "nei", "dato": timezone.localdate()})
    context = {"form": form, "asked": asked, "matches": None}
    if asked and form.is_valid():
        data = form.cleaned_data
        context["matches"] = find_measures(
            task=data["oppgave"], horizon=data["naar"], authorised_only=data["autorisert"], day=data["dato"],
        )
        context["day"] = context["contact_point_date"] = data["dato"]
    status = 400 if asked and not form.is_valid() else 200
    return render(request, "staffing/measure_finder.html", context, status=status)
