import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Min, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.models import DocumentVersion, VersionedDocument, VersionedQuerySet
from staffing.fields import ChoiceListField


class Category(models.IntegerChoices):
    """The five groups of measures in Helsedirektoratet's letter of December 2021."""

    EMERGENCY_LAW = 1, _("Støtte i helseberedskapsloven")
    REGIONAL = 2, _("Dialog og samhandling regionalt")
    PRIORITISING = 3, _("Prioriteringer av kommunens ressurser")
    EXTRA_PERSONNEL = 4, _("Offentlige ordninger for ekstra personell")
    SUPPORT = 5, _("Finansielle, juridiske og faglige støttetiltak")


class Task(models.TextChoices):
    TESTING = "testing", _("Testing")
    TRACING = "smittesporing", _("Smittesporing")
    VACCINATION = "vaksinering", _("Vaksinering")
    CARE = "pleie-og-omsorg", _("Pleie og omsorg")
    DOCTORS = "legetjenester", _("Legetjenester")
    ADMINISTRATION = "administrasjon", _("Administrasjon og støtte")


class PersonnelKind(models.TextChoices):
    AUTHORISED = "autorisert-helsepersonell", _("Autorisert helsepersonell")
    STUDENTS = "helsefagstudenter", _("Helsefagstudenter")
    PENSIONERS = "pensjonister", _("Pensjonert helsepersonell")
    UNTRAINED = "uten-helseutdanning", _("Personell uten helseutdanning")
    VOLUNTEERS = "frivillige", _("Frivillige")
    CIVIL_DEFENCE = "sivilforsvaret-forsvaret", _("Sivilforsvaret og Forsvaret")


class Speed(models.TextChoices):
    """How soon a measure can help; declared fastest first, and ranked in that order."""

    SAME_DAY = "samme-dag", _("Samme dag eller på kort varsel")
    DAYS = "dager", _("I løpet av noen dager")
    WEEKS = "uker", _("I løpet av uker")

    @classmethod
    def rank(cls, value):
        return list(cls.values).index(value) if value in cls.values else len(cls.values)


class Channel(models.TextChoices):
    PHONE_EMAIL = "telefon-epost", _("Telefon eller e-post")
    EMAIL = "epost", _("E-post")
    WEBSITE = "nettsted", _("Nettsted eller register")
    COUNTY_GOVERNOR = "statsforvalteren", _("Gjennom Statsforvalteren")
    LOCAL = "lokalt", _("Kommunen selv, lokalt eller ved avtale")


class MeasureQuerySet(VersionedQuerySet):
    """Filters on the live version's fields through the stored `live_version` (a join, no subquery)."""

    def valid_on(self, day):
        return self.live().filter(
            Q(live_version__valid_from__isnull=True) | Q(live_version__valid_from__lte=day),
            Q(live_version__valid_until__isnull=True) | Q(live_version__valid_until__gte=day),
        )

    def expired_on(self, day):
        return self.live().filter(live_version__valid_until__lt=day)

    def for_task(self, task):
        return self.filter(live_version__tasks__has_choice=task)

    def with_personnel(self, kind):
        return self.filter(live_version__personnel_kinds__has_choice=kind)

    def with_speed(self, speed):
        return self.filter(live_version__speed=speed)


class Measure(VersionedDocument):
    reserved_slugs = frozenset({"finn-tiltak"})
    search_weights = (
        (("title",), "A"), (("summary",), "B"), (("provider", "how_to_request", "conditions", "legal_basis"), "C"),
        (("body",), "D"),
    )

    category = models.PositiveSmallIntegerField(
        _("gruppe"), choices=Category.choices,
        help_text=_("En av de fem gruppene av virkemidler i Helsedirektoratets brev (desember 2021)."),
    )
    position = models.PositiveSmallIntegerField(
        _("rekkefølge"), default=0, help_text=_("Lavere tall vises først innenfor gruppen."),
    )

    live_version = models.OneToOneField(
        "MeasureVersion", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="live_of",
        verbose_name=_("live versjon"),
    )

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("bemanningstiltak")
        verbose_name_plural = _("bemanningstiltak")
        ordering = ["category", "position", "slug"]

    def get_absolute_url(self):
        return reverse("staffing:measure", args=[self.slug])

    @classmethod
    def next_content_change(cls, now):
        """Also the next midnight at which a live measure's validity starts or ends (publishing.clock)."""
        scheduled = super().next_content_change(now)
        today = timezone.localdate(now)
        live = MeasureVersion.objects.filter(live_of__isnull=False, live_of__withdrawn_at__isnull=True)
        starts = live.filter(valid_from__gt=today).aggregate(day=Min("valid_from"))["day"]
        ends = live.filter(valid_until__gte=today).aggregate(day=Min("valid_until"))["day"]
        days = [day for day in (starts, ends and ends + datetime.timedelta(days=1)) if day]
        midnights = [_local_midnight(min(days))] if days else []
        return min([moment for moment in (scheduled, *midnights) if moment], default=None)


class MeasureVersion(DocumentVersion):
    parent_field = "measure"
    content_fields = DocumentVersion.content_fields + (
        "provider", "tasks", "personnel_kinds", "speed", "request_channel", "how_to_request",
        "contact_name", "contact_phone", "contact_email", "contact_url", "conditions", "legal_basis",
        "capacity", "valid_from", "valid_until",
    )

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="versions", verbose_name=_("tiltak"))
    provider = models.CharField(
        _("tilbyder"), max_length=150, help_text=_("Hvem som tilbyr eller koordinerer tiltaket, f.eks. Helsedirektoratet."),
    )
    tasks = ChoiceListField(
        _("oppgaver"), options=Task.choices, help_text=_("Oppgavene tiltaket kan hjelpe med. Kryss av alle som passer."),
    )
    personnel_kinds = ChoiceListField(
        _("personell"), options=PersonnelKind.choices,
        help_text=_("Hva slags personell tiltaket gir. Tomt for støttetiltak som ikke gir personell."),
    )
    speed = models.CharField(
        _("hvor raskt"), max_length=20, choices=Speed.choices,
        help_text=_("Hvor raskt tiltaket realistisk kan hjelpe etter at kommunen ber om det."),
    )
    request_channel = models.CharField(_("kanal"), max_length=30, choices=Channel.choices)
    how_to_request = models.TextField(
        _("slik ber dere om det"), help_text=_("Én eller to setninger: nøyaktig hva kommunen gjør for å få hjelpen."),
    )
    contact_name = models.CharField(_("kontakt"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True, help_text=_("F.eks. 404 07 998."))
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_url = models.URLField(_("nettadresse"), blank=True)
    conditions = models.TextField(_("vilkår"), blank=True, help_text=_("Hva som må være oppfylt for å bruke tiltaket."))
    legal_basis = models.CharField(
        _("hjemmel"), max_length=250, blank=True, help_text=_("F.eks. helsepersonelloven § 5 for medhjelpere."),
    )
    capacity = models.CharField(
        _("kapasitet"), max_length=250, blank=True, help_text=_("Når den er kjent, f.eks. «ca. 10 000 registrerte per mars 2021»."),
    )
    valid_from = models.DateField(_("gjelder fra"), null=True, blank=True, help_text=_("Tomt: gjelder fra før portalen."))
    valid_until = models.DateField(
        _("gjelder til og med"), null=True, blank=True,
        help_text=_("Tomt: ingen kjent sluttdato. Utløpte tiltak vises fortsatt, merket «Utløpt»."),
    )
    class Meta(DocumentVersion.Meta):
        verbose_name = _("tiltaksversjon")
        verbose_name_plural = _("tiltaksversjoner")
        constraints = [models.UniqueConstraint(fields=["measure", "number"], name="staffing_unique_version_number")]
        indexes = [models.Index(fields=["measure", "publish_at"], name="staffing_version_publish_idx")]
        permissions = [("publish_measureversion", _("Kan publisere og planlegge tiltaksversjoner"))]

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Sluttdatoen kan ikke være før startdatoen.")}, code="validity_order")

    def is_valid_on(self, day):
        return not self.is_upcoming_on(day) and not self.is_expired_on(day)

    def is_expired_on(self, day):
        return self.valid_until is not None and self.valid_until < day

    def is_upcoming_on(self, day):
        return self.valid_from is not None and day < self.valid_from

    def task_labels(self):
        return self._meta.get_field("tasks").labels(self.tasks)

    def personnel_labels(self):
        return self._meta.get_field("personnel_kinds").labels(self.personnel_kinds)

    @property
    def speed_rank(self):
        return Speed.rank(self.speed)

    @property
    def phone_href(self):
        return phone_href(self.contact_phone)


def phone_href(number):
    digits = "".join(ch for ch in number or "" if ch.isdigit() or ch == "+")
    if len(digits) == 8:
        digits = "+47" + digits
    return f"tel:{digits}" if digits else ""


class ContactPointQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        """The version in force on `day`: the latest one that had started by then."""
        day = day or timezone.localdate()
        return self.filter(valid_from__lte=day).order_by("-valid_from", "-pk").first()

    def shown_on(self, day=None):
        """The version in force on `day`, or today's if none had started by then: one query either way."""
        today = timezone.localdate()
        day = day or today
        in_force = Case(When(valid_from__lte=day, then=Value(1)), default=Value(0))
        return (self.filter(valid_from__lte=max(day, today)).annotate(in_force=in_force)
                .order_by("-in_force", "-valid_from", "-pk").first())


class ContactPoint(models.Model):
    """Helsedirektoratet's one way in ("en vei inn"). Each row is a dated version; none is edited away."""

    valid_from = models.DateField(
        _("gjelder fra"), unique=True,
        help_text=_("Fra denne datoen vises denne versjonen. Lag en ny rad for endringer, så historikken beholdes."),
    )
    heading = models.CharField(_("overskrift"), max_length=150, default="Hjelp til å rekruttere helsepersonell")
    text = models.TextField(
        _("kort tekst"), help_text=_("Én eller to setninger om hva kommunene kan få hjelp til."),
    )
    phone = models.CharField(_("telefon"), max_length=40, help_text=_("Slik det skal vises, f.eks. 404 07 998."))
    opening_hours = models.CharField(_("åpningstid"), max_length=100, help_text=_("F.eks. 08–15 alle virkedager."))
    email = models.EmailField(_("e-post"))
    source = models.CharField(_("kilde"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now, editable=False)

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktpunkt")
        verbose_name_plural = _("kontaktpunkt")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.heading} (fra {self.valid_from:%d.%m.%Y})"

    @classmethod
    def next_content_change(cls, now):
        """The midnight a later contact point takes over on every page (publishing.clock)."""
        day = cls.objects.filter(valid_from__gt=timezone.localdate(now)).aggregate(day=Min("valid_from"))["day"]
        return _local_midnight(day) if day else None

    @property
    def phone_href(self):
        return phone_href(self.phone)


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
