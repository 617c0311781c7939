from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from prioritering.models import Membership, Municipality, ServiceRow, Worksheet, WorksheetChange


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


class ServiceRowInline(admin.StackedInline):
    model = ServiceRow
    extra = 0
    classes = ["collapse"]


class WorksheetChangeInline(admin.TabularInline):
    model = WorksheetChange
    extra = 0
    can_delete = False
    readonly_fields = ["created_at", "user_name", "summary", "details"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Worksheet)
class WorksheetAdmin(admin.ModelAdmin):
    """Support staff may look; municipalities edit their worksheets on the site, where every change is recorded."""

    list_display = ["service_unit", "municipality", "phase", "assessed_on", "status"]
    list_filter = ["status", "phase", "municipality"]
    search_fields = ["service_unit", "municipality__name"]
    list_select_related = ["municipality"]
    inlines = [ServiceRowInline, WorksheetChangeInline]
    readonly_fields = ["revision", "decided_by", "decided_at", "created_by", "created_at", "updated_at"]

    def has_change_permission(self, request, obj=None):
        return False
