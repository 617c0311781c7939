from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from prioritering.models import Membership, Municipality, ServiceRow, Status, Worksheet, WorksheetChange
from prioritering.services import record_change


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]
    verbose_name = _("medlem")
    verbose_name_plural = _("medlemmer – brukere med tilgang til kommunens skjemaer")


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "county"]
    list_filter = ["county"]
    search_fields = ["name", "number"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "role"]
    list_filter = ["role", "municipality"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "municipality__name"]
    autocomplete_fields = ["user", "municipality"]
    list_select_related = ["user", "municipality"]


class ReadOnlyInline:
    """Rows and history are shown, never written here: on the site every change to them is recorded."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceRowInline(ReadOnlyInline, admin.StackedInline):
    model = ServiceRow
    classes = ["collapse"]


class WorksheetChangeInline(ReadOnlyInline, admin.TabularInline):
    model = WorksheetChange
    readonly_fields = ["created_at", "user_name", "summary", "details"]
    fields = readonly_fields


@admin.register(Worksheet)
class WorksheetAdmin(admin.ModelAdmin):
    """Support staff may look, and add an empty draft; municipalities edit their worksheets on the site.

    Nothing here may bypass a worksheet's history or its transitions (prioritering/services.py):
    no worksheet is ever changed or deleted here (deleting one, even a draft, would take its
    history with it), status and previous version are never form fields, so a worksheet added
    here is always an utkast, and its creation is recorded in its history like one made on the site.
    """

    list_display = ["service_unit", "municipality", "phase", "assessed_on", "status"]
    list_filter = ["status", "phase", "municipality"]
    search_fields = ["service_unit", "municipality__name"]
    list_select_related = ["municipality"]
    inlines = [ServiceRowInline, WorksheetChangeInline]
    readonly_fields = ["status", "previous_version", "revision", "decided_by", "decided_at", "created_by",
                       "created_at", "updated_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Only ever reached when adding: has_change_permission refuses every change.
        obj.status, obj.previous_version, obj.created_by = Status.DRAFT, None, request.user
        super().save_model(request, obj, form, change)
        record_change(worksheet=obj, user=request.user, summary=_("Opprettet skjemaet i administrasjonen"))
