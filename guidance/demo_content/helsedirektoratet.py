"""Seeds 002 and 004: Helsedirektoratet's answer to HOD's assignment 262a (March 2021) and its letter
to the municipalities before the omicron wave (December 2021), as guidance.

The staffing measures and the contact point both documents describe live in the staffing
catalogue (/bemanning/), each with its own source; these articles carry what is not a measure:
the assignment, what was done and what was found (seed 002), and what the municipalities were
asked to prepare for (seed 004). Neither document is dated in the seed: seed 002 answers the
first part of the assignment, due 5 March 2021; seed 004 is the letter of December 2021 (a link
in it was rewritten by the recipient's mail system on 10 December 2021).
"""

from guidance.demo_content.common import HDIR_262A, HDIR_LETTER, about, article, measure_link, staffing_link, version

# The three addresses seed 002 gives, linked where the answer names what they lead to: the list of
# measures published in koronaveilederen, Helsedirektoratet's page that showed the contact point, and the
# page of koronaveilederen it pointed on to.
MEASURES_LIST_PDF = (
    "https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus/anbefalinger-og-beslutninger/"
    "Liste%20over%20mulige%20tiltak%20for%20kommuner%20med%20bemanningsutfordringer.pdf/_/attachment/inline/"
    "aeb328a1-41b6-4fe2-84b5-f97343c48fe0:c975bd10eb93a3055fd61045193c5f13b189d454/"
    "Liste%20over%20mulige%20tiltak%20for%20kommuner%20med%20bemanningsutfordringer.pdf"
)
CORONA_PAGE = "https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus"
RECRUITMENT_PAGE = ("https://www.helsedirektoratet.no/veiledere/koronavirus/personell-kompetanse-og-rekruttering"
                    "#kommuner-og-helseforetak-kan-fa-hjelp-til-til-a-rekruttere-helsepersonell")

# The measures each document describes, linked both ways; each measure's page links back to its document.
ASSIGNMENT_LINKS = [
    staffing_link("/bemanning/kontaktpunktet/", "Om kontaktpunktet: telefon, e-post og åpningstid, og hvordan de har "
                                                "endret seg"),
    measure_link("nasjonalt-helsepersonell",
                 "Nasjonalt helsepersonell: hjelp fra Helsedirektoratet til å rekruttere helsepersonell"),
    measure_link("register-for-reservepersonell", "Register for reservepersonell innen helse (nasjonalthelsepersonell.no)"),
    measure_link("nasjonalt-innsatspersonell-tisk", "Nasjonalt innsatspersonell for TISK"),
]
# The letter's measures in its order, virkemiddel 1 to 5.
LETTER_MEASURES = [
    (1, "helseberedskapsloven", "Fullmakter i helseberedskapsloven: beordring av personell og rekvirering"),
    (2, "samhandling-regionalt", "Samarbeid med helseforetak, frivillige organisasjoner og Statsforvalteren"),
    (2, "sivilforsvaret-og-forsvaret", "Ressursstøtte fra Sivilforsvaret og Forsvaret"),
    (3, "prioritering-av-ressurser", "Prioritering av kommunens ressurser etter prioriteringsnotatet"),
    (4, "nabokommuner", "Bistand fra nabokommuner"),
    (4, "pensjonister-til-juli-2022", "Pensjonister i covid-19-arbeidet (fram til juli 2022)"),
    (4, "helsefagstudenter-via-statsforvalteren", "Helsefagstudenter til vaksinering via Statsforvalteren"),
    (4, "medhjelpere", "Medhjelpere etter helsepersonelloven § 5"),
    (4, "bedriftshelse-tannhelse-private", "Bedriftshelsetjenester, tannhelsepersonell og private helsetjenester"),
    (4, "nasjonalt-helsepersonell", "Nasjonalt helsepersonell: hjelp fra Helsedirektoratet til å rekruttere helsepersonell"),
    (4, "administrativ-stotte", "Administrativ støtte fra personell uten helseutdanning"),
    (4, "nav-og-frivillige", "Personell fra NAV og frivillige organisasjoner"),
    (5, "ekstra-lege-i-fastlegepraksis", "Ekstra lege i fastlegepraksis med trygderefusjon"),
    (5, "staten-dekker-ekstrautgifter", "Staten dekker kommunenes covid-19-ekstrautgifter"),
    (5, "apotek-vaksinerer", "Apotek kan gi covid-19-vaksine etter avtale med kommunen"),
    (5, "informasjon-om-regler", "Informasjon om covid-19-regler"),
    (5, "juridisk-vakttelefon", "Juridisk vakttelefon for kommuneleger"),
]
LETTER_LINKS = [staffing_link("/bemanning/", "Alle virkemidlene i bemanningsoversikten, i de fem gruppene")] + [
    staffing_link(f"/bemanning/{slug}/", f"Virkemiddel {group}: {title}") for group, slug, title in LETTER_MEASURES]

ASSIGNMENT_262A = article(
    "svar-pa-oppdrag-262a-oversikt-over-virkemidler-og-kontaktpunkt", "veiledning", "helsedirektoratet",
    ["beredskap", "eldreomsorg"],
    version(
        None,  # the source gives only the month: published at loading time
        "Svar på covid-19-oppdrag fra HOD 262a – innsatsteam til sykehjem og hjemmetjenester ved smitteutbrudd",
        "Helsedirektoratet har iverksatt tiltak for å gjøre informasjon om virkemidler for kommuner i en "
        "bemanningskrise mer tilgjengelig: en samlet oversikt over tilgjengelige virkemidler og ett kontaktpunkt. "
        "Etterspørselen etter personell fra de nasjonale tiltakene har vært lavere enn forventet.",
        "## Oppdraget {#oppdraget}\n\n"
        "Helse- og omsorgsdepartementet ga Helsedirektoratet i oppdrag å utarbeide og publisere en samlet oversikt "
        "over tilgjengelige virkemidler på nett, og å tilby et kontaktpunkt hvor det kan gis informasjon og "
        "veiledning om hvordan disse kan benyttes. Alle landets kommuner skulle få konkret, skriftlig informasjon om "
        "de ulike tiltakene og kontaktpunktet, med frist 5. mars 2021.\n\n"
        "Helsedirektoratet fikk videre i oppdrag å gjennomføre en dialog med statsforvalterne om de har de "
        "nødvendige virkemidlene til å utnytte samarbeidspotensialet mellom nabokommunene i sitt fylke, med frist "
        "18. mars 2021. Svaret her gjelder første del av oppdraget.\n\n"
        "## Bakgrunn: oppdrag 262 {#bakgrunn}\n\n"
        "Oppdraget om vurdering av behov for opprettelse av innsatsteam for sykehjem og hjemmetjenester ble besvart "
        "19. januar 2021. Helsedirektoratets vurdering var at det allerede er etablert en del tilgjengelige "
        "ressurser som kan utnyttes bedre før det eventuelt etableres nye tiltak.\n\n"
        "En av utfordringene som ble belyst, var at **kommunene bruker mye tid på å finne ut hvilke muligheter som "
        "finnes**, og hvor de skal henvende seg for å få tilført de ressursene de har behov for. I dialog med "
        "kommunene har det blitt uttrykt behov for «en vei inn» eller en «rød knapp» der det var tydelig hvor de kan "
        "henvende seg for å få hjelp.\n\n"
        "## Dette har Helsedirektoratet gjort {#tiltak}\n\n"
        f"- I koronaveilederen er det publisert en [samlet oversikt over tilgjengelige virkemidler]({MEASURES_LIST_PDF}) "
        "(«Liste over mulige tiltak for kommuner med bemanningsutfordringer», PDF).\n"
        "- Helsedirektoratet har etablert en egen telefontjeneste og en e-postadresse for informasjon og "
        "veiledning om virkemidlene.\n"
        f"- Kontaktpunktene er gjort synlig og tilgjengelig på [Helsedirektoratets nettside]({CORONA_PAGE}), som "
        f"pekte videre til [«Personell, kompetanse og rekruttering» i koronaveilederen]({RECRUITMENT_PAGE}).\n"
        "- Det er sendt ut brev til kommunene med oversikt over lokale og nasjonale tiltak som kan benyttes. "
        "Oversikten ble sendt ut 4. januar 2021.\n"
        "- Det er sendt ut e-post om den nye informasjonstjenesten til kommunene.\n\n"
        "Informasjonen er også formidlet både i direktoratets webinarer med kommunene og i FHIs webinar med "
        "kommuneoverlegene. Det er ikke innhentet innspill fra FHI på denne delen av oppdraget.\n\n"
        "## Etterspørselen har vært lavere enn forventet {#ettersporsel}\n\n"
        "Kommunene rapporterer jevnlig om en utfordrende bemanningssituasjon. **Etterspørselen etter personell fra "
        "de nasjonale tiltakene som er etablert (reservepersonell (nasjonalthelsepersonell.no) og nasjonalt "
        "innsatspersonell), har imidlertid vært lavere enn forventet.** Inntrykket er at kommunene i hovedsak "
        "klarer de nye oppgavene med eget personell eller ved å rekruttere lokalt.\n\n"
        "Etter etableringen av reservepersonellregisteret ble det gjennomført flere kommunikasjonstiltak for å gjøre "
        "tilbudet kjent og for å få helsepersonell til å registrere seg: brev til kommuner, møter med "
        "statsforvaltere, fagorganisasjoner, RHF, KS og andre organisasjoner, og kampanjer på TV2 og digitale "
        "kanaler.\n\n"
        "## Videre arbeid {#videre}\n\n"
        "Før neste leveranse skal Helsedirektoratet ha dialog med statsforvalterne om virkemidler. Direktoratet "
        "anbefaler å vente med å sende ut ny informasjon til kommunene til etter at siste del av oppdraget er "
        "besvart, i tilfelle det skulle komme fram behov for ytterligere informasjon.",
        about(HDIR_262A, "2021-03-05"),
        editor_note="Svaret er ikke datert i kilden; det er første del-leveranse med frist 5. mars 2021. "
                    "Overskriftene er redaksjonens. Virkemidlene og kontaktpunktet (telefon, e-post og "
                    "åpningstid) står under Bemanning.",
        see_also=ASSIGNMENT_LINKS,
    ),
)

OMICRON_CHECKLIST = article(
    "forbered-kommunen-pa-en-storre-smittebolge", "veiledning", "helsedirektoratet",
    ["beredskap", "vaksinering", "smittesporing"],
    version(
        None,  # the source gives only the month: published at loading time
        "Helsedirektoratet ber kommunene forberede seg på en større smittebølge",
        "Folkehelseinstituttet forventer en vesentlig økning av smitten kommende uker. Helsedirektoratet ber "
        "kommunene se helse- og sivilberedskap som en helhet og å forberede seg på økt smitte og mobilisere for "
        "kriseledelse, vaksinering, økte kapasiteter i tjenestene, beredskap og bruk av helseberedskapsloven.",
        "Helsetjenesten har vært under høy belastningen over lang tid. Helsedirektoratet takker for den betydelige og "
        "uvurderlige innsatsen.\n\n"
        "Med utgangspunkt i de siste prognoser fra FHI, kan belastningen på primærhelsetjenesten øke betydelig. Hvor "
        "stor merbelastningen vil bli er usikkert.\n\n"
        "Helsedirektoratet vil legge til rette for bruk av helseberedskapsloven dersom situasjonen krever det.\n\n"
        "## Helsedirektoratet ber kommunene forberede seg på en større smittebølge {#smittebolge}\n\n"
        "Flere europeiske land opplever nå en rask økning av omikronsmitte. Folkehelseinstituttet (FHI) forventer en "
        "vesentlig økning av smitten kommende uker. Det kan komme en bølge av influensa samtidig, og vi forventer "
        "fortsatt høyt sykefravær blant ansatte i helsetjenestene. Vi håper de nasjonale tiltakene og vaksineringen "
        "vil bremse smitteutviklingen, men vi vet at omikronvarianten har stort spredningspotensiale. På grunn av "
        "dette er det stor sannsynlighet for en vesentlig økt belastning på helsetjenestene i ukene som kommer.\n\n"
        "## Forbered og mobiliser for alle disse forholdene {#sjekkliste}\n\n"
        "Helsedirektoratet vet at kommunene har god oversikt over lokale ressurser og at kommunene aktivt utnytter "
        "disse ressursene. Vi ber allikevel nå kommunene se helse- og sivilberedskap som en helhet og å forberede "
        "seg på økt smitte og mobilisere for alle disse forhold:\n\n"
        "1. **Kriseledelse** og operative tjenesteledelser som kan håndtere økt smitte over tid.\n"
        "2. **Vaksinering** av uvaksinerte grupper, og vaksinering med en 3. forsterkningsdose.\n"
        "3. **Økte kapasiteter i tjenestene**: TISK (særlig testing og smittesporing), fastlegeordningen, legevakt, "
        "institusjoner, hjemmetjenester, mottak av utskrivningsklare pasienter og oksygenbehandling.\n"
        "4. **Beredskap** for å ivareta kritiske samfunnsfunksjoner og eventuelle andre hendelser som kan oppstå.\n"
        "5. **Bruk av helseberedskapsloven.** Helsedirektoratet vil legge til rette for bruk av "
        "helseberedskapsloven dersom situasjonen krever dette til rekvirering av beordring av personell og "
        "rekvirering av hoteller med mere til ekstra sengeplasser og annet, jf. kommunenes planlegging for dette i "
        "mai–juni 2020.\n\n"
        "## Virkemidler {#virkemidler}\n\n"
        "Kommunene har gjort en formidabel innsats gjennom pandemien, og Helsedirektoratet forstår det er krevende å "
        "oppskalere når det allerede er knapphet på personell. Brevet går derfor gjennom disse virkemidlene til "
        "støtte for kommunene ved mobilisering av personell:\n\n"
        "1. Støtte i helseberedskapsloven til mobilisering av ressurser\n"
        "2. Dialog og samhandling regionalt om tilgjengelige personell- og materiellressurser\n"
        "3. Prioriteringer av kommunens ressurser\n"
        "4. Bruk av offentlige ordninger for å skaffe ekstra personell\n"
        "5. Finansielle, juridiske og faglige støttetiltak for kommunene\n\n"
        "## Videre dialog og nye tiltak under vurdering {#videre-dialog}\n\n"
        "Helsedirektoratet har løpende dialog om situasjonen med statsforvaltere, DSB, FHI og direktoratets "
        "referansegrupper med kommuneleger/kommuner. Helsedirektoratet tar imot forslag til nye tiltak som kan "
        "støtte kommunenes ressurssituasjon, og informerer løpende på sine nettsider.",
        about(HDIR_LETTER, "2021-12-10"),
        editor_note="Brevet er ikke datert i kilden; det er fra desember 2021. Overskriften over listen er "
                    "redaksjonens; listen er brevets. Hvert av virkemidlene 1–5 er beskrevet under Bemanning, med "
                    "brevet som kilde. Virkemiddel 3 viser til Helsedirektoratets prioriteringsnotat.",
        see_also=LETTER_LINKS,
    ),
)

ARTICLES = [ASSIGNMENT_262A, OMICRON_CHECKLIST]
