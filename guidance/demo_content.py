"""Demo content for guidance, built from the seeds in ../shared/seeds/ (Norwegian).

- Seed 000 (KS, "Koronaviruset: Helse og velferd"): every guidance item, the FAQ, the links to other
  authorities and the "Mer informasjon" items. Where the seed gives "Oppdatert DD.MM.YYYY" that is the
  date of the newest version. Where it gives no date, the date is taken from the item's own text
  (e.g. "oppdatert 17. desember 2020") or, failing that, estimated from the item's place on the
  KS page (newest first); those are marked `# estimated`.
- Seed 001 (Statsforvalteren i Innlandet): every news item with its date. Two items appear twice in
  the seed with different dates; here they are one article each, republished as a second version.
- Seed 004 (Helsedirektoratet, December 2021): the pensioner scheme "fram til juli 2022", which seed
  000 replaces with a new scheme from 10 September 2022: one article, two versions.

Bodies are the seeds' own sentences, arranged as Markdown. Times are Europe/Oslo.
"""

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
    {"slug": "hod", "name": "Helse- og omsorgsdepartementet"},
    {"slug": "nav", "name": "Arbeids- og velferdsdirektoratet (NAV)"},
    {"slug": "bufdir", "name": "Bufdir"},
    {"slug": "regjeringen", "name": "Regjeringen"},
    {"slug": "statsforvalteren-innlandet", "name": "Statsforvalteren i Innlandet"},
]

FIRST_NOTE = "Ny artikkel."

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


def article(slug, kind, issuer, topics, date, title, summary, body, note=FIRST_NOTE):
    """An article with one published version."""
    return {"slug": slug, "kind": kind, "issuer": issuer, "topics": topics,
            "versions": [{"date": date, "title": title, "summary": summary, "body": body, "note": note}]}


def news(slug, date, title, summary, body, topics):
    return article(slug, "nyhet", "statsforvalteren-innlandet", topics, date, title, summary, body)


# --- Seed 000: guidance from KS's page -------------------------------------------------------

GUIDANCE = [
    article(
        "ofte-stilte-sporsmal-kommunen-som-arbeidsgiver", "sporsmal-og-svar", "ks", ["beredskap"], "2022-03-16 09:00",
        "Ofte stilte spørsmål",
        "Har du spørsmål om kommunens rolle som arbeidsgiver i forbindelse med spredningen av koronaviruset? "
        "Her kan du se svar på ofte stilte spørsmål.",
        "KS samler svar på spørsmål om **kommunens rolle som arbeidsgiver** i forbindelse med spredningen av "
        "koronaviruset.\n\nSvarene ble sist oppdatert 16.03.2022.",
        note="Oppdatert 16.03.2022.",
    ),
    article(
        "selvregistrering-av-positiv-hjemmetest", "veiledning", "helsedirektoratet", ["smittesporing"],
        "2022-01-24 12:00",  # estimated
        "Helsedirektoratet ber alle kommuner om å ta i bruk selvregisteringsløsning",
        "Helsedirektoratet oppfordrer alle kommuner til å ta i bruk Fiks smittesporing eller andre løsninger som "
        "gjør at innbyggerne selv kan registrere positiv hjemmetest.",
        "Helsedirektoratet oppfordrer alle kommuner til å ta i bruk en løsning der innbyggerne **selv kan "
        "registrere positiv hjemmetest**.\n\n- Fiks smittesporing har en slik løsning.\n- Kommunen kan også bruke "
        "andre løsninger som gjør det samme.",
    ),
    article(
        "barnehage-og-skoleeier-kan-redusere-apningstid", "veiledning", "ks", ["smittevern", "folkehelse"],
        "2021-12-14 12:00",  # estimated
        "Barnehage- og skoleeier kan redusere åpningstid for å ivareta smittevernet",
        "I forskrift om smittevern (covid19 forskriften) innføres igjen bestemmelsen om at skole- og barnehageeier "
        "kan redusere åpningstidene eller antall barn eller elever som er til stede samtidig dersom det er nødvendig "
        "for å oppfylle kravene i forskriften.",
        "I forskrift om smittevern (covid-19-forskriften) innføres igjen bestemmelsen om at skole- og barnehageeier "
        "kan\n\n- redusere åpningstidene, eller\n- redusere antall barn eller elever som er til stede samtidig,\n\n"
        "dersom det er nødvendig for å oppfylle kravene i forskriften.",
    ),
    article(
        "kommunelegene-har-fatt-nasjonalt-kontaktregister", "veiledning", "ks", ["beredskap"],
        "2021-11-22 12:00",  # estimated
        "Kommunelegene har fått nasjonalt kontaktregister",
        "Nå er det etablert en teknisk løsning slik at kommuneleger raskt kan ta kontakt med hverandre. Løsningen "
        "er en utvidelse av eksisterende Bedriftsregister og endrer ikke beredskapsordningene i kommunene.",
        "Det er etablert en teknisk løsning slik at **kommuneleger raskt kan ta kontakt med hverandre**.\n\n"
        "Løsningen er en utvidelse av det eksisterende Bedriftsregisteret. Den endrer ikke beredskapsordningene i "
        "kommunene.",
    ),
    article(
        "ny-veileder-for-vaksinasjon-av-helsepersonell", "veiledning", "fhi", ["vaksinering"],
        "2021-08-16 12:00",  # estimated
        "Ny veileder for vaksinasjon av helsepersonell",
        "Frem til nå har helsepersonell med pasientkontakt som er essensielt og kapasitetskritisk blitt prioritert i "
        "vaksinekøen. Nå kommer FHI med en ny og oppdatert veileder. Årsaken er bedre tilgang på vaksine, og at de "
        "fleste i risikogrupper nå er vaksinert.",
        "Frem til nå har helsepersonell med pasientkontakt som er essensielt og kapasitetskritisk blitt prioritert "
        "i vaksinekøen.\n\nFHI kommer nå med en ny og oppdatert veileder. Årsakene er\n\n- bedre tilgang på vaksine, "
        "og\n- at de fleste i risikogrupper nå er vaksinert.",
    ),
    article(
        "smittevernutstyr-til-fastleger-og-fysioterapeuter", "veiledning", "helsedirektoratet", ["smittevern", "fastleger"],
        "2020-12-21 12:00",  # estimated: the rule applies from 1 January 2021
        "Smittevernutstyr til fastleger og fysioterapeuter",
        "Helsedirektoratet har oppdatert coronaveilederen og anbefaler at fastleger og fysioterapeuter med "
        "driftsavtale med kommunen fra 1. januar 2021 kan motta smittevernutstyr relatert til covid-19 "
        "kostnadsfritt fra kommunen.",
        "Helsedirektoratet har oppdatert koronaveilederen.\n\nDirektoratet anbefaler at **fastleger og "
        "fysioterapeuter med driftsavtale med kommunen** fra 1. januar 2021 kan motta smittevernutstyr relatert "
        "til covid-19 kostnadsfritt fra kommunen.",
    ),
    article(
        "studentlisens", "veiledning", "helsedirektoratet", ["beredskap"],
        "2020-12-18 12:00",  # estimated
        "Studentlisens",
        "Det er åpnet for at helsefaglige studenter, elever og lærlinger kan få innvilget studentlisens i siste "
        "studieår. Kommunene kan melde behov om dette til godkjenning@helsedir.no",
        "Det er åpnet for at **helsefaglige studenter, elever og lærlinger** kan få innvilget studentlisens i siste "
        "studieår.\n\nKommunene kan melde behov om dette til "
        "[godkjenning@helsedir.no](mailto:godkjenning@helsedir.no).",
    ),
    article(
        "fastlegenes-arbeid-med-vaksinasjon-mot-covid-19", "veiledning", "ks", ["fastleger", "vaksinering"],
        "2021-01-12 12:00",  # estimated
        "Fastlegenes arbeid med vaksinasjon mot covid-19",
        "KS har fått spørsmål om hvilke regler som gjelder når kommunene ønsker å involvere fastlegene i "
        "vaksinearbeidet. Her gir vi en oversikt over de mest sentrale bestemmelsene, og vi gir noen anbefalinger.",
        "KS har fått spørsmål om hvilke regler som gjelder når kommunene ønsker å involvere fastlegene i "
        "vaksinearbeidet.\n\n## Oversikt\n\nHer gir vi en oversikt over de mest sentrale bestemmelsene, og vi gir "
        "noen anbefalinger. Se også forskriften om fastlegenes plikt til å delta i vaksinasjon.",
    ),
    article(
        "vaksinering-av-ikke-kommunalt-ansatt-helsepersonell", "veiledning", "fhi", ["vaksinering"],
        "2021-02-05 12:00",  # estimated
        "Kommunens ansvar for vaksinering av ikke-kommunalt ansatt helsepersonell",
        "Kommunen skal tilby vaksine til helsepersonell som jobber i kommunen og yter helsetjenester til "
        "kommunenes innbyggere, uavhengig av hvem som har arbeidsgiveransvaret for helsepersonellet. Det har "
        "Folkehelseinstituttet nå presisert.",
        "Folkehelseinstituttet har presisert at **kommunen skal tilby vaksine til helsepersonell** som jobber i "
        "kommunen og yter helsetjenester til kommunens innbyggere.\n\nDette gjelder uavhengig av hvem som har "
        "arbeidsgiveransvaret for helsepersonellet.",
    ),
    article(
        "hjelp-til-tisk-arbeid-ved-akutt-bemanningsbehov", "veiledning", "helsedirektoratet", ["smittesporing", "beredskap"],
        "2021-01-20 12:00",  # estimated
        "Kommuner med akutt bemanningsbehov kan få hjelp til TISK-arbeid",
        "Helsedirektoratet har etablert en ordning med nasjonalt innsatspersonell, som har fått opplæring i "
        "testing, smittesporing og bruk av smittevernutstyr. Ordningen er tilgjengelig for kommuner med akutt "
        "mangel på personell.",
        "Helsedirektoratet har etablert en ordning med **nasjonalt innsatspersonell**.\n\nInnsatspersonellet har "
        "fått opplæring i\n\n- testing,\n- smittesporing og\n- bruk av smittevernutstyr.\n\nOrdningen er "
        "tilgjengelig for kommuner med akutt mangel på personell.",
    ),
    article(
        "forskrift-om-fastlegenes-plikt-til-a-delta-i-vaksinasjon", "veiledning", "hod", ["fastleger", "vaksinering"],
        "2021-01-08 12:00",  # estimated
        "Forskrift om fastlegenes plikt til å delta i vaksinasjon",
        "Helse- og omsorgsdepartementet har vedtatt endringer i forskrift om nasjonalt vaksinasjonsprogram, som "
        "fastsetter en plikt for fastlegene til å delta i vaksinasjon mot Covid-19. Forskriften er utarbeidet i "
        "dialog med KS og Legeforeningen.",
        "Helse- og omsorgsdepartementet har vedtatt endringer i **forskrift om nasjonalt vaksinasjonsprogram**.\n\n"
        "Endringene fastsetter en plikt for fastlegene til å delta i vaksinasjon mot covid-19. Forskriften er "
        "utarbeidet i dialog med KS og Legeforeningen.",
    ),
    article(
        "fiks-klinikermelding", "veiledning", "ks", ["smittesporing"],
        "2020-12-15 12:00",  # estimated
        "Ny Fiks-tjeneste gjør det enklere å sende klinikermelding til FHI",
        "Tjenesten Fiks klinikermelding gjør at kommunen kan sende klinikermelding direkte fra "
        "smittesporingsverktøyet eller det elektroniske pasientjournalsystemet (EPJ) til Meldingssystem for "
        "smittsomme sykdommer (MSIS) ved Folkehelseinstituttet (FHI).",
        "Med **Fiks klinikermelding** kan kommunen sende klinikermelding direkte\n\n- fra smittesporingsverktøyet, "
        "eller\n- fra det elektroniske pasientjournalsystemet (EPJ)\n\ntil Meldingssystem for smittsomme "
        "sykdommer (MSIS) ved Folkehelseinstituttet (FHI).",
    ),
    article(
        "innbyggerlister-fra-fiks-folkeregister", "veiledning", "ks", ["vaksinering"],
        "2020-12-22 12:00",  # estimated
        "Nå kan kommunene hente innbyggerlister fra Fiks folkeregister",
        "Nå er nettsiden for oppslag og uttrekk fra Fiks folkeregister klar til bruk. Kommuner som bruker Fiks "
        "folkeregister, kan dermed hente ut informasjon om hvilke innbyggere, basert på alder, som skal vaksineres "
        "mot covid-19.",
        "Nettsiden for oppslag og uttrekk fra **Fiks folkeregister** er klar til bruk.\n\nKommuner som bruker "
        "Fiks folkeregister, kan dermed hente ut informasjon om hvilke innbyggere, basert på alder, som skal "
        "vaksineres mot covid-19.",
    ),
    article(
        "digitale-losninger-i-bekjempelsen-av-koronapandemien", "veiledning", "ks", ["smittesporing", "vaksinering"],
        "2020-12-10 12:00",  # estimated
        "Digitale løsninger i bekjempelsen av koronapandemien",
        "I samarbeid med nasjonale myndigheter jobber KS med å utvikle løsninger som vil hjelpe kommunen i "
        "bekjempelse av koronapandemien. Elektronisk registrering av vaksiner og raskere tilgang til prøvesvar er "
        "noen av løsningene. Flere vil komme.",
        "I samarbeid med nasjonale myndigheter jobber KS med å utvikle løsninger som vil hjelpe kommunen i "
        "bekjempelsen av koronapandemien. Noen av løsningene er\n\n- elektronisk registrering av vaksiner,\n"
        "- raskere tilgang til prøvesvar.\n\nFlere vil komme.",
    ),
    {
        "slug": "koronavaksinasjon-i-kommunene", "kind": "veiledning", "issuer": "fhi", "topics": ["vaksinering"],
        "versions": [
            {"date": "2020-12-07 12:00", "title": "Koronavaksinasjon i kommunene",
             "summary": "Koronavaksinasjonsveilederen kom 7. desember og gir kommunene og helseforetakene veiledning "
                        "om de praktiske forholdene i planlegging for koronavaksinasjon.",
             "body": "Koronavaksinasjonsveilederen gir kommunene og helseforetakene veiledning om de **praktiske "
                     "forholdene i planlegging for koronavaksinasjon**.",
             "note": "Koronavaksinasjonsveilederen er publisert."},
            {"date": "2021-01-15 12:00", "title": "Koronavaksinasjon i kommunene",  # estimated
             "summary": "Koronavaksinasjonsveilederen kom 7. desember og gir kommunene og helseforetakene veiledning "
                        "om de praktiske forholdene i planlegging for koronavaksinasjon. Folkehelseinstituttet har "
                        "siden kommet med flere oppdateringer om koronavaksinen.",
             "body": "Koronavaksinasjonsveilederen kom 7. desember og gir kommunene og helseforetakene veiledning om "
                     "de **praktiske forholdene i planlegging for koronavaksinasjon**.\n\nFolkehelseinstituttet har "
                     "siden kommet med flere oppdateringer om koronavaksinen.",
             "note": "Lagt til at Folkehelseinstituttet har kommet med flere oppdateringer om koronavaksinen."},
        ],
    },
    {
        "slug": "rundskriv-om-kommunale-smitteverntiltak", "kind": "veiledning", "issuer": "ks", "topics": ["smittevern"],
        "versions": [
            {"date": "2020-11-06 12:00", "title": "Rundskriv om kommunale smitteverntiltak",  # estimated
             "summary": "Rundskrivet om kommunale smitteverntiltak beskriver hva kommunene må vurdere når de "
                        "innfører lokale smitteverntiltak.",
             "body": "Rundskrivet om kommunale smitteverntiltak beskriver hva kommunene må vurdere når de innfører "
                     "lokale smitteverntiltak.\n\nSe også veiviseren for lokal forskrift.",
             "note": FIRST_NOTE},
            {"date": "2020-12-17 12:00", "title": "Rundskriv om kommunale smitteverntiltak",
             "summary": "Rundskrivet om kommunale smitteverntiltak er oppdatert 17. desember 2020 med blant annet "
                        "omtale av det nye systemet for å vurdere smittesituasjonen.",
             "body": "Rundskrivet om kommunale smitteverntiltak beskriver hva kommunene må vurdere når de innfører "
                     "lokale smitteverntiltak.\n\n## Oppdatert 17. desember 2020\n\nRundskrivet omtaler nå blant "
                     "annet **det nye systemet for å vurdere smittesituasjonen**.\n\nSe også veiviseren for lokal "
                     "forskrift.",
             "note": "Oppdatert 17. desember 2020 med blant annet omtale av det nye systemet for å vurdere "
                     "smittesituasjonen."},
        ],
    },
    article(
        "retten-til-erstatning-for-covid-19-smitte", "veiledning", "ks", ["eldreomsorg"],
        "2020-11-20 12:00",  # estimated
        "Retten til erstatning for covid-19 smitte",
        "Eldre har rett til erstatning dersom de blir koronasmittet på sykehjem. Norsk pasientskadeerstatning "
        "(NPE) gir nå erstatning til etterlatte etter et slikt dødsfall.",
        "Eldre har **rett til erstatning** dersom de blir koronasmittet på sykehjem.\n\nNorsk "
        "pasientskadeerstatning (NPE) gir nå erstatning til etterlatte etter et slikt dødsfall.",
    ),
    article(
        "veiviser-for-lokal-forskrift", "veiledning", "ks", ["smittevern"],
        "2020-11-02 12:00",  # estimated
        "Veiviser for lokal forskrift",
        "Når kommuner skal igangsette tiltak for å hindre smittespredning, må det gjøres en rekke vurderinger. Her "
        "er oversikt over sentrale problemstillinger som kommunene må ta stilling til ved innføring av tiltak, "
        "inkludert eksempler på tiltak og forskrifter.",
        "Når kommuner skal igangsette tiltak for å hindre smittespredning, må det gjøres en rekke vurderinger.\n\n"
        "Veiviseren gir oversikt over sentrale problemstillinger som kommunene må ta stilling til ved innføring av "
        "tiltak, inkludert\n\n- eksempler på tiltak, og\n- eksempler på forskrifter.",
    ),
    article(
        "fiks-smittesporing", "veiledning", "ks", ["smittesporing"],
        "2020-06-15 12:00",  # estimated
        "Fiks smittesporing",
        "Med Fiks smittesporing får norske kommuner et nytt smittesporingsverktøy til bruk mot covid-19. Det vil "
        "øke kvaliteten og gjøre smittejakten enklere, og er et resultat av samarbeid mellom KS, kommuner, UiO og FHI.",
        "Med **Fiks smittesporing** får norske kommuner et nytt smittesporingsverktøy til bruk mot covid-19.\n\n"
        "Verktøyet vil øke kvaliteten og gjøre smittejakten enklere. Det er et resultat av samarbeid mellom KS, "
        "kommuner, UiO og FHI.",
    ),
    article(
        "deling-av-informasjon-mellom-kommuneleger-ved-smittesporing", "veiledning", "ks", ["smittesporing"],
        "2020-05-20 12:00",  # estimated
        "Adgang til deling av informasjon mellom kommuneleger i arbeidet med smittesporing - Covid-19",
        "KS har, på bakgrunn av henvendelse fra Seljord kommune, henvendt oss til Helsedirektoratet og bedt om en "
        "fortolkning av smittevernloven § 3-6 om adgangen til deling av informasjon mellom kommuneleger i "
        "forbindelse med smittesporing.",
        "På bakgrunn av en henvendelse fra Seljord kommune har KS henvendt seg til Helsedirektoratet og bedt om en "
        "fortolkning av **smittevernloven § 3-6**.\n\nSpørsmålet gjelder adgangen til deling av informasjon mellom "
        "kommuneleger i forbindelse med smittesporing.",
    ),
    article(
        "register-for-reservepersonell-innen-helse", "veiledning", "helsedirektoratet", ["beredskap"],
        "2020-03-25 12:00",  # estimated
        "Register for reservepersonell innen helse",
        "Covid-utbruddet har ført til at helsetjenesten både i sykehus og kommuner er presset. Behovet for "
        "helsepersonell er stort. Derfor har Helsedirektoratet opprettet et nasjonalt register hvor ledig "
        "helsepersonell og helsefaglige studenter kan registrere seg.",
        "Covid-utbruddet har ført til at helsetjenesten både i sykehus og kommuner er presset, og behovet for "
        "helsepersonell er stort.\n\nHelsedirektoratet har derfor opprettet et **nasjonalt register** hvor ledig "
        "helsepersonell og helsefaglige studenter kan registrere seg.",
    ),
    article(
        "etikksatsingen-i-ks-hjelp-i-etisk-vanskelige-sporsmal", "veiledning", "ks", ["eldreomsorg"],
        "2020-04-15 12:00",  # estimated
        "Etikksatsingen i KS kan tilby hjelp i etisk vanskelige spørsmål",
        "Kommunene opplever at korona-situasjonen gir et økt behov for praksisnær etisk refleksjon. KS har sendt et "
        "brev om hva etikksatsingen tilbyr av rådgivning, kompetanse og verktøy.",
        "Kommunene opplever at koronasituasjonen gir et økt behov for **praksisnær etisk refleksjon**.\n\nKS har "
        "sendt et brev om hva etikksatsingen tilbyr av\n\n- rådgivning,\n- kompetanse og\n- verktøy.",
    ),
    {
        "slug": "legevaktarbeid-under-koronautbruddet", "kind": "veiledning", "issuer": "ks", "topics": ["legevakt"],
        "versions": [
            {"date": "2020-03-20 12:00", "title": "Legevaktarbeid under koronautbruddet",  # estimated
             "summary": "Legevaktene har en sentral rolle under koronautbruddet, og arbeidet må ivareta hensynet "
                        "til smittevern og drift.",
             "body": "Legevaktene har en sentral rolle under koronautbruddet.\n\nArbeidet må ivareta hensynet til "
                     "**smittevern** og **drift**.",
             "note": FIRST_NOTE},
            {"date": "2020-05-05 12:00", "title": "Legevaktarbeid under koronautbruddet",
             "summary": "KS oppfordrer til å finne gode og fleksible løsninger i samråd med de ansatte for å ivareta "
                        "hensynet til smittevern, drift og de ansatte selv.",
             "body": "Legevaktene har en sentral rolle under koronautbruddet.\n\nKS oppfordrer til å finne gode og "
                     "fleksible løsninger **i samråd med de ansatte** for å ivareta hensynet til\n\n- smittevern,\n"
                     "- drift, og\n- de ansatte selv.",
             "note": "Oppdatert 05.05.2020: KS oppfordrer til å finne gode og fleksible løsninger i samråd med de "
                     "ansatte, også av hensyn til de ansatte selv."},
            {"date": "2020-05-06 09:30", "title": "Legevaktarbeid under koronautbruddet",
             "summary": "KS oppfordrer til å finne gode og fleksible løsninger i samråd med de ansatte for å ivareta "
                        "hensynet til smittevern, drift og de ansatte selv.",
             "body": "Legevaktene har en sentral rolle under koronautbruddet.\n\nKS oppfordrer til å finne gode og "
                     "fleksible løsninger **i samråd med de ansatte** for å ivareta hensynet til\n\n- smittevern,\n"
                     "- drift og\n- de ansatte selv.",
             "change_type": "minor", "note": "Rettet tegnsetting i listen."},
        ],
    },
    {
        "slug": "samfunnets-kritiske-funksjoner", "kind": "veiledning", "issuer": "ks", "topics": ["beredskap"],
        "versions": [
            {"date": "2020-03-16 12:00", "title": "Samfunnets kritiske funksjoner",  # estimated
             "summary": "Hvem er omfattet av gruppene som defineres som samfunnskritiske?",
             "body": "Under koronautbruddet er det viktig å vite hvilke funksjoner i samfunnet som er kritiske, og "
                     "hvem som arbeider i dem.",
             "note": FIRST_NOTE},
            {"date": "2020-04-20 16:15", "title": "Samfunnets kritiske funksjoner",
             "summary": "Hvem er omfattet av helsedirektoratets grupper som defineres som samfunnskritiske?",
             "body": "Under koronautbruddet er det viktig å vite hvilke funksjoner i samfunnet som er kritiske, og "
                     "hvem som arbeider i dem.\n\n## Helsedirektoratets grupper\n\nHelsedirektoratet har definert "
                     "grupper som er **samfunnskritiske**. Siden svarer på hvem som er omfattet av dem.",
             "note": "Oppdatert 20.04.2020 kl. 16.15 med hvem som er omfattet av Helsedirektoratets grupper som "
                     "defineres som samfunnskritiske."},
        ],
    },
    # "Mer informasjon om koronasituasjonen"
    {
        "slug": "pensjonister-kan-jobbe-uten-a-tape-pensjon", "kind": "veiledning", "issuer": "ks",
        "topics": ["beredskap", "vaksinering", "smittesporing"],
        "versions": [
            {"date": "2021-12-15 12:00",  # seed 004: Helsedirektoratet's letter of December 2021
             "title": "Pensjonister kan jobbe i covid-19-arbeidet uten å tape pensjon",
             "summary": "Pensjonert helsepersonell kan fortsatt få lønn for å bidra i covid-19-håndteringen uten "
                        "trekk i pensjonen fram til juli 2022. Kommunene kan bruke pensjonister i arbeidet som før.",
             "body": "Pensjonert helsepersonell kan fortsatt få lønn for å bidra i covid-19-håndteringen **uten "
                     "trekk i pensjonen fram til juli 2022**.\n\nKommunene kan bruke pensjonister i arbeidet som før.",
             "note": FIRST_NOTE},
            {"date": "2022-09-10 08:00",
             "title": "Pensjonister kan jobbe med TISK-tiltak og vaksinering som følge av koronapandemien uten å "
                      "tape pensjon",
             "summary": "Kommuner kan ha behov for ekstra bemanning for å håndtere oppskalering av TISK-tiltak eller "
                        "vaksinering. Fra 10. september 2022 kan pensjonert personell motta en særskilt fastsatt "
                        "pensjonistlønn uten at AFP eller alderspensjonen reduseres.",
             "body": "Kommuner kan ha behov for ekstra bemanning for å håndtere oppskalering av TISK-tiltak eller "
                     "vaksinering.\n\n## Ny ordning fra 10. september 2022\n\nFra 10. september 2022 kan pensjonert "
                     "personell motta en **særskilt fastsatt pensjonistlønn** uten at AFP eller alderspensjonen "
                     "reduseres.\n\nDen forrige ordningen, der pensjonert helsepersonell kunne få lønn uten trekk i "
                     "pensjonen, gjaldt fram til juli 2022.",
             "note": "Den forrige ordningen gjaldt fram til juli 2022. Fra 10. september 2022 gjelder en ny ordning: "
                     "pensjonert personell kan motta en særskilt fastsatt pensjonistlønn for arbeid med TISK-tiltak "
                     "og vaksinering uten at AFP eller alderspensjonen reduseres."},
        ],
    },
    article(
        "fiks-vaksine", "veiledning", "ks", ["vaksinering"],
        "2022-02-15 12:00",  # estimated
        "Tilby alle innbyggere koronavaksine til rett tid med Fiks vaksine",
        "KS Digitale fellestjenester har videreutviklet tjenesten Fiks vaksine. Kommunelegene kan nå enkelt hente "
        "ut oversikt over vaksinasjonsstatus for alle som er bosatt i kommunen.",
        "KS Digitale fellestjenester har videreutviklet tjenesten **Fiks vaksine**.\n\nKommunelegene kan nå enkelt "
        "hente ut oversikt over vaksinasjonsstatus for alle som er bosatt i kommunen.",
    ),
    article(
        "kommunesektorens-koronautgifter-8-8-milliarder", "veiledning", "ks", ["beredskap"],
        "2022-10-20 12:00",  # estimated: the estimate covers the first half of 2022
        "Anslår kommunesektorens koronautgifter til 8,8 milliarder",
        "En arbeidsgruppe med medlemmer fra KS og staten anslår at virusutbruddet kostet kommunene og "
        "fylkeskommunene til sammen 8,8 milliarder kroner første halvår 2022.",
        "En arbeidsgruppe med medlemmer fra KS og staten anslår at virusutbruddet kostet kommunene og "
        "fylkeskommunene til sammen **8,8 milliarder kroner** første halvår 2022.",
    ),
    article(
        "korona-er-ikke-over", "veiledning", "ks", ["vaksinering", "eldreomsorg"],
        "2022-06-24 12:00",  # estimated: before the fourth dose from 1 July
        "Korona er ikke er over",
        "Kommunene må nok en gang planlegge for vaksinering i sommerferien. Tilbud om fjerde dose til dem over 75 år "
        "trer i kraft fra 1. juli.",
        "Kommunene må nok en gang **planlegge for vaksinering i sommerferien**.\n\nTilbud om fjerde dose til dem "
        "over 75 år trer i kraft fra 1. juli.",
    ),
    article(
        "horingssvar-kompetanseforskriften-og-trygderefusjonsforskriften", "horingssvar", "ks", ["fastleger"],
        "2022-05-10 12:00",  # estimated: after the consultation paper of 12 April 2022
        "Høringssvar om endringer i kompetanseforskriften og trygderefusjonsforskriften",
        "Kommunesektorens organisasjon (KS) viser til høringsnotatet «Forslag til midlertidige endringer i "
        "kompetanseforskriften og trygderefusjonsforskriften» av 12. april 2022. Under Korona-pandemien ble det "
        "vedtatt midlertidige endringer for begge forskriftene.",
        "Kommunesektorens organisasjon (KS) viser til høringsnotatet *«Forslag til midlertidige endringer i "
        "kompetanseforskriften og trygderefusjonsforskriften»* av 12. april 2022.\n\nUnder koronapandemien ble det "
        "vedtatt midlertidige endringer for begge forskriftene.",
    ),
    article(
        "et-klart-loftebrudd-koronakostnader-forste-halvar", "veiledning", "ks", ["beredskap"],
        "2022-11-01 12:00",  # estimated
        "Et klart løftebrudd – høyst usikkert om koronakostnader i første halvår vil bli dekket",
        "Håndteringen av koronapandemien har vært utfordrende og kostnadskrevende for kommunesektoren.",
        "Håndteringen av koronapandemien har vært **utfordrende og kostnadskrevende** for kommunesektoren.\n\n"
        "Det er høyst usikkert om koronakostnadene i første halvår vil bli dekket.",
    ),
]

# --- Seed 001: news from Statsforvalteren i Innlandet ------------------------------------------

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
    {
        "slug": "varsling-av-utbrudd-av-covid-19", "kind": "nyhet", "issuer": "statsforvalteren-innlandet",
        "topics": ["smittevern", "smittesporing"],
        "versions": [
            {"date": "2020-10-08 12:00", "title": "Varsling av utbrudd av covid-19",
             "summary": "Koronaveilederens kapittel om varsling og melding er i dag oppdatert med Varsling av utbrudd "
                        "av covid-19.",
             "body": "Koronaveilederens kapittel om varsling og melding er i dag oppdatert med *Varsling av utbrudd "
                     "av covid-19*:\n\nUtbrudd av covid-19 i og utenfor helseinstitusjon skal varsles til "
                     "kommunelegen og Folkehelsehelseinstituttet, etter MSIS-forskriftens §§ 3-3 og 3-4.\n\n"
                     "Varsling av utbrudd skjer gjennom utbruddsvarslingssystemet **Vesuv**.",
             "note": FIRST_NOTE},
            {"date": "2020-10-08 15:40", "title": "Varsling av utbrudd av covid-19",
             "summary": "Koronaveilederens kapittel om varsling og melding er i dag oppdatert med Varsling av utbrudd "
                        "av covid-19.",
             "body": "Koronaveilederens kapittel om varsling og melding er i dag oppdatert med *Varsling av utbrudd "
                     "av covid-19*:\n\nUtbrudd av covid-19 i og utenfor helseinstitusjon skal varsles til "
                     "kommunelegen og Folkehelseinstituttet, etter MSIS-forskriftens §§ 3-3 og 3-4.\n\n"
                     "Varsling av utbrudd skjer gjennom utbruddsvarslingssystemet **Vesuv**.",
             "change_type": "minor", "note": "Rettet skrivefeilen «Folkehelsehelseinstituttet»."},
        ],
    },
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
         "personell enn helsepersonell som medhjelpere** på smittesporing.", ["smittesporing", "beredskap"]),
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
    {
        "slug": "kjoper-verktoy-til-smittesporing", "kind": "nyhet", "issuer": "statsforvalteren-innlandet",
        "topics": ["smittesporing"],
        "versions": [
            {"date": "2020-08-24 12:00", "title": "Kjøper verktøy til smittesporing",
             "summary": "De aller fleste kommunene i Innlandet har eller er i ferd med å skaffe seg digitale verktøy "
                        "for smittesporing. Å spore smitte og bekjempe utbrudd raskt er det viktigste i landets "
                        "koronastrategi, og kommunene er i front i denne innsatsen.",
             "body": "De aller fleste kommunene i Innlandet har eller er i ferd med å skaffe seg **digitale verktøy "
                     "for smittesporing**.\n\nÅ spore smitte og bekjempe utbrudd raskt er det viktigste i landets "
                     "koronastrategi, og kommunene er i front i denne innsatsen.",
             "note": FIRST_NOTE},
            {"date": "2020-09-10 12:00", "title": "Kjøper verktøy til smittesporing",
             "summary": "De aller fleste kommunene i Innlandet har eller er i ferd med å skaffe seg digitale verktøy "
                        "for smittesporing. Å spore smitte og bekjempe utbrudd raskt er det viktigste i landets "
                        "koronastrategi, og kommunene er i front i denne innsatsen.",
             "body": "De aller fleste kommunene i Innlandet har eller er i ferd med å skaffe seg **digitale verktøy "
                     "for smittesporing**.\n\nÅ spore smitte og bekjempe utbrudd raskt er det viktigste i landets "
                     "koronastrategi, og kommunene er i front i denne innsatsen.\n\nSe også: Fylkesmannen setter av "
                     "1,2 mill. kroner til digital smittesporing.",
             "note": "Publisert på nytt 10.09.2020."},
        ],
    },
    {
        "slug": "hjelp-til-innkjop-av-smittevernutstyr", "kind": "nyhet", "issuer": "statsforvalteren-innlandet",
        "topics": ["smittevern"],
        "versions": [
            {"date": "2020-08-26 14:00",
             "title": "Kommunene får hjelp til innkjøp av smittevernutstyr i et vanskelig marked",
             "summary": "Å skaffe nok og trygt smittevernutstyr har vært svært vanskelig gjennom koronatiden. Mange "
                        "bekymrede kommuner har bedt Fylkesmannen i Innlandet om å bidra til en løsning. Forslaget nå "
                        "er å la et kommunalt eid selskap, Abakus AS, sørge for felles innkjøp.",
             "body": "Å skaffe nok og trygt smittevernutstyr har vært svært vanskelig gjennom koronatiden.\n\nMange "
                     "bekymrede kommuner har bedt Fylkesmannen i Innlandet om å bidra til en løsning. Forslaget nå er "
                     "å la et kommunalt eid selskap, **Abakus AS**, sørge for felles innkjøp.",
             "note": FIRST_NOTE},
            {"date": "2020-09-10 13:00",
             "title": "Kommunene får hjelp til innkjøp av smittevernutstyr i et vanskelig marked",
             "summary": "Å skaffe nok og trygt smittevernutstyr har vært svært vanskelig gjennom koronatiden. Mange "
                        "bekymrede kommuner har bedt Fylkesmannen i Innlandet om å bidra til en løsning. Forslaget nå "
                        "er å la et kommunalt eid selskap, Abakus AS, sørge for felles innkjøp.",
             "body": "Å skaffe nok og trygt smittevernutstyr har vært svært vanskelig gjennom koronatiden.\n\nMange "
                     "bekymrede kommuner har bedt Fylkesmannen i Innlandet om å bidra til en løsning. Forslaget nå er "
                     "å la et kommunalt eid selskap, **Abakus AS**, sørge for felles innkjøp.\n\nSe også: Innkjøp "
                     "av smittevernutstyr – tilbake til vanlige ansvarsforhold.",
             "note": "Publisert på nytt 10.09.2020."},
        ],
    },
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
         "ligger på [nav.no](https://www.nav.no/).", ["nav-og-sosiale-tjenester"]),
    news("eidskog-kommune-apnet-testsenter-pa-svenskegrensen", "2020-08-26 15:00",
         "Eidskog kommune åpnet testsenter på svenskegrensen",
         "Kommer du fra Sverige og skal inn i Norge, kan du nå koronateste deg gratis på Magnormoen. Eidskog kommune "
         "har etablert testsenteret i rekordfart, etter oppdrag fra Helsedirektoratet. Fylkesmannen besøkte senteret "
         "rett etter åpningen.",
         "Kommer du fra Sverige og skal inn i Norge, kan du nå **koronateste deg gratis på Magnormoen**.\n\nEidskog "
         "kommune har etablert testsenteret i rekordfart, etter oppdrag fra Helsedirektoratet. Fylkesmannen besøkte "
         "senteret rett etter åpningen.", ["smittesporing"]),
    news("koronaen-svekker-grensesamholdet", "2020-08-26 12:00",
         "Koronaen svekker grensesamholdet: - Nå må vi snakke med hverandre, ikke om hverandre",
         "Fylkesmannen i Innlandet og Landshøvdingen i Värmland og i Dalarne går sammen for å bevare det gode "
         "naboskapet. Nå kommer de med fem egne grenseråd for økt samhold - og en påminnelse om viktige smittevernråd "
         "som er like i Norge og Sverige.",
         "Fylkesmannen i Innlandet og Landshøvdingen i Värmland og i Dalarne går sammen for å bevare det gode "
         "naboskapet.\n\nDe kommer med **fem egne grenseråd for økt samhold** – og en påminnelse om viktige "
         "smittevernråd som er like i Norge og Sverige.", ["smittevern"]),
    news("gode-deltagerlister-er-avgjorende-for-a-stoppe-smitte", "2020-08-24 14:00",
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

# --- Questions and answers, each taken from a seed item above ------------------------------------

FAQ = [
    article("sporsmal-kan-pensjonister-jobbe-uten-a-tape-pensjon", "sporsmal-og-svar", "ks", ["beredskap"],
            "2022-09-10 08:05",
            "Kan pensjonert helsepersonell jobbe for kommunen uten å tape pensjon?",
            "Ja. Fra 10. september 2022 kan pensjonert personell som jobber med TISK-tiltak eller vaksinering, motta en "
            "særskilt fastsatt pensjonistlønn uten at AFP eller alderspensjonen reduseres.",
            "Den forrige ordningen gjaldt fram til juli 2022. Den nye ordningen gjelder fra **10. september 2022**.\n\n"
            "Les mer i artikkelen «Pensjonister kan jobbe med TISK-tiltak og vaksinering som følge av "
            "koronapandemien uten å tape pensjon»."),
    article("sporsmal-hvordan-kan-studenter-hjelpe-kommunen", "sporsmal-og-svar", "helsedirektoratet",
            ["vaksinering", "beredskap"], "2021-12-15 12:05",
            "Hvordan kan helsefaglige studenter hjelpe kommunen?",
            "Via statsforvalter kan kommunene få tilgang på helsefagstudenter som kan bistå i kommunens "
            "vaksineringsarbeid.",
            "Det er også åpnet for at helsefaglige studenter, elever og lærlinger kan få innvilget **studentlisens** i "
            "siste studieår. Kommunene kan melde behov om dette til "
            "[godkjenning@helsedir.no](mailto:godkjenning@helsedir.no)."),
    article("sporsmal-kan-andre-enn-helsepersonell-smittespore", "sporsmal-og-svar", "helsedirektoratet",
            ["smittesporing"], "2021-12-15 12:10",
            "Kan kommunen bruke andre enn helsepersonell i smittesporingen?",
            "Ja. Kommunene kan benytte andre som medhjelpere hvis det er forsvarlig ut fra oppgavens art, personellets "
            "kvalifikasjoner og oppfølgingen som gis.",
            "Se lov om helsepersonell § 5. Personell fra frivillige organisasjoner kan komme inn under denne "
            "kategorien.\n\nI Innlandet hadde en fjerdedel av kommunene tatt oppfordringen fra Helsedirektoratet om "
            "å bruke annet personell enn helsepersonell som medhjelpere på smittesporing allerede i september 2020."),
    article("sporsmal-hvor-varsles-utbrudd-av-covid-19", "sporsmal-og-svar", "statsforvalteren-innlandet",
            ["smittevern"], "2020-10-08 16:00",
            "Hvor skal utbrudd av covid-19 varsles?",
            "Utbrudd av covid-19 i og utenfor helseinstitusjon skal varsles til kommunelegen og "
            "Folkehelseinstituttet, etter MSIS-forskriftens §§ 3-3 og 3-4.",
            "Varsling av utbrudd skjer gjennom utbruddsvarslingssystemet **Vesuv**."),
    article("sporsmal-skal-turister-ha-testtilbud", "sporsmal-og-svar", "statsforvalteren-innlandet",
            ["smittesporing", "legevakt"], "2020-08-05 12:05",
            "Skal turister og andre tilreisende få testtilbud i kommunen?",
            "Ja. Kommunene skal ha et testtilbud til alle som oppholder seg i kommunen, inkludert turister og andre "
            "tilreisende.",
            "Testing skal være tilgjengelig **uten henvisning fra lege**."),
    article("sporsmal-far-fastleger-smittevernutstyr-fra-kommunen", "sporsmal-og-svar", "helsedirektoratet",
            ["fastleger", "smittevern"], "2020-12-21 12:05",
            "Skal fastleger og fysioterapeuter få smittevernutstyr fra kommunen?",
            "Helsedirektoratet anbefaler at fastleger og fysioterapeuter med driftsavtale med kommunen fra 1. januar "
            "2021 kan motta smittevernutstyr relatert til covid-19 kostnadsfritt fra kommunen.",
            "Anbefalingen står i Helsedirektoratets oppdaterte koronaveileder."),
]

ARTICLES = GUIDANCE + NEWS + FAQ
