"""Demo content for guidance, built only from the seeds in ../shared/seeds/ (Norwegian).

Every version names its source (the seed's document, its issuer and the date the seed gives) and
says nothing the source does not; what the portal's editors add is in `editor_note`. A version
exists only where a seed documents it, so the only histories are seed 001's news published twice.
Where a seed gives no date, the version's source is marked approximate and readers never see the
placeholder date that orders it (see common.py).

- ks.py: seed 000, KS's page «Koronaviruset: Helse og velferd» (guidance, topics, the KS FAQ item).
- statsforvalteren.py: seed 001, the news of Fylkesmannen i Innlandet, and questions built on them.
- helsedirektoratet.py: seeds 002 and 004, the answer to assignment 262a and the omicron letter.
- prioritisation_note/: seed 003, the prioritisation note in chapters (/veiledning/prioriteringsnotatet/).

Bodies are the seeds' own sentences, arranged as Markdown. Times are Europe/Oslo.
"""

from guidance.demo_content import helsedirektoratet, ks, prioritisation_note, statsforvalteren

# The topic list of seed 000's introduction.
TOPICS = [
    {"slug": "vaksinering", "name": "Vaksinering", "description": "Planlegging og gjennomføring av koronavaksinasjon i kommunene."},
    {"slug": "smittesporing", "name": "Smittesporing", "description": "Testing, isolering, smittesporing og karantene (TISK) og verktøyene for det."},
    {"slug": "nav-og-sosiale-tjenester", "name": "NAV og sosiale tjenester", "description": "Sosialtjenesteloven, NAV-kontorene og økonomisk rådgivning."},
    {"slug": "fastleger", "name": "Fastleger", "description": "Fastlegenes rolle, plikter og ordninger under pandemien."},
    {"slug": "beredskap", "name": "Beredskap", "description": "Kriseledelse, bemanning og samarbeid når situasjonen krever det."},
    {"slug": "smittevern", "name": "Smittevern", "description": "Smitteverntiltak, forskrifter og smittevernutstyr."},
    {"slug": "legevakt", "name": "Legevakt", "description": "Legevaktarbeid under koronautbruddet."},
    {"slug": "folkehelse", "name": "Folkehelse", "description": "Folkehelse, barn og unge og sårbare grupper."},
    {"slug": "eldreomsorg", "name": "Eldreomsorg", "description": "Sykehjem, hjemmetjenester og eldre under pandemien."},
]

ISSUERS = [
    {"slug": "ks", "name": "KS"},
    {"slug": "helsedirektoratet", "name": "Helsedirektoratet"},
    {"slug": "fhi", "name": "Folkehelseinstituttet (FHI)"},
    {"slug": "nav", "name": "Arbeids- og velferdsdirektoratet (NAV)"},
    {"slug": "bufdir", "name": "Bufdir"},
    {"slug": "regjeringen", "name": "Regjeringen"},
    {"slug": "statsforvalteren-innlandet", "name": "Statsforvalteren i Innlandet"},
]

# Seed 000's links to other authorities. The seed gives their titles and descriptions but no
# addresses, so each points to the authority's front page, not to the page described.
EXTERNAL_LINKS = [
    {"title": "Koronavirus - barnevern og familievern", "issuer": "bufdir", "url": "https://www.bufdir.no/",
     "description": "På denne siden har Bufdir samlet informasjon om hvordan sårbare barn og unge, samt deres familier blir ivaretatt i den situasjonen vi er i nå."},
    {"title": "Koronavirus – beslutninger og anbefalinger", "issuer": "helsedirektoratet", "url": "https://www.helsedirektoratet.no/",
     "description": "På denne siden har Helsedirektoratet samlet relevante lover og forskrifter."},
    {"title": "Koronavirus - Informasjon om nasjonale tiltak", "issuer": "regjeringen", "url": "https://www.regjeringen.no/",
     "description": "Her finner du en oversikt over nasjonale tiltak innført av norske myndigheter for å håndtere koronasituasjonen."},
    {"title": "Koronavirus - informasjon fra NAV", "issuer": "nav", "url": "https://www.nav.no/",
     "description": "Her finner du informasjon fra Arbeids- og velferdsdirektoratet til kommunene i forbindelse med koronaviruset."},
    {"title": "Koronavirus - hjemmekarantene og isolasjon", "issuer": "fhi", "url": "https://www.fhi.no/",
     "description": "Folkehelseinstituttets informasjon om hjemmekarantene og isolasjon fortalt på norsk, engelsk, fransk, arabisk, somali, urdu, tigrinja og tegnspråk."},
]

GUIDANCE = ks.GUIDANCE + [statsforvalteren.INTRODUCTION] + helsedirektoratet.ARTICLES + [
    prioritisation_note.PRIORITISATION_NOTE]
NEWS = statsforvalteren.NEWS
FAQ = statsforvalteren.FAQ
ARTICLES = GUIDANCE + NEWS + FAQ
