from django.db import models
from django.utils.translation import gettext_lazy as _

from prioritering import note
from prioritering.priority import indicative_priority
from prioritering.validators import validate_no_personal_data


def _criterion_field(name, verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name, choices=note.CRITERION_SCALES[name], null=True, blank=True, help_text=note.CRITERION_INTROS[name],
    )


class ServiceRow(models.Model):
    """One service (tjenestetilbud) in a worksheet: what is proposed, why, and how it is assessed."""

    worksheet = models.ForeignKey(
        "prioritering.Worksheet", on_delete=models.CASCADE, related_name="rows", verbose_name=_("skjema"),
        help_text=_("Skjemaet raden hører til."),
    )
    position = models.PositiveIntegerField(_("rekkefølge"), default=0, help_text=_("Radens plass i skjemaet."))
    service_type = models.CharField(
        _("tjenestetype"), max_length=40, choices=note.SERVICE_TYPES,
        help_text=_("Tjenestetypene notatet nevner. Velg «Annet» og beskriv tjenesten hvis den ikke står i listen."),
    )
    service_name = models.CharField(
        _("tjenesten med egne ord"), max_length=200, blank=True, validators=[validate_no_personal_data],
        help_text=_("Presiser tjenesten, for eksempel «Dagsenter Furuly». Må fylles ut når tjenestetypen er «Annet»."),
    )
    action = models.CharField(
        _("foreslått tiltak"), max_length=30, choices=note.ACTIONS, default="opprettholde",
        help_text=_("Hva enheten foreslår å gjøre med tjenesten."),
    )
    reason = models.CharField(
        _("begrunnelse"), max_length=20, choices=note.REASONS, default="kapasitet",
        help_text=_("«Tiltakene … begrunnes ut fra smittevernhensyn og/eller kapasitetshensyn.» (Smittevern og kapasitetsutfordringer)"),
    )
    medical_basis = models.TextField(
        _("medisinskfaglig begrunnelse"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Når tiltaket begrunnes i smittevern: den medisinskfaglige begrunnelsen, hvorfor tiltaket er "
                    "nødvendig av hensyn til smittevernet, og hvem som har gitt den (kommunelegen har det "
                    "medisinskfaglige ansvaret). Smittevernloven § 1-5."),
    )
    description = models.TextField(
        _("beskrivelse av tiltaket"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Hva endringen betyr i praksis for tjenesten."),
    )
    note_basis = models.TextField(
        _("grunnlag i notatet"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Hva notatet sier om dette tiltaket, når raden er hentet fra notatets forslag."),
    )
    nytte = _criterion_field("nytte", _("nytte"))
    alvorlighet = _criterion_field("alvorlighet", _("alvorlighet"))
    ressurs = _criterion_field("ressurs", _("ressurs"))
    mestring = _criterion_field("mestring", _("mestring"))
    weighted_criteria = models.JSONField(
        _("kriterier som begrunner tiltaket"), default=list, blank=True,
        help_text=_("Kriteriene vurderingen bygger på. Ressurskriteriet skal ikke brukes alene."),
    )
    vulnerable_groups = models.JSONField(
        _("sårbare grupper som berøres"), default=list, blank=True,
        help_text=_("Gruppene fra notatets avsnitt «Spesielt sårbare grupper» som berøres av tiltaket."),
    )
    vulnerable_plan = models.TextField(
        _("plan for sårbare grupper"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Hvilke tjenester som opprettholdes for de sårbare gruppene, og hvordan de følges opp."),
    )
    forsvarlig_minimum = models.TextField(
        _("forsvarlig minimum og grunnleggende behov"), blank=True, validators=[validate_no_personal_data],
        help_text=_("Hvordan forsvarlig helsehjelp og dekking av grunnleggende behov fortsatt sikres."),
    )
    involvement = models.CharField(
        _("involvering av tjenestemottaker og pårørende"), max_length=20, choices=note.INVOLVEMENT, blank=True,
        help_text=_("«Tjenestemottaker og eventuelt pårørende skal involveres før beslutningen fattes.»"),
    )
    end_date = models.DateField(
        _("varer til"), null=True, blank=True,
        help_text=_("Datoen endringen senest varer til. Reduksjoner «bør være tidsavgrensede»."),
    )
    individual_decision = models.CharField(
        _("tildelt ved enkeltvedtak"), max_length=10, choices=note.INDIVIDUAL_DECISION, blank=True,
        help_text=_("Om mottakerne har tjenesten ved enkeltvedtak. Da er en reduksjon eller stans en omgjøring "
                    "av vedtakene (forvaltningsloven § 35), som må vedtas skriftlig. Må besvares når tjenesten "
                    "reduseres eller stanses."),
    )
    decision_form = models.CharField(
        _("vedtaksform"), max_length=20, choices=note.DECISION_FORMS, default="ingen",
        help_text=_("Hvordan endringen i tildelingen vedtas. Skriftlig saksbehandling er hovedregelen."),
    )
    oral_justification = models.TextField(
        _("konkret vurdering for muntlige vedtak"), blank=True, validators=[validate_no_personal_data],
        help_text=_("For muntlige vedtak: de konkrete forholdene som gjør at skriftlige vedtak «av praktiske grunner "
                    "vil være særlig byrdefullt for kommunen» nå (forvaltningsloven § 23)."),
    )
    journal_reference = models.CharField(
        _("hvor det muntlige vedtaket er journalført"), max_length=200, blank=True,
        validators=[validate_no_personal_data],
        help_text=_("For muntlige vedtak: journalsystem og rutine, for eksempel «Gerica, vedtaksnotat». Ikke pasientnavn."),
    )
    reversal_understood = models.CharField(
        _("mottakerne har forstått endringen"), max_length=10, choices=note.REVERSAL_UNDERSTOOD, blank=True,
        help_text=_("Ved omgjøring (forvaltningsloven § 35): om det er sikret at mottakerne og eventuelt pårørende "
                    "har forstått hva endringen medfører og hvor lenge den gjelder. Må besvares når vedtakene "
                    "omgjøres."),
    )
    complaint_info = models.CharField(
        _("opplyst om klageretten"), max_length=10, choices=note.COMPLAINT_INFO, blank=True,
        help_text=_("Retten til å klage (pasient- og brukerrettighetsloven § 7-2) gjelder også under en epidemi. "
                    "Må besvares når tjenesten reduseres eller stanses."),
    )
    acknowledged_warnings = models.JSONField(
        _("vurderte advarsler"), default=dict, blank=True,
        help_text=_("Advarslene fra notatets regler som er vurdert for tjenesten, hver med en skriftlig begrunnelse. "
                    "En ny advarsel må vurderes på nytt."),
    )
    revision = models.PositiveIntegerField(
        _("revisjon"), default=1, editable=False,
        help_text=_("Økes ved hver lagring, slik at en lagring basert på en utdatert kopi blir avvist."),
    )

    class Meta:
        verbose_name = _("tjeneste i skjema")
        verbose_name_plural = _("tjenester i skjema")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.service_type == "annet" and self.service_name:
            return self.service_name
        label = self.get_service_type_display()
        return f"{label}: {self.service_name}" if self.service_name else str(label)

    @property
    def reduces(self):
        return self.action in note.REDUCING_ACTIONS

    @property
    def is_reversal(self):
        """A reduction or pause decided as a reversal of individual decisions (forvaltningsloven § 35)."""
        return self.reduces and self.decision_form == "omgjoring"

    @property
    def priority(self):
        return indicative_priority(self)

    def weighted_criteria_labels(self):
        return [note.CRITERIA_LABELS[c] for c in note.CRITERIA if c in (self.weighted_criteria or [])]

    def vulnerable_group_labels(self):
        labels = dict(note.VULNERABLE_GROUPS)
        return [labels[g] for g in self.vulnerable_groups or [] if g in labels]

    @property
    def is_assessed_at_all(self):
        return any(getattr(self, name) is not None for name in note.CRITERIA) or bool(self.weighted_criteria)

    def criterion_step(self, name):
        """The criterion in words and number, for tables and CSV: «2 – middels»."""
        value = getattr(self, name)
        return f"{value} – {note.CRITERION_STEP_WORDS[name][value]}" if value else _("Ikke vurdert")

    def criterion_label(self, name):
        value = getattr(self, name)
        return dict(note.CRITERION_SCALES[name]).get(value, _("Ikke vurdert"))

    def copy_fields(self):
        """The row's content, for copying it into a new version of the worksheet."""
        skip = {"id", "worksheet", "revision", "acknowledged_warnings"}
        return {f.name: getattr(self, f.name) for f in self._meta.concrete_fields if f.name not in skip}
