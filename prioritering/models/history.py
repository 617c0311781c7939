from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
