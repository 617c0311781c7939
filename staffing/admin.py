from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.admin import PublishingStatusFilter, VersionedDocumentAdmin
from staffing.models import ContactPoint, Measure, MeasureProposal


@admin.register(Measure)
class MeasureAdmin(VersionedDocumentAdmin):
    document_fields = ("slug", "category", "position", "successor")
    preview_template = "staffing/measure_detail.html"
    list_display = ("display_title", "category", "display_status", "display_last_major", "display_withdrawn")
    list_filter = (PublishingStatusFilter, "category")
    search_fields = ("slug", "versions__title", "versions__provider")
    autocomplete_fields = ("successor",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ContactPoint)
class ContactPointAdmin(admin.ModelAdmin):
    """Each change is a new row with its start date, so the portal can show the one in force on any date."""

    list_display = ("valid_from", "heading", "phone", "opening_hours", "email")
    date_hierarchy = "valid_from"
    search_fields = ("heading", "text", "phone", "email")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ("valid_from", "valid_from_is_approximate", "heading", "text", "phone", "opening_hours",
                           "email")}),
        (_("Om kontaktpunktet og kilde"), {"fields": ("description", "source", "source_url")}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # A version that has started is history: change the contact point by adding a new dated row.
        return ("valid_from",) if obj and obj.valid_from else ()


@admin.register(MeasureProposal)
class MeasureProposalAdmin(admin.ModelAdmin):
    """Read-only proposals from the public form; publishers only mark them as handled (or delete spam)."""

    list_display = ("received_at", "title", "organisation", "handled")
    list_filter = ("handled",)
    search_fields = ("title", "description", "organisation", "source")
    date_hierarchy = "received_at"
    fields = ("received_at", "title", "description", "source", "organisation", "contact_email", "handled")
    readonly_fields = ("received_at", "title", "description", "source", "organisation", "contact_email")

    def has_add_permission(self, request):
        return False  # proposals come from municipalities through the public form
