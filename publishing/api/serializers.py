"""What every versioned document's version looks like in the API, and the envelope around answers.

Dates follow the pages' rule (issue 12): never more exact than the source. Each date says whose it
is: `origin` "source" (the source document's date: a day, or only its month when the source gives
no more) or "portal" (when the portal did something: the day, and in the `…_at` fields the moment).
A version's `date` is the one the pages show beside it (`DocumentVersion.reader_date`).
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from publishing.dates import format_day
from publishing.markdown import render_markdown
from publishing.models import ChangeType

NLOD = {"id": "NLOD-2.0", "name": "Norsk lisens for offentlige data (NLOD) 2.0",
        "url": "https://data.norge.no/nlod/no/2.0"}


def honest_date(day, *, approximate=False, origin="source", month_only=False):
    """A date as the API gives it: the day, or only its month (`approximate`: «ca. desember 2020»;
    `month_only`: a month the source names, «juni 2022»), or None when there is none."""
    if day is None:
        return None
    if approximate or month_only:
        return {"value": f"{day:%Y-%m}", "precision": "month", "approximate": approximate, "origin": origin,
                "text": format_day(day, approximate=approximate, month_only=not approximate)}
    return {"value": day.isoformat(), "precision": "day", "approximate": False, "origin": origin,
            "text": format_day(day)}


def reader_date(version, published_at=None):
    """The date the pages give a version: the day the portal published it, the source's month when
    the source gives no exact date, or an undated marker when it gives none."""
    when, approximate = version.reader_date(published_at)
    if approximate:
        return honest_date(when, approximate=True) or {
            "value": None, "precision": None, "approximate": True, "origin": "source",
            "text": _("Kilden er ikke datert")}
    return honest_date(timezone.localdate(when), origin="portal")


def meta(request):
    """The licence, the attribution rule and where the documentation is: in every answer."""
    licensor = getattr(settings, "API_LICENSOR", "Kommuneportal")
    return {
        "licence": NLOD,
        "attribution": _("Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av "
                         "%(licensor)s. Oppgi også kilden («source») til teksten du bruker.") % {"licensor": licensor},
        "documentation": request.build_absolute_uri("/api/"),
        "schema": request.build_absolute_uri("/api/v1/openapi.json"),
    }


# --- Schemas of the parts -----------------------------------------------------------------------


class HonestDateSerializer(serializers.Serializer):
    value = serializers.CharField(allow_null=True, help_text="2021-12-10 (dag) eller 2021-12 (bare måned); null når "
                                                             "kilden ikke har dato.")
    precision = serializers.ChoiceField(choices=["day", "month"], allow_null=True)
    approximate = serializers.BooleanField(help_text="Kilden gir ikke eksakt dato («ca. desember 2020»).")
    origin = serializers.ChoiceField(choices=["source", "portal"],
                                     help_text="source: kildedokumentets dato. portal: når portalen gjorde noe.")
    text = serializers.CharField(help_text="Slik sidene viser datoen.")


class SourceSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="Kildedokumentet, slik det heter hos utgiveren.")
    issuer = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    date = HonestDateSerializer(allow_null=True, help_text="Kildens egen dato, aldri mer eksakt enn kilden.")


class LinkSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()


class EditorsSerializer(serializers.Serializer):
    note = serializers.CharField(allow_blank=True, help_text="Redaksjonens merknad: portalens egne ord, ikke kildens.")
    see_also = LinkSerializer(many=True, help_text="Redaksjonens «Se også»-lenker til sider i portalen.")


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


def code_label(code, labels):
    return {"code": code, "label": str(labels.get(code, code))}


class VersionSerializer(serializers.Serializer):
    """The text of one published version and where it comes from: shared by articles and measures."""

    number = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    body_markdown = serializers.CharField(source="body", allow_blank=True)
    body_html = serializers.SerializerMethodField(help_text="Brødteksten som sanert HTML, slik sidene viser den.")
    source = serializers.SerializerMethodField()
    editors = serializers.SerializerMethodField()
    change_type = serializers.ChoiceField(choices=ChangeType.choices)
    change_note = serializers.CharField(allow_blank=True)
    published_at = serializers.DateTimeField(source="publish_at", help_text="Når portalen publiserte versjonen "
                                                                            "(portalens tidspunkt, ikke kildens).")
    date = serializers.SerializerMethodField(help_text="Datoen sidene viser for versjonen.")

    def get_body_html(self, version) -> str:
        return str(render_markdown(version.body))

    @extend_schema_field(SourceSerializer(allow_null=True))
    def get_source(self, version):
        if not version.has_source:
            return None
        return {"title": version.source_title, "issuer": version.source_issuer, "url": version.source_url,
                "date": honest_date(version.source_date, approximate=version.source_date_is_approximate)}

    @extend_schema_field(EditorsSerializer)
    def get_editors(self, version):
        links = [{"title": title, "url": self.context["request"].build_absolute_uri(path)}
                 for title, path in version.see_also_links()]
        return {"note": version.editor_note, "see_also": links}

    @extend_schema_field(HonestDateSerializer(allow_null=True))
    def get_date(self, version):
        return reader_date(version)


class LicenceSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField()


class MetaSerializer(serializers.Serializer):
    licence = LicenceSerializer()
    attribution = serializers.CharField(help_text="Slik dere krediterer dataene (NLOD 2.0).")
    documentation = serializers.CharField()
    schema = serializers.CharField()


class LinksSerializer(serializers.Serializer):
    self = serializers.CharField()


class PageLinksSerializer(LinksSerializer):
    next = serializers.CharField(allow_null=True, help_text="Neste side, eller null på siste side.")


def envelope(name, serializer, *, many=False, links=LinksSerializer):
    """The schema of an answer: {"data": …, "meta": licence and attribution, "links": …}."""
    fields = {"data": serializer(many=many), "meta": MetaSerializer(), "links": links()}
    return type(name, (serializers.Serializer,), fields)


class ProblemErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField()
    detail = serializers.CharField()
    code = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """JSON problem details (RFC 9457)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = ProblemErrorSerializer(many=True, required=False)
    withdrawn_at = serializers.DateTimeField(required=False)
    withdrawal_reason = serializers.CharField(required=False)
