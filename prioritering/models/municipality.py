from django.conf import settings
from django.core.exceptions import ValidationError
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
    # The municipal roles are ordered: each may do everything the roles before it may.
    READER = "leser", _("Leser – kan lese skjemaene")
    CONTRIBUTOR = "bidragsyter", _("Bidragsyter – kan fylle ut og endre skjemaene")
    LEADER = "leder", _("Leder – kan også vedta skjemaene")
    # Outside that ladder: a county-level membership that reads the county's decided worksheets only.
    COUNTY = "statsforvalter", _("Statsforvalter – kan lese fylkets vedtatte skjemaer")


ROLE_RANK = {Role.READER: 1, Role.CONTRIBUTOR: 2, Role.LEADER: 3}
MUNICIPAL_ROLES = [(role.value, role.label) for role in (Role.READER, Role.CONTRIBUTOR, Role.LEADER)]

ROLE_EXPLANATIONS = [
    (Role.READER, _("Leser"), _("leser kommunens skjemaer, skriver dem ut og laster dem ned.")),
    (Role.CONTRIBUTOR, _("Bidragsyter"), _("kan i tillegg opprette skjemaer, legge til og endre tjenester og "
                                           "vurdere advarsler med en skriftlig begrunnelse.")),
    (Role.LEADER, _("Leder"), _("kan i tillegg vedta et skjema når notatets regler er fulgt, og lage en ny "
                                "versjon når fasen endrer seg.")),
    (Role.COUNTY, _("Statsforvalter"), _("leser en oversikt over de vedtatte skjemaene til kommunene i fylket, "
                                         "aldri utkastene, og kan ikke endre noe.")),
]


def role_allows(role, required):
    return ROLE_RANK.get(role, 0) >= ROLE_RANK[required]


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def editors(self):
        return self.filter(role__in=[Role.CONTRIBUTOR, Role.LEADER])

    def municipal(self):
        return self.exclude(role=Role.COUNTY)

    def county(self):
        return self.filter(role=Role.COUNTY)


def counties():
    """The counties the municipalities are in, for choosing a county membership."""
    return list(Municipality.objects.order_by("county").values_list("county", flat=True).distinct())


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="municipality_memberships",
        verbose_name=_("bruker"), help_text=_("Brukeren som får tilgang til kommunens prioriteringsskjema."),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("kommune"),
        null=True, blank=True,
        help_text=_("Kommunen brukeren arbeider for. Brukeren ser bare skjemaene til kommunene hen er medlem av. "
                    "Tom for statsforvalteren, som har fylket i stedet."),
    )
    county = models.CharField(
        _("fylke"), max_length=100, blank=True,
        help_text=_("Bare for rollen statsforvalter: fylket (slik det står på kommunene) hvis vedtatte skjemaer "
                    "brukeren kan lese."),
    )
    role = models.CharField(
        _("rolle"), max_length=20, choices=Role.choices, default=Role.READER,
        help_text=_("Leser kan lese, bidragsyter kan også endre, leder kan også vedta et skjema. Statsforvalter "
                    "leser fylkets vedtatte skjemaer og velger fylke i stedet for kommune."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap i kommune eller fylke")
        verbose_name_plural = _("medlemskap i kommuner og fylker")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="unique_membership"),
            models.UniqueConstraint(fields=["user", "county"], condition=models.Q(municipality__isnull=True),
                                    name="unique_county_membership"),
            # A municipal role belongs to a municipality; the statsforvalter role to a county, never both.
            models.CheckConstraint(
                condition=(models.Q(role="statsforvalter", municipality__isnull=True) & ~models.Q(county=""))
                | (~models.Q(role="statsforvalter") & models.Q(municipality__isnull=False, county="")),
                name="membership_municipality_or_county",
            ),
        ]
        ordering = ["municipality__name", "county"]

    def __str__(self):
        place = self.municipality.name if self.municipality_id else self.county
        return f"{self.user} – {place} ({self.get_role_display()})"

    @property
    def role_name(self):
        return next((name for role, name, _text in ROLE_EXPLANATIONS if role == self.role), self.role)

    @property
    def is_county(self):
        return self.role == Role.COUNTY

    def clean(self):
        if self.role == Role.COUNTY:
            if self.municipality_id:
                raise ValidationError({"municipality": _("Statsforvalteren er medlem av et fylke, ikke av en kommune. "
                                                         "La kommune stå tom og velg fylke.")})
            if not self.county:
                raise ValidationError({"county": _("Velg fylket statsforvalteren skal se.")})
            if not Municipality.objects.filter(county=self.county).exists():
                raise ValidationError({"county": _("Ingen kommune ligger i fylket «%(county)s». Skriv fylket slik "
                                                   "det står på kommunene.") % {"county": self.county}})
        else:
            if self.county:
                raise ValidationError({"county": _("Bare rollen statsforvalter har fylke. La feltet stå tomt.")})
            if not self.municipality_id:
                raise ValidationError({"municipality": _("Velg kommunen brukeren arbeider for.")})
