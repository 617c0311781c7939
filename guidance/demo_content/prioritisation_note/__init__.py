"""Seed 003: Helsedirektoratet's note on prioritisation in the municipal health and care services
during the covid-19 epidemic, as one public guidance document in chapters.

The text is the note's own, section by section, in its order, word for word: the only changes are
the typing errors listed in CORRECTIONS, declared in the editors' note, and the note's endnote markers
(i–xi) left out. Its one footnote, the only date it gives (WHO declaring a pandemic 11/3-20), is kept.
The note names three documents with their addresses in the seed; they are linked where it names them.
An editors' note in the phases chapter, marked as such, says that the note is undated and that what it
says about the current phase is of the time it was written. The chapter headings are the note's headings, except the
three sub-headings the editors added so that chapters the worksheets refer to can be linked
(`ADDED_HEADINGS`). Every heading carries an anchor (`{#…}`, Markdown's attr_list syntax); the
worksheet pages link to them as /veiledning/prioriteringsnotatet/#<anchor>.

The note has no title and no date in the seed: it refers to Helsedirektoratet's overarching note of
25 March and to WHO declaring a pandemic on 11/3-20, and says "Vi er fremdeles i fase 2".
"""

from guidance.demo_content.common import HDIR_NOTE, article, measure_link, undated, version
from guidance.demo_content.prioritisation_note.framework import BACKGROUND, CRITERIA, ETHICS, LEGAL, PHASES
from guidance.demo_content.prioritisation_note.headings import ADDED_HEADINGS, CHAPTERS, CONTENTS, TOP_LEVEL
from guidance.demo_content.prioritisation_note.capacity_and_cooperation import (
    APPENDIX, CAPACITY, GUIDANCE_AND_COOPERATION, HEALTH_TRUSTS, INFECTION_AND_CAPACITY, PALLIATIVE, VULNERABLE,
)

__all__ = ["ADDED_HEADINGS", "BODY", "CHAPTERS", "CORRECTIONS", "PRIORITISATION_NOTE", "SLUG", "SUMMARY", "TOP_LEVEL"]

# (as the seed has it, as published): the only words the published note changes, each an obvious typing error.
CORRECTIONS = [
    ("smittevernrestriskjoner", "smittevernrestriksjoner"),
    ("åpner forvaltningsloven § 23 åpner for", "åpner forvaltningsloven § 23 for"),
    ("kommunene- og helseforetak", "kommunene og helseforetak"),
    ("kompetasetjenester", "kompetansetjenester"),
]

SLUG = "prioriteringsnotatet"

BODY = "\n\n".join([CONTENTS, BACKGROUND, PHASES, CRITERIA, ETHICS, LEGAL, INFECTION_AND_CAPACITY, CAPACITY,
                    PALLIATIVE, VULNERABLE, GUIDANCE_AND_COOPERATION, HEALTH_TRUSTS, APPENDIX])

EDITOR_NOTE = (
    "Kommuneportalens prioriteringsskjema bruker skalaer fra 1 til 3 for nytte, alvorlighet, ressursbruk og "
    "mestring og regner ut en samlet poengsum. Skalaene og poengsummen er portalens eget hjelpemiddel, ikke "
    "Helsedirektoratets metode: notatet sier at kriteriene skal vurderes samlet, og beskriver dem i vedlegg 1 uten "
    "tallskala. Notatet har ingen tittel eller dato i kilden; tittelen er redaksjonens. Notatet viser til at WHO "
    "erklærte pandemi 11/3-20 og til et notat Helsedirektoratet offentliggjorde 25. mars, så redaksjonen leser det "
    "som skrevet etter 25. mars samme år; det notatet sier om hvilken fase epidemien er i («Vi er fremdeles i "
    "fase 2»), gjelder da. Underoverskriftene «Hvem notatet gjelder for», «Beredskapsplan og kriseledelse» og "
    "«Fase 1 til 5» og merknaden under «Fase 1 til 5» er lagt til av redaksjonen; de andre overskriftene og hele "
    "teksten ellers er "
    "notatets egne ord. Sluttnotemerkene (i–xi) er utelatt, og disse skrivefeilene er rettet: "
    + "; ".join(f"«{wrong}» til «{right}»" for wrong, right in CORRECTIONS) + "."
)

# The lead: the note's own first words about what it covers and when its advice applies.
SUMMARY = (
    "Dette notatet omfatter kommunale helse- og omsorgstjenester og inneholder prioriteringer for sykehjem og "
    "hjemmebaserte tjenester. Rådene i dette notatet vil kunne komme til anvendelse særlig i fase 3 og 4 av "
    "epidemien."
)

PRIORITISATION_NOTE = article(
    SLUG, "veiledning", "helsedirektoratet", ["eldreomsorg", "beredskap"],
    version(
        None,  # the note is undated: published at loading time
        HDIR_NOTE[0],
        SUMMARY,
        BODY, undated(HDIR_NOTE), editor_note=EDITOR_NOTE,
        see_also=[measure_link("prioritering-av-ressurser",
                               "Prioritering av kommunens ressurser (virkemiddel 3 i Helsedirektoratets brev, ca. "
                               "desember 2021)")],
    ),
)
