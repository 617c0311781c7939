from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    name = models.CharField(_("navn"), max_length=100, help_text=_("Kommunens navn, for eksempel Hamar."))
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


class Role(models.TextChoices):
    # Ordered: each role may do everything the roles before it may.
    READER = "leser", _("Leser – kan lese skjemaene")
    CONTRIBUTOR = "bidragsyter", _("Bidragsyter – kan fylle ut og endre skjemaene")
    LEADER = "leder", _("Leder – kan også vedta skjemaene")


ROLE_RANK = {Role.READER: 1, Role.CONTRIBUTOR: 2, Role.LEADER: 3}


def role_allows(role, required):
    return ROLE_RANK.get(role, 0) >= ROLE_RANK[required]


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def editors(self):
        return self.filter(role__in=[Role.CONTRIBUTOR, Role.LEADER])


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="municipality_memberships",
        verbose_name=_("bruker"), help_text=_("Brukeren som får tilgang til kommunens prioriteringsskjema."),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("kommune"),
        help_text=_("Kommunen brukeren arbeider for. Brukeren ser bare skjemaene til kommunene hen er medlem av."),
    )
    role = models.CharField(
        _("rolle"), max_length=20, choices=Role.choices, default=Role.READER,
        help_text=_("Leser kan lese, bidragsyter kan også endre, leder kan også vedta et skjema."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap i kommune")
        verbose_name_plural = _("medlemskap i kommuner")
        constraints = [models.UniqueConstraint(fields=["user", "municipality"], name="unique_membership")]
        ordering = ["municipality__name"]

    def __str__(self):
        return f"{self.user} – {self.municipality.name} ({self.get_role_display()})"
