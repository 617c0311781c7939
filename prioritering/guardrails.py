"""The note's legal guard-rails, checked for every row on save and before a worksheet is decided.

In the messages «…» marks the note's own words only (tests/prioritering/test_note.py checks them).

Errors stop a worksheet from being marked vedtatt: every «skal» of the note that a worksheet can
answer is one (docs/worksheet-rules.md lists them all, with those it cannot answer). Warnings (the
note's «bør», and the portal's own check that a service the worksheet itself scores highest is not
cut without a word) are shown and must be acknowledged with a short written reason before the
worksheet can be decided. Most rules concern one row; a few concern the worksheet as a whole. Each rule quotes
the note and names the chapter it rests on (an anchor in note_sections.CHAPTERS): findings link to
that chapter of the published note, and /prioritering/notatet/ lists the rules chapter by chapter.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from prioritering import note_sections
from prioritering.note import CRISIS_PHASES, INFECTION_CONTROL_REASONS, REDUCING_ACTIONS

ERROR, WARNING = "feil", "advarsel"
ROW, WORKSHEET = "rad", "skjema"


@dataclass(frozen=True)
class Rule:
    level: str
    title: str  # short, for the summary, the table, the history and CSV
    message: str  # what is wrong and the note's words
    section: str  # the chapter's anchor: a key in note.SECTIONS and in note_sections.CHAPTERS
    scope: str = ROW  # ROW: checked for each service; WORKSHEET: for the worksheet as a whole


RULES = {
    # --- Errors -----------------------------------------------------------------------------
    "mangler_forsvarlig_minimum": Rule(
        ERROR, _("Reduksjon eller stans uten forsvarlig minimum"),
        _("Beskriv hvordan forsvarlig helsehjelp og grunnleggende behov fortsatt dekkes: «I den forbindelse må det "
          "sikres forsvarlig helsehjelp og dekking av grunnleggende behov etter en individuell vurdering av den "
          "enkeltes helsetilstand og funksjonsnivå.»"),
        "kapasitet",
    ),
    "sarbare_uten_minimum": Rule(
        ERROR, _("Sårbare grupper berøres uten forsvarlig minimum"),
        _("Tjenesten reduseres eller stanses for sårbare grupper, men forsvarlig minimum er ikke beskrevet. Sårbare "
          "grupper «kan være spesielt utsatt for negative konsekvenser av redusert kapasitet i helse- og "
          "omsorgstjenestene i kommunene.»"),
        "sarbare",
    ),
    "lindrende_uten_minimum": Rule(
        ERROR, _("Lindrende behandling reduseres uten forsvarlig minimum"),
        _("Beskriv hvordan god lindrende behandling fortsatt sikres: «Personer i livets sluttfase, må sikres god "
          "lindrende behandling og omsorg, som ivaretar verdigheten til pasienten.»"),
        "lindrende",
    ),
    "plan_uten_minimum": Rule(
        ERROR, _("Individuell plan eller koordinator prioriteres ned uten forsvarlig minimum"),
        _("Planarbeidet kan bare prioriteres ned «der det vurderes forsvarlig». Beskriv hva som opprettholdes, "
          "for eksempel at alle beholder koordinatoren sin."),
        "kapasitet",
    ),
    "plan_stanses": Rule(
        ERROR, _("Individuell plan eller koordinator stanses"),
        _("Individuelle planer og koordinatorer kan prioriteres ned, ikke stanses: «Eksisterende individuelle planer "
          "opphører ikke» og «Personer som allerede har koordinator skal beholde denne». Velg tiltaket Redusere og "
          "beskriv forsvarlig minimum."),
        "kapasitet",
    ),
    "omgjoring_mangler": Rule(
        ERROR, _("Enkeltvedtak endres uten skriftlig omgjøring"),
        _("Mottakerne har tjenesten ved enkeltvedtak, så å redusere eller stanse den er en omgjøring av vedtakene. "
          "Velg vedtaksformen skriftlig omgjøring (forvaltningsloven § 35): «Omgjøringsvedtak skal fattes "
          "skriftlig og forvaltningslovens saksbehandlingsregler skal følges.»"),
        "omgjoring",
    ),
    "omgjoring_utenfor_fase": Rule(
        ERROR, _("Omgjøring til ugunst utenfor fase 3–4"),
        _("Notatet godtar epidemien som grunn til omgjøring til ugunst for parten bare i fase 3 og 4: «Dette "
          "gjelder når epidemien er i fase 3 og 4 og omgjøring har til formål å frigjøre ressurser i helse- og "
          "omsorgstjenesten for å kunne håndtere epidemien»."),
        "omgjoring",
    ),
    "muntlig_utenfor_fase": Rule(
        ERROR, _("Muntlige vedtak utenfor fase 3–4"),
        _("Notatet åpner for muntlige vedtak bare i fase 3 og 4: «I fase 3 og 4 av epidemien, kan situasjonen for "
          "enkelte kommuner gjøre ordinær saksbehandling svært utfordrende.» Ellers er skriftlig saksbehandling "
          "hovedregelen."),
        "muntlig-saksbehandling",
    ),
    "muntlig_uten_journal": Rule(
        ERROR, _("Muntlige vedtak uten journalføring"),
        _("Skriv hvor de muntlige vedtakene journalføres: «Av forsvarlighetsgrunner skal muntlige vedtak føres i "
          "pasienten/brukerens journal og skriftliggjøres i andre interne kvalitetssystemer.»"),
        "muntlig-saksbehandling",
    ),
    "ressurs_alene": Rule(
        ERROR, _("Ressurs er eneste begrunnende kriterium"),
        _("Kryss av for minst ett kriterium til: «Ressurskriteriet skal ikke brukes alene, men sammen med de to "
          "andre hovedkriteriene for prioritering.»"),
        "vedlegg-1",
    ),
    "kriterier_ikke_vurdert": Rule(
        ERROR, _("Kriteriene er ikke vurdert"),
        _("Vurder alle fire kriteriene: «De tre kriteriene skal vurderes samlet.» og «NOU'en anbefaler at også "
          "mestring vektlegges»."),
        "kriterier",
    ),
    "ikke_involvert": Rule(
        ERROR, _("Tjenestemottaker og pårørende er ikke involvert"),
        _("Tjenestemottakerne, og eventuelt pårørende, må være involvert før tiltaket vedtas: «Tjenestemottaker og "
          "eventuelt pårørende skal involveres før beslutningen fattes.»"),
        "kapasitet",
    ),
    "smittevern_uten_begrunnelse": Rule(
        ERROR, _("Smitteverntiltak uten medisinskfaglig begrunnelse"),
        _("Tiltaket begrunnes i smittevern. Skriv den medisinskfaglige begrunnelsen: «Etter smittevernloven § 1-5 "
          "skal tiltak ha en klar medisinskfaglig begrunnelse, være nødvendige av hensyn til smittevernet og "
          "fremstå tjenlig etter en helhetsvurdering.»"),
        "smittevern-og-kapasitet",
    ),
    "muntlig_uten_vurdering": Rule(
        ERROR, _("Muntlige vedtak uten konkret vurdering"),
        _("Skriv de konkrete forholdene som gjør skriftlige vedtak særlig byrdefulle nå: forvaltningsloven § 23 "
          "«åpner for at enkeltvedtak ikke må være skriftlige når dette av praktiske grunner vil være særlig "
          "byrdefullt for kommunen», og «Muntlig saksbehandling skal kun skje når det er konkrete forhold som "
          "rettferdiggjør det»."),
        "muntlig-saksbehandling",
    ),
    "omgjoring_ikke_forstatt": Rule(
        ERROR, _("Omgjøring uten at mottakerne har forstått endringen"),
        _("Vedtakene omgjøres (forvaltningsloven § 35), og notatet sier at «det må sikres at bruker og eventuelt "
          "pårørende har forstått hva endringen medfører og hvor lenge endringen gjelder». Svar ja når det er "
          "sikret."),
        "omgjoring",
    ),
    "klagerett_ikke_opplyst": Rule(
        ERROR, _("Mottakerne er ikke opplyst om klageretten"),
        _("Tjenesten reduseres eller stanses, og retten til å klage gjelder fortsatt: «Dette gjelder også "
          "eksempelvis pasienters rett til å klage, jf. pasient- og brukerrettighetsloven § 7-2». Mottakerne må "
          "få vite at de kan klage."),
        "juridisk",
    ),
    "nodvendighet_ikke_beskrevet": Rule(
        ERROR, _("Skjemaet sier ikke hvorfor tiltakene er nødvendige nå"),
        _("Skriv i skjemaets oppsummering av situasjonen hva som gjør tiltakene nødvendige nå: «Tiltak skal "
          "planlegges og ikke iverksettes før det er nødvendig ut fra kapasitets- og smittevernhensyn.»"),
        "faser", WORKSHEET,
    ),
    # --- Warnings ---------------------------------------------------------------------------
    "mangler_sluttdato": Rule(
        WARNING, _("Reduksjonen har ingen sluttdato"),
        _("Endringen bør tidsbegrenses: «Omgjøringen av tildelingsvedtak bør være tidsavgrensede, og de "
          "opprinnelige vedtakene bør tre i kraft så snart situasjonen gjør det mulig.»"),
        "kapasitet",
    ),
    "lindrende_redusert": Rule(
        WARNING, _("Lindrende behandling reduseres"),
        _("«Personer i livets sluttfase, må sikres god lindrende behandling og omsorg, som ivaretar verdigheten til "
          "pasienten.»"),
        "lindrende",
    ),
    "sarbare_uten_plan": Rule(
        WARNING, _("Sårbare grupper uten plan"),
        _("Beskriv planen for de sårbare gruppene: «Kommunen bør legge planer for hvilke tjenester som må "
          "opprettholdes for sårbare hjemmeboende i alle faser av epidemien»."),
        "sarbare",
    ),
    "hoy_prioritet_redusert": Rule(
        WARNING, _("Tjenesten skjemaet prioriterer høyest reduseres eller stanses"),
        _("Skjemaets egen vurdering gir tjenesten høy indikativ prioritet (10–12 poeng) eller stor nytte og høy "
          "alvorlighet (øverst til høyre i matrisen), men tjenesten foreslås redusert eller stanset. Skriv hvorfor "
          "det likevel er riktig. Notatet: «Et tiltaks prioritet øker i tråd med den forventede nytten av "
          "tiltaket.» og «Et tiltaks prioritet øker i tråd med alvorligheten av tilstanden.»"),
        "vedlegg-1",
    ),
}

# Codes of warnings that no longer exist (kept in old rows and history), with the names they had.
LEGACY_TITLES = {
    "omgjoring_tidlig_fase": _("Omgjøring til ugunst i fase 1–2"),
}


def rules_by_section():
    grouped = {}
    for rule in RULES.values():
        grouped.setdefault(rule.section, []).append(rule)
    return grouped


def title(code):
    rule = RULES.get(code)
    return rule.title if rule else LEGACY_TITLES.get(code, code)


# What people write when there is no minimum: such a text does not describe one.
_NO_ANSWER = {"", "ingen", "ingenting", "nei", "ikke", "ikke aktuelt", "ikke relevant", "ukjent", "vet ikke",
              "n/a", "na", "x", "-", "0", "intet", "null"}


def _described(text):
    words = re.sub(r"[\s.,;:!?…–—-]+", " ", (text or "").strip().lower()).strip()
    return words not in _NO_ANSWER


@dataclass(frozen=True)
class Finding:
    code: str
    rule: Rule
    # The written reason a warning was acknowledged with; "" for an acknowledgement given before a
    # reason was required; None when not acknowledged.
    reason: str | None = None

    @property
    def level(self):
        return self.rule.level

    @property
    def title(self):
        return self.rule.title

    @property
    def message(self):
        return self.rule.message

    @property
    def section(self):
        return self.rule.section

    @property
    def chapter(self):
        return note_sections.chapter(self.rule.section)

    @property
    def is_error(self):
        return self.rule.level == ERROR

    @property
    def acknowledged(self):
        return not self.is_error and bool(self.reason)

    @property
    def acknowledged_without_reason(self):
        return not self.is_error and self.reason == ""


def _minimum_code(row):
    if row.service_type == "lindrende":
        return "lindrende_uten_minimum"
    if row.service_type == "individuell_plan":
        return "plan_uten_minimum"
    if row.vulnerable_groups:
        return "sarbare_uten_minimum"
    return "mangler_forsvarlig_minimum"


def _answered_yes(value):
    return value == "ja"


def _highest_priority(row):
    """The worksheet's own marks of its highest priority: a high score, or the matrix's top-right cell."""
    priority = row.priority
    return priority is not None and (priority.level == "hoy" or (row.nytte == 3 and row.alvorlighet == 3))


def _codes(row, phase):
    reduces = row.action in REDUCING_ACTIONS
    acts = row.action != "opprettholde"
    if row.service_type == "individuell_plan" and row.action == "stanse":
        yield "plan_stanses"
    if reduces and not _described(row.forsvarlig_minimum):
        yield _minimum_code(row)
    if reduces and row.individual_decision == "ja" and row.decision_form != "omgjoring":
        yield "omgjoring_mangler"
    if reduces and row.decision_form == "omgjoring" and phase not in CRISIS_PHASES:
        yield "omgjoring_utenfor_fase"
    if row.decision_form == "muntlig" and phase not in CRISIS_PHASES:
        yield "muntlig_utenfor_fase"
    if row.decision_form == "muntlig" and not (row.journal_reference or "").strip():
        yield "muntlig_uten_journal"
    if list(row.weighted_criteria or []) == ["ressurs"]:
        yield "ressurs_alene"
    if None in (row.nytte, row.alvorlighet, row.ressurs, row.mestring):
        yield "kriterier_ikke_vurdert"
    if acts and row.involvement in ("nei", ""):
        yield "ikke_involvert"
    if acts and row.reason in INFECTION_CONTROL_REASONS and not _described(row.medical_basis):
        yield "smittevern_uten_begrunnelse"
    if row.decision_form == "muntlig" and not _described(row.oral_justification):
        yield "muntlig_uten_vurdering"
    if reduces and row.decision_form == "omgjoring" and not _answered_yes(row.reversal_understood):
        yield "omgjoring_ikke_forstatt"
    if reduces and not _answered_yes(row.complaint_info):
        yield "klagerett_ikke_opplyst"
    if reduces and not row.end_date:
        yield "mangler_sluttdato"
    if row.service_type == "lindrende" and reduces:
        yield "lindrende_redusert"
    if row.vulnerable_groups and not (row.vulnerable_plan or "").strip():
        yield "sarbare_uten_plan"
    if reduces and _highest_priority(row):
        yield "hoy_prioritet_redusert"


def acknowledgements(row):
    """{warning code: reason} as stored on the row (rows saved before reasons existed hold a list of codes)."""
    stored = row.acknowledged_warnings or {}
    return dict.fromkeys(stored, "") if isinstance(stored, list) else dict(stored)


def check_row(row, phase):
    """Every finding for one row, errors first, in the order of RULES."""
    reasons = acknowledgements(row)
    order = list(RULES)
    codes = sorted(set(_codes(row, phase)), key=order.index)
    return [Finding(code, RULES[code], reasons.get(code) if RULES[code].level == WARNING else None)
            for code in codes]


def warning_codes(row, phase):
    return {code for code in _codes(row, phase) if RULES[code].level == WARNING}


def blocking_problems(rows, phase):
    """(row, finding) pairs that stop the worksheet from being decided."""
    return [(row, finding) for row in rows for finding in check_row(row, phase) if not finding.acknowledged]


def check_worksheet(worksheet, rows):
    """The findings that concern the worksheet as a whole (never acknowledged: they are all errors)."""
    codes = []
    if any(row.action != "opprettholde" for row in rows) and not _described(worksheet.summary):
        codes.append("nodvendighet_ikke_beskrevet")
    return [Finding(code, RULES[code]) for code in codes]


def decision_problems(worksheet, rows):
    """What stops the worksheet from being decided: (None, finding) for the worksheet, (row, finding) per row."""
    return [(None, finding) for finding in check_worksheet(worksheet, rows)] + blocking_problems(rows, worksheet.phase)
