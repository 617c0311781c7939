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

Custom views (all under the document's change URL, named ``admin:<app>_<model>_<action>``):
``version_preview``, ``version_compare``, ``version_publish``, ``version_restore`` (each takes the
document's pk and a version number) and ``withdraw`` (the document's pk).
"""

from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import fields_for_model, model_to_dict
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from kommuneportal.markdown import render_markdown
from kommuneportal.versioning import (
    StaleVersionError,
    attach_live_versions,
    diff_versions,
    document_reinstate,
    document_withdraw,
    version_create,
    version_publish,
    version_restore,
)

OSLO = ZoneInfo("Europe/Oslo")
CHANGE_FIELDS = ("change_type", "change_note")


def can_publish(user, version_model):
    return user.has_perm(f"{version_model._meta.app_label}.publish_{version_model._meta.model_name}")


# --- Forms ----------------------------------------------------------------------


class VersionedDocumentForm(forms.ModelForm):
    """Base for the generated edit form: document fields + the new version's text.

    `version_model` and the version fields are added by `versioned_form_factory`.
    """

    version_model = None
    based_on_number = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stale = None  # filled when the save is refused because a newer version exists
        self.latest_version = self.instance.latest_version() if self.instance.pk else None
        if self.latest_version:
            self.initial.update(model_to_dict(self.latest_version, fields=self.content_fields()))
        self.initial["based_on_number"] = self.latest_version.number if self.latest_version else 0

    @classmethod
    def content_fields(cls):
        return tuple(cls.version_model.content_fields)

    def version_content(self):
        return {name: self.cleaned_data.get(name) for name in self.content_fields()}

    @property
    def content_changed(self):
        """Whether the text differs from the newest version.

        Both the form field's own comparison and the cleaned value must differ, so a field whose
        Python value and form value have different types (lists stored as text …) is not a false change.
        """
        if self.latest_version is None:
            return True
        changed = set(self.changed_data)
        return any(name in changed and self.cleaned_data.get(name) != getattr(self.latest_version, name)
                   for name in self.content_fields())

    def clean(self):
        cleaned = super().clean()
        self._refuse_stale_copy()
        if self.content_changed:
            self._validate_version()
        return cleaned

    def _refuse_stale_copy(self):
        latest_number = self.latest_version.number if self.latest_version else 0
        started_from = self.cleaned_data.get("based_on_number") or 0
        if started_from == latest_number:
            return
        versions = self.instance.versions if self.instance.pk else None
        old = versions.filter(number=started_from).first() if versions is not None and started_from else None
        self.stale = {
            "started_from": started_from,
            "latest": self.latest_version,
            "diff": [row for row in diff_versions(old, self.latest_version) if row["changed"]],
        }
        # Let the next save go through once the editor has seen what changed: the form now
        # starts from the newest version, and the editor's typed text is kept as it is.
        data = self.data.copy()
        data[self.add_prefix("based_on_number")] = latest_number
        self.data = data
        author = self.latest_version.author if self.latest_version else ""
        raise ValidationError(
            _("Teksten ble ikke lagret: %(author)s lagret versjon %(number)s mens du skrev (du startet fra versjon "
              "%(started)s). Se endringene nedenfor, ta dem med i teksten din og lagre igjen. Teksten din er beholdt.")
            % {"author": author, "number": latest_number, "started": started_from},
            code="stale",
        )

    def _validate_version(self):
        """Run the version model's own rules (e.g. a change note for major changes) on the form."""
        names = self.content_fields() + CHANGE_FIELDS
        candidate = self.version_model(**{name: self.cleaned_data.get(name) for name in names if name in self.cleaned_data})
        try:
            candidate.clean()
        except ValidationError as error:
            errors = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
            for field, messages_ in errors.items():
                self.add_error(field if field in self.fields else None, messages_)


def versioned_form_factory(version_model, base_form=VersionedDocumentForm, formfield_callback=None):
    """A form class carrying the version model's content fields, change type and change note."""
    names = tuple(version_model.content_fields) + CHANGE_FIELDS
    version_fields = fields_for_model(version_model, fields=names, formfield_callback=formfield_callback)
    attrs = {"version_model": version_model, **version_fields}
    if not issubclass(base_form, VersionedDocumentForm):
        base_form = type("VersionedForm", (VersionedDocumentForm, base_form), {})
    return type(f"{version_model.__name__}DocumentForm", (base_form,), attrs)


class ScheduleForm(forms.Form):
    """A datetime-local value read as Norwegian time, whatever the server's time zone."""

    publish_at = forms.DateTimeField(
        label=_("Publiseres (norsk tid)"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Skriv dato og klokkeslett, for eksempel 2026-12-01T08:00."),
                        "required": _("Velg dato og klokkeslett for publiseringen.")},
    )

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value <= timezone.now():
            raise ValidationError(_("Tidspunktet har allerede passert. Velg et tidspunkt fram i tid, eller publiser nå."),
                                  code="past")
        return value

    def full_clean(self):
        with timezone.override(OSLO):  # naive input is Oslo time, incl. summer time
            super().full_clean()


# --- Admin ----------------------------------------------------------------------


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
            return queryset.filter(live_version_id__isnull=False, withdrawn_at__isnull=True)
        if value == "waiting":
            return queryset.filter(latest_number__gt=Coalesce("live_number", 0))
        if value == "unpublished":
            return queryset.filter(live_version_id__isnull=True)
        if value == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        return queryset



class VersionedAdminMixin:
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
        return super().get_queryset(request).with_live_version().annotate(
            latest_title=Subquery(versions.values("title")[:1]),
            latest_number=Subquery(versions.values("number")[:1]),
            live_number=Subquery(versions.filter(pk=OuterRef("live_version_id")).values("number")[:1]),
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

    @admin.display(description=_("sist vesentlig endret"), ordering="last_major_at")
    def display_last_major(self, obj):
        value = getattr(obj, "last_major_at", None)
        return timezone.localtime(value, OSLO).strftime("%d.%m.%Y %H:%M") if value else "–"

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
        version = self.version_fieldsets or [(self.version_fieldset_title, {"fields": list(self.version_model.content_fields)})]
        document = self.document_fieldsets or [(_("Plassering"), {"fields": self._document_field_names(request, obj)})]
        return [
            *version,
            *document,
            (self.change_fieldset_title, {
                "fields": list(CHANGE_FIELDS) + ["based_on_number"],
                "description": _("Lagring gir en ny versjon som utkast. Tidligere versjoner endres aldri."),
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
        self._message_new_version(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._message_new_version(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def _message_new_version(self, request, obj):
        form = getattr(request, "_versioned_form", None)
        version = getattr(form, "new_version", None) if form else None
        if version:
            messages.info(request, _t("Versjon %(number)s er lagret som utkast.") % {"number": version.number})
        elif form is not None:
            messages.info(request, _t("Teksten var uendret, så ingen ny versjon ble laget."))

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
            "can_publish": can_publish(request.user, self.version_model),
            "can_change": self.has_change_permission(request, obj),
            "withdraw_url": reverse(f"admin:{self._url_name('withdraw')}", args=[obj.pk]),
        }

    # --- custom views

    def _version_urls(self, document, version):
        return {
            action: reverse(f"admin:{self._url_name('version_' + action)}", args=[document.pk, version.number])
            for action in ("preview", "compare", "publish", "restore")
        }

    def _url_name(self, action):
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}_{action}"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/versjon/<int:number>/forhandsvis/", wrap(self.preview_view),
                 name=self._url_name("version_preview")),
            path("<path:object_id>/versjon/<int:number>/sammenlign/", wrap(self.compare_view),
                 name=self._url_name("version_compare")),
            path("<path:object_id>/versjon/<int:number>/publiser/", wrap(self.publish_view),
                 name=self._url_name("version_publish")),
            path("<path:object_id>/versjon/<int:number>/gjenopprett/", wrap(self.restore_view),
                 name=self._url_name("version_restore")),
            path("<path:object_id>/trekk-tilbake/", wrap(self.withdraw_view), name=self._url_name("withdraw")),
        ] + super().get_urls()

    def _document_or_404(self, request, object_id):
        document = self.get_object(request, object_id)
        if document is None or not self.has_view_or_change_permission(request, document):
            raise Http404(_t("Fant ikke dokumentet."))
        return document

    def _version_or_404(self, document, number):
        return get_object_or_404(document.versions.select_related("author", "approved_by"), number=number)

    def _change_url(self, document):
        return reverse(f"admin:{self._url_name('change')}", args=[document.pk])

    def _base_context(self, request, document, **extra):
        if "version" in extra:
            extra["urls"] = self._version_urls(document, extra["version"])
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": document,
            "document": document,
            "change_url": self._change_url(document),
            **extra,
        }

    def preview_view(self, request, object_id, number):
        document = self._document_or_404(request, object_id)
        document = self.model.objects.with_live_version().get(pk=document.pk)
        version = self._version_or_404(document, number)
        templates = [t for t in (self.preview_template, "admin/versioning/preview.html") if t]
        return TemplateResponse(request, templates, self.get_preview_context(request, document, version))

    def get_preview_context(self, request, document, version):
        """Context for the public detail template, with the draft in place of the live version."""
        return {
            "article": document, "document": document, self.model._meta.model_name: document,
            "version": version, "preview": True, "latest_change": version,
            "body_html": render_markdown(version.body), "change_url": self._change_url(document),
        }

    def compare_view(self, request, object_id, number):
        document = self._document_or_404(request, object_id)
        document = attach_live_versions([self.model.objects.with_live_version().get(pk=document.pk)])[0]
        version = self._version_or_404(document, number)
        other_number = request.GET.get("med")
        if other_number:
            if not other_number.isdigit():
                raise Http404(_t("Ugyldig versjonsnummer."))
            old = self._version_or_404(document, int(other_number))
        elif document.live_version and document.live_version.pk != version.pk:
            old = document.live_version
        else:
            old = document.versions.filter(number__lt=version.number).order_by("-number").first()
        context = self._base_context(
            request, document, title=_t("Sammenlign versjoner"), version=version, old=old,
            diff=diff_versions(old, version), all_versions=document.versions.order_by("-number").only("number"),
            live_version=document.live_version,
        )
        return TemplateResponse(request, "admin/versioning/compare.html", context)

    def publish_view(self, request, object_id, number):
        document = self._document_or_404(request, object_id)
        if not can_publish(request.user, self.version_model):
            raise PermissionDenied(_t("Du har ikke rettighet til å publisere. Be en ansvarlig redaktør om å godkjenne."))
        version = self._version_or_404(document, number)
        form = ScheduleForm(request.POST if request.POST.get("action") == "schedule" else None)
        if request.method == "POST":
            if not version.is_draft:
                messages.error(request, _t("Versjon %(number)s er allerede godkjent.") % {"number": number})
                return HttpResponseRedirect(self._change_url(document))
            action = request.POST.get("action")
            if action == "publish":
                return self._publish(request, document, version, publish_at=None)
            if action == "schedule" and form.is_valid():
                return self._publish(request, document, version, publish_at=form.cleaned_data["publish_at"])
            if action not in ("publish", "schedule"):
                messages.error(request, _t("Velg «Publiser nå» eller «Planlegg»."))
        live = document.live_version
        context = self._base_context(
            request, document, title=_t("Publiser versjon %(number)s") % {"number": number}, version=version,
            form=form, live_version=live, diff=diff_versions(live, version) if live else None,
        )
        return TemplateResponse(request, "admin/versioning/publish.html", context, status=400 if form.errors else 200)

    def _publish(self, request, document, version, publish_at):
        try:
            version = version_publish(version=version, user=request.user, publish_at=publish_at)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
            return HttpResponseRedirect(self._change_url(document))
        if version.is_scheduled():
            when = timezone.localtime(version.publish_at, OSLO).strftime("%d.%m.%Y kl. %H:%M")
            messages.success(request, _t("Versjon %(number)s publiseres %(when)s (norsk tid).") % {
                "number": version.number, "when": when})
        else:
            messages.success(request, _t("Versjon %(number)s er publisert.") % {"number": version.number})
        self.log_change(request, document, _t("Godkjente versjon %(number)s") % {"number": version.number})
        return HttpResponseRedirect(self._change_url(document))

    def restore_view(self, request, object_id, number):
        document = self._document_or_404(request, object_id)
        if not self.has_change_permission(request, document):
            raise PermissionDenied
        version = self._version_or_404(document, number)
        if request.method == "POST":
            new = version_restore(version=version, user=request.user)
            self.log_change(request, document, _t("Gjenopprettet versjon %(old)s som versjon %(new)s") % {
                "old": version.number, "new": new.number})
            messages.success(request, _t("Teksten fra versjon %(old)s er lagret som nytt utkast, versjon %(new)s.") % {
                "old": version.number, "new": new.number})
            return HttpResponseRedirect(self._change_url(document))
        context = self._base_context(request, document, title=_t("Gjenopprett versjon %(number)s") % {"number": number},
                                     version=version)
        return TemplateResponse(request, "admin/versioning/restore.html", context)

    def withdraw_view(self, request, object_id):
        document = self._document_or_404(request, object_id)
        if not can_publish(request.user, self.version_model):
            raise PermissionDenied(_t("Du har ikke rettighet til å trekke tilbake."))
        error = None
        if request.method == "POST" and request.POST.get("action") == "reinstate":
            document_reinstate(document=document, user=request.user)
            self.log_change(request, document, _t("Gjeninnsatte"))
            messages.success(request, _t("Dokumentet er gjeninnsatt."))
            return HttpResponseRedirect(self._change_url(document))
        if request.method == "POST":
            try:
                document_withdraw(document=document, user=request.user, reason=request.POST.get("reason", ""))
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                self.log_change(request, document, _t("Trakk tilbake"))
                messages.success(request, _t("Dokumentet er trukket tilbake. Historikken er beholdt."))
                return HttpResponseRedirect(self._change_url(document))
        title = _t("Gjeninnsett") if document.is_withdrawn else _t("Trekk tilbake")
        context = self._base_context(request, document, title=title, error=error,
                                     reason=request.POST.get("reason", ""))
        return TemplateResponse(request, "admin/versioning/withdraw.html", context, status=400 if error else 200)


class VersionedDocumentAdmin(VersionedAdminMixin, admin.ModelAdmin):
    """A ready ModelAdmin for a versioned document; subclass and set `document_fields`."""
