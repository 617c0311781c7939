"""«Changes since» (/api/v1/endringer/): every app's published versions in one order, page by page.

What an intranet polls every few minutes. Each app contributes a source (registered in
`CHANGE_SOURCES`, like the site search's providers) that lists its published versions after a point
in that order; this view asks each for one page and merges them. The order is the time the portal
published each version, then the source, then the version's id: a total order, so the cursor (those
three values) never skips or repeats a change, and a scheduled version enters the list at its time
with nothing written. Drafts never appear, nor versions of withdrawn documents.

Cost: one query per source whatever the amount of content (each reads `antall` + 1 rows in index order).
"""

from functools import cache

from django import forms
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from publishing.api import CodeLabelSerializer, MomentField, PagedQueryForm, PublicAPIView, VersionSerializer, envelope
from publishing.api.params import encode_cursor
from publishing.api.schema import list_responses, query_parameters
from publishing.api.serializers import PageLinksSerializer

CHANGE_SOURCES = [
    "guidance.api.ArticleChanges",
    "staffing.api.MeasureChanges",
]


@cache
def change_sources():
    return [import_string(path)() for path in CHANGE_SOURCES]


def after(cursor, rank):
    """The condition for a source's versions that come after `cursor` (moment, source rank, id) in the order."""
    if cursor is None:
        return Q()
    moment, cursor_rank, pk = cursor
    if rank < cursor_rank:
        return Q(publish_at__gt=moment)
    if rank > cursor_rank:
        return Q(publish_at__gte=moment)
    return Q(publish_at__gt=moment) | Q(publish_at=moment, pk__gt=pk)


class ChangesQueryForm(PagedQueryForm):
    cursor_kinds = (str, int, int)

    siden = MomentField(required=False, max_length=64, help_text=_(
        "Bare endringer publisert etter dette tidspunktet (ISO 8601, f.eks. 2026-11-20T08:00:00+01:00, eller en dato). "
        "Uten zone: norsk tid. «markor» går foran når begge er gitt."))
    mindre = forms.TypedChoiceField(
        choices=[("1", _("ja")), ("0", _("nei"))], coerce=lambda value: value == "1", empty_value=False, required=False,
        help_text=_("1: ta med mindre endringer (skrivefeil, lenker). Standard: bare vesentlige endringer."),
        error_messages={"invalid_choice": _("Skriv 1 for å ta med mindre endringer, eller 0.")},
    )
    type = forms.ChoiceField(
        choices=[("artikkel", _("Artikkel")), ("tiltak", _("Bemanningstiltak"))], required=False,
        help_text=_("Bare endringer i artikler eller bare i bemanningstiltak."),
        error_messages={"invalid_choice": _("Typen finnes ikke. Skriv artikkel eller tiltak.")},
    )

    def clean_markor(self):
        cursor = self.cleaned_data.get("markor")
        if cursor is None:
            return None
        try:
            moment = MomentField().parse(cursor[0]) if len(cursor[0]) < 64 and "T" in cursor[0] else None
        except forms.ValidationError:
            moment = None
        if moment is None:
            raise forms.ValidationError(self.fields["markor"].error_messages["invalid"], code="invalid")
        return moment, cursor[1], cursor[2]


class ChangeLinksSerializer(serializers.Serializer):
    page = serializers.CharField(help_text="Versjonen på portalens side.")
    document = serializers.CharField(help_text="Dokumentet slik det er nå, i API-et.")
    version = serializers.CharField(help_text="Versjonen i API-et.")


class ChangeSerializer(serializers.Serializer):
    type = CodeLabelSerializer()
    slug = serializers.CharField()
    is_first_publication = serializers.BooleanField(help_text="Dokumentets første publisering: nytt, ikke endret.")
    version = VersionSerializer()
    links = ChangeLinksSerializer()


class ChangesLinksSerializer(PageLinksSerializer):
    poll = serializers.CharField(help_text="Spør her neste gang: etter den siste endringen du har fått.")


ChangesPage = envelope("ChangesPage", ChangeSerializer, many=True, links=ChangesLinksSerializer)


class ChangesView(PublicAPIView):
    query_form = ChangesQueryForm

    @extend_schema(operation_id="changes", summary="Endringer siden", parameters=query_parameters(ChangesQueryForm),
                   responses=list_responses(ChangesPage),
                   description="Nye og endrede artikler og tiltak i den rekkefølgen portalen publiserte dem, eldste "
                               "først. Følg «links.next» til den er null, og spør «links.poll» neste gang.")
    def get(self, request):
        params, sources = self.params, change_sources()
        size = params["antall"]
        start = params["markor"] or ((params["siden"], len(sources), 0) if params["siden"] else None)
        found = []
        for rank, source in enumerate(sources):
            if params["type"] and source.code != params["type"]:
                continue
            self.show(source.model)
            versions = source.versions(after(start, rank), include_minor=params["mindre"], limit=size + 1)
            found += [((version.publish_at, rank, version.pk), source, version) for version in versions]
        found.sort(key=lambda entry: entry[0])
        page = found[:size]
        self.modified(*(version.publish_at for _key, _source, version in page))
        last = page[-1][0] if page else start
        next_cursor = _cursor(page[-1][0]) if len(found) > size else None
        serializer = VersionSerializer(context=self.context())  # one for every item: building one costs more
        data = [self.item(source, version, serializer) for _key, source, version in page]
        return Response(self.envelope(data, next=self.page_link(next_cursor),
                                      poll=self.page_link(_cursor(last)) if last else self.request.build_absolute_uri()))

    def item(self, source, version, serializer):
        slug, links = source.links(version)
        return {"type": {"code": source.code, "label": str(source.label)}, "slug": slug,
                "is_first_publication": version.is_first,
                "version": serializer.to_representation(version),
                "links": {name: self.request.build_absolute_uri(url) for name, url in links.items()}}


def _cursor(key):
    moment, rank, pk = key
    return [moment.isoformat(), rank, pk]


__all__ = ["CHANGE_SOURCES", "ChangesView", "encode_cursor"]
