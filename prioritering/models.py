from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    name = models.CharField(_("navn"), max_length=100)
    number = models.CharField(
        _("kommunenummer"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("Kommunenummeret har fire sifre, for eksempel 3403."))],
        help_text=_("Fire sifre fra Statistisk sentralbyrås kommuneliste, for eksempel 3403 for Hamar."),
    )
    county = models.CharField(
        _("fylke / statsforvalterembete"),
        max_length=100,
        help_text=_("Fylket kommunen ligger i; det avgjør hvilken statsforvalter som koordinerer hjelp."),
    )

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.number})"
