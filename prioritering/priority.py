"""The indicative priority of a row: a reading aid computed from the four criteria, never the decision."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


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
    words = {1: _("liten"), 2: _("middels"), 3: _("stor")}
    severity = {1: _("lav"), 2: _("middels"), 3: _("høy")}
    coping = {1: _("god"), 2: _("delvis"), 3: _("svak")}
    resource = {1: _("lite"), 2: _("middels"), 3: _("mye")}
    return _(
        "Indikativ prioritet %(label)s (%(score)s av %(max)s poeng): %(nytte)s nytte og %(alv)s alvorlighet "
        "trekker opp, %(mestring)s mestring uten tjenesten gir %(mpoeng)s poeng, og tjenesten bruker "
        "%(ressurs)s ressurser, som trekker ned jo mer den bruker. Dette er et hjelpemiddel for samtalen, "
        "ikke en beslutning."
    ) % {
        "label": str(label).lower(), "score": score, "max": MAX_SCORE,
        "nytte": words[row.nytte], "alv": severity[row.alvorlighet],
        "mestring": coping[row.mestring], "mpoeng": row.mestring, "ressurs": resource[row.ressurs],
    }
