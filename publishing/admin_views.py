"""The versioned admin's own views: preview, compare, publish or schedule, restore, withdraw.

Mixed into `publishing.admin.VersionedAdminMixin`; registered through `get_urls()` under the
document's change URL, so they sit behind the admin's login and permission checks.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _t

from publishing.diff import diff_versions
from publishing.forms import ScheduleForm
from publishing.markdown import render_markdown
from publishing.numbers import parse_number
from publishing.services import can_publish, document_reinstate, document_withdraw, version_publish, version_restore


class VersionViewsMixin:
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
        version = self._version_or_404(document, number)
        templates = [t for t in (self.preview_template, "admin/versioning/preview.html") if t]
        return TemplateResponse(request, templates, self.get_preview_context(request, document, version))

    def get_preview_context(self, request, document, version):
        """Context for the public detail template, with the draft in place of the live version."""
        return {
            "document": document, self.model._meta.model_name: document,
            "version": version, "preview": True, "latest_change": version,
            "body_html": render_markdown(version.body), "change_url": self._change_url(document),
        }

    def compare_view(self, request, object_id, number):
        document = self._document_or_404(request, object_id)
        version = self._version_or_404(document, number)
        other_number = request.GET.get("med")
        if other_number:
            if (parsed := parse_number(other_number, minimum=1)) is None:
                raise Http404(_t("Ugyldig versjonsnummer."))
            old = self._version_or_404(document, parsed)
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
        if not can_publish(request.user, self.model):
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
        messages.success(request, self._published_message(version))
        self.log_change(request, document, _t("Godkjente versjon %(number)s") % {"number": version.number})
        return HttpResponseRedirect(self._change_url(document))

    def _published_message(self, version):
        """Say plainly what readers see now: the approved version, or when they will see it."""
        document = self.model.objects.with_live_version().get(pk=version.parent.pk)
        values = {"number": version.number}
        if version.is_scheduled():
            values["when"] = formats.date_format(timezone.localtime(version.publish_at), "d.m.Y \\k\\l. H:i")
            text = _t("Versjon %(number)s er planlagt: den publiseres %(when)s (norsk tid) og er ikke synlig for "
                      "leserne før da.") % values
            if document.live_version and not document.is_withdrawn:
                text += " " + _t("Til da ser leserne versjon %(live)s.") % {"live": document.live_version.number}
            return text
        if document.is_withdrawn:
            return _t("Versjon %(number)s er publisert, men dokumentet er trukket tilbake, så leserne ser den ikke "
                      "før dokumentet gjeninnsettes.") % values
        if document.live_version_id != version.pk and document.live_version:
            values["live"] = document.live_version.number
            return _t("Versjon %(number)s er godkjent, men leserne ser versjon %(live)s, som er nyere.") % values
        return _t("Versjon %(number)s er publisert. Den er synlig for leserne nå.") % values

    def restore_view(self, request, object_id, number):
        document = self._document_or_404(request, object_id)
        if not self.has_change_permission(request, document):
            raise PermissionDenied
        version = self._version_or_404(document, number)
        if request.method == "POST":
            new = version_restore(version=version, user=request.user)
            self.log_change(request, document, _t("Gjenopprettet versjon %(old)s som versjon %(new)s") % {
                "old": version.number, "new": new.number})
            messages.success(request, _t("Teksten fra versjon %(old)s er lagret som nytt utkast, versjon %(new)s. "
                                         "Det er ikke synlig for leserne før det publiseres.") % {
                "old": version.number, "new": new.number})
            return HttpResponseRedirect(self._change_url(document))
        context = self._base_context(request, document, title=_t("Gjenopprett versjon %(number)s") % {"number": number},
                                     version=version)
        return TemplateResponse(request, "admin/versioning/restore.html", context)

    def _reinstated_message(self, document):
        document = self.model.objects.with_live_version().get(pk=document.pk)
        if document.live_version:
            return _t("Dokumentet er gjeninnsatt. Leserne ser versjon %(number)s igjen.") % {
                "number": document.live_version.number}
        return _t("Dokumentet er gjeninnsatt, men ingen versjon er publisert ennå, så leserne ser det ikke.")

    def withdraw_view(self, request, object_id):
        document = self._document_or_404(request, object_id)
        if not can_publish(request.user, self.model):
            raise PermissionDenied(_t("Du har ikke rettighet til å trekke tilbake."))
        error = None
        if request.method == "POST" and request.POST.get("action") == "reinstate":
            document_reinstate(document=document, user=request.user)
            self.log_change(request, document, _t("Gjeninnsatte"))
            messages.success(request, self._reinstated_message(document))
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
