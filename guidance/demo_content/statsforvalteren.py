"""Seed 001: the news of Fylkesmannen (now Statsforvalteren) i Innlandet, each with its own date,
and the questions and answers built on them.

Items on the same day keep the seed's order (newest first) through their times; the seed gives
days only.
"""

from guidance.demo_content.common import (
    FAQ_NOTE, FIRST_NOTE, STATSFORVALTEREN_PAGE, article, exact, measure_link, undated, version,
)

# Helpers under the Health Personnel Act § 5: the staffing measure for what these items report.
HELPERS = measure_link("medhjelpere", "Medhjelpere etter helsepersonelloven § 5")


def news(slug, date, title, summary, body, topics, *, see_also=()):
    return article(slug, "nyhet", "statsforvalteren-innlandet", topics,
                   version(date, title, summary, body, exact(STATSFORVALTEREN_PAGE, date[:10]), see_also=see_also))


def republished(slug, topics, dates, title, summary, body):
    first, again = dates
    return article(
        slug, "nyhet", "statsforvalteren-innlandet", topics,
        version(first, title, summary, body, exact(STATSFORVALTEREN_PAGE, first[:10])),
        version(again, title, summary, body, exact(STATSFORVALTEREN_PAGE, again[:10]),
                note=f"Publisert på nytt {again[8:10]}.{again[5:7]}.{again[:4]}, med samme tekst."),
    )


# The page's own introduction, above its news: undated.
INTRODUCTION = article(
    "helse-omsorg-og-sosialtjenester", "veiledning", "statsforvalteren-innlandet",
    ["nav-og-sosiale-tjenester", "eldreomsorg", "folkehelse"],
    version(
        None, "Helse, omsorg og sosialtjenester",
        "Alle som trenger det, skal få gode og forsvarlige helse- og sosialtjenester – uavhengig av alder, inntekt og "
        "diagnose. Det er i stor grad kommunene og helseforetakene (sykehusene) som tilbyr disse tjenestene.",
        "Alle som trenger det, skal få gode og forsvarlige helse- og sosialtjenester – uavhengig av alder, inntekt og "
        "diagnose. Det er i stor grad kommunene og helseforetakene (sykehusene) som tilbyr disse tjenestene.\n\n"
        "Staten har ansvar for å sikre like rammevilkår gjennom regelverk og økonomiske rammer. Staten har også "
        "ansvar for å føre tilsyn og kontroll med helse- og sosialtjenestene. Mye av tilsyns- og kontrollarbeidet "
        "gjøres av Fylkesmannen.",
        undated(STATSFORVALTEREN_PAGE),
        editor_note="Dette er innledningen på siden til Fylkesmannen i Innlandet (nå Statsforvalteren), over "
                    "nyhetene. Nyhetene står hver for seg under Nyheter.",
    ),
)

NEWS = [
    news("fylkesmannen-pa-regionrunde", "2020-10-22 12:00",
         "Fylkesmannen på regionrunde: Viktig å møtes for å se fremover sammen",
         "Mellom nå og jul skal Fylkesmannen på 10 regionbesøk i hele Innlandet. Etter et halvt år med nesten bare "
         "digital kontakt og helt spesielle utfordringer, er et slik møte ekstra viktig, sier fylkesmann Knut Storberget.",
         "Mellom nå og jul skal Fylkesmannen på **10 regionbesøk** i hele Innlandet.\n\n«Etter et halvt år med "
         "nesten bare digital kontakt og helt spesielle utfordringer, er et slikt møte ekstra viktig», sier "
         "fylkesmann Knut Storberget.", ["beredskap"]),
    news("bistand-hjemme-rus-og-psykiatri", "2020-10-15 12:00",
         "Bistand hjemme skal hjelpe en utsatt gruppe med rus-/psykiatri-problemer",
         "Mer fleksibel oppfølging og bistand hjemme, skal hjelpe en pasientgruppe som ikke greier å nyttiggjøre seg "
         "det ordinære tilbudet i kommunen eller i spesialisthelsetjenesten.",
         "Mer fleksibel oppfølging og bistand hjemme skal hjelpe en pasientgruppe som ikke greier å nyttiggjøre seg "
         "det ordinære tilbudet i kommunen eller i spesialisthelsetjenesten.\n\nEt tverrfaglig team (**FACT**) har "
         "en ny tilnærming til pasienter som sliter med alvorlige rus- og/eller psykiske helseutfordringer.",
         ["folkehelse"]),
    article(
        "varsling-av-utbrudd-av-covid-19", "nyhet", "statsforvalteren-innlandet", ["smittevern", "smittesporing"],
        version("2020-10-08 12:00", "Varsling av utbrudd av covid-19",
                "Koronaveilederens kapittel om varsling og melding er i dag oppdatert med Varsling av utbrudd av "
                "covid-19.",
                "Koronaveilederens kapittel om varsling og melding er i dag oppdatert med *Varsling av utbrudd av "
                "covid-19*:\n\nUtbrudd av covid-19 i og utenfor helseinstitusjon skal varsles til kommunelegen og "
                "Folkehelseinstituttet, etter MSIS-forskriftens §§ 3-3 og 3-4.\n\nVarsling av utbrudd skjer gjennom "
                "utbruddsvarslingssystemet **Vesuv**.",
                exact(STATSFORVALTEREN_PAGE, "2020-10-08"),
                editor_note="Kildens skrivefeil «Folkehelsehelseinstituttet» er rettet til «Folkehelseinstituttet»."),
    ),
    news("anbefalinger-skal-sikre-barn-riktig-helsehjelp", "2020-10-05 12:00",
         "Nye anbefalinger til kommunene skal sikre barn riktig helsehjelp",
         "Barn og unge med covid-19 får ofte symptomer som ligner på andre virusinfeksjoner. For å sikre at de får "
         "riktig hjelp og til rett tid, er det utarbeidet egne anbefalinger til hvordan helse- og omsorgstjenesten i "
         "kommunene bør ivareta barn og unge under pandemien.",
         "Barn og unge med covid-19 får ofte symptomer som ligner på andre virusinfeksjoner.\n\nFor å sikre at de "
         "får riktig hjelp og til rett tid, er det utarbeidet **egne anbefalinger** til hvordan helse- og "
         "omsorgstjenesten i kommunene bør ivareta barn og unge under pandemien.", ["folkehelse", "legevakt"]),
    news("innkjop-av-smittevernutstyr-vanlige-ansvarsforhold", "2020-10-02 12:00",
         "Innkjøp av smittevernutstyr - tilbake til vanlige ansvarsforhold",
         "Under pandemien er det etablert en nasjonal innkjøpsordning og fordeling av smittevernutstyr. Samtidig har "
         "det vært en forutsetning at kommunene selv skal skaffe slikt utstyr, og nå opphører den nasjonale "
         "innkjøpsordningen ved nyttår.",
         "Under pandemien er det etablert en nasjonal innkjøpsordning og fordeling av smittevernutstyr. Samtidig har "
         "det vært en forutsetning at kommunene selv skal skaffe slikt utstyr.\n\n**Den nasjonale "
         "innkjøpsordningen opphører ved nyttår.**", ["smittevern"]),
    news("tilskuddsordning-til-alis", "2020-09-30 12:00",
         "Tilskuddsordning til ALIS - avtaler for næringsdrivende fastleger",
         "Helsedirektoratet har bestemt å utlyse tilskuddordningen på nytt med søknadsfrist 11.11.2020. Det er "
         "kommuner som kan søke på ordningen.",
         "Helsedirektoratet har bestemt å utlyse tilskuddsordningen på nytt.\n\n- Søknadsfrist: **11.11.2020**\n"
         "- Det er kommuner som kan søke på ordningen.", ["fastleger"]),
    news("digital-grunnopplaering-i-sosialtjenesteloven", "2020-09-29 12:00",
         "Digital grunnopplæring i sosialtjenesteloven",
         "Fylkesmannen i Innlandet ved enhet sosial inviterer til digital grunnopplæring i sosialtjenesteloven.",
         "Fylkesmannen i Innlandet ved enhet sosial inviterer til **digital grunnopplæring i "
         "sosialtjenesteloven**.", ["nav-og-sosiale-tjenester"]),
    news("matgledekorpset-i-innlandet", "2020-09-21 12:00",
         "Matgledekorpset i Innlandet i spiss for nasjonal satsing",
         "Matgledekorpset i Innlandet var landets første pilotkorps for bedre mat og måltider. Med stort engasjement, "
         "variert fagbakgrunn og smittende humør har de i løpet av 2019 besøkt 10 kommuner. I tillegg har 25 "
         "kommuner deltatt på kurs med korpset.",
         "Matgledekorpset i Innlandet var landets første pilotkorps for bedre mat og måltider.\n\nMed stort "
         "engasjement, variert fagbakgrunn og smittende humør har de i løpet av 2019 besøkt 10 kommuner. I tillegg "
         "har 25 kommuner deltatt på kurs med korpset.", ["eldreomsorg", "folkehelse"]),
    news("kommuner-rekrutterer-andre-enn-helsepersonell-til-smittesporing", "2020-09-18 14:00",
         "¼ av kommunene i Innlandet rekrutterer andre enn helsepersonell til smittesporingsteam",
         "¼ av kommunene i Innlandet har tatt oppfordringen fra Helsedirektoratet om å bruke annet personell enn "
         "helsepersonell som medhjelpere på smittesporing.",
         "En fjerdedel av kommunene i Innlandet har tatt oppfordringen fra Helsedirektoratet om å bruke **annet "
         "personell enn helsepersonell som medhjelpere** på smittesporing.", ["smittesporing", "beredskap"],
         see_also=[HELPERS]),
    news("digitalt-basiskurs-i-okonomisk-radgivning", "2020-09-18 12:00",
         "Digitalt basiskurs i økonomisk rådgivning",
         "Fylkesmannen i Innlandet ved enhet sosial inviterer til digitalt basiskurs i økonomisk rådgivning.",
         "Fylkesmannen i Innlandet ved enhet sosial inviterer til **digitalt basiskurs i økonomisk rådgivning**.",
         ["nav-og-sosiale-tjenester"]),
    news("tisk-i-kommunene", "2020-09-10 14:00",
         "TISK - testing, isolering, smittesporing og karantene ved covid-19 i kommunene",
         "Kommunene og kommunelegen har til enhver tid ansvar for å holde oversikt over smitteforekomsten i kommunen "
         "og gjennomføre de tiltakene som trengs lokalt for å stanse videre smitte så raskt som mulig.",
         "Kommunene og kommunelegen har til enhver tid ansvar for å\n\n- holde oversikt over smitteforekomsten i "
         "kommunen, og\n- gjennomføre de tiltakene som trengs lokalt for å stanse videre smitte så raskt som mulig.",
         ["smittesporing", "smittevern"]),
    # Seed 001 lists these two items twice, with the same text and two dates: one article each,
    # published again on the later date. The second version differs only in its source's date.
    republished(
        "kjoper-verktoy-til-smittesporing", ["smittesporing"], ("2020-08-24 14:00", "2020-09-10 13:00"),
        "Kjøper verktøy til smittesporing",
        "De aller fleste kommunene i Innlandet har eller er i ferd med å skaffe seg digitale verktøy for "
        "smittesporing. Å spore smitte og bekjempe utbrudd raskt er det viktigste i landets koronastrategi, og "
        "kommunene er i front i denne innsatsen.",
        "De aller fleste kommunene i Innlandet har eller er i ferd med å skaffe seg **digitale verktøy for "
        "smittesporing**.\n\nÅ spore smitte og bekjempe utbrudd raskt er det viktigste i landets koronastrategi, "
        "og kommunene er i front i denne innsatsen.",
    ),
    republished(
        "hjelp-til-innkjop-av-smittevernutstyr", ["smittevern"], ("2020-08-26 12:00", "2020-09-10 12:00"),
        "Kommunene får hjelp til innkjøp av smittevernutstyr i et vanskelig marked",
        "Å skaffe nok og trygt smittevernutstyr har vært svært vanskelig gjennom koronatiden. Mange bekymrede "
        "kommuner har bedt Fylkesmannen i Innlandet om å bidra til en løsning. Forslaget nå er å la et kommunalt "
        "eid selskap, Abakus AS, sørge for felles innkjøp.",
        "Å skaffe nok og trygt smittevernutstyr har vært svært vanskelig gjennom koronatiden.\n\nMange bekymrede "
        "kommuner har bedt Fylkesmannen i Innlandet om å bidra til en løsning. Forslaget nå er å la et kommunalt "
        "eid selskap, **Abakus AS**, sørge for felles innkjøp.",
    ),
    news("kommunene-fikk-honnor-for-rask-reaksjon", "2020-09-04 12:00",
         "Kommunene fikk honnør for rask reaksjon",
         "Den siste uka har Hamar kommune sammen med nabokommunene på Hedmarken håndtert et lokalt utbrudd som nå "
         "omfatter 22 smittede. Fylkesmannen i Innlandet gir dem honnør for at de reagerte raskt og handlet resolutt "
         "da smitten ble oppdaget.",
         "Den siste uka har Hamar kommune sammen med nabokommunene på Hedmarken håndtert et lokalt utbrudd som nå "
         "omfatter **22 smittede**.\n\nFylkesmannen i Innlandet gir dem honnør for at de reagerte raskt og handlet "
         "resolutt da smitten ble oppdaget.", ["smittesporing", "beredskap"]),
    news("fylkesmannen-opphever-vedtak-i-oyer-kommunestyre", "2020-09-02 14:00",
         "Fylkesmannen opphever vedtak i Øyer kommunestyre",
         "Grunnen til at vedtaket ble opphevet, var at kommunelovens krav om tydelig skille mellom folkevalgte organer "
         "og kommunens administrasjon ikke var godt nok ivaretatt.",
         "Fylkesmannen i Innlandet har opphevet et vedtak i Øyer kommunestyre.\n\nGrunnen var at **kommunelovens "
         "krav om tydelig skille** mellom folkevalgte organer og kommunens administrasjon ikke var godt nok "
         "ivaretatt.", []),
    news("ny-tilskuddsordning-for-naeringsdrivende-fastleger", "2020-09-02 12:00",
         "Ny tilskuddsordning for næringsdrivende fastleger",
         "Ny tilskuddsordning \"Kompensasjon til næringsdrivende fastleger ved sykefravær knyttet til koronavirus\" "
         "fordeles fortløpende",
         "Den nye tilskuddsordningen *«Kompensasjon til næringsdrivende fastleger ved sykefravær knyttet til "
         "koronavirus»* fordeles fortløpende.", ["fastleger"]),
    news("oppdateringer-i-rundskrivet-til-sosialtjenesteloven", "2020-09-01 12:00",
         "Hvordan får du med deg oppdateringer i rundskrivet til sosialtjenesteloven?",
         "Fylkesmannen minner om at det til stadighet skjer endringer i rundskrivet til sosialtjenesteloven. "
         "(Hovednr. 35 - Lov om sosiale tjenester i Nav.) Vi oppfordrer derfor alle til å bruke rundskrivet som ligger "
         "på nav.no.",
         "Fylkesmannen minner om at det til stadighet skjer endringer i rundskrivet til sosialtjenesteloven "
         "(Hovednr. 35 – Lov om sosiale tjenester i Nav).\n\nVi oppfordrer derfor alle til å bruke rundskrivet som "
         "ligger på nav.no.", ["nav-og-sosiale-tjenester"]),
    news("eidskog-kommune-apnet-testsenter-pa-svenskegrensen", "2020-08-26 15:00",
         "Eidskog kommune åpnet testsenter på svenskegrensen",
         "Kommer du fra Sverige og skal inn i Norge, kan du nå koronateste deg gratis på Magnormoen. Eidskog kommune "
         "har etablert testsenteret i rekordfart, etter oppdrag fra Helsedirektoratet. Fylkesmannen besøkte senteret "
         "rett etter åpningen.",
         "Kommer du fra Sverige og skal inn i Norge, kan du nå **koronateste deg gratis på Magnormoen**.\n\nEidskog "
         "kommune har etablert testsenteret i rekordfart, etter oppdrag fra Helsedirektoratet. Fylkesmannen besøkte "
         "senteret rett etter åpningen.", ["smittesporing"]),
    news("koronaen-svekker-grensesamholdet", "2020-08-26 14:00",
         "Koronaen svekker grensesamholdet: - Nå må vi snakke med hverandre, ikke om hverandre",
         "Fylkesmannen i Innlandet og Landshøvdingen i Värmland og i Dalarne går sammen for å bevare det gode "
         "naboskapet. Nå kommer de med fem egne grenseråd for økt samhold - og en påminnelse om viktige smittevernråd "
         "som er like i Norge og Sverige.",
         "Fylkesmannen i Innlandet og Landshøvdingen i Värmland og i Dalarne går sammen for å bevare det gode "
         "naboskapet.\n\nDe kommer med **fem egne grenseråd for økt samhold** – og en påminnelse om viktige "
         "smittevernråd som er like i Norge og Sverige.", ["smittevern"]),
    news("gode-deltagerlister-er-avgjorende-for-a-stoppe-smitte", "2020-08-24 12:00",
         "Gode deltager-lister er avgjørende for å stoppe smitte",
         "Kommuneoverlege Morten Bergkåsa har ett viktig budskap etter utbruddet på Lillehammer: Å ha gode lister over "
         "hvem som har vært på ulike steder og arrangementer er avgjørende for å beholde kontrollen når smitte oppstår.",
         "Kommuneoverlege Morten Bergkåsa har ett viktig budskap etter utbruddet på Lillehammer:\n\n> Å ha gode "
         "lister over hvem som har vært på ulike steder og arrangementer er avgjørende for å beholde kontrollen når "
         "smitte oppstår.", ["smittesporing"]),
    news("slik-skal-skolene-og-barnehagene-holdes-apne", "2020-08-14 14:00",
         "Slik skal skolene og barnehagene holdes åpne",
         "Fylkesmannen i Innlandet hadde torsdag møte med alle kommunene i Innlandet, samt fylkeskommunen, for å "
         "samordne innsatsen rundt skoler og barnehager. Regjeringens mål er at barnehager, skoler og høyere "
         "utdanning skal holdes åpne.",
         "Fylkesmannen i Innlandet hadde torsdag møte med alle kommunene i Innlandet, samt fylkeskommunen, for å "
         "samordne innsatsen rundt skoler og barnehager.\n\nRegjeringens mål er at **barnehager, skoler og høyere "
         "utdanning skal holdes åpne**.", ["smittevern", "folkehelse"]),
    news("studentene-i-innlandet-organiserer-trygg-sosial-aktivitet", "2020-08-14 12:00",
         "Studentene i Innlandet organiserer trygg sosial aktivitet",
         "Torsdag møtte fylkesmann Knut Storberget studentledere ved Høgskolen i Innlandet (HINN) og NTNU Gjøvik til "
         "dialog om studiestarten. Studentenes klare budskap var at fadderuka bidrar til en godt organisert "
         "studiestart med sosiale aktiviteter innenfor trygge smittevernrammer.",
         "Torsdag møtte fylkesmann Knut Storberget studentledere ved Høgskolen i Innlandet (HINN) og NTNU Gjøvik til "
         "dialog om studiestarten.\n\nStudentenes klare budskap var at fadderuka bidrar til en godt organisert "
         "studiestart med sosiale aktiviteter **innenfor trygge smittevernrammer**.", ["smittevern", "folkehelse"]),
    news("setter-av-1-2-mill-kroner-til-digital-smittesporing", "2020-08-06 12:00",
         "Setter av 1,2 mill. kroner til digital smittesporing",
         "Fylkesmannen mener det er viktig at kommunene i Innlandet raskt skaffer seg digitale verktøy for "
         "smittesporing. Det settes derfor av 1,2 mill. kroner som dekker kommunenes kostnader til å anskaffe slike "
         "verktøy.",
         "Fylkesmannen mener det er viktig at kommunene i Innlandet raskt skaffer seg digitale verktøy for "
         "smittesporing.\n\nDet settes derfor av **1,2 mill. kroner** som dekker kommunenes kostnader til å anskaffe "
         "slike verktøy.", ["smittesporing"]),
    news("turister-med-symptomer-testes-der-de-oppholder-seg", "2020-08-05 12:00",
         "Turister med symptomer på Covid-19 testes der de oppholder seg",
         "Kommunene skal ha et testtilbud til alle som oppholder seg i kommunen, inkludert turister og andre "
         "tilreisende. Testing skal være tilgjengelig uten henvisning fra lege.",
         "Kommunene skal ha et **testtilbud til alle som oppholder seg i kommunen**, inkludert turister og andre "
         "tilreisende.\n\nTesting skal være tilgjengelig uten henvisning fra lege.", ["smittesporing", "legevakt"]),
    news("karantene-for-hurtigrute-reisende", "2020-08-03 14:00",
         "Karantene for hurtigrute-reisende fra fem Innlandskommuner",
         "Passasjerer fra hurtigruten med koronautbrudd må kontakte helsetjenesten og gå i karantene. FHI vil ha "
         "rapport om oppfølgingen av passasjerene fra alle berørte kommuner.",
         "Passasjerer fra hurtigruten med koronautbrudd må **kontakte helsetjenesten og gå i karantene**.\n\nFHI vil "
         "ha rapport om oppfølgingen av passasjerene fra alle berørte kommuner.", ["smittesporing", "smittevern"]),
    news("ta-telefonen-det-kan-gjelde-smittesporing", "2020-08-03 12:00",
         "- Ta telefonen, det kan gjelde smittesporing",
         "Vi er nå i en situasjon hvor det oppstår en rekke lokale utbrudd av koronavirus. For å holde viruset nede og "
         "unngå ny nedstenging av samfunnet, er det viktig at vi får brutt smittekjeden. Din innsats er viktig for å "
         "nå målet om effektiv testing, isolering, smittesporing og karantene.",
         "Vi er nå i en situasjon hvor det oppstår en rekke lokale utbrudd av koronavirus.\n\nFor å holde viruset "
         "nede og unngå ny nedstenging av samfunnet, er det viktig at vi får **brutt smittekjeden**. Din innsats er "
         "viktig for å nå målet om effektiv testing, isolering, smittesporing og karantene.", ["smittesporing"]),
    news("fylkesmannen-besokte-tollen", "2020-07-31 12:00",
         "Fylkesmannen besøkte tollen – fortsatt trafikk under fjorårsnivå",
         "Etter at svenskegrensa til Värmland ble åpnet igjen i slutten av forrige uke har trafikken tatt seg opp "
         "igjen, men den er vesentlig lavere enn på samme tidspunkt i fjor. Etter grenseåpningen er nå Tolletaten "
         "invitert inn i Fylkesberedskapsrådet i Innlandet.",
         "Etter at svenskegrensa til Värmland ble åpnet igjen i slutten av forrige uke, har trafikken tatt seg opp "
         "igjen, men den er vesentlig lavere enn på samme tidspunkt i fjor.\n\nEtter grenseåpningen er "
         "**Tolletaten invitert inn i Fylkesberedskapsrådet** i Innlandet.", ["beredskap"]),
    news("vil-forsterke-samarbeidet-over-svenskegrensen", "2020-07-30 12:00",
         "Vil forsterke samarbeidet over svenskegrensen",
         "Å få til enda tettere samarbeid over den 40 mil lange landegrensen er målet for Fylkesmannen i Innlandet og "
         "Landshøvdingen i Värmland. Onsdag møttes de på grensen, som har vært en av de mest åpne i verden. "
         "Befolkningen på begge sider har en sterk «vi»-følelse som har blitt satt på prøve i koronatiden.",
         "Å få til enda tettere samarbeid over den 40 mil lange landegrensen er målet for Fylkesmannen i Innlandet og "
         "Landshøvdingen i Värmland.\n\nOnsdag møttes de på grensen, som har vært en av de mest åpne i verden. "
         "Befolkningen på begge sider har en sterk «vi»-følelse som har blitt satt på prøve i koronatiden.",
         ["beredskap"]),
]


def question(slug, topics, date, title, summary, body, source_day, *, see_also=()):
    return article(slug, "sporsmal-og-svar", "statsforvalteren-innlandet", topics,
                   version(date, title, summary, body, exact(STATSFORVALTEREN_PAGE, source_day),
                           note=FIRST_NOTE, editor_note=FAQ_NOTE, see_also=see_also))


FAQ = [
    question(
        "sporsmal-hvor-varsles-utbrudd-av-covid-19", ["smittevern"], "2020-10-08 16:00",
        "Hvor skal utbrudd av covid-19 varsles?",
        "Utbrudd av covid-19 i og utenfor helseinstitusjon skal varsles til kommunelegen og Folkehelseinstituttet, "
        "etter MSIS-forskriftens §§ 3-3 og 3-4.",
        "Varsling av utbrudd skjer gjennom utbruddsvarslingssystemet **Vesuv**.",
        "2020-10-08",
    ),
    question(
        "sporsmal-skal-turister-ha-testtilbud", ["smittesporing", "legevakt"], "2020-08-05 12:05",
        "Skal turister og andre tilreisende få testtilbud i kommunen?",
        "Ja. Kommunene skal ha et testtilbud til alle som oppholder seg i kommunen, inkludert turister og andre "
        "tilreisende.",
        "Testing skal være tilgjengelig **uten henvisning fra lege**.",
        "2020-08-05",
    ),
    question(
        "sporsmal-kan-andre-enn-helsepersonell-smittespore", ["smittesporing"], "2020-09-18 14:05",
        "Kan kommunen bruke andre enn helsepersonell i smittesporingen?",
        "Helsedirektoratet har oppfordret kommunene til å bruke annet personell enn helsepersonell som medhjelpere "
        "på smittesporing.",
        "¼ av kommunene i Innlandet har tatt oppfordringen fra Helsedirektoratet om å bruke **annet personell enn "
        "helsepersonell som medhjelpere** på smittesporing.",
        "2020-09-18", see_also=[HELPERS],
    ),
]
