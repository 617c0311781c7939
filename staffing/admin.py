from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.admin import PublicContentAdminMixin, PublishingStatusFilter, VersionedDocumentAdmin
from staffing.models import ContactPoint, Measure


@admin.register(Measure)
class MeasureAdmin(VersionedDocumentAdmin):
    document_fields = ("slug", "category", "position")
    preview_template = "staffing/measure_detail.html"
    list_display = ("display_title", "category", "display_status", "display_last_major", "display_withdrawn")
    list_filter = (PublishingStatusFilter, "category")
    search_fields = ("slug", "versions__title", "versions__provider")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ContactPoint)
class ContactPointAdmin(PublicContentAdminMixin, admin.ModelAdmin):
    """Each change is a new row with its start date, so the portal can show the one in force on any date."""

    list_display = ("valid_from", "heading", "phone", "opening_hours", "email")
    date_hierarchy = "valid_from"
    search_fields = ("heading", "text", "phone", "email")
    fieldsets = [
        (None, {"fields": ("valid_from", "heading", "text", "phone", "opening_hours", "email")}),
        (_("Avansert"), {"fields": ("source",), "classes": ("collapse",)}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # A version that has started is history: change the contact point by adding a new dated row.
        return ("valid_from",) if obj and obj.valid_from else ()
