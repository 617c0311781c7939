"""Forms for versioned documents: the admin's edit form (document fields + the new version's text),
scheduling, and readers' choice of two versions to compare."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import fields_for_model, model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.diff import diff_versions, display_value
from publishing.models import ChangeType
from publishing.numbers import StrictIntegerField

CHANGE_FIELDS = ("change_type", "change_note")


class VersionedDocumentForm(forms.ModelForm):
    """Base for the generated edit form: document fields + the new version's text.

    `version_model` and the version fields are added by `versioned_form_factory`.
    """

    version_model = None
    based_on_number = StrictIntegerField(label=_("Startet fra versjon"), widget=forms.HiddenInput, required=False)

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
            self._refuse_major_change_of_nothing()
        return cleaned

    def _refuse_major_change_of_nothing(self):
        """A «vesentlig endring» moves «Sist oppdatert», enters the change log and alerts subscribers, so it
        must change what readers read: the same text as the published version is refused (issue 28)."""
        live = self.instance.live_version if self.instance.pk and self.instance.live_version_id else None
        if live is None or self.cleaned_data.get("change_type") != ChangeType.MAJOR:
            return
        if all(_same(self.cleaned_data.get(name), getattr(live, name)) for name in self.content_fields()):
            self.add_error("change_type", ValidationError(
                _("Teksten er den samme som i den publiserte versjonen %(number)s. En vesentlig endring flytter "
                  "«Sist oppdatert» og sender varsler, så den må endre teksten. Endre teksten, eller velg «Mindre "
                  "endring»."), params={"number": live.number}, code="major_change_without_new_text"))

    def _refuse_stale_copy(self):
        latest_number = self.latest_version.number if self.latest_version else 0
        started_from = self.cleaned_data.get("based_on_number") or 0
        if started_from == latest_number or self.latest_version is None:  # nothing saved yet to be stale against
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


def _same(value, other):
    """Whether two field values read the same (a browser sends a textarea's line breaks as CRLF)."""
    return " ".join(display_value(value).split()) == " ".join(display_value(other).split())


def versioned_form_factory(version_model, base_form=VersionedDocumentForm, formfield_callback=None):
    """A form class carrying the version model's content fields, change type and change note."""
    names = tuple(version_model.content_fields) + CHANGE_FIELDS
    version_fields = fields_for_model(version_model, fields=names, formfield_callback=formfield_callback)
    attrs = {"version_model": version_model, **version_fields}
    if not issubclass(base_form, VersionedDocumentForm):
        base_form = type("VersionedForm", (VersionedDocumentForm, base_form), {})
    return type(f"{version_model.__name__}DocumentForm", (base_form,), attrs)


class ScheduleForm(forms.Form):
    """When to publish, typed as dd.mm.åååå tt:mm and read as Norwegian time.

    A plain text field rather than `datetime-local`, whose look and order (mm/dd/yyyy, AM/PM) follow
    the browser's language. The ISO forms (2026-12-01T08:00) are still accepted.
    """

    # The HTML pattern mirrors INPUT_FORMATS; the server's parsing decides (the form is `novalidate`).
    PATTERN = (r"\s*\d{1,2}\.\d{1,2}\.\d{4},?( kl\.?)? \d{1,2}[:.]\d{2}\s*"
               r"|\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?\s*")
    INPUT_FORMATS = [
        "%d.%m.%Y %H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y kl. %H:%M", "%d.%m.%Y kl. %H.%M", "%d.%m.%Y kl %H:%M",
        "%d.%m.%Y, %H:%M", "%d.%m.%Y, kl. %H:%M",
        "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S",
    ]
    DISPLAY_FORMAT = "%d.%m.%Y %H:%M"

    publish_at = forms.DateTimeField(
        label=_("Publiseres (norsk tid)"),
        input_formats=INPUT_FORMATS,
        widget=forms.DateTimeInput(format=DISPLAY_FORMAT, attrs={
            "pattern": PATTERN, "autocomplete": "off", "spellcheck": "false", "size": 20,
        }),
        error_messages={"required": _("Skriv dato og klokkeslett for publiseringen som dd.mm.åååå tt:mm.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The example is tomorrow at 08:00, so it is always one the form would accept.
        tomorrow = timezone.localtime(timezone.now(), timezone.get_default_timezone()).date() + datetime.timedelta(days=1)
        example = {"example": tomorrow.strftime("%d.%m.%Y") + " 08:00"}
        field = self.fields["publish_at"]
        field.help_text = _("Skriv dato og klokkeslett som dd.mm.åååå tt:mm, for eksempel %(example)s. Norsk tid: "
                            "versjonen blir synlig av seg selv på dette tidspunktet.") % example
        field.error_messages["invalid"] = _("Skriv dato og klokkeslett som dd.mm.åååå tt:mm, for eksempel "
                                            "%(example)s.") % example

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value <= timezone.now():
            raise ValidationError(_("Tidspunktet har allerede passert. Velg et tidspunkt fram i tid, eller publiser nå."),
                                  code="past")
        return value

    def full_clean(self):
        # Naive input is the portal's own time (settings.TIME_ZONE, summer time included), even if
        # another zone is active for this request.
        with timezone.override(timezone.get_default_timezone()):
            super().full_clean()


class CompareForm(forms.Form):
    """Choose two published versions of one document. Numbers outside `numbers` are refused."""

    fra = forms.TypedChoiceField(label=_("Fra versjon"), coerce=int, required=False, empty_value=None)
    til = forms.TypedChoiceField(label=_("Til versjon"), coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.numbers = sorted(numbers)
        choices = [(number, _("Versjon %(number)s") % {"number": number}) for number in numbers]
        for name in ("fra", "til"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = _(
                "Versjon %(value)s finnes ikke blant de publiserte versjonene."
            )
            self.fields[name].error_messages["required"] = _("Velg en versjon.")

    def clean(self):
        data = super().clean()
        if data.get("fra") is None and data.get("til") is not None and "fra" not in self.errors:
            # Only "til" given (links from the changelog and the feeds): compare with the version before it.
            earlier = [number for number in self.numbers if number < data["til"]]
            data["fra"] = earlier[-1] if earlier else None
        if data.get("fra") is not None and data.get("fra") == data.get("til"):
            raise ValidationError(_("Velg to forskjellige versjoner for å se hva som er endret."), code="same_version")
        return data
