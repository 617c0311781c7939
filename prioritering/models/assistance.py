"""Requests for help (bistandsbehov), offers of capacity, their history and the e-mails they cause.

States of a request (only a leader submits and withdraws; only Statsforvalteren coordinates):

    utkast ──submit──▶ sendt ──coordinate──▶ formidlet / sendt videre ──coordinate──▶ dekket / ikke dekket
      │                  │                          │
      └─────withdraw─────┴─────────withdraw─────────┘──▶ trukket

An offer is simpler: utkast ──submit──▶ meldt ──withdraw──▶ trukket (a draft may be withdrawn too).
Statsforvalteren never sees a draft of either, and sees only its own county.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as _n
from django.utils.translation import ngettext

from prioritering.bistand.vocabulary import (
    NEEDS_PRECONDITION, ForwardedTo, HelpSource, Profession, Task, Tried, Urgency,
)
from prioritering.models.municipality import Membership, Municipality, Role
from prioritering.validators import validate_no_personal_data

MAX_PEOPLE = 500


# How a title counts the people of each kind of personnel (ngettext: one, many).
PEOPLE_WORDS = {
    Profession.NURSES: (_n("%(n)s sykepleier"), _n("%(n)s sykepleiere")),
    Profession.DOCTORS: (_n("%(n)s lege"), _n("%(n)s leger")),
    Profession.OTHER_HEALTH: (_n("%(n)s person, annet helsepersonell"), _n("%(n)s personer, annet helsepersonell")),
    Profession.STUDENTS: (_n("%(n)s helsefagstudent"), _n("%(n)s helsefagstudenter")),
    Profession.UNTRAINED: (_n("%(n)s person uten helseutdanning"), _n("%(n)s personer uten helseutdanning")),
    "": (_n("%(n)s person"), _n("%(n)s personer")),
}


class AssistanceLocked(Exception):
    """Raised when something tries a change the request's or offer's state does not allow."""


class RequestStatus(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    SUBMITTED = "sendt", _("Sendt til Statsforvalteren")
    REFERRED = "formidlet", _("Formidlet")
    FORWARDED = "sendt-videre", _("Sendt videre")
    COVERED = "dekket", _("Dekket")
    NOT_COVERED = "ikke-dekket", _("Ikke dekket")
    WITHDRAWN = "trukket", _("Trukket")


OPEN_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.REFERRED, RequestStatus.FORWARDED)
COORDINATION_ACTIONS = (RequestStatus.REFERRED, RequestStatus.FORWARDED, RequestStatus.COVERED,
                        RequestStatus.NOT_COVERED)


class OfferStatus(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    OFFERED = "meldt", _("Meldt til Statsforvalteren")
    WITHDRAWN = "trukket", _("Trukket")


def _urgency_rank():
    return Case(*(When(urgency=value, then=Value(rank)) for rank, value in enumerate(Urgency.values)),
                default=Value(len(Urgency.values)), output_field=IntegerField())


def _user_role(user):
    return Membership.objects.filter(user=user, municipality=OuterRef("municipality")).values("role")[:1]


class AssistanceRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """The requests of the municipalities the user is a member of, with the user's role there."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(municipality__memberships__user=user).annotate(user_role=Subquery(_user_role(user)))

    def of_municipalities(self, municipalities):
        """For a list of the user's own municipalities (from their memberships): no per-row role lookup."""
        return self.filter(municipality__in=municipalities)

    def for_counties(self, counties):
        """What Statsforvalteren sees: requests sent from its counties, never drafts."""
        return self.filter(municipality__county__in=counties, submitted_at__isnull=False)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self):
        return self.exclude(status__in=OPEN_STATUSES)

    def by_urgency(self):
        """Most urgent first, then the one needed soonest, then the one sent first."""
        return self.alias(urgency_rank=_urgency_rank()).order_by("urgency_rank", "start_date", "submitted_at", "pk")


class CapacityOfferQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(municipality__memberships__user=user).annotate(user_role=Subquery(_user_role(user)))

    def for_counties(self, counties):
        return self.filter(municipality__county__in=counties, submitted_at__isnull=False)

    def offered(self):
        return self.filter(status=OfferStatus.OFFERED)

    def of_municipalities(self, municipalities):
        return self.filter(municipality__in=municipalities)

    def passed_on_to(self, municipalities):
        """Other municipalities' offers Statsforvalteren has passed on to these municipalities' requests."""
        return (self.filter(matched_requests__municipality__in=municipalities)
                .exclude(municipality__in=municipalities).distinct())


class _Need(models.Model):
    """What both a request and an offer say: which task, what kind of personnel, how many, when."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommune"),
        help_text=_("Kommunen som ber om hjelp eller tilbyr kapasitet."),
    )
    task = models.CharField(_("oppgave"), max_length=30, choices=Task.choices,
                            help_text=_("Oppgaven personellet skal gjøre, med tiltaksfinnerens ord."))
    profession = models.CharField(_("personell"), max_length=30, choices=Profession.choices,
                                  help_text=_("Hva slags personell, med tiltaksfinnerens ord."))
    people = models.PositiveSmallIntegerField(
        _("antall personer"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE)],
        help_text=_("Hvor mange personer, ikke årsverk."),
    )
    start_date = models.DateField(_("fra dato"), help_text=_("Første dag personellet trengs eller er ledig."))
    end_date = models.DateField(_("til dato"), null=True, blank=True,
                                help_text=_("Siste dag. Tomt betyr at dere ikke vet ennå."))
    description = models.TextField(_("beskrivelse"), validators=[validate_no_personal_data],
                                   help_text=_("Kort om behovet eller kapasiteten, uten opplysninger om "
                                               "enkeltpersoner."))
    revision = models.PositiveIntegerField(
        _("revisjon"), default=1, editable=False,
        help_text=_("Økes ved hver lagring, slik at en lagring basert på en utdatert kopi blir avvist."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("opprettet av"))
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("sendt av"))
    submitted_at = models.DateTimeField(_("sendt"), null=True, blank=True,
                                        help_text=_("Når lederen sendte den til Statsforvalteren."))

    class Meta:
        abstract = True

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": ValidationError(
                _("Til-datoen kan ikke være før fra-datoen."), code="end_before_start")})

    @property
    def title(self):
        """«Vaksinering: 3 sykepleiere», «Smittesporing: 1 person uten helseutdanning»."""
        singular, plural = PEOPLE_WORDS.get(self.profession, PEOPLE_WORDS[""])
        people = ngettext(singular, plural, self.people or 0) % {"n": self.people}
        return _("%(task)s: %(people)s") % {"task": self.get_task_display(), "people": people}

    def overlaps(self, other):
        """True when the two periods share a day (an open end runs on)."""
        starts_before_other_ends = other.end_date is None or self.start_date <= other.end_date
        ends_after_other_starts = self.end_date is None or self.end_date >= other.start_date
        return starts_before_other_ends and ends_after_other_starts


class AssistanceRequest(_Need):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="assistance_requests", verbose_name=_("kommune"),
        help_text=_("Kommunen som ber om hjelp. Bare kommunens medlemmer og fylkets statsforvalter ser den."),
    )
    urgency = models.CharField(_("hvor raskt"), max_length=20, choices=Urgency.choices,
                               help_text=_("Hvor raskt dere trenger hjelp, med tiltaksfinnerens ord."))
    help_from = models.JSONField(_("hjelp fra"), default=list,
                                 help_text=_("Hvem dere ber Statsforvalteren koordinere hjelp fra."))
    service = models.CharField(_("tjenesten det gjelder"), max_length=200, blank=True,
                               validators=[validate_no_personal_data],
                               help_text=_("For eksempel «Hjemmesykepleien sone nord» eller «Teststasjonen»."))
    worksheet = models.ForeignKey(
        "prioritering.Worksheet", on_delete=models.SET_NULL, null=True, blank=True, related_name="assistance_requests",
        verbose_name=_("prioriteringsskjema"),
        help_text=_("Skjemaet behovet gjelder, hvis det finnes. Statsforvalteren ser det bare når det er vedtatt."),
    )
    tried_first = models.TextField(_("forsøkt først"), validators=[validate_no_personal_data],
                                   help_text=_("Hva kommunen har forsøkt selv før den ber om hjelp."))
    volunteers_tried = models.CharField(_("frivillige forsøkt"), max_length=3, choices=Tried.choices, blank=True)
    commercial_tried = models.CharField(_("kommersielle aktører forsøkt"), max_length=3, choices=Tried.choices,
                                        blank=True)
    source_measure = models.CharField(
        _("fra bemanningstiltaket"), max_length=200, blank=True,
        help_text=_("Tittelen på bemanningstiltaket forespørselen ble startet fra, hvis noen."),
    )
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT)
    referred_to = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("formidlet til"), help_text=_("Kommunen Statsforvalteren formidlet behovet til."),
    )
    forwarded_to = models.CharField(_("sendt videre til"), max_length=20, choices=ForwardedTo.choices, blank=True)
    matched_offer = models.ForeignKey(
        "prioritering.CapacityOffer", on_delete=models.SET_NULL, null=True, blank=True, related_name="matched_requests",
        verbose_name=_("tilbud som dekker"), help_text=_("Tilbudet om kapasitet Statsforvalteren formidlet."),
    )
    coordination_note = models.TextField(_("Statsforvalterens merknad"), blank=True,
                                         validators=[validate_no_personal_data])
    coordinated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+", verbose_name=_("koordinert av"))
    coordinated_at = models.DateTimeField(_("koordinert"), null=True, blank=True)

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("forespørsel om bistand")
        verbose_name_plural = _("forespørsler om bistand")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "urgency", "start_date"], name="prioritering_request_open_idx")]

    def __str__(self):
        return f"{self.title} – {self.municipality.name} ({self.get_status_display()})"

    def clean(self):
        super().clean()
        errors = {}
        unknown = [code for code in self.help_from or [] if code not in HelpSource.values]
        if not self.help_from or unknown:
            errors["help_from"] = ValidationError(_("Velg hvem dere ber om hjelp fra."), code="help_from")
        if self.needs_precondition:
            for name in ("volunteers_tried", "commercial_tried"):
                if not getattr(self, name):
                    errors[name] = ValidationError(PRECONDITION_MESSAGES[name], code="precondition")
        if self.worksheet_id and self.worksheet.municipality_id != self.municipality_id:
            errors["worksheet"] = ValidationError(_("Velg et av kommunens egne skjemaer."), code="other_municipality")
        if errors:
            raise ValidationError(errors)

    @property
    def needs_precondition(self):
        return bool(NEEDS_PRECONDITION & set(self.help_from or []))

    @property
    def precondition_unmet(self):
        """Asked for Sivilforsvaret or Forsvaret although volunteers or commercial providers were not tried."""
        return self.needs_precondition and Tried.NO in (self.volunteers_tried, self.commercial_tried)

    def help_from_labels(self):
        labels = dict(HelpSource.choices)
        return [str(labels[code]) for code in HelpSource.values if code in (self.help_from or [])]

    @property
    def is_editable(self):
        return self.status == RequestStatus.DRAFT

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def can_withdraw(self):
        return self.status == RequestStatus.DRAFT or self.is_open

    @property
    def coordination_label(self):
        """The status in full, with where it was passed on: «Formidlet til Lillehammer»."""
        if self.status == RequestStatus.REFERRED and self.referred_to_id:
            return _("Formidlet til %(name)s") % {"name": self.referred_to.name}
        if self.status == RequestStatus.FORWARDED and self.forwarded_to:
            return _("Sendt videre til %(name)s") % {"name": self.get_forwarded_to_display()}
        return self.get_status_display()

    def ensure_editable(self):
        if not self.is_editable:
            raise AssistanceLocked(_("Forespørselen er sendt og kan ikke lenger endres. Trekk den og lag en ny "
                                     "hvis behovet har endret seg."))

    def mark_submitted(self, user, now):
        if self.status != RequestStatus.DRAFT:
            raise AssistanceLocked(_("Forespørselen er allerede sendt."))
        self.status, self.submitted_by, self.submitted_at = RequestStatus.SUBMITTED, user, now

    def mark_withdrawn(self):
        if not self.can_withdraw:
            raise AssistanceLocked(_("Forespørselen er %(status)s og kan ikke trekkes.")
                                   % {"status": self.get_status_display().lower()})
        self.status = RequestStatus.WITHDRAWN

    def mark_coordinated(self, action, user, now):
        if not self.is_open:
            raise AssistanceLocked(_("Forespørselen er %(status)s og kan ikke lenger koordineres.")
                                   % {"status": self.get_status_display().lower()})
        if action not in COORDINATION_ACTIONS:
            raise AssistanceLocked(_("Ukjent handling."))
        self.status, self.coordinated_by, self.coordinated_at = action, user, now


PRECONDITION_MESSAGES = {
    "volunteers_tried": _("Svar på om kommunen har forsøkt å skaffe frivillige. Helsedirektoratet krever det før "
                          "kommunen ber om bistand fra Sivilforsvaret eller Forsvaret."),
    "commercial_tried": _("Svar på om kommunen har forsøkt å skaffe kommersielle aktører. Helsedirektoratet krever "
                          "det før kommunen ber om bistand fra Sivilforsvaret eller Forsvaret."),
}


class CapacityOffer(_Need):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="capacity_offers", verbose_name=_("kommune"),
        help_text=_("Kommunen som har ledig kapasitet."),
    )
    status = models.CharField(_("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT)

    objects = CapacityOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("tilbud om kapasitet")
        verbose_name_plural = _("tilbud om kapasitet")
        ordering = ["start_date", "pk"]

    def __str__(self):
        return f"{self.title} – {self.municipality.name} ({self.get_status_display()})"

    @property
    def is_editable(self):
        return self.status == OfferStatus.DRAFT

    @property
    def can_withdraw(self):
        return self.status in (OfferStatus.DRAFT, OfferStatus.OFFERED)

    def ensure_editable(self):
        if not self.is_editable:
            raise AssistanceLocked(_("Tilbudet er meldt og kan ikke lenger endres. Trekk det og meld et nytt "
                                     "hvis kapasiteten har endret seg."))

    def mark_submitted(self, user, now):
        if self.status != OfferStatus.DRAFT:
            raise AssistanceLocked(_("Tilbudet er allerede meldt."))
        self.status, self.submitted_by, self.submitted_at = OfferStatus.OFFERED, user, now

    def mark_withdrawn(self):
        if not self.can_withdraw:
            raise AssistanceLocked(_("Tilbudet er allerede trukket."))
        self.status = OfferStatus.WITHDRAWN

    def matches(self, request):
        """Same task and kind of personnel, periods that overlap, and another municipality's offer."""
        return (self.municipality_id != request.municipality_id and self.task == request.task
                and self.profession == request.profession and self.overlaps(request))


class AssistanceChange(models.Model):
    """One entry in the history of a request or an offer: who changed what, and when."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="changes", verbose_name=_("forespørsel"))
    offer = models.ForeignKey(CapacityOffer, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="changes", verbose_name=_("tilbud"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("bruker"))
    # Kept as text so the history still says who it was after a user is deleted.
    user_name = models.CharField(_("brukernavn"), max_length=150)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    summary = models.CharField(_("endring"), max_length=300)
    details = models.JSONField(_("detaljer"), default=list, blank=True,
                               help_text=_("Feltene som ble endret, med gammel og ny verdi."))

    class Meta:
        verbose_name = _("endring i forespørsel eller tilbud")
        verbose_name_plural = _("endringer i forespørsler og tilbud")
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(
            condition=Q(request__isnull=False, offer__isnull=True) | Q(request__isnull=True, offer__isnull=False),
            name="assistance_change_request_or_offer")]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.user_name}: {self.summary}"


class AssistanceNotificationQuerySet(models.QuerySet):
    def unqueued(self):
        return self.filter(queued_at__isnull=True)


class AssistanceNotification(models.Model):
    """An e-mail a change causes, written in the same transaction as the change.

    The alerts app's `send_alerts` moves it into its outbox (settings.OUTBOX_SOURCES), which sends
    it; the outbox's unique key and `queued_at` make sure it is queued once, whatever crashes.
    """

    change = models.ForeignKey(AssistanceChange, on_delete=models.CASCADE, related_name="notifications",
                               verbose_name=_("endring"))
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("mottaker"))
    email = models.EmailField(_("e-postadresse"))
    subject = models.CharField(_("emne"), max_length=250)
    body = models.TextField(_("tekst"))
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    queued_at = models.DateTimeField(_("lagt i utboksen"), null=True, blank=True)

    objects = AssistanceNotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-post om bistand")
        verbose_name_plural = _("e-poster om bistand")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["change", "email"], name="assistance_notification_once")]
        indexes = [models.Index(fields=["queued_at"], name="prioritering_notify_queue_idx")]


def county_recipients(county):
    """The active Statsforvalter users of a county who have an e-mail address."""
    return _recipients(Membership.objects.filter(role=Role.COUNTY, county=county))


def leader_recipients(municipality):
    return _recipients(Membership.objects.filter(role=Role.LEADER, municipality=municipality))


def _recipients(memberships):
    return [m.user for m in memberships.filter(user__is_active=True).exclude(user__email="")
            .select_related("user").order_by("user__pk")]


__all__ = [
    "AssistanceChange", "AssistanceLocked", "AssistanceNotification", "AssistanceRequest", "CapacityOffer",
    "OfferStatus", "RequestStatus",
]
