"""Seed 000: every guidance item on KS's page «Koronaviruset: Helse og velferd».

The page dates only three items ("Oppdatert DD.MM.YYYY", each that item's last update) and one
more through its text (the circular "oppdatert 17. desember 2020", its month). Every other item is
undated: it has no `date` below, is published when the demo is loaded, and lists put it after every
dated item, in the page's order. Each item is one version: the page shows no earlier text. KS is the issuer of every
item, since the words are KS's, whoever's decision they report.
"""

from guidance.demo_content.common import FIRST_NOTE, KS_PAGE, about, article, exact, measure_link, undated, version

# The staffing measures that describe the same schemes as items on the page (linked both ways).
STUDENT_LICENCE = measure_link("studentlisens", "Studentlisens for helsefaglige studenter, elever og lærlinger")
GP_DUTY = measure_link("fastlegers-plikt-til-vaksinasjon", "Fastlegenes plikt til å delta i vaksinasjon mot covid-19")
DEPLOYMENT_PERSONNEL = measure_link("nasjonalt-innsatspersonell-tisk", "Nasjonalt innsatspersonell for TISK")
RESERVE_REGISTER = measure_link("register-for-reservepersonell",
                                "Register for reservepersonell innen helse (nasjonalthelsepersonell.no)")
PENSIONERS_FROM_SEPTEMBER_2022 = measure_link(
    "pensjonister-fra-september-2022",
    "Pensjonister kan jobbe med TISK og vaksinering uten å tape pensjon (fra 10.09.2022)")
PENSIONERS_UNTIL_JULY_2022 = measure_link("pensjonister-til-juli-2022",
                                          "Pensjonister i covid-19-arbeidet (fram til juli 2022)")
EXTRA_COSTS = measure_link("staten-dekker-ekstrautgifter", "Staten dekker kommunenes covid-19-ekstrautgifter")
EXTRA_COSTS_NOTE = ("Helsedirektoratets brev til kommunene om økt smitte og kapasitetsutfordringer (ca. desember "
                    "2021) sier: «Regjeringen har lovet at ekstrautgifter dekkes.» Det står som tiltak under Bemanning.")


def ks_item(slug, topics, date, title, summary, body, *, kind="veiledning", source=None, note=FIRST_NOTE,
            editor_note="", see_also=()):
    return article(slug, kind, "ks", topics, version(date, title, summary, body, source or undated(KS_PAGE),
                                                     note=note, editor_note=editor_note, see_also=see_also))


ALL_TOPICS = ["vaksinering", "smittesporing", "nav-og-sosiale-tjenester", "fastleger", "beredskap", "smittevern",
              "legevakt", "folkehelse", "eldreomsorg"]

GUIDANCE = [
    # The page's own introduction: what it is for and the topics it covers (the portal's topic list).
    ks_item(
        "koronaviruset-helse-og-velferd", ALL_TOPICS, None,
        "Koronaviruset: Helse og velferd",
        "Informasjon til kommunen om helse- og omsorgstjenester i forbindelse med koronautbruddet.",
        "Informasjon til kommunen om helse- og omsorgstjenester i forbindelse med koronautbruddet. Her finner du "
        "informasjon om vaksinering, smittesporing, NAV og sosiale tjenester, fastleger, beredskap, smittevern, "
        "legevakt, folkehelse, eldreomsorg.",
        editor_note="Dette er innledningen på KS' side. Sakene på siden står hver for seg i veiledningen, og temaene "
                    "i veiledningen er de samme som innledningen nevner.",
    ),
    ks_item(
        "ofte-stilte-sporsmal-kommunen-som-arbeidsgiver", ["beredskap"], "2022-03-16 09:00",
        "Ofte stilte spørsmål",
        "Har du spørsmål om kommunens rolle som arbeidsgiver i forbindelse med spredningen av koronaviruset? "
        "Her kan du se svar på ofte stilte spørsmål.",
        "KS samler svar på spørsmål om **kommunens rolle som arbeidsgiver** i forbindelse med spredningen av "
        "koronaviruset.",
        kind="sporsmal-og-svar", source=exact(KS_PAGE, "2022-03-16"),
        note="Ny artikkel, etter KS' versjon oppdatert 16.03.2022.",
    ),
    ks_item(
        "selvregistrering-av-positiv-hjemmetest", ["smittesporing"], None,
        "Helsedirektoratet ber alle kommuner om å ta i bruk selvregisteringsløsning",
        "Helsedirektoratet oppfordrer alle kommuner til å ta i bruk Fiks smittesporing eller andre løsninger som "
        "gjør at innbyggerne selv kan registrere positiv hjemmetest.",
        "Helsedirektoratet oppfordrer alle kommuner til å ta i bruk **Fiks smittesporing eller andre løsninger** "
        "som gjør at innbyggerne selv kan registrere positiv hjemmetest.",
    ),
    ks_item(
        "barnehage-og-skoleeier-kan-redusere-apningstid", ["smittevern", "folkehelse"], None,
        "Barnehage- og skoleeier kan redusere åpningstid for å ivareta smittevernet",
        "I forskrift om smittevern (covid19 forskriften) innføres igjen bestemmelsen om at skole- og barnehageeier "
        "kan redusere åpningstidene eller antall barn eller elever som er til stede samtidig dersom det er nødvendig "
        "for å oppfylle kravene i forskriften.",
        "I forskrift om smittevern (covid-19-forskriften) innføres igjen bestemmelsen om at skole- og barnehageeier "
        "kan\n\n- redusere åpningstidene, eller\n- redusere antall barn eller elever som er til stede samtidig,\n\n"
        "dersom det er nødvendig for å oppfylle kravene i forskriften.",
    ),
    ks_item(
        "kommunelegene-har-fatt-nasjonalt-kontaktregister", ["beredskap"], None,
        "Kommunelegene har fått nasjonalt kontaktregister",
        "Nå er det etablert en teknisk løsning slik at kommuneleger raskt kan ta kontakt med hverandre. Løsningen "
        "er en utvidelse av eksisterende Bedriftsregister og endrer ikke beredskapsordningene i kommunene.",
        "Det er etablert en teknisk løsning slik at **kommuneleger raskt kan ta kontakt med hverandre**.\n\n"
        "Løsningen er en utvidelse av det eksisterende Bedriftsregisteret. Den endrer ikke beredskapsordningene i "
        "kommunene.",
    ),
    ks_item(
        "ny-veileder-for-vaksinasjon-av-helsepersonell", ["vaksinering"], None,
        "Ny veileder for vaksinasjon av helsepersonell",
        "Frem til nå har helsepersonell med pasientkontakt som er essensielt og kapasitetskritisk blitt prioritert i "
        "vaksinekøen. Nå kommer FHI med en ny og oppdatert veileder. Årsaken er bedre tilgang på vaksine, og at de "
        "fleste i risikogrupper nå er vaksinert.",
        "Frem til nå har helsepersonell med pasientkontakt som er essensielt og kapasitetskritisk blitt prioritert "
        "i vaksinekøen.\n\nFHI kommer nå med en ny og oppdatert veileder. Årsakene er\n\n- bedre tilgang på vaksine, "
        "og\n- at de fleste i risikogrupper nå er vaksinert.",
    ),
    ks_item(
        "smittevernutstyr-til-fastleger-og-fysioterapeuter", ["smittevern", "fastleger"], None,
        "Smittevernutstyr til fastleger og fysioterapeuter",
        "Helsedirektoratet har oppdatert coronaveilederen og anbefaler at fastleger og fysioterapeuter med "
        "driftsavtale med kommunen fra 1. januar 2021 kan motta smittevernutstyr relatert til covid-19 "
        "kostnadsfritt fra kommunen.",
        "Helsedirektoratet har oppdatert koronaveilederen.\n\nDirektoratet anbefaler at **fastleger og "
        "fysioterapeuter med driftsavtale med kommunen** fra 1. januar 2021 kan motta smittevernutstyr relatert "
        "til covid-19 kostnadsfritt fra kommunen.",
    ),
    ks_item(
        "studentlisens", ["beredskap"], None,
        "Studentlisens",
        "Det er åpnet for at helsefaglige studenter, elever og lærlinger kan få innvilget studentlisens i siste "
        "studieår. Kommunene kan melde behov om dette til godkjenning@helsedir.no",
        "Det er åpnet for at **helsefaglige studenter, elever og lærlinger** kan få innvilget studentlisens i siste "
        "studieår.\n\nKommunene kan melde behov om dette til "
        "[godkjenning@helsedir.no](mailto:godkjenning@helsedir.no).",
        see_also=[STUDENT_LICENCE],
    ),
    ks_item(
        "fastlegenes-arbeid-med-vaksinasjon-mot-covid-19", ["fastleger", "vaksinering"], None,
        "Fastlegenes arbeid med vaksinasjon mot covid-19",
        "KS har fått spørsmål om hvilke regler som gjelder når kommunene ønsker å involvere fastlegene i "
        "vaksinearbeidet. Her gir vi en oversikt over de mest sentrale bestemmelsene, og vi gir noen anbefalinger.",
        "KS har fått spørsmål om hvilke regler som gjelder når kommunene ønsker å **involvere fastlegene i "
        "vaksinearbeidet**.\n\nKS gir en oversikt over de mest sentrale bestemmelsene, og noen anbefalinger.",
        see_also=[GP_DUTY],
    ),
    ks_item(
        "vaksinering-av-ikke-kommunalt-ansatt-helsepersonell", ["vaksinering"], None,
        "Kommunens ansvar for vaksinering av ikke-kommunalt ansatt helsepersonell",
        "Kommunen skal tilby vaksine til helsepersonell som jobber i kommunen og yter helsetjenester til "
        "kommunenes innbyggere, uavhengig av hvem som har arbeidsgiveransvaret for helsepersonellet. Det har "
        "Folkehelseinstituttet nå presisert.",
        "Folkehelseinstituttet har presisert at **kommunen skal tilby vaksine til helsepersonell** som jobber i "
        "kommunen og yter helsetjenester til kommunens innbyggere.\n\nDette gjelder uavhengig av hvem som har "
        "arbeidsgiveransvaret for helsepersonellet.",
    ),
    ks_item(
        "hjelp-til-tisk-arbeid-ved-akutt-bemanningsbehov", ["smittesporing", "beredskap"], None,
        "Kommuner med akutt bemanningsbehov kan få hjelp til TISK-arbeid",
        "Helsedirektoratet har etablert en ordning med nasjonalt innsatspersonell, som har fått opplæring i "
        "testing, smittesporing og bruk av smittevernutstyr. Ordningen er tilgjengelig for kommuner med akutt "
        "mangel på personell.",
        "Helsedirektoratet har etablert en ordning med **nasjonalt innsatspersonell**.\n\nInnsatspersonellet har "
        "fått opplæring i\n\n- testing,\n- smittesporing og\n- bruk av smittevernutstyr.\n\nOrdningen er "
        "tilgjengelig for kommuner med akutt mangel på personell.",
        see_also=[DEPLOYMENT_PERSONNEL],
    ),
    ks_item(
        "forskrift-om-fastlegenes-plikt-til-a-delta-i-vaksinasjon", ["fastleger", "vaksinering"], None,
        "Forskrift om fastlegenes plikt til å delta i vaksinasjon",
        "Helse- og omsorgsdepartementet har vedtatt endringer i forskrift om nasjonalt vaksinasjonsprogram, som "
        "fastsetter en plikt for fastlegene til å delta i vaksinasjon mot Covid-19. Forskriften er utarbeidet i "
        "dialog med KS og Legeforeningen.",
        "Helse- og omsorgsdepartementet har vedtatt endringer i **forskrift om nasjonalt vaksinasjonsprogram**.\n\n"
        "Endringene fastsetter en plikt for fastlegene til å delta i vaksinasjon mot covid-19. Forskriften er "
        "utarbeidet i dialog med KS og Legeforeningen.",
        see_also=[GP_DUTY],
    ),
    ks_item(
        "fiks-klinikermelding", ["smittesporing"], None,
        "Ny Fiks-tjeneste gjør det enklere å sende klinikermelding til FHI",
        "Tjenesten Fiks klinikermelding gjør at kommunen kan sende klinikermelding direkte fra "
        "smittesporingsverktøyet eller det elektroniske pasientjournalsystemet (EPJ) til Meldingssystem for "
        "smittsomme sykdommer (MSIS) ved Folkehelseinstituttet (FHI).",
        "Med **Fiks klinikermelding** kan kommunen sende klinikermelding direkte\n\n- fra smittesporingsverktøyet, "
        "eller\n- fra det elektroniske pasientjournalsystemet (EPJ)\n\ntil Meldingssystem for smittsomme "
        "sykdommer (MSIS) ved Folkehelseinstituttet (FHI).",
    ),
    ks_item(
        "innbyggerlister-fra-fiks-folkeregister", ["vaksinering"], None,
        "Nå kan kommunene hente innbyggerlister fra Fiks folkeregister",
        "Nå er nettsiden for oppslag og uttrekk fra Fiks folkeregister klar til bruk. Kommuner som bruker Fiks "
        "folkeregister, kan dermed hente ut informasjon om hvilke innbyggere, basert på alder, som skal vaksineres "
        "mot covid-19.",
        "Nettsiden for oppslag og uttrekk fra **Fiks folkeregister** er klar til bruk.\n\nKommuner som bruker "
        "Fiks folkeregister, kan dermed hente ut informasjon om hvilke innbyggere, basert på alder, som skal "
        "vaksineres mot covid-19.",
    ),
    ks_item(
        "digitale-losninger-i-bekjempelsen-av-koronapandemien", ["smittesporing", "vaksinering"], None,
        "Digitale løsninger i bekjempelsen av koronapandemien",
        "I samarbeid med nasjonale myndigheter jobber KS med å utvikle løsninger som vil hjelpe kommunen i "
        "bekjempelse av koronapandemien. Elektronisk registrering av vaksiner og raskere tilgang til prøvesvar er "
        "noen av løsningene. Flere vil komme.",
        "I samarbeid med nasjonale myndigheter jobber KS med å utvikle løsninger som vil hjelpe kommunen i "
        "bekjempelsen av koronapandemien. Noen av løsningene er\n\n- elektronisk registrering av vaksiner,\n"
        "- raskere tilgang til prøvesvar.\n\nFlere vil komme.",
    ),
    ks_item(
        "koronavaksinasjon-i-kommunene", ["vaksinering"], None,
        "Koronavaksinasjon i kommunene",
        "Koronavaksinasjonsveilederen kom 7. desember og gir kommunene og helseforetakene veiledning om de "
        "praktiske forholdene i planlegging for koronavaksinasjon. Folkehelseinstituttet har siden kommet med "
        "flere oppdateringer om koronavaksinen.",
        "Koronavaksinasjonsveilederen kom 7. desember og gir kommunene og helseforetakene veiledning om de "
        "**praktiske forholdene i planlegging for koronavaksinasjon**.\n\nFolkehelseinstituttet har siden kommet "
        "med flere oppdateringer om koronavaksinen.",
    ),
    ks_item(
        "rundskriv-om-kommunale-smitteverntiltak", ["smittevern"], None,
        "Rundskriv om kommunale smitteverntiltak",
        "Rundskrivet om kommunale smitteverntiltak er oppdatert 17. desember 2020 med blant annet omtale av det nye "
        "systemet for å vurdere smittesituasjonen.",
        "Rundskrivet om kommunale smitteverntiltak er **oppdatert 17. desember 2020**.\n\nRundskrivet omtaler nå "
        "blant annet det nye systemet for å vurdere smittesituasjonen.",
        source=about(KS_PAGE, "2020-12-17"),
    ),
    ks_item(
        "retten-til-erstatning-for-covid-19-smitte", ["eldreomsorg"], None,
        "Retten til erstatning for covid-19 smitte",
        "Eldre har rett til erstatning dersom de blir koronasmittet på sykehjem. Norsk pasientskadeerstatning "
        "(NPE) gir nå erstatning til etterlatte etter et slikt dødsfall.",
        "Eldre har **rett til erstatning** dersom de blir koronasmittet på sykehjem.\n\nNorsk "
        "pasientskadeerstatning (NPE) gir nå erstatning til etterlatte etter et slikt dødsfall.",
    ),
    ks_item(
        "veiviser-for-lokal-forskrift", ["smittevern"], None,
        "Veiviser for lokal forskrift",
        "Når kommuner skal igangsette tiltak for å hindre smittespredning, må det gjøres en rekke vurderinger. Her "
        "er oversikt over sentrale problemstillinger som kommunene må ta stilling til ved innføring av tiltak, "
        "inkludert eksempler på tiltak og forskrifter.",
        "Når kommuner skal igangsette tiltak for å hindre smittespredning, må det gjøres en rekke vurderinger.\n\n"
        "Veiviseren gir oversikt over sentrale problemstillinger som kommunene må ta stilling til ved innføring av "
        "tiltak, inkludert\n\n- eksempler på tiltak, og\n- eksempler på forskrifter.",
    ),
    ks_item(
        "fiks-smittesporing", ["smittesporing"], None,
        "Fiks smittesporing",
        "Med Fiks smittesporing får norske kommuner et nytt smittesporingsverktøy til bruk mot covid-19. Det vil "
        "øke kvaliteten og gjøre smittejakten enklere, og er et resultat av samarbeid mellom KS, kommuner, UiO og FHI.",
        "Med **Fiks smittesporing** får norske kommuner et nytt smittesporingsverktøy til bruk mot covid-19.\n\n"
        "Verktøyet vil øke kvaliteten og gjøre smittejakten enklere. Det er et resultat av samarbeid mellom KS, "
        "kommuner, UiO og FHI.",
    ),
    ks_item(
        "deling-av-informasjon-mellom-kommuneleger-ved-smittesporing", ["smittesporing"], None,
        "Adgang til deling av informasjon mellom kommuneleger i arbeidet med smittesporing - Covid-19",
        "KS har, på bakgrunn av henvendelse fra Seljord kommune, henvendt oss til Helsedirektoratet og bedt om en "
        "fortolkning av smittevernloven § 3-6 om adgangen til deling av informasjon mellom kommuneleger i "
        "forbindelse med smittesporing.",
        "På bakgrunn av en henvendelse fra Seljord kommune har KS henvendt seg til Helsedirektoratet og bedt om en "
        "fortolkning av **smittevernloven § 3-6**.\n\nSpørsmålet gjelder adgangen til deling av informasjon mellom "
        "kommuneleger i forbindelse med smittesporing.",
    ),
    ks_item(
        "register-for-reservepersonell-innen-helse", ["beredskap"], None,
        "Register for reservepersonell innen helse",
        "Covid-utbruddet har ført til at helsetjenesten både i sykehus og kommuner er presset. Behovet for "
        "helsepersonell er stort. Derfor har Helsedirektoratet opprettet et nasjonalt register hvor ledig "
        "helsepersonell og helsefaglige studenter kan registrere seg.",
        "Covid-utbruddet har ført til at helsetjenesten både i sykehus og kommuner er presset, og behovet for "
        "helsepersonell er stort.\n\nHelsedirektoratet har derfor opprettet et **nasjonalt register** hvor ledig "
        "helsepersonell og helsefaglige studenter kan registrere seg.",
        editor_note="Helsedirektoratets svar på oppdrag 262a (ca. mars 2021) sier at registeret, "
                    "nasjonalthelsepersonell.no, ble etablert i mars 2020 og hadde ca. 10 000 registrerte per mars "
                    "2021. Tiltaket står under Bemanning.",
        see_also=[RESERVE_REGISTER],
    ),
    ks_item(
        "etikksatsingen-i-ks-hjelp-i-etisk-vanskelige-sporsmal", ["eldreomsorg"], None,
        "Etikksatsingen i KS kan tilby hjelp i etisk vanskelige spørsmål",
        "Kommunene opplever at korona-situasjonen gir et økt behov for praksisnær etisk refleksjon. KS har sendt et "
        "brev om hva etikksatsingen tilbyr av rådgivning, kompetanse og verktøy.",
        "Kommunene opplever at koronasituasjonen gir et økt behov for **praksisnær etisk refleksjon**.\n\nKS har "
        "sendt et brev om hva etikksatsingen tilbyr av\n\n- rådgivning,\n- kompetanse og\n- verktøy.",
    ),
    ks_item(
        "legevaktarbeid-under-koronautbruddet", ["legevakt"], "2020-05-05 12:00",
        "Legevaktarbeid under koronautbruddet",
        "KS oppfordrer til å finne gode og fleksible løsninger i samråd med de ansatte for å ivareta hensynet til "
        "smittevern, drift og de ansatte selv.",
        "KS oppfordrer til å finne gode og fleksible løsninger **i samråd med de ansatte** for å ivareta hensynet "
        "til\n\n- smittevern,\n- drift og\n- de ansatte selv.",
        source=exact(KS_PAGE, "2020-05-05"), note="Ny artikkel, etter KS' versjon oppdatert 05.05.2020.",
    ),
    ks_item(
        "samfunnets-kritiske-funksjoner", ["beredskap"], "2020-04-20 16:15",
        "Samfunnets kritiske funksjoner",
        "Hvem er omfattet av helsedirektoratets grupper som defineres som samfunnskritiske?",
        "KS-saken svarer på hvem som er omfattet av **Helsedirektoratets grupper som defineres som "
        "samfunnskritiske**.",
        source=exact(KS_PAGE, "2020-04-20"), note="Ny artikkel, etter KS' versjon oppdatert 20.04.2020 kl. 16.15.",
    ),
    # "Mer informasjon om koronasituasjonen"
    ks_item(
        "pensjonister-kan-jobbe-uten-a-tape-pensjon", ["beredskap", "vaksinering", "smittesporing"],
        None,
        "Pensjonister kan jobbe med TISK-tiltak og vaksinering som følge av koronapandemien uten å tape pensjon",
        "Kommuner kan ha behov for ekstra bemanning for å håndtere oppskalering av TISK-tiltak eller vaksinering. "
        "Fra 10. september 2022 kan pensjonert personell motta en særskilt fastsatt pensjonistlønn uten at AFP "
        "eller alderspensjonen reduseres.",
        "Kommuner kan ha behov for ekstra bemanning for å håndtere oppskalering av TISK-tiltak eller vaksinering.\n\n"
        "Fra **10. september 2022** kan pensjonert personell motta en **særskilt fastsatt pensjonistlønn** uten at "
        "AFP eller alderspensjonen reduseres.",
        editor_note="Helsedirektoratets brev til kommunene om økt smitte og kapasitetsutfordringer omtaler en "
                    "tidligere ordning: pensjonert helsepersonell kunne få lønn uten trekk i pensjonen fram til juli "
                    "2022. Begge ordningene står under Bemanning, den tidligere med brevet som kilde.",
        see_also=[PENSIONERS_FROM_SEPTEMBER_2022, PENSIONERS_UNTIL_JULY_2022],
    ),
    ks_item(
        "fiks-vaksine", ["vaksinering"], None,
        "Tilby alle innbyggere koronavaksine til rett tid med Fiks vaksine",
        "KS Digitale fellestjenester har videreutviklet tjenesten Fiks vaksine. Kommunelegene kan nå enkelt hente "
        "ut oversikt over vaksinasjonsstatus for alle som er bosatt i kommunen.",
        "KS Digitale fellestjenester har videreutviklet tjenesten **Fiks vaksine**.\n\nKommunelegene kan nå enkelt "
        "hente ut oversikt over vaksinasjonsstatus for alle som er bosatt i kommunen.",
    ),
    ks_item(
        "kommunesektorens-koronautgifter-8-8-milliarder", ["beredskap"], None,
        "Anslår kommunesektorens koronautgifter til 8,8 milliarder",
        "En arbeidsgruppe med medlemmer fra KS og staten anslår at virusutbruddet kostet kommunene og "
        "fylkeskommunene til sammen 8,8 milliarder kroner første halvår 2022.",
        "En arbeidsgruppe med medlemmer fra KS og staten anslår at virusutbruddet kostet kommunene og "
        "fylkeskommunene til sammen **8,8 milliarder kroner** første halvår 2022.",
        editor_note=EXTRA_COSTS_NOTE, see_also=[EXTRA_COSTS],
    ),
    ks_item(
        "korona-er-ikke-over", ["vaksinering", "eldreomsorg"], None,
        "Korona er ikke er over",
        "Kommunene må nok en gang planlegge for vaksinering i sommerferien. Tilbud om fjerde dose til dem over 75 år "
        "trer i kraft fra 1. juli.",
        "Kommunene må nok en gang **planlegge for vaksinering i sommerferien**.\n\nTilbud om fjerde dose til dem "
        "over 75 år trer i kraft fra 1. juli.",
    ),
    ks_item(
        "horingssvar-kompetanseforskriften-og-trygderefusjonsforskriften", ["fastleger"], None,
        "Høringssvar om endringer i kompetanseforskriften og trygderefusjonsforskriften",
        "Kommunesektorens organisasjon (KS) viser til høringsnotatet «Forslag til midlertidige endringer i "
        "kompetanseforskriften og trygderefusjonsforskriften» av 12. april 2022. Under Korona-pandemien ble det "
        "vedtatt midlertidige endringer for begge forskriftene.",
        "Kommunesektorens organisasjon (KS) viser til høringsnotatet *«Forslag til midlertidige endringer i "
        "kompetanseforskriften og trygderefusjonsforskriften»* av 12. april 2022.\n\nUnder koronapandemien ble det "
        "vedtatt midlertidige endringer for begge forskriftene.",
        kind="horingssvar",
    ),
    ks_item(
        "et-klart-loftebrudd-koronakostnader-forste-halvar", ["beredskap"], None,
        "Et klart løftebrudd – høyst usikkert om koronakostnader i første halvår vil bli dekket",
        "Håndteringen av koronapandemien har vært utfordrende og kostnadskrevende for kommunesektoren.",
        "Håndteringen av koronapandemien har vært **utfordrende og kostnadskrevende** for kommunesektoren.",
        editor_note=EXTRA_COSTS_NOTE, see_also=[EXTRA_COSTS],
    ),
]
