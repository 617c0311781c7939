from django import forms
from django.contrib import admin
from django.db.models import Count

from guidance.models import Article, ExternalLink, Issuer, Topic
from publishing.admin import PublishingStatusFilter, VersionedDocumentAdmin


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "article_count")
    list_editable = ("position",)
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="artikler", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ExternalLink)
class ExternalLinkAdmin(admin.ModelAdmin):
    list_display = ("title", "issuer", "url", "links_to_front_page", "position")
    list_editable = ("position",)
    list_filter = ("issuer", "links_to_front_page")
    list_select_related = ("issuer",)
    search_fields = ("title", "description", "url")
    autocomplete_fields = ("issuer",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(VersionedDocumentAdmin):
    document_fields = ("slug", "kind", "issuer", "topics")
    preview_template = "guidance/article_detail.html"
    list_display = ("display_title", "kind", "issuer", "display_status", "display_last_major", "display_withdrawn")
    list_filter = (PublishingStatusFilter, "kind", "issuer", "topics")
    list_select_related = ("issuer",)
    search_fields = ("slug", "versions__title")
    autocomplete_fields = ("issuer",)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "topics":  # a short list: plain checkboxes beat the filter widget for screen readers
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)
