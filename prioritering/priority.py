"""The indicative priority of a row: a reading aid computed from the four criteria, never the decision.

The 1–3 steps and the sum are the portal's own aid. The note describes the criteria (Vedlegg 1)
and which way each pulls, but gives no scale, points or weights.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from prioritering import note


@dataclass(frozen=True)
class Priority:
    score: int
    level: str
    label: str
    explanation: str


MAX_SCORE = 12


def indicative_priority(row):
    values = (row.nytte, row.alvorlighet, row.ressurs, row.mestring)
    if any(v is None for v in values):
        return None
    # Higher nytte, alvorlighet and need for support raise priority; more resource use lowers it (Vedlegg 1).
    score = row.nytte + row.alvorlighet + row.mestring + (4 - row.ressurs)
    if score >= 10:
        level, label = "hoy", _("Høy")
    elif score >= 7:
        level, label = "middels", _("Middels")
    else:
        level, label = "lav", _("Lav")
    return Priority(score, level, label, _explain(row, label, score))


def _explain(row, label, score):
    words = note.CRITERION_STEP_WORDS
    return _(
        "Indikativ prioritet %(label)s (%(score)s av %(max)s poeng): nytte %(nytte)s gir %(n)s poeng og alvorlighet "
        "%(alv)s gir %(a)s; jo større nytte og høyere alvorlighet, jo flere poeng. Mestring uten tjenesten er "
        "%(mestring)s og gir %(m)s; jo svakere mestring, jo flere poeng. Tjenesten bruker %(ressurs)s ressurser og "
        "gir %(r)s; jo mindre ressurser, jo flere poeng. Poengene er portalens hjelpemiddel for samtalen, ikke "
        "Helsedirektoratets metode og ikke en beslutning."
    ) % {
        "label": str(label).lower(), "score": score, "max": MAX_SCORE,
        "nytte": words["nytte"][row.nytte], "n": row.nytte,
        "alv": words["alvorlighet"][row.alvorlighet], "a": row.alvorlighet,
        "mestring": words["mestring"][row.mestring], "m": row.mestring,
        "ressurs": words["ressurs"][row.ressurs], "r": 4 - row.ressurs,
    }
