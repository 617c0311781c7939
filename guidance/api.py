"""Guidance in the open API: articles, their published versions and chapters, topics and issuers,
and the articles' part of «changes since» (kommuneportal/api/changes.py).

Reads go through the readers' querysets (`Article.objects.live()`, `published_versions()`), so a
scheduled version is invisible until its time and a draft never appears; a withdrawn article
answers 410 with its reason. The site includes `urlpatterns` under /api/v1/ (namespace "api").
"""

import re

from django import forms
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from guidance.models import KIND_LABELS, Article, ArticleKind, ArticleVersion, Issuer, Topic
from publishing.api import (
    CodeLabelSerializer, PagedQueryForm, PageLinksSerializer, PublicAPIView, VersionSerializer, code_label, envelope,
    gone, not_found,
)
from publishing.api.schema import document_responses, list_responses, query_parameters
from publishing.markdown import render_markdown

# The prioritisation note (seed 003) is published as this article; /api/v1/prioriteringsnotatet/ gives its chapters.
PRIORITISATION_NOTE_SLUG = "prioriteringsnotatet"


def _absolute(request, url):
    return request.build_absolute_uri(url)


# --- Serializers --------------------------------------------------------------------------------


class NamedSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ArticleVersionSerializer(VersionSerializer):
    links = serializers.SerializerMethodField()

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_links(self, version):
        # Listed under its article (`slug` in the context), or nested as the live version of an article
        # read with it (its `article` is then already loaded).
        request, slug = self.context["request"], self.context.get("slug") or version.article.slug
        return {"page": _absolute(request, reverse("guidance:version", args=[slug, version.number])),
                "api": _absolute(request, reverse("api:article_version", args=[slug, version.number]))}


class ArticleSerializer(serializers.Serializer):
    slug = serializers.CharField()
    kind = serializers.SerializerMethodField()
    issuer = NamedSerializer()
    topics = NamedSerializer(many=True)
    first_published_at = serializers.DateTimeField(help_text="Når portalen først publiserte artikkelen.")
    last_major_change_at = serializers.DateTimeField(source="last_major_at", allow_null=True,
                                                     help_text="Portalens siste vesentlige endring («Sist oppdatert»).")
    live_version = ArticleVersionSerializer(help_text="Versjonen leserne ser nå.")
    links = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, article):
        return code_label(article.kind, KIND_LABELS)

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_links(self, article):
        request, slug = self.context["request"], article.slug
        return {
            "page": _absolute(request, article.get_absolute_url()),
            "history": _absolute(request, reverse("guidance:history", args=[slug])),
            "api": _absolute(request, reverse("api:article", args=[slug])),
            "versions": _absolute(request, reverse("api:article_versions", args=[slug])),
            "chapters": _absolute(request, reverse("api:article_chapters", args=[slug])),
        }


class TopicSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    position = serializers.IntegerField()
    links = serializers.SerializerMethodField()

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_links(self, topic):
        request = self.context["request"]
        return {"page": _absolute(request, topic.get_absolute_url()),
                "articles": _absolute(request, reverse("api:articles") + f"?tema={topic.slug}")}


class ChapterSerializer(serializers.Serializer):
    anchor = serializers.CharField()
    heading = serializers.CharField()
    level = serializers.IntegerField(help_text="2 for et kapittel, 3 for et underkapittel, osv.")
    parent = serializers.CharField(allow_null=True, help_text="Ankeret til kapittelet dette ligger under.")
    markdown = serializers.CharField(allow_blank=True)
    html = serializers.CharField(allow_blank=True)
    url = serializers.CharField(help_text="Kapittelet på siden.")


class ChaptersSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    version = ArticleVersionSerializer(help_text="Den publiserte versjonen kapitlene er hentet fra.")
    intro_markdown = serializers.CharField(allow_blank=True, help_text="Teksten før første kapittel.")
    intro_html = serializers.CharField(allow_blank=True)
    chapters = ChapterSerializer(many=True)


# --- Query strings ------------------------------------------------------------------------------


class ArticleQueryForm(PagedQueryForm):
    tema = forms.ModelChoiceField(
        queryset=Topic.objects.all(), to_field_name="slug", required=False,
        help_text=_("Bare artikler i temaet (temaets «slug»)."),
        error_messages={"invalid_choice": _("Temaet finnes ikke. Se /api/v1/temaer/.")},
    )
    type = forms.ChoiceField(
        choices=ArticleKind.choices, required=False, help_text=_("Bare artikler av typen."),
        error_messages={"invalid_choice": _("Typen finnes ikke. Velg en av: veiledning, nyhet, horingssvar, "
                                            "sporsmal-og-svar.")},
    )
    avsender = forms.ModelChoiceField(
        queryset=Issuer.objects.all(), to_field_name="slug", required=False,
        help_text=_("Bare artikler fra avsenderen (avsenderens «slug»)."),
        error_messages={"invalid_choice": _("Avsenderen finnes ikke. Se /api/v1/avsendere/.")},
    )

    @staticmethod
    def filter(articles, params):
        if params.get("tema"):
            articles = articles.filter(topics=params["tema"])
        if params.get("type"):
            articles = articles.of_kind(params["type"])
        if params.get("avsender"):
            articles = articles.filter(issuer=params["avsender"])
        return articles


class VersionQueryForm(PagedQueryForm):
    cursor_kinds = (int,)


# --- Views --------------------------------------------------------------------------------------


def live_article(view, slug):
    """The live article with this slug; 410 with the reason when it is withdrawn; 404 otherwise."""
    article = (Article.objects.live().select_related("issuer").prefetch_related("topics")
               .filter(slug=slug).first())
    if article is None:
        withdrawn = Article.objects.filter(slug=slug, withdrawn_at__isnull=False).only(
            "pk", "withdrawn_at", "withdrawal_reason").first()
        if withdrawn is not None:
            view.show(withdrawn)
            raise gone(withdrawn)
        raise not_found(_("Artikkelen finnes ikke, eller den er ikke publisert."))
    view.show(article, Topic, Issuer)
    view.modified(article.live_version.publish_at)
    return article


ArticlePage = envelope("ArticlePage", ArticleSerializer, many=True, links=PageLinksSerializer)
ArticleDocument = envelope("ArticleDocument", ArticleSerializer)


class ArticleListView(PublicAPIView):
    query_form = ArticleQueryForm

    @extend_schema(operation_id="articles", summary="Artikler", parameters=query_parameters(ArticleQueryForm),
                   responses=list_responses(ArticlePage),
                   description="Publiserte artikler i adressens («slug») rekkefølge, med teksten i gjeldende versjon.")
    def get(self, request):
        params = self.params
        articles = Article.objects.live().select_related("issuer").prefetch_related("topics").order_by("slug")
        articles = ArticleQueryForm.filter(articles, params)
        if params["markor"]:
            articles = articles.filter(slug__gt=params["markor"][0])
        page = list(articles[:params["antall"] + 1])
        self.show(Article, Topic, Issuer)
        self.modified(*(article.live_version.publish_at for article in page))
        next_cursor = [page[params["antall"] - 1].slug] if len(page) > params["antall"] else None
        data = ArticleSerializer(page[:params["antall"]], many=True, context=self.context()).data
        return Response(self.envelope(data, next=self.page_link(next_cursor)))


class ArticleDetailView(PublicAPIView):
    @extend_schema(operation_id="article", summary="Én artikkel", responses=document_responses(ArticleDocument))
    def get(self, request, slug):
        article = live_article(self, slug)
        return Response(self.envelope(ArticleSerializer(article, context=self.context()).data))


ArticleVersionPage = envelope("ArticleVersionPage", ArticleVersionSerializer, many=True, links=PageLinksSerializer)
ArticleVersionDocument = envelope("ArticleVersionDocument", ArticleVersionSerializer)


class ArticleVersionListView(PublicAPIView):
    query_form = VersionQueryForm

    @extend_schema(operation_id="article_versions", summary="Alle publiserte versjoner av en artikkel",
                   parameters=query_parameters(VersionQueryForm), responses=document_responses(ArticleVersionPage),
                   description="Nyeste først. Utkast og planlagte versjoner er aldri med.")
    def get(self, request, slug):
        article, params = live_article(self, slug), self.params
        versions = article.published_versions()
        if params["markor"]:
            versions = versions.filter(number__lt=params["markor"][0])
        page = list(versions[:params["antall"] + 1])
        next_cursor = [page[params["antall"] - 1].number] if len(page) > params["antall"] else None
        context = {**self.context(), "slug": slug}
        data = ArticleVersionSerializer(page[:params["antall"]], many=True, context=context).data
        return Response(self.envelope(data, next=self.page_link(next_cursor)))


class ArticleVersionDetailView(PublicAPIView):
    @extend_schema(operation_id="article_version", summary="Én publisert versjon av en artikkel",
                   responses=document_responses(ArticleVersionDocument))
    def get(self, request, slug, number):
        article = live_article(self, slug)
        version = article.published_versions().filter(number=number).first()
        if version is None:
            raise not_found(_("Versjonen finnes ikke, eller den er ikke publisert ennå."))
        self.modified(version.publish_at)
        return Response(self.envelope(ArticleVersionSerializer(version, context={**self.context(), "slug": slug}).data))


# A heading with an anchor, as publishers write chapters: `## Fasene {#faser}`.
ANCHORED_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<heading>.+?)[ \t]*\{#(?P<anchor>[a-z0-9][a-z0-9-]{0,60})\}"
                              r"[ \t]*$", re.MULTILINE)


def chapters(body, page_url):
    """The text before the first anchored heading, and each anchored heading with the text up to the next."""
    found = list(ANCHORED_HEADING.finditer(body or ""))
    intro = (body[:found[0].start()] if found else body or "").strip()
    result, open_chapters = [], []  # open_chapters: (level, anchor) of the chapters a heading may lie under
    for index, match in enumerate(found):
        level = max(2, len(match["level"]))  # a single # is shown as <h2>: the page's <h1> is the title
        end = found[index + 1].start() if index + 1 < len(found) else len(body)
        text = body[match.end():end].strip()
        open_chapters = [(lvl, anchor) for lvl, anchor in open_chapters if lvl < level]
        result.append({"anchor": match["anchor"], "heading": match["heading"], "level": level,
                       "parent": open_chapters[-1][1] if open_chapters else None, "markdown": text,
                       "html": str(render_markdown(text)), "url": f"{page_url}#{match['anchor']}"})
        open_chapters.append((level, match["anchor"]))
    return intro, result


ChaptersDocument = envelope("ChaptersDocument", ChaptersSerializer)


class ArticleChaptersView(PublicAPIView):
    @extend_schema(operation_id="article_chapters", summary="En artikkel delt i kapitler",
                   responses=document_responses(ChaptersDocument),
                   description="Kapitlene er overskriftene med anker ({#anker}) i artikkelens gjeldende versjon.")
    def get(self, request, slug):
        article = live_article(self, slug)
        version = article.live_version
        intro, found = chapters(version.body, _absolute(request, article.get_absolute_url()))
        data = {"slug": article.slug, "title": version.title, "intro_markdown": intro,
                "intro_html": str(render_markdown(intro)), "chapters": found,
                "version": ArticleVersionSerializer(version, context={**self.context(), "slug": slug}).data}
        return Response(self.envelope(data))


class PrioritisationNoteView(ArticleChaptersView):
    @extend_schema(operation_id="prioritisation_note", summary="Prioriteringsnotatet kapittel for kapittel",
                   responses=document_responses(ChaptersDocument),
                   description="Helsedirektoratets notat om prioritering i kommunale helse- og omsorgstjenester, "
                               "publisert som artikkelen «prioriteringsnotatet».")
    def get(self, request):
        return super().get(request, PRIORITISATION_NOTE_SLUG)


TopicPage = envelope("TopicPage", TopicSerializer, many=True, links=PageLinksSerializer)
IssuerPage = envelope("IssuerPage", NamedSerializer, many=True, links=PageLinksSerializer)


class TopicListView(PublicAPIView):
    query_form = PagedQueryForm

    @extend_schema(operation_id="topics", summary="Temaer", parameters=query_parameters(PagedQueryForm),
                   responses=list_responses(TopicPage))
    def get(self, request):
        return self.named_page(Topic.objects.all(), TopicSerializer)

    def named_page(self, queryset, serializer):
        params = self.params
        self.show(queryset.model)
        if params["markor"]:
            queryset = queryset.filter(slug__gt=params["markor"][0])
        page = list(queryset.order_by("slug")[:params["antall"] + 1])
        next_cursor = [page[params["antall"] - 1].slug] if len(page) > params["antall"] else None
        data = serializer(page[:params["antall"]], many=True, context=self.context()).data
        return Response(self.envelope(data, next=self.page_link(next_cursor)))


class IssuerListView(TopicListView):
    @extend_schema(operation_id="issuers", summary="Avsendere", parameters=query_parameters(PagedQueryForm),
                   responses=list_responses(IssuerPage))
    def get(self, request):
        return self.named_page(Issuer.objects.all(), NamedSerializer)


# --- «Changes since»: the articles' part ----------------------------------------------------------


class ArticleChanges:
    """Published versions of articles that are not withdrawn, oldest first (kommuneportal/api/changes.py)."""

    model = Article
    code = "artikkel"
    label = _("Artikkel")

    def versions(self, condition, *, include_minor, limit):
        versions = (ArticleVersion.objects.published().filter(article__withdrawn_at__isnull=True).filter(condition)
                    .annotate(is_first=ExpressionWrapper(Q(publish_at=F("article__first_published_at")),
                                                         output_field=BooleanField()))
                    .select_related("article"))
        if not include_minor:
            versions = versions.major()
        return list(versions.order_by("publish_at", "pk")[:limit])

    def links(self, version):
        slug = version.article.slug
        return slug, {"page": reverse("guidance:version", args=[slug, version.number]),
                      "document": reverse("api:article", args=[slug]),
                      "version": reverse("api:article_version", args=[slug, version.number])}


urlpatterns = [
    path("artikler/", ArticleListView.as_view(), name="articles"),
    path("artikler/<slug:slug>/", ArticleDetailView.as_view(), name="article"),
    path("artikler/<slug:slug>/versjoner/", ArticleVersionListView.as_view(), name="article_versions"),
    path("artikler/<slug:slug>/versjoner/<int:number>/", ArticleVersionDetailView.as_view(), name="article_version"),
    path("artikler/<slug:slug>/kapitler/", ArticleChaptersView.as_view(), name="article_chapters"),
    path("prioriteringsnotatet/", PrioritisationNoteView.as_view(), name="prioritisation_note"),
    path("temaer/", TopicListView.as_view(), name="topics"),
    path("avsendere/", IssuerListView.as_view(), name="issuers"),
]
