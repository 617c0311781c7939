"""Alerts for staffing measures (issue 4). Imported only when staffing has versioned measures."""

from django.utils.translation import gettext_lazy as _

from kommuneportal.alerts.sources import Change, Facet, Source, absolute, first_reverse, previous_major_number
from staffing.models import Category, Measure, MeasureVersion


class MeasureSource(Source):
    key = "staffing.measure"

    def __init__(self):
        self.facets = (
            Facet("staffing.category", _("Grupper av bemanningstiltak"), lambda: [(str(v), str(l)) for v, l in Category.choices]),
            Facet("staffing.measure", _("Enkelttiltak for bemanning"), self._measure_choices),
        )

    def _measure_choices(self):
        measures = Measure.objects.live()
        titles = dict(MeasureVersion.objects.filter(pk__in=[m.live_version_id for m in measures])
                      .values_list("measure_id", "title"))
        return sorted(((str(m.pk), titles.get(m.pk, m.slug)) for m in measures), key=lambda c: c[1].lower())

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
        url = first_reverse(["staffing:measure"], [measure.slug], f"/bemanning/{measure.slug}/")
        history = first_reverse(["staffing:history", "staffing:measure_history"], [measure.slug], None)
        previous = previous_major_number(version)
        compare = history + (f"?fra={previous}&til={version.number}" if previous else "") if history else url
        return Change(
            source=self.key, version_id=version.pk, title=version.title, kind_label=str(_("Bemanningstiltak")),
            issuer=version.provider, change_note=version.change_note, published_at=version.publish_at,
            url=absolute(url), compare_url=absolute(compare), is_new=previous is None,
            facets={("staffing.measure", str(measure.pk)), ("staffing.category", str(measure.category))},
        )
