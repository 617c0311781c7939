from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.validators import one_line_error


class MeasureProposal(models.Model):
    """A municipality's proposal for a new measure ("Vi tar imot forslag til nye tiltak", seed 004).

    Written by the public form, read by publishers in the admin; never shown on public pages.
    """

    title = models.CharField(_("tiltaket"), max_length=200)
    description = models.TextField(_("beskrivelse"))
    source = models.CharField(_("kilde eller lenke"), max_length=500, blank=True)
    organisation = models.CharField(_("kommune eller virksomhet"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-post for svar"), blank=True)
    received_at = models.DateTimeField(_("mottatt"), default=timezone.now, editable=False, db_index=True)
    handled = models.BooleanField(_("behandlet"), default=False,
                                  help_text=_("Kryss av når redaksjonen har vurdert forslaget."))

    class Meta:
        verbose_name = _("forslag til tiltak")
        verbose_name_plural = _("forslag til tiltak")
        ordering = ["-received_at"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {name: error for name in ("title", "organisation", "source")
                  if (error := one_line_error(getattr(self, name))) is not None}
        if errors:
            raise ValidationError(errors)
