"""Staffing measures: the five groups, the choice lists, the measure and its versions."""

import datetime
import operator
from functools import reduce

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.links import reverse_cached
from publishing.models import DocumentVersion, VersionedDocument, VersionedManager, VersionedQuerySet
from staffing.dates import stale_from
from staffing.fields import ChoiceListField

# How far either side of the date asked the finder names schemes that start later or ended recently.
NEARBY = datetime.timedelta(days=365)


def confirmation_months():
    """A measure no source has confirmed for more than this many months is «ikke bekreftet på over N måneder»."""
    return getattr(settings, "STAFFING_CONFIRMATION_MONTHS", 6)


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
    UNSTATED = "ikke-oppgitt", _("Kilden sier ikke hvordan")


class Status(models.TextChoices):
    """What a reader sees at a glance about a measure on a date."""

    CURRENT = "gjeldende", _("Gjeldende")
    EXPIRED = "utlopt", _("Utløpt")
    UPCOMING = "kommende", _("Gjelder fra")
    UNCONFIRMED = "ikke-bekreftet", _("Ikke bekreftet på lenge")
    UNDATED = "udatert", _("Kilden er ikke datert")


class MeasureQuerySet(VersionedQuerySet):
    """Filters on the live version's fields through `live_version` (a join on its stored span, no subquery):
    call them on `live()` or `valid_on()`.

    A measure without a start date did not exist before its source's date; one with neither is
    "start unknown" and is kept (the pages say so) rather than guessed away.
    """

    def with_successor(self):
        """With the scheme that took over, in the same query (its live version is read when shown)."""
        return self.select_related("successor")

    def valid_on(self, day):
        return self.live().filter(_started_by(day), _not_ended_by(day))

    def expired_on(self, day):
        return self.live().filter(live_version__valid_until__lt=day)

    def near(self, day):
        """Valid on `day`, or starting within a year after it, or ended within a year before it."""
        starts_soon = Q(live_version__valid_from__gt=day, live_version__valid_from__lte=day + NEARBY)
        ended_lately = Q(live_version__valid_until__lt=day, live_version__valid_until__gte=day - NEARBY)
        return self.live().filter((_started_by(day) & _not_ended_by(day)) | starts_soon | ended_lately)

    def for_task(self, task):
        return self.filter(live_version__tasks__has_choice=task)

    def with_personnel(self, kind):
        return self.filter(live_version__personnel_kinds__has_choice=kind)

    def with_any_personnel(self, kinds, *, or_none=False):
        """Giving any of `kinds`; with `or_none`, also the measures that give no personnel at all."""
        wanted = [Q(live_version__personnel_kinds__has_choice=kind) for kind in kinds]
        if or_none:
            wanted.append(Q(live_version__personnel_kinds=[]))
        return self.filter(reduce(operator.or_, wanted)) if wanted else self.none()

    def with_speed(self, speed):
        return self.filter(live_version__speed=speed)


def _started_by(day):
    no_start_date = Q(live_version__valid_from__isnull=True) & (
        Q(live_version__source_date__isnull=True) | Q(live_version__source_date__lte=day))
    return Q(live_version__valid_from__lte=day) | no_start_date


def _not_ended_by(day):
    return Q(live_version__valid_until__isnull=True) | Q(live_version__valid_until__gte=day)


class Measure(VersionedDocument):
    reserved_slugs = frozenset({"finn-tiltak", "kontaktpunktet", "foresla-tiltak"})
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

    successor = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="predecessors",
        verbose_name=_("erstattet av"),
        help_text=_("Tiltaket som tar over når dette utløper, f.eks. den nye pensjonistordningen fra 10.09.2022. "
                    "Leserne av et utløpt tiltak får en lenke dit."),
    )

    objects = VersionedManager.from_queryset(MeasureQuerySet)()

    class Meta:
        verbose_name = _("bemanningstiltak")
        verbose_name_plural = _("bemanningstiltak")
        ordering = ["category", "position", "slug"]

    def get_absolute_url(self):
        return reverse_cached("staffing:measure", self.slug)

    def clean(self):
        super().clean()
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Et tiltak kan ikke erstatte seg selv.")}, code="own_successor")


class MeasureVersion(DocumentVersion):
    parent_field = "measure"
    content_fields = DocumentVersion.content_fields + (
        "provider", "tasks", "personnel_kinds", "speed", "request_channel", "how_to_request",
        "contact_name", "contact_phone", "contact_email", "contact_url", "contact_where", "conditions", "legal_basis",
        "capacity", "valid_from", "valid_from_is_approximate", "valid_until", "valid_until_is_approximate",
        "is_last_resort",
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
        help_text=_("Redaksjonens anslag over hvor raskt tiltaket realistisk kan hjelpe etter at kommunen ber om "
                    "det. Vises for leserne som et anslag."),
    )
    request_channel = models.CharField(_("kanal"), max_length=30, choices=Channel.choices)
    how_to_request = models.TextField(
        _("slik ber dere om det"), help_text=_("Én eller to setninger: nøyaktig hva kommunen gjør for å få hjelpen."),
    )
    contact_name = models.CharField(_("kontakt"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True, help_text=_("F.eks. 404 07 998."))
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_url = models.URLField(_("nettadresse"), blank=True)
    contact_where = models.CharField(
        _("der dere finner kontakten"), max_length=250, blank=True,
        help_text=_("Når kilden nevner en kontakt uten telefon, e-post eller nettadresse: hvor leserne kan finne den, "
                    "f.eks. «Se nettsidene til statsforvalteren i fylket.» Vises som redaksjonens råd, etter at siden "
                    "har sagt at kilden ikke oppgir noen."),
    )
    conditions = models.TextField(_("vilkår"), blank=True, help_text=_("Hva som må være oppfylt for å bruke tiltaket."))
    legal_basis = models.CharField(
        _("hjemmel"), max_length=250, blank=True, help_text=_("F.eks. helsepersonelloven § 5 for medhjelpere."),
    )
    capacity = models.CharField(
        _("kapasitet"), max_length=250, blank=True, help_text=_("Når den er kjent, f.eks. «ca. 10 000 registrerte per mars 2021»."),
    )
    valid_from = models.DateField(
        _("gjelder fra"), null=True, blank=True,
        help_text=_("Startdatoen kilden gir. Tomt: kilden gir ingen, og tiltaket regnes som kjent fra kildens dato."),
    )
    valid_from_is_approximate = models.BooleanField(
        _("kilden gir bare måneden for start"), default=False,
        help_text=_("Leserne ser da bare måned og år («fra mars 2020»). Sett datoen til siste dag i måneden, så "
                    "finneren aldri tilbyr tiltaket før det fantes."),
    )
    valid_until = models.DateField(
        _("gjelder til og med"), null=True, blank=True,
        help_text=_("Tomt: ingen kjent sluttdato. Utløpte tiltak vises fortsatt, merket «Utløpt»."),
    )
    valid_until_is_approximate = models.BooleanField(
        _("kilden gir bare måneden for slutt"), default=False,
        help_text=_("Leserne ser da bare måned og år («til og med juni 2022» for «fram til juli 2022»). Sett "
                    "datoen til siste dag kilden sikkert dekker."),
    )
    is_last_resort = models.BooleanField(
        _("siste utvei"), default=False,
        help_text=_("Kryss av når vilkårene sier at andre muligheter skal være forsøkt først (f.eks. Sivilforsvaret "
                    "og Forsvaret). Finneren viser det da etter de vanlige tiltakene, med vilkåret."),
    )
    class Meta(DocumentVersion.Meta):
        verbose_name = _("tiltaksversjon")
        verbose_name_plural = _("tiltaksversjoner")
        constraints = [models.UniqueConstraint(fields=["measure", "number"], name="staffing_unique_version_number")]
        indexes = [
            models.Index(fields=["measure", "publish_at"], name="staffing_version_publish_idx"),
            models.Index(fields=["measure", "live_from"], condition=Q(live_from__isnull=False),
                         name="staffing_version_live_idx"),
            # The versions replaced since they were last written, closed by the next write (close_ended_spans).
            models.Index(fields=["live_until"], condition=Q(span_open=True, live_until__isnull=False),
                         name="staffing_version_ended_idx"),
        ]
        permissions = [("publish_measureversion", _("Kan publisere og planlegge tiltaksversjoner"))]

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Sluttdatoen kan ikke være før startdatoen.")}, code="validity_order")

    @property
    def starts_on(self):
        """The start date, or else the source's date: a measure did not exist before it was described."""
        return self.valid_from or self.source_date

    @property
    def confirmed_on(self):
        """The last date its source speaks for it: the source's date, or the start date it announces."""
        return self.source_date or self.valid_from

    def is_valid_on(self, day):
        return not self.is_upcoming_on(day) and not self.is_expired_on(day)

    def is_expired_on(self, day):
        return self.valid_until is not None and self.valid_until < day

    def is_upcoming_on(self, day):
        return self.starts_on is not None and day < self.starts_on

    def is_unconfirmed_on(self, day):
        """Whether no source has spoken for it within the confirmation period before `day`. A source that
        gives an end date speaks for the measure until then (the letter of December 2021: «fram til juli 2022»)."""
        if self.valid_until is not None and day <= self.valid_until:
            return False
        return self.confirmed_on is not None and day >= stale_from(self.confirmed_on, confirmation_months())

    def status_on(self, day):
        if self.is_expired_on(day):
            return Status.EXPIRED
        if self.is_upcoming_on(day):
            return Status.UPCOMING
        if self.confirmed_on is None:
            return Status.UNDATED
        if self.is_unconfirmed_on(day):
            return Status.UNCONFIRMED
        return Status.CURRENT

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

    @property
    def contact_unreachable(self):
        """A contact is named but the source gives no way to reach it."""
        return bool(self.contact_name) and not (self.contact_phone or self.contact_email or self.contact_url)


def phone_href(number):
    digits = "".join(ch for ch in number or "" if ch.isdigit() or ch == "+")
    if len(digits) == 8:
        digits = "+47" + digits
    return f"tel:{digits}" if digits else ""


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
