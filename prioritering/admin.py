from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from prioritering.models import Membership, Municipality, ServiceRow, Status, Worksheet, WorksheetChange
from prioritering.models.municipality import MUNICIPAL_ROLES, counties
from prioritering.services import record_admin_view, record_change

ADD_WORKSHEET = _("Legg til nytt prioriteringsskjema")


class SuperusersOnly:
    """A municipality's worksheets and who may read them are its own business: the editorial groups
    (Redaktør, Ansvarlig redaktør) never see them here, whatever permissions they are given."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return request.user.is_superuser and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class MunicipalMembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The statsforvalter role belongs to a county: it is given under «Medlemskap», not on a municipality.
        self.fields["role"].choices = MUNICIPAL_ROLES


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MunicipalMembershipForm
    extra = 1
    autocomplete_fields = ["user"]
    verbose_name = _("medlem")
    verbose_name_plural = _("medlemmer – brukere med tilgang til kommunens skjemaer")


@admin.register(Municipality)
class MunicipalityAdmin(SuperusersOnly, admin.ModelAdmin):
    list_display = ["name", "number", "county"]
    list_filter = ["county"]
    search_fields = ["name", "number"]
    inlines = [MembershipInline]


class MembershipForm(forms.ModelForm):
    county = forms.ChoiceField(
        label=_("Fylke"), required=False, choices=lambda: [("", "---------"), *((c, c) for c in counties())],
        help_text=_("Bare for rollen statsforvalter: fylket hvis vedtatte skjemaer brukeren kan lese. "
                    "La kommune stå tom."),
    )

    class Meta:
        model = Membership
        fields = ["user", "role", "municipality", "county"]


@admin.register(Membership)
class MembershipAdmin(SuperusersOnly, admin.ModelAdmin):
    form = MembershipForm
    list_display = ["user", "municipality", "county", "role"]
    list_filter = ["role", "county", "municipality"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "municipality__name", "county"]
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
    readonly_fields = ["created_at", "user_name", "summary", "details", "redact"]
    fields = readonly_fields

    @admin.display(description=_("personopplysninger"))
    def redact(self, obj):
        # Redaction is done on the site's page, which records it in the worksheet's history.
        url = reverse("prioritering:worksheet_redact", args=[obj.worksheet_id, obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Fjern personopplysninger"))


@admin.register(Worksheet)
class WorksheetAdmin(SuperusersOnly, admin.ModelAdmin):
    """Superusers may look, and add an empty draft; municipalities edit their worksheets on the site.

    Nothing here may bypass a worksheet's history or its transitions (prioritering/services.py):
    no worksheet is ever changed or deleted here (deleting one, even a draft, would take its
    history with it), status and previous version are never form fields, so a worksheet added
    here is always an utkast, and its creation is recorded in its history like one made on the site.
    Opening a worksheet here is recorded in its history too, where the municipality sees it.
    """

    list_display = ["service_unit", "municipality", "phase", "assessed_on", "status"]
    list_filter = ["status", "phase", "municipality"]
    search_fields = ["service_unit", "municipality__name"]
    list_select_related = ["municipality"]
    inlines = [ServiceRowInline, WorksheetChangeInline]
    readonly_fields = ["status", "previous_version", "revision", "decided_by", "decided_at", "created_by",
                       "created_at", "updated_at"]
    change_list_template = "prioritering/admin/worksheet_change_list.html"
    change_form_template = "prioritering/admin/worksheet_change_form.html"

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        # Django's Norwegian «Legg til ny …» does not agree with the neuter «skjema».
        return super().add_view(request, form_url, {**(extra_context or {}), "title": ADD_WORKSHEET})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        worksheet = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and response.status_code == 200 and worksheet is not None:
            record_admin_view(worksheet=worksheet, user=request.user)
        return response

    def save_model(self, request, obj, form, change):
        # Only ever reached when adding: has_change_permission refuses every change.
        obj.status, obj.previous_version, obj.created_by = Status.DRAFT, None, request.user
        super().save_model(request, obj, form, change)
        record_change(worksheet=obj, user=request.user, summary=_("Opprettet skjemaet i administrasjonen"))

