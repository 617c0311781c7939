"""Staffing measures as a source of e-mail alerts (registered in settings.ALERT_SOURCES)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alerts.sources import Change, Facet, Source, WithdrawalSource, absolute
from staffing.models import Category, Measure, MeasureVersion


class MeasureAlertSource(Source):
    key = "staffing.measure"

    def __init__(self):
        self.facets = (
            Facet("staffing.category", _("Grupper av bemanningstiltak"), lambda: [(str(v), str(l)) for v, l in Category.choices]),
            Facet("staffing.measure", _("Enkelttiltak for bemanning"), self._measure_choices),
        )

    def _measure_choices(self):
        measures = Measure.objects.live().values_list("pk", "live_version__title")
        return sorted(((str(pk), title) for pk, title in measures), key=lambda choice: choice[1].lower())

    def new_versions(self, *, now, dispatched_ids):
        return (
            MeasureVersion.objects.published(now).major()
            .filter(measure__withdrawn_at__isnull=True)
            .exclude(pk__in=dispatched_ids)
            .select_related("measure")
            .order_by("publish_at", "pk")
        )

    def describe(self, version):
        measure = version.measure
        previous = version.previous_major_number()
        compare = reverse("staffing:history", args=[measure.slug])
        if previous:
            compare += f"?fra={previous}&til={version.number}"
        return Change(
            source=self.key, version_id=version.pk, title=version.title, kind_label=str(_("Bemanningstiltak")),
            issuer=version.provider, change_note=version.change_note, published_at=version.publish_at,
            url=absolute(measure.get_absolute_url()), compare_url=absolute(compare), is_new=previous is None,
            facets={("staffing.measure", str(measure.pk)), ("staffing.category", str(measure.category))},
        )


class MeasureWithdrawalSource(WithdrawalSource):
    """A measure withdrawn or reinstated, for those who follow it or its group."""

    key = "staffing.measure.withdrawal"
    document_model = Measure

    def describe(self, change):
        measure = Measure.objects.get(pk=change.object_id)
        provider = measure.latest_version().provider if measure.versions.exists() else ""
        return Change(
            source=self.key, version_id=change.pk, title=change.object_repr, kind_label=str(_("Bemanningstiltak")),
            issuer=provider, change_note=change.note, published_at=change.recorded_at,
            url=absolute(measure.get_absolute_url()), compare_url=absolute(reverse("staffing:history", args=[measure.slug])),
            facets={("staffing.measure", str(measure.pk)), ("staffing.category", str(measure.category))},
            event=change.kind,
        )
