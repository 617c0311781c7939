"""The publishing screen for any versioned document (guidance articles, staffing measures).

One edit form shows the document's own fields (slug, type, topics …) together with the text of its
newest version. Saving never changes a saved version: changed text becomes version N+1 through
`version_create`. The form carries the number of the version it started from; if someone saved a
newer one meanwhile, the save is refused, the newer changes are shown as a diff and the editor's
typed text stays in the form.

Usage (the version model lists its editable text in `content_fields`)::

    @admin.register(Measure)
    class MeasureAdmin(VersionedDocumentAdmin):
        document_fields = ("slug", "category")
        preview_template = "staffing/measure_detail.html"
        list_filter = ("category",)

The list, the edit form and saving live here. The custom views live in `publishing.admin_views`,
all under the document's change URL, named ``admin:<app>_<model>_<action>``: ``version_preview``,
``version_compare``, ``version_publish``, ``version_restore`` (each takes the document's pk and a
version number) and ``withdraw`` (the document's pk). Each app registers its own documents; this
module registers only the site search's synonyms (`SearchSynonym`).
"""

from django.contrib import admin, messages
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from publishing.admin_views import VersionViewsMixin
from publishing.forms import CHANGE_FIELDS, versioned_form_factory
from publishing.models import SearchSynonym, StaleVersionError
from publishing.services import can_publish, version_create


class PublishingStatusFilter(admin.SimpleListFilter):
    """Filter on the annotations made by `VersionedAdminMixin.get_queryset`."""

    title = _("publiseringsstatus")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Live")),
            ("waiting", _("Har nyere utkast eller planlagt versjon")),
            ("unpublished", _("Aldri publisert")),
            ("withdrawn", _("Trukket tilbake")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "live":
            return queryset.filter(live_version__isnull=False, withdrawn_at__isnull=True)
        if value == "waiting":
            return queryset.filter(latest_number__gt=Coalesce("live_number", 0))
        if value == "unpublished":
            return queryset.filter(live_version__isnull=True)
        if value == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        return queryset



class VersionedAdminMixin(VersionViewsMixin):
    """Mix into a ModelAdmin for a `VersionedDocument`; see the module docstring."""

    document_fields = None  # the document's own fields on the form; None = every editable field
    document_fieldsets = None  # or fieldsets for them, e.g. with a collapsed "Avansert" section
    version_fieldsets = None  # fieldsets for the version's content_fields; None = one "Tekst" fieldset
    preview_template = None  # the public detail template; falls back to admin/versioning/preview.html
    change_form_template = "admin/versioning/change_form.html"
    version_fieldset_title = _("Tekst")
    change_fieldset_title = _("Endringen")
    list_display = ("display_title", "display_status", "display_last_major", "display_withdrawn")
    list_filter = (PublishingStatusFilter,)

    # --- reads

    @property
    def version_model(self):
        return self.model.version_model()

    def get_queryset(self, request):
        versions = self.version_model.objects.filter(**{self.version_model.parent_field: OuterRef("pk")}).order_by("-number")
        return super().get_queryset(request).with_live_version(fetch=False).annotate(
            latest_title=Subquery(versions.values("title")[:1]),
            latest_number=Subquery(versions.values("number")[:1]),
            live_number=F("live_version__number"),
            live_last_major_at=F("live_version__last_major_at"),
        )

    @admin.display(description=_("tittel"), ordering="latest_title")
    def display_title(self, obj):
        return getattr(obj, "latest_title", None) or obj.slug

    @admin.display(description=_("status"))
    def display_status(self, obj):
        live, latest = getattr(obj, "live_number", None), getattr(obj, "latest_number", None)
        if live is None:
            return _t("Ikke publisert (v%(latest)s)") % {"latest": latest} if latest else _t("Ingen tekst")
        if latest and latest > live:
            return _t("Live v%(live)s · nyere v%(latest)s venter") % {"live": live, "latest": latest}
        return _t("Live v%(live)s") % {"live": live}

    @admin.display(description=_("sist vesentlig endret"), ordering="live_last_major_at")
    def display_last_major(self, obj):
        value = getattr(obj, "live_last_major_at", None)
        return formats.date_format(timezone.localtime(value), "d.m.Y H:i") if value else "–"

    @admin.display(description=_("trukket tilbake"), boolean=True, ordering="withdrawn_at")
    def display_withdrawn(self, obj):
        return obj.withdrawn_at is not None

    # --- the edit form

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "form" not in kwargs:
            callback = lambda field, **kw: self.formfield_for_dbfield(field, request=request, **kw)  # noqa: E731
            kwargs["form"] = versioned_form_factory(self.version_model, self.form, formfield_callback=callback)
        return super().get_form(request, obj, change=change, **kwargs)

    def _document_field_names(self, request, obj):
        if self.document_fieldsets:
            return [name for _title, options in self.document_fieldsets for name in options["fields"]]
        if self.document_fields is not None:
            return list(self.document_fields)
        excluded = {"versions"}
        return [f.name for f in self.model._meta.get_fields()
                if getattr(f, "editable", False) and not f.auto_created and f.name not in excluded
                and (f.concrete or f.many_to_many)]

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:  # a subclass taking full control must list the version fields itself
            return self.fieldsets
        version = self.version_fieldsets or self._default_version_fieldsets()
        document = self.document_fieldsets or [(_("Plassering"), {"fields": self._document_field_names(request, obj)})]
        return [
            *version,
            *document,
            (self.change_fieldset_title, {
                "fields": list(CHANGE_FIELDS) + ["based_on_number"],
                "description": _("Lagring gir en ny versjon som utkast. Tidligere versjoner endres aldri."),
            }),
        ]

    def _default_version_fieldsets(self):
        sourcing = (*self.version_model.source_fields, "editor_note", "see_also")
        text = [name for name in self.version_model.content_fields if name not in sourcing]
        return [
            (self.version_fieldset_title, {"fields": text}),
            (_("Kilde og redaksjonens merknad"), {
                "fields": list(sourcing),
                "description": _("Hvor teksten kommer fra. Redaksjonens merknad vises atskilt fra kildens ord."),
            }),
        ]

    def get_prepopulated_fields(self, request, obj=None):
        if obj is None and "title" in self.version_model.content_fields and "slug" in self._document_field_names(request, obj):
            return {"slug": ("title",)}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.versions.published().exists():
            readonly.append("slug")  # links and bookmarks to the public page must keep working
        return readonly

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw instead: the history stays

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        form.new_version = None
        if not form.content_changed:
            return
        form.new_version = version_create(
            document=obj, author=request.user,
            based_on_number=form.cleaned_data.get("based_on_number") or 0,
            change_type=form.cleaned_data["change_type"],
            change_note=form.cleaned_data.get("change_note", ""),
            **form.version_content(),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersionError:
            # Someone saved between our check and our write: the rolled-back request runs again,
            # and this time the form sees the newer version and explains, keeping the text.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        self._message_save_outcome(request, obj, change=True)
        request._versioned_save_response = True
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._message_save_outcome(request, obj, change=False)
        request._versioned_save_response = True
        return super().response_add(request, obj, post_url_continue)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # Django's own "… ble endret" after a save reads as if readers now see the change. A save only
        # ever writes a draft, so `_message_save_outcome` says what happened instead.
        if getattr(request, "_versioned_save_response", False) and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)

    def _message_save_outcome(self, request, obj, change):
        form = getattr(request, "_versioned_form", None)
        if form is None:
            return
        document = self.model.objects.with_live_version().get(pk=obj.pk)
        live = None if document.is_withdrawn else document.live_version
        version = getattr(form, "new_version", None)
        if version:
            text = _t("Versjon %(number)s er lagret som utkast. Den er ikke synlig for leserne før den publiseres.") % {
                "number": version.number}
            if live:
                text += " " + _t("Leserne ser fortsatt versjon %(number)s.") % {"number": live.number}
            messages.info(request, text)
        else:
            messages.info(request, _t("Teksten var uendret, så ingen ny versjon ble laget."))
        self._message_scheduled(request, document)
        if change:
            self._message_document_fields(request, form, live)

    def _message_scheduled(self, request, document):
        scheduled = document.next_scheduled_version()
        if not scheduled:
            return
        when = formats.date_format(timezone.localtime(scheduled.publish_at), "d.m.Y \\k\\l. H:i")
        messages.info(request, _t("Versjon %(number)s er planlagt og publiseres %(when)s (norsk tid).") % {
            "number": scheduled.number, "when": when})

    def _message_document_fields(self, request, form, live):
        """Fields outside the text (address, topics …) are not versioned: say that they apply at once."""
        versioned = {*form.content_fields(), *CHANGE_FIELDS, "based_on_number"}
        labels = [f"«{form.fields[name].label}»" for name in form.changed_data
                  if name not in versioned and name in form.fields]
        if not labels:
            return
        if live:
            text = _t("Endringene i %(fields)s er lagret og gjelder straks, også på siden leserne ser nå.")
        else:
            text = _t("Endringene i %(fields)s er lagret.")
        messages.info(request, text % {"fields": ", ".join(labels)})

    def save_form(self, request, form, change):
        request._versioned_form = form
        return super().save_form(request, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(self._versions_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _versions_context(self, request, obj):
        if obj is None or obj.pk is None:
            return {"versions": [], "can_publish": False}
        document = self.model.objects.with_live_version().get(pk=obj.pk)
        versions = list(obj.versions.select_related("author", "approved_by").order_by("-number"))
        now = timezone.now()
        for version in versions:
            version.is_live = version.pk == document.live_version_id
            version.admin_status = _t("Live") if version.is_live else version.status_label(now)
            version.urls = self._version_urls(document, version)
        return {
            "versions": versions,
            "live_version_id": document.live_version_id,
            "document": document,
            "can_publish": can_publish(request.user, self.model),
            "can_change": self.has_change_permission(request, obj),
            "withdraw_url": reverse(f"admin:{self._url_name('withdraw')}", args=[obj.pk]),
        }


class VersionedDocumentAdmin(VersionedAdminMixin, admin.ModelAdmin):
    """A ready ModelAdmin for a versioned document; subclass and set `document_fields`."""


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    """The site search's synonym list: publishers keep it short and honest."""

    list_display = ("word", "alternatives")
    search_fields = ("word", "alternatives")
