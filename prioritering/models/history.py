from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prioritering.validators import validate_no_personal_data


class WorksheetChange(models.Model):
    """One entry in a worksheet's history: who changed what, and when."""

    worksheet = models.ForeignKey(
        "prioritering.Worksheet", on_delete=models.CASCADE, related_name="changes", verbose_name=_("skjema"),
        help_text=_("Skjemaet endringen gjelder."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("bruker"), help_text=_("Brukeren som gjorde endringen."),
    )
    # Kept as text so the history still says who it was after a user is deleted.
    user_name = models.CharField(_("brukernavn"), max_length=150, help_text=_("Brukerens navn da endringen ble gjort."))
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, help_text=_("Når endringen ble gjort."))
    summary = models.CharField(_("endring"), max_length=300, help_text=_("Kort beskrivelse av endringen."))
    details = models.JSONField(
        _("detaljer"), default=list, blank=True,
        help_text=_("Feltene som ble endret, med gammel og ny verdi."),
    )

    class Meta:
        verbose_name = _("endring i skjema")
        verbose_name_plural = _("endringer i skjema")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.user_name}: {self.summary}"


# What replaces redacted text wherever it was stored. Plain text, so history, print and CSV all show it.
REDACTED = "[personopplysning fjernet]"


class Redaction(models.Model):
    """Personal data removed from a worksheet's stored text: who, when, from which entry and fields, and why.

    Never holds the removed text. The redaction is also an entry in the worksheet's history.
    """

    worksheet = models.ForeignKey(
        "prioritering.Worksheet", on_delete=models.CASCADE, related_name="redactions", verbose_name=_("skjema"),
        help_text=_("Skjemaet teksten ble fjernet fra (og dets tidligere og senere versjoner)."),
    )
    change = models.ForeignKey(
        WorksheetChange, on_delete=models.SET_NULL, null=True, blank=True, related_name="redactions",
        verbose_name=_("endring i historikken"), help_text=_("Endringen i historikken teksten ble fjernet fra."),
    )
    fields = models.CharField(
        _("felt"), max_length=300, help_text=_("Feltene i endringen der teksten stod."),
    )
    places = models.PositiveIntegerField(
        _("lagrede tekster endret"), default=0,
        help_text=_("Hvor mange lagrede tekster (historikk, skjema, tjenester, administrasjonslogg) som ble endret."),
    )
    reason = models.TextField(_("begrunnelse"), validators=[validate_no_personal_data],
                              help_text=_("Hvorfor teksten ble fjernet. Gjentar aldri det som ble fjernet."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("fjernet av"), help_text=_("Brukeren som fjernet teksten."),
    )
    user_name = models.CharField(_("brukernavn"), max_length=150, help_text=_("Brukerens navn da teksten ble fjernet."))
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, help_text=_("Når teksten ble fjernet."))

    class Meta:
        verbose_name = _("fjerning av personopplysninger")
        verbose_name_plural = _("fjerninger av personopplysninger")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.user_name}: {self.fields}"
