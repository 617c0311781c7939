"""The note's legal guard-rails, checked for every row on save and before a worksheet is decided.

Errors stop a worksheet from being marked vedtatt; warnings are shown and must be acknowledged.
Each message quotes the rule and says where in the note it stands.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from prioritering.note import REDUCING_ACTIONS

ERROR, WARNING = "feil", "advarsel"


@dataclass(frozen=True)
class Finding:
    level: str
    code: str
    message: str
    source: str
    acknowledged: bool = False

    @property
    def is_error(self):
        return self.level == ERROR


RULES = {
    "mangler_sluttdato": (
        ERROR,
        _("En reduksjon eller midlertidig stans må ha en sluttdato: «Omgjøringen av tildelingsvedtak bør være "
          "tidsavgrensede, og de opprinnelige vedtakene bør tre i kraft så snart situasjonen gjør det mulig.»"),
        _("Notatet, «Kapasitet i tjenestene» og «Omgjøring av tildelingsvedtak»"),
    ),
    "mangler_forsvarlig_minimum": (
        ERROR,
        _("Beskriv hvordan forsvarlig minimum og grunnleggende behov dekkes: «I den forbindelse må det sikres "
          "forsvarlig helsehjelp og dekking av grunnleggende behov etter en individuell vurdering av den enkeltes "
          "helsetilstand og funksjonsnivå.»"),
        _("Notatet, «Kapasitet i tjenestene» og «Juridisk utgangspunkt»"),
    ),
    "muntlig_uten_journal": (
        ERROR,
        _("Et muntlig vedtak må ha en journalreferanse: «Av forsvarlighetsgrunner skal muntlige vedtak føres i "
          "pasienten/brukerens journal og skriftliggjøres i andre interne kvalitetssystemer.»"),
        _("Notatet, «Saksbehandlingsregler for tildelingsvedtak – Muntlig saksbehandling»"),
    ),
    "ressurs_alene": (
        ERROR,
        _("Ressurs kan ikke være eneste begrunnende kriterium: «Ressurskriteriet skal ikke brukes alene, men "
          "sammen med de to andre hovedkriteriene for prioritering.»"),
        _("Notatet, Vedlegg 1, «Ressurskriteriet»"),
    ),
    "kriterier_ikke_vurdert": (
        ERROR,
        _("Alle fire kriteriene må vurderes før skjemaet vedtas: «De tre kriteriene skal vurderes samlet.» "
          "og «NOU'en anbefaler at også mestring vektlegges»."),
        _("Notatet, «Verdigrunnlag og prioriteringskriterier»"),
    ),
    "omgjoring_tidlig_fase": (
        WARNING,
        _("Omgjøring til ugunst i fase 1–2: notatet mener epidemien kan rettferdiggjøre omgjøring til ugunst "
          "for parten, men «Dette gjelder når epidemien er i fase 3 og 4»."),
        _("Notatet, «Omgjøring av tildelingsvedtak» (forvaltningsloven § 35)"),
    ),
    "lindrende_redusert": (
        WARNING,
        _("Lindrende behandling reduseres: «Personer i livets sluttfase, må sikres god lindrende behandling og "
          "omsorg, som ivaretar verdigheten til pasienten.»"),
        _("Notatet, «Lindrende behandling og omsorg ved livets slutt»"),
    ),
    "sarbare_uten_plan": (
        WARNING,
        _("Sårbare grupper berøres, men planen for dem mangler: «Kommunen bør legge planer for hvilke tjenester "
          "som må opprettholdes for sårbare hjemmeboende i alle faser av epidemien»."),
        _("Notatet, «Spesielt sårbare grupper»"),
    ),
    "ikke_involvert": (
        WARNING,
        _("Tjenestemottaker eller pårørende er ikke involvert: «Tjenestemottaker og eventuelt pårørende skal "
          "involveres før beslutningen fattes.»"),
        _("Notatet, «Kapasitet i tjenestene»"),
    ),
}


# Short names for the history page.
WARNING_TITLES = {
    "omgjoring_tidlig_fase": _("Omgjøring til ugunst i fase 1–2"),
    "lindrende_redusert": _("Lindrende behandling reduseres"),
    "sarbare_uten_plan": _("Sårbare grupper uten plan"),
    "ikke_involvert": _("Tjenestemottaker/pårørende ikke involvert"),
}


def _finding(code, acknowledged_codes):
    level, message, source = RULES[code]
    return Finding(level, code, message, source, acknowledged=level == WARNING and code in acknowledged_codes)


def _codes(row, phase):
    changes_service = row.action != "opprettholde"
    if row.action in REDUCING_ACTIONS and not row.end_date:
        yield "mangler_sluttdato"
    if changes_service and not (row.forsvarlig_minimum or "").strip():
        yield "mangler_forsvarlig_minimum"
    if row.decision_form == "muntlig" and not (row.journal_reference or "").strip():
        yield "muntlig_uten_journal"
    if list(row.weighted_criteria or []) == ["ressurs"]:
        yield "ressurs_alene"
    if None in (row.nytte, row.alvorlighet, row.ressurs, row.mestring):
        yield "kriterier_ikke_vurdert"
    if row.decision_form == "omgjoring" and phase in (1, 2):
        yield "omgjoring_tidlig_fase"
    if row.service_type == "lindrende" and row.action in REDUCING_ACTIONS:
        yield "lindrende_redusert"
    if row.vulnerable_groups and not (row.vulnerable_plan or "").strip():
        yield "sarbare_uten_plan"
    if changes_service and row.involvement == "nei":
        yield "ikke_involvert"


def check_row(row, phase):
    """Every finding for one row, errors first."""
    acknowledged = set(row.acknowledged_warnings or [])
    findings = [_finding(code, acknowledged) for code in _codes(row, phase)]
    return sorted(findings, key=lambda f: not f.is_error)


def warning_codes(row, phase):
    return {code for code in _codes(row, phase) if RULES[code][0] == WARNING}


def blocking_problems(rows, phase):
    """(row, finding) pairs that stop the worksheet from being decided."""
    problems = []
    for row in rows:
        for finding in check_row(row, phase):
            if not finding.acknowledged:
                problems.append((row, finding))
    return problems
