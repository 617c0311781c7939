"""The chapters of the prioritisation note: their headings and anchors, and the table of contents."""

# anchor → heading, in the order of the document.
CHAPTERS = {
    "bakgrunn": "Bakgrunn",
    "omfang": "Hvem notatet gjelder for",
    "faser": "Beredskap og faser i epidemien",
    "beredskapsplan": "Beredskapsplan og kriseledelse",
    "fasene": "Fase 1 til 5",
    "kriterier": "Verdigrunnlag og prioriteringskriterier",
    "etikk": "Etisk praksis",
    "juridisk": "Juridisk utgangspunkt",
    "informasjon-og-medvirkning": "Særlig om pasienters, brukeres og pårørendes rett til informasjon og medvirkning",
    "saksbehandling": "Saksbehandlingsregler for tildelingsvedtak",
    "muntlig-saksbehandling": "Muntlig saksbehandling",
    "omgjoring": "Omgjøring av tildelingsvedtak",
    "smittevern-og-kapasitet": "Smittevern og kapasitetsutfordringer",
    "kapasitet": "Kapasitet i tjenestene",
    "lindrende": "Lindrende behandling og omsorg ved livets slutt",
    "sarbare": "Spesielt sårbare grupper",
    "veiledning-og-samarbeid": "Medisinsk- og helsefaglig veiledning og samarbeid",
    "samhandling": "Samhandling mellom kommuner og spesialisthelsetjenesten",
    "vedlegg-1": "Vedlegg 1: Beskrivelse av prioriteringskriterier – slik det er gjort i Blankholm",
    "nyttekriteriet": "Nyttekriteriet",
    "ressurskriteriet": "Ressurskriteriet",
    "alvorlighetskriteriet": "Alvorlighetskriteriet",
}
ADDED_HEADINGS = ("omfang", "beredskapsplan", "fasene")
# The chapters listed in the table of contents (the note's own top-level sections).
TOP_LEVEL = ("bakgrunn", "faser", "kriterier", "etikk", "juridisk", "smittevern-og-kapasitet", "kapasitet",
             "lindrende", "sarbare", "veiledning-og-samarbeid", "samhandling", "vedlegg-1")


def heading(level, anchor):
    return f"{'#' * level} {CHAPTERS[anchor]} {{#{anchor}}}"


CONTENTS = "**Innhold**\n\n" + "\n".join(f"- [{CHAPTERS[anchor]}](#{anchor})" for anchor in TOP_LEVEL)
