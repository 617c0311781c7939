from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prioritering import note
from prioritering.models.municipality import Membership, Municipality
from prioritering.validators import validate_no_personal_data


class Status(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    DECIDED = "vedtatt", _("Vedtatt")
    SUPERSEDED = "erstattet", _("Erstattet")


class WorksheetLocked(Exception):
    """Raised when something tries to change a worksheet whose state does not allow it."""


class WorksheetQuerySet(models.QuerySet):
    def for_user(self, user):
        """The worksheets of the municipalities the user is a member of, with the user's role there.

        The only way views fetch worksheets, so another municipality's worksheet is simply not found.
        """
        if not user.is_authenticated:
            return self.none()
        role = Membership.objects.filter(user=user, municipality=OuterRef("municipality")).values("role")[:1]
        return self.filter(municipality__memberships__user=user).annotate(user_role=Subquery(role))

    def for_list(self):
        # An aggregate query drops Meta.ordering, so the list's order is stated here.
        return (self.select_related("municipality").annotate(row_count=models.Count("rows"))
                .order_by("-assessed_on", "-pk"))

    def decided(self):
        """Worksheets that have been decided, whether still in force or replaced since."""
        return self.filter(status__in=[Status.DECIDED, Status.SUPERSEDED])

    def in_counties(self, counties):
        return self.filter(municipality__county__in=counties)

    def latest_decided(self):
        """The decision in force for each unit: decided, and not replaced by a newer decided version.

        A version still being drafted does not replace it: drafts are the municipality's own.
        """
        return self.decided().filter(Q(next_version__isnull=True) | Q(next_version__status=Status.DRAFT))


class Worksheet(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="worksheets", verbose_name=_("kommune"),
        help_text=_("Kommunen skjemaet gjelder. Bare kommunens medlemmer ser skjemaet."),
    )
    service_unit = models.CharField(
        _("tjenesteenhet"), max_length=200, validators=[validate_no_personal_data],
        help_text=_("Enheten vurderingen gjelder, for eksempel «Hjemmetjenesten sone nord»."),
    )
    phase = models.PositiveSmallIntegerField(
        _("fase i epidemien"), choices=note.PHASES,
        help_text=_("FHIs fase 1–5. Notatets råd gjelder særlig i fase 3 og 4."),
    )
    assessed_on = models.DateField(
        _("dato for vurderingen"), default=timezone.localdate,
        help_text=_("Datoen situasjonen og tiltakene er vurdert."),
    )
    responsible = models.CharField(
        _("ansvarlig"), max_length=200, validators=[validate_no_personal_data],
        help_text=_("Rollen eller personen i kommunen som er ansvarlig for vurderingen, for eksempel «Enhetsleder hjemmetjenesten»."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
        help_text=_("Utkast kan endres. Vedtatt og erstattet skjema kan bare leses."),
    )
    next_review = models.DateField(
        _("neste gjennomgang"), null=True, blank=True,
        help_text=_("Når skjemaet skal vurderes på nytt, for eksempel når fasen endrer seg."),
    )
    staff_available = models.PositiveIntegerField(
        _("personell tilgjengelig (årsverk)"), null=True, blank=True,
        help_text=_("Hvor mange årsverk enheten har tilgjengelig nå."),
    )
    staff_needed = models.PositiveIntegerField(
        _("personell som trengs (årsverk)"), null=True, blank=True,
        help_text=_("Hvor mange årsverk enheten trenger for å gi dagens tjenester."),
    )
    infection_situation = models.TextField(
        _("smittesituasjonen"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Kort om smittesituasjonen i kommunen og i enheten, uten opplysninger om enkeltpersoner."),
    )
    summary = models.TextField(
        _("oppsummering av situasjonen"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Hva som gjør prioriteringene nødvendige nå."),
    )
    previous_version = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version",
        verbose_name=_("forrige versjon"), help_text=_("Det vedtatte skjemaet denne versjonen erstatter."),
    )
    revision = models.PositiveIntegerField(
        _("revisjon"), default=1, editable=False,
        help_text=_("Økes ved hver lagring, slik at en lagring basert på en utdatert kopi blir avvist."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("vedtatt av"), help_text=_("Lederen som markerte skjemaet som vedtatt."),
    )
    decided_at = models.DateTimeField(_("vedtatt"), null=True, blank=True, help_text=_("Når skjemaet ble vedtatt."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("opprettet av"), help_text=_("Brukeren som opprettet skjemaet."),
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True, help_text=_("Når skjemaet ble opprettet."))
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True, help_text=_("Når skjemaet sist ble endret."))

    objects = WorksheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("prioriteringsskjema")
        verbose_name_plural = _("prioriteringsskjemaer")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self):
        return f"{self.service_unit} – {self.municipality.name}, fase {self.phase} ({self.get_status_display()})"

    @property
    def is_editable(self):
        return self.status == Status.DRAFT

    @property
    def is_decided(self):
        return self.status in (Status.DECIDED, Status.SUPERSEDED)

    @property
    def review_overdue(self):
        """The review date has passed on a worksheet that still counts (a replaced one has been reviewed)."""
        return (self.status != Status.SUPERSEDED and self.next_review is not None
                and self.next_review < timezone.localdate())

    @property
    def phase_description(self):
        return note.PHASE_DESCRIPTIONS.get(self.phase, "")

    def ensure_editable(self):
        if not self.is_editable:
            raise WorksheetLocked(_("Skjemaet er %(status)s og kan ikke endres.") % {"status": self.get_status_display().lower()})

    def mark_decided(self, user):
        if self.status != Status.DRAFT:
            raise WorksheetLocked(_("Bare et utkast kan vedtas."))
        self.status, self.decided_by, self.decided_at = Status.DECIDED, user, timezone.now()

    def mark_superseded(self):
        if self.status != Status.DECIDED:
            raise WorksheetLocked(_("Bare et vedtatt skjema kan erstattes av en ny versjon."))
        self.status = Status.SUPERSEDED
