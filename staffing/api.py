"""Staffing in the open API: the measures with their status and published versions, the contact point
with its dated history, and the measures' part of «changes since» (kommuneportal/api/changes.py).

Measures are read through `Measure.objects.live()` / `valid_on(day)` and `published_versions()`, the
contact point through its own queryset (`history`), so nothing scheduled shows before its time. The
site includes `urlpatterns` under /api/v1/ (namespace "api").
"""

from django import forms
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from publishing.api import (
    CodeLabelSerializer, HonestDateSerializer, PagedQueryForm, PageLinksSerializer, PublicAPIView, QueryForm,
    VersionSerializer, code_label, envelope, gone, honest_date, not_found,
)
from publishing.api.params import DateField
from publishing.api.schema import document_responses, list_responses, query_parameters
from staffing.finder import confirmed_phrase, sentence
from staffing.models import (
    Category, Channel, ContactPoint, Measure, MeasureVersion, PersonnelKind, Speed, Status, Task, confirmation_months,
)
from staffing.models.measures import local_midnight

CATEGORY_LABELS, CHANNEL_LABELS, SPEED_LABELS = dict(Category.choices), dict(Channel.choices), dict(Speed.choices)
TASK_LABELS, PERSONNEL_LABELS, STATUS_LABELS = dict(Task.choices), dict(PersonnelKind.choices), dict(Status.choices)
LINKS = serializers.DictField(child=serializers.CharField())


def _absolute(request, url):
    return request.build_absolute_uri(url)


# --- Serializers --------------------------------------------------------------------------------


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True)


class ValiditySerializer(serializers.Serializer):
    valid_from = HonestDateSerializer(allow_null=True, help_text="Startdatoen kilden gir (bare måneden når kilden ikke "
                                                                "gir mer); null når den ikke gir noen.")
    valid_until = HonestDateSerializer(allow_null=True, help_text="Siste dag tiltaket gjelder; null når ingen er kjent.")


class MeasureVersionSerializer(VersionSerializer):
    provider = serializers.CharField()
    tasks = serializers.SerializerMethodField()
    personnel_kinds = serializers.SerializerMethodField()
    speed_estimate = serializers.SerializerMethodField(help_text="Redaksjonens anslag over hvor raskt tiltaket kan "
                                                                 "hjelpe, ikke kildens ord.")
    request_channel = serializers.SerializerMethodField()
    how_to_request = serializers.CharField()
    contact = serializers.SerializerMethodField()
    conditions = serializers.CharField(allow_blank=True)
    legal_basis = serializers.CharField(allow_blank=True)
    capacity = serializers.CharField(allow_blank=True)
    validity = serializers.SerializerMethodField()
    is_last_resort = serializers.BooleanField(help_text="Andre muligheter skal være forsøkt først.")
    links = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_tasks(self, version):
        return [code_label(code, TASK_LABELS) for code in version.tasks]

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_personnel_kinds(self, version):
        return [code_label(code, PERSONNEL_LABELS) for code in version.personnel_kinds]

    @extend_schema_field(CodeLabelSerializer)
    def get_speed_estimate(self, version):
        return code_label(version.speed, SPEED_LABELS)

    @extend_schema_field(CodeLabelSerializer)
    def get_request_channel(self, version):
        return code_label(version.request_channel, CHANNEL_LABELS)

    @extend_schema_field(ContactSerializer)
    def get_contact(self, version):
        return {"name": version.contact_name, "phone": version.contact_phone, "email": version.contact_email,
                "url": version.contact_url}

    @extend_schema_field(ValiditySerializer)
    def get_validity(self, version):
        return {"valid_from": honest_date(version.valid_from, month_only=version.valid_from_is_approximate),
                "valid_until": honest_date(version.valid_until, month_only=version.valid_until_is_approximate)}

    @extend_schema_field(LINKS)
    def get_links(self, version):
        # Listed under its measure (`slug` in the context), or nested as the live version of a measure
        # read with it (its `measure` is then already loaded).
        request, slug = self.context["request"], self.context.get("slug") or version.measure.slug
        return {"page": _absolute(request, reverse("staffing:version", args=[slug, version.number])),
                "api": _absolute(request, reverse("api:measure_version", args=[slug, version.number]))}


class StatusSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=Status.choices)
    label = serializers.CharField()
    on = serializers.DateField(help_text="Datoen statusen gjelder for (i dag, norsk tid).")


class ConfirmedSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="«Sist bekreftet av …» slik sidene sier det.")
    date = HonestDateSerializer(allow_null=True, help_text="Kildens dato, eller startdatoen kilden gir når den er "
                                                           "udatert; null når ingen av dem finnes.")


class SuccessorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    page = serializers.CharField()
    api = serializers.CharField()


class MeasureSerializer(serializers.Serializer):
    slug = serializers.CharField()
    category = serializers.SerializerMethodField(help_text="En av de fem gruppene i Helsedirektoratets brev.")
    position = serializers.IntegerField()
    status = serializers.SerializerMethodField()
    last_confirmed = serializers.SerializerMethodField()
    successor = serializers.SerializerMethodField(help_text="Tiltaket som tok over, når dette er utløpt.")
    first_published_at = serializers.DateTimeField()
    last_major_change_at = serializers.DateTimeField(source="last_major_at", allow_null=True)
    live_version = MeasureVersionSerializer(help_text="Versjonen leserne ser nå.")
    links = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_category(self, measure):
        return code_label(measure.category, CATEGORY_LABELS) | {"code": str(measure.category)}

    @extend_schema_field(StatusSerializer)
    def get_status(self, measure):
        today = self.context["today"]
        code = measure.live_version.status_on(today)
        label = STATUS_LABELS[code]
        if code == Status.UNCONFIRMED:
            label = _("Ikke bekreftet på over %(months)s måneder") % {"months": confirmation_months()}
        return {"code": code, "label": str(label), "on": today}

    @extend_schema_field(ConfirmedSerializer)
    def get_last_confirmed(self, measure):
        version = measure.live_version
        if version.source_date:
            date = honest_date(version.source_date, approximate=version.source_date_is_approximate)
        else:
            date = honest_date(version.valid_from, month_only=version.valid_from_is_approximate)
        return {"text": sentence(str(confirmed_phrase(version))), "date": date}

    @extend_schema_field(SuccessorSerializer(allow_null=True))
    def get_successor(self, measure):
        successor = measure.successor
        if successor is None or successor.live_version_id is None or successor.withdrawn_at is not None:
            return None
        request = self.context["request"]
        return {"slug": successor.slug, "title": successor.live_version.title,
                "page": _absolute(request, successor.get_absolute_url()),
                "api": _absolute(request, reverse("api:measure", args=[successor.slug]))}

    @extend_schema_field(LINKS)
    def get_links(self, measure):
        request, slug = self.context["request"], measure.slug
        return {"page": _absolute(request, measure.get_absolute_url()),
                "history": _absolute(request, reverse("staffing:history", args=[slug])),
                "api": _absolute(request, reverse("api:measure", args=[slug])),
                "versions": _absolute(request, reverse("api:measure_versions", args=[slug]))}


class ContactPointSerializer(serializers.Serializer):
    valid_from = serializers.SerializerMethodField(help_text="Fra denne datoen gjelder opplysningene.")
    heading = serializers.CharField()
    text = serializers.CharField()
    phone = serializers.CharField()
    opening_hours = serializers.CharField(help_text="Slik kilden sier det.")
    email = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    source = serializers.CharField(allow_blank=True)
    source_url = serializers.CharField(allow_blank=True)

    @extend_schema_field(HonestDateSerializer)
    def get_valid_from(self, point):
        return honest_date(point.valid_from, month_only=point.valid_from_is_approximate)


class ContactPointHistorySerializer(serializers.Serializer):
    current = ContactPointSerializer(allow_null=True, help_text="Kontaktpunktet som gjelder i dag.")
    history = ContactPointSerializer(many=True, help_text="Alle versjoner som har trådt i kraft, nyeste først.")


# --- Query strings ------------------------------------------------------------------------------


class MeasureQueryForm(PagedQueryForm):
    gruppe = forms.TypedChoiceField(
        choices=Category.choices, coerce=int, required=False,
        help_text=_("Bare tiltak i gruppen (1–5, gruppene i Helsedirektoratets brev)."),
        error_messages={"invalid_choice": _("Gruppen finnes ikke. Skriv et tall fra 1 til 5.")},
    )
    gyldig = DateField(
        required=False, help_text=_("Bare tiltak som gjelder denne datoen (ÅÅÅÅ-MM-DD), som «Gjeldende» i katalogen."),
    )


class VersionQueryForm(PagedQueryForm):
    cursor_kinds = (int,)


# --- Views --------------------------------------------------------------------------------------


def _measures():
    return Measure.objects.live().with_successor()


def live_measure(view, slug):
    measure = _measures().filter(slug=slug).first()
    if measure is None:
        withdrawn = Measure.objects.filter(slug=slug, withdrawn_at__isnull=False).only(
            "pk", "withdrawn_at", "withdrawal_reason").first()
        if withdrawn is not None:
            view.show(withdrawn)
            raise gone(withdrawn)
        raise not_found(_("Tiltaket finnes ikke, eller det er ikke publisert."))
    view.show(measure)
    view.modified(measure.live_version.publish_at)
    return measure


def _context(view):
    # What a measure's status says depends on the day: the answer is as old as today at most.
    today = timezone.localdate()
    view.modified(local_midnight(today))
    return {**view.context(), "today": today}


MeasurePage = envelope("MeasurePage", MeasureSerializer, many=True, links=PageLinksSerializer)
MeasureDocument = envelope("MeasureDocument", MeasureSerializer)
MeasureVersionPage = envelope("MeasureVersionPage", MeasureVersionSerializer, many=True, links=PageLinksSerializer)
MeasureVersionDocument = envelope("MeasureVersionDocument", MeasureVersionSerializer)
ContactPointDocument = envelope("ContactPointDocument", ContactPointHistorySerializer)


class MeasureListView(PublicAPIView):
    query_form = MeasureQueryForm

    @extend_schema(operation_id="measures", summary="Bemanningstiltak", parameters=query_parameters(MeasureQueryForm),
                   responses=list_responses(MeasurePage),
                   description="Publiserte tiltak i adressens («slug») rekkefølge, gjeldende, utløpte og kommende; "
                               "«gyldig» gir bare dem som gjelder en dato.")
    def get(self, request):
        params = self.params
        measures = _measures().valid_on(params["gyldig"]) if params["gyldig"] else _measures()
        if params["gruppe"]:
            measures = measures.filter(category=params["gruppe"])
        if params["markor"]:
            measures = measures.filter(slug__gt=params["markor"][0])
        page = list(measures.order_by("slug")[:params["antall"] + 1])
        self.show(Measure)
        self.modified(*(measure.live_version.publish_at for measure in page))
        next_cursor = [page[params["antall"] - 1].slug] if len(page) > params["antall"] else None
        data = MeasureSerializer(page[:params["antall"]], many=True, context=_context(self)).data
        return Response(self.envelope(data, next=self.page_link(next_cursor)))


class MeasureDetailView(PublicAPIView):
    @extend_schema(operation_id="measure", summary="Ett bemanningstiltak", responses=document_responses(MeasureDocument))
    def get(self, request, slug):
        measure = live_measure(self, slug)
        return Response(self.envelope(MeasureSerializer(measure, context=_context(self)).data))


class MeasureVersionListView(PublicAPIView):
    query_form = VersionQueryForm

    @extend_schema(operation_id="measure_versions", summary="Alle publiserte versjoner av et tiltak",
                   parameters=query_parameters(VersionQueryForm), responses=document_responses(MeasureVersionPage))
    def get(self, request, slug):
        measure, params = live_measure(self, slug), self.params
        versions = measure.published_versions()
        if params["markor"]:
            versions = versions.filter(number__lt=params["markor"][0])
        page = list(versions[:params["antall"] + 1])
        next_cursor = [page[params["antall"] - 1].number] if len(page) > params["antall"] else None
        data = MeasureVersionSerializer(page[:params["antall"]], many=True, context={**self.context(), "slug": slug}).data
        return Response(self.envelope(data, next=self.page_link(next_cursor)))


class MeasureVersionDetailView(PublicAPIView):
    @extend_schema(operation_id="measure_version", summary="Én publisert versjon av et tiltak",
                   responses=document_responses(MeasureVersionDocument))
    def get(self, request, slug, number):
        measure = live_measure(self, slug)
        version = measure.published_versions().filter(number=number).first()
        if version is None:
            raise not_found(_("Versjonen finnes ikke, eller den er ikke publisert ennå."))
        self.modified(version.publish_at)
        return Response(self.envelope(MeasureVersionSerializer(version, context={**self.context(), "slug": slug}).data))


class ContactPointView(PublicAPIView):
    query_form = QueryForm

    @extend_schema(operation_id="contact_point", summary="Kontaktpunktet («en vei inn») med historikk",
                   responses=list_responses(ContactPointDocument))
    def get(self, request):
        points = list(ContactPoint.objects.history())
        self.show(ContactPoint)
        self.modified(*(local_midnight(point.valid_from) for point in points[:1]))
        data = ContactPointHistorySerializer({"current": points[0] if points else None, "history": points},
                                             context=self.context()).data
        return Response(self.envelope(data))


# --- «Changes since»: the measures' part ----------------------------------------------------------


class MeasureChanges:
    """Published versions of measures that are not withdrawn, oldest first (kommuneportal/api/changes.py)."""

    model = Measure
    code = "tiltak"
    label = _("Bemanningstiltak")

    def versions(self, condition, *, include_minor, limit):
        versions = (MeasureVersion.objects.published().filter(measure__withdrawn_at__isnull=True).filter(condition)
                    .annotate(is_first=ExpressionWrapper(Q(publish_at=F("measure__first_published_at")),
                                                         output_field=BooleanField()))
                    .select_related("measure"))
        if not include_minor:
            versions = versions.major()
        return list(versions.order_by("publish_at", "pk")[:limit])

    def links(self, version):
        slug = version.measure.slug
        return slug, {"page": reverse("staffing:version", args=[slug, version.number]),
                      "document": reverse("api:measure", args=[slug]),
                      "version": reverse("api:measure_version", args=[slug, version.number])}


urlpatterns = [
    path("tiltak/", MeasureListView.as_view(), name="measures"),
    path("tiltak/<slug:slug>/", MeasureDetailView.as_view(), name="measure"),
    path("tiltak/<slug:slug>/versjoner/", MeasureVersionListView.as_view(), name="measure_versions"),
    path("tiltak/<slug:slug>/versjoner/<int:number>/", MeasureVersionDetailView.as_view(), name="measure_version"),
    path("kontaktpunkt/", ContactPointView.as_view(), name="contact_point"),
]
