"""Where the worksheet's parts come from in the published prioritisation note: the one map of its chapters.

The note (seed 003) is published as a public guidance article, /veiledning/prioriteringsnotatet/, with
an anchor on every chapter heading. Prioritering does not import guidance: it links to the article by
URL name and slug, and to the chapters by the anchors below. tests/prioritering/test_note_sections.py
loads the demo content and checks every anchor and heading here against the rendered article.

The note numbers no chapters, so a link names the chapter's heading.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

NOTE_SLUG = "prioriteringsnotatet"

# anchor → the chapter's heading as the published article shows it. Only chapters the worksheet refers to.
CHAPTERS = {
    "omfang": _("Hvem notatet gjelder for"),
    "faser": _("Beredskap og faser i epidemien"),
    "fasene": _("Fase 1 til 5"),
    "kriterier": _("Verdigrunnlag og prioriteringskriterier"),
    "juridisk": _("Juridisk utgangspunkt"),
    "informasjon-og-medvirkning": _("Særlig om pasienters, brukeres og pårørendes rett til informasjon og "
                                    "medvirkning"),
    "saksbehandling": _("Saksbehandlingsregler for tildelingsvedtak"),
    "muntlig-saksbehandling": _("Muntlig saksbehandling"),
    "omgjoring": _("Omgjøring av tildelingsvedtak"),
    "smittevern-og-kapasitet": _("Smittevern og kapasitetsutfordringer"),
    "kapasitet": _("Kapasitet i tjenestene"),
    "lindrende": _("Lindrende behandling og omsorg ved livets slutt"),
    "sarbare": _("Spesielt sårbare grupper"),
    "vedlegg-1": _("Vedlegg 1: Beskrivelse av prioriteringskriterier – slik det er gjort i Blankholm"),
    "nyttekriteriet": _("Nyttekriteriet"),
    "ressurskriteriet": _("Ressurskriteriet"),
    "alvorlighetskriteriet": _("Alvorlighetskriteriet"),
}

# The worksheet's fields that come from the note → the chapter they come from. Fields not listed
# (unit, responsible, dates, staffing figures, situation) are the worksheet's own.
FIELDS = {
    "phase": "fasene",
    "prefill": "kapasitet",
    "service_type": "omfang",
    "action": "kapasitet",
    "reason": "smittevern-og-kapasitet",
    "medical_basis": "smittevern-og-kapasitet",
    "end_date": "kapasitet",
    "nytte": "nyttekriteriet",
    "alvorlighet": "alvorlighetskriteriet",
    "ressurs": "ressurskriteriet",
    "mestring": "kriterier",  # the NOU's recommendation, quoted in «Verdigrunnlag og prioriteringskriterier»
    "weighted_criteria": "kriterier",
    "forsvarlig_minimum": "kapasitet",
    "vulnerable_groups": "sarbare",
    "vulnerable_plan": "sarbare",
    "involvement": "informasjon-og-medvirkning",
    "individual_decision": "saksbehandling",
    "decision_form": "saksbehandling",
    "oral_justification": "muntlig-saksbehandling",
    "journal_reference": "muntlig-saksbehandling",
    "reversal_understood": "omgjoring",
    "complaint_info": "juridisk",
}
# The chapter the proposals under «Notatets forslag» (a row's note_basis) are quoted from.
PROPOSALS = "kapasitet"
# What the indicative priority builds on: the criteria, assessed together, and their description in Vedlegg 1.
PRIORITY = ("kriterier", "vedlegg-1")

# Said wherever the steps, the score or the matrix are shown.
OWN_AIDS = _("Trinnene 1–3 for kriteriene og beskrivelsene av dem, poengsummen, den indikative prioriteten og "
             "prioriteringsmatrisen er portalens eget hjelpemiddel, ikke Helsedirektoratets metode. Notatet "
             "beskriver kriteriene i vedlegg 1, men gir ingen skala, poeng eller vekter.")
OWN_RULES = _("Feilene og advarslene er portalens lesning av notatet. Tekst i anførselstegn («…») er notatets egne "
              "ord, og lenkene går til kapittelet i notatet reglene bygger på.")


def note_url():
    return reverse("guidance:article", kwargs={"slug": NOTE_SLUG})


@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str

    @property
    def url(self):
        return f"{note_url()}#{self.anchor}"

    @property
    def link_text(self):
        """Descriptive on its own, for a list of links read out of context."""
        return _("Les mer i prioriteringsnotatet, kapittelet «%(title)s»") % {"title": self.title}

    @property
    def source(self):
        """The same reference on paper, where there is nothing to click."""
        return _("Prioriteringsnotatet, kapittelet «%(title)s»") % {"title": self.title}

    def link(self):
        return format_html('<a class="ds-link" href="{}">{}</a>', self.url, self.link_text)

    def __str__(self):
        return str(self.title)


def chapter(anchor):
    """The chapter with this anchor; an anchor not in CHAPTERS is a programming error (KeyError)."""
    return Chapter(anchor, CHAPTERS[anchor])


def for_field(name):
    return chapter(FIELDS[name])
