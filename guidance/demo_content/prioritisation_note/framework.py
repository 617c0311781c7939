"""The note's text from «Bakgrunn» to «Juridisk utgangspunkt»: scope, phases, criteria, ethics and the law."""

from guidance.demo_content.prioritisation_note.headings import heading as _h

# The three documents the note links to (the addresses the seed gives), linked where the note names them.
ADMINISTRATION_ACT_VII = "https://lovdata.no/lov/1967-02-10/KAPITTEL_7"
CASEWORK_GUIDE_IS_2442 = (
    "https://www.helsedirektoratet.no/veiledere/saksbehandling-av-tjenester-etter-helse-og-omsorgstjenesteloven/"
    "Veileder%20for%20saksbehandling%20av%20tjenester%20etter%20helse-%20og%20omsorgstjenesteloven.pdf/_/attachment/"
    "inline/f5e1c82b-c923-43e4-b13e-0182b8a33a16:5c5245da955c44b496c2e271abe415c8ab23a5b8/"
    "Veileder%20for%20saksbehandling%20av%20tjenester%20etter%20helse-%20og%20omsorgstjenesteloven.pdf"
)
PALLIATIVE_CARE_ADVICE = "https://www.helsedirektoratet.no/faglige-rad/lindrende-behandling-i-livets-sluttfase"

BACKGROUND = f"""{_h(2, "bakgrunn")}

Verden er i en covid-19-pandemi[1]. Myndighetene i Norge har satt i gang strenge smitteverntiltak som har hatt god \
effekt. Det er imidlertid fortsatt usikkert hvordan covid-19-epidemien vil utvikle seg i Norge, men ulike analyser \
er tydelige på at epidemien vil prege samfunnet i mange måneder. Selv om vi nå ser en positiv utvikling med hensyn \
til redusert smitte, må helse- og omsorgstjenesten være forberedt på å fortsette med strenge smittetiltak og at \
ressurssituasjonen vil bli utfordret.

Kommunene vil kunne komme i en krevende situasjon framover, der helse- og omsorgstjenesten både må planlegge for å \
ta imot flere pasienter fra sykehus, ivareta pasienter som er syke med covid-19, sikre godt smittevern og samtidig \
yte nødvendige helse- og omsorgstjenester. Denne situasjonen kan gi ressursknapphet og stille krav til omstilling \
og vanskelige prioriteringer. Kommunen må i denne situasjonen samarbeide tett med tjenestemottakerne og deres \
pårørende for å kunne yte forsvarlige tjenester.

Helsedirektoratet offentliggjorde 25. mars et overordnet notat om prioritering av helsehjelp i Norge under \
covid-19-pandemien. Prioriteringsnotatet av 25. mars er overordnet og må benyttes tilpasset den aktuelle \
situasjonen. Prioriteringskriteriene det vises til er: nyttekriteriet, ressurskriteriet og alvorlighetskriteriet. \
Helsedirektoratet mener at prioriteringskriteriene er særlig viktige i en krisesituasjon.

[1] WHO erklærte Covid-19 pandemi 11/3-20

{_h(3, "omfang")}

Notatet omfatter kommunale helse- og omsorgstjenester og inneholder prioriteringer for **sykehjem og \
hjemmebaserte tjenester**, herunder

- helsetjenester i hjemmet,
- brukerstyrt og annen personlig assistanse,
- praktisk bistand,
- opplæring,
- støttekontakt,
- plass i institusjon,
- avlastning,
- dagaktivitetstilbud,
- sosial, psykososial og medisinsk habilitering og rehabilitering.

Notatet retter seg mot den kommunale helse- og omsorgstjenesten og **private virksomheter med avtale om drift av \
sykehjem og hjemmebaserte tjenester**. Private virksomheter som driver sykehjem og hjemmebaserte tjenester uten \
avtale med kommunen, omfattes ikke av notatet, men rådes til å sette seg inn i og følge rådene."""

PHASES = f"""{_h(2, "faser")}

{_h(3, "beredskapsplan")}

Alle kommuner skal ha en beredskapsplan for sin helse- og omsorgstjeneste i samsvar med helseberedskapsloven. \
Tiltak mot smittsomme sykdommer skal være et eget område i planen. Planen skal samordnes med kommunens øvrige \
beredskapsplaner. Kommunene må raskt kunne etablere kriseledelse med avklarte roller og ansvar, og kommunen må \
etablere gode samhandlingsrutiner tverrsektorielt, interkommunalt og mot andre eksterne samarbeidsparter.

Det vises til Helsedirektoratets faglige råd om pandemiplanlegging.

{_h(3, "fasene")}

> **Redaksjonens merknad:** Notatet er ikke datert. Det viser til at WHO erklærte pandemi 11/3-20 (fotnote 1 \
under «Bakgrunn») og til et notat Helsedirektoratet offentliggjorde 25. mars, og redaksjonen leser det derfor som \
skrevet etter 25. mars samme år. Det notatet sier om hvilken fase epidemien er i, gjelder da det ble skrevet, \
ikke i dag.

Folkehelseinstituttet anslår at epidemiens spredning i Norge kan deles i fase 1 til 5, **selv om det ikke er \
tydelige overganger mellom fasene**. Epidemien starter for alvor i fase 3, når en topp i fase 4 og reduseres fra \
fase 5. Ulike deler av landet ser nå ut til å være i ulike faser av epidemien. Vi er fremdeles i fase 2, som \
karakteriseres ved at de fleste nye tilfellene er smittet i Norge, og at det finnes flere klynger med minst tre \
ledd av innenlands smitte, mens deler av landet er lite affisert og kan sies å være i fase 1.

Det rapporteres om store lokale variasjoner i epidemiens spredning, og lokale variasjoner vil sannsynligvis \
vedvare under hele epidemien. Tidspunkt for overgang til ny fase kan bli ulik for kommuner og regioner.

**Rådene i dette notatet vil kunne komme til anvendelse særlig i fase 3 og 4 av epidemien.** Det er foreløpig \
usikkert om epidemien vil gå videre i disse fasene i Norge, eller om vi vil holde den i fase 1 eller 2 inntil vi \
får vaksine. Enkelte tiltak som omtales i notatet, kan være iverksatt allerede i fase 2. Kommunen har ansvar for å \
vurdere konkret hvilke prioriteringsråd og tiltak som skal komme til anvendelse når.

Tiltak skal planlegges og ikke iverksettes før det er nødvendig ut fra kapasitets- og smittevernhensyn."""

CRITERIA = f"""{_h(2, "kriterier")}

En likeverdig tilgang til tjenester er et grunnleggende prinsipp for den offentlige helse- og omsorgstjenesten. Å \
prioritere betyr å sette noe fremfor noe annet. Kriteriene som legges til grunn for prioriteringer, er viktige for \
at fordeling av ressurser og kompetanse ikke skal skje tilfeldig. Prinsippene for prioritering skal bidra til mest \
mulig god helse for ressursene brukt i helse- og omsorgstjenestene, og sikre at de blir rettferdig fordelt.

Beslutningstakere i kommunal helse- og omsorgssektor må ofte ta vanskelige beslutninger som handler om å \
prioritere mellom ulike tjenesteområder, brukere og pasienter og omfang av tjenester. Ressurser må fordeles til \
ulike formål som forebygging, hjemmebaserte tjenester, støtte og avlastning til pårørende, sykehjemsplasser eller \
rehabiliteringsplasser med mer. Under en epidemi vil prioriteringsutfordringene i kommunene kunne bli mer krevende.

Stortinget sluttet seg til prinsippene for prioritering som ligger til grunn for spesialisthelsetjenesten gjennom \
behandling av Prioriteringsmeldingen i 2016.

**De tre gjeldende prioriteringskriteriene er: nyttekriteriet, ressurskriteriet og alvorlighetskriteriet. De tre \
kriteriene skal vurderes samlet.**

I 2018 kom NOU-en om prioritering i kommunal helse- og omsorgstjeneste. Overordnet anbefaler den at de samme \
kriteriene brukes også i kommunal helse- og omsorgstjeneste. Kriteriene kan brukes for prioriteringsbeslutninger \
på alle nivåer i helse- og omsorgstjenesten, fra politisk og administrativt nivå til faglig nivå.

NOU-en anbefaler at også **mestring** vektlegges når kriteriene skal operasjonaliseres i kommunene. I vedlegg 1 er \
det et eksempel på tolkning av prioriteringskriteriene med vekt på vurdering av funksjonstap, mestring og ubehag.

**Kriteriene gjelder for alle pasienter uavhengig av diagnoser.** Det betyr at også pasienter med covid-19 skal \
prioriteres etter de samme kriteriene som andre pasienter.

Selv om prioriteringskriterier for kommunale helse- og omsorgstjenester ikke er vedtatt av Stortinget, vurderer \
Helsedirektoratet at prioriteringskriteriene nytte, ressurs og alvorlighet, sammen med mestring, kan gi et viktig \
bidrag til vurderingene som må gjøres dersom vanskelige prioriteringssituasjoner oppstår i kommunene."""

ETHICS = f"""{_h(2, "etikk")}

En etisk reflektert og forsvarlig praksis, og gode rutiner for å håndtere etiske dilemmaer på både virksomhets- og \
individnivå, er minst like viktige i en krisesituasjon som i en normalsituasjon.

Etisk praksis krever refleksjon. Det krever kontinuerlig veiledning, kollegastøtte og dialog. Det kan oppstå \
situasjoner der det blir lite tid til dette. Det oppfordres til å etablere strukturer og rutiner som gjør det mulig \
for helsepersonell, selv når situasjonen blir svært tilspisset, å søke råd om etiske dilemma. **For kommuner som \
ikke har etablert klinisk-etisk komité eller etiske råd, anbefales det etablert en ordning som kan bistå i etiske \
vanskelige beslutninger.** Kommunen kan også søke råd og samarbeid med Klinisk etisk komite (KEK) ved \
lokalsykehuset.

Helsedirektoratet viser til Senter for medisinsk etikk ved Universitetet i Oslo, som har utarbeidet eget \
veiledningsmateriell vedrørende etikk knyttet til covid-19 epidemien. Her omtales blant annet

- Hvordan avveie økt smitterisiko for helsepersonell opp mot hjelpeplikten?
- Omsorg for døende og besøksforbud for pårørende?

Videre vil vi vise til «Den lille etikkveilederen» utarbeidet av KS, som beskriver metoder for etisk refleksjon."""

LEGAL = f"""{_h(2, "juridisk")}

Dagens lover og forskrifter som regulerer de kommunale helse- og omsorgstjenestene, gjelder også under en epidemi, \
hvor det kan være behov for å prioritere strengere. Dette gjelder også eksempelvis **pasienters rett til å klage**, \
jf. pasient- og brukerrettighetsloven § 7-2, og pasienter, brukere og pårørendes rett til informasjon etter \
kapittel 3 og 4 i pasient- og brukerrettighetsloven.

Kommunen har ansvar for å sørge for **nødvendige** helse- og omsorgstjenester, og tjenestene som ytes, skal være \
**forsvarlige**. Både begrepet «nødvendig» og «forsvarlig» er rettslige standarder, der innholdet i begrepene vil \
endre seg basert på tilgang til ressurser, utstyr, personell, kompetanse og andre rammebetingelser. Hva som vil \
anses «nødvendig» og «forsvarlig» i en krise, vil derfor være annerledes enn under normale omstendigheter. \
Innholdet i begrepene vil også måtte vurderes forskjellig fra sted til sted, avhengig av hvor hardt epidemien \
rammer den enkelte kommune, og avhengig av hvilken fase av epidemien man befinner seg i.

I en krisesituasjon vil nødvendige tjenester kunne reduseres så lenge det ikke innebærer at pasienten/brukeren får \
et uforsvarlig tilbud. Dette notatet gir veiledning til hvordan kommunene kan vurdere sitt tjenestetilbud og fremdeles \
kunne ivareta forsvarlighetskravets nedre terskel. Kommunene står selv nærmest til å vurdere hvilken situasjon de \
står i, eller kan komme til å befinne seg i, og hva som skal til for å yte nødvendige og forsvarlige tjenester til \
den enkelte pasient/bruker i kommunen.

Kommunene kan selv vurdere om det er nødvendig å gjøre endringer i lokale forskrifter, herunder forskriftene om \
tildeling av langtidsopphold i sykehjem eller tilsvarende bolig særskilt tilrettelagt for heldøgns tjenester. Alle \
endringer i lokale forskrifter må gjøres etter reglene i [forvaltningsloven kapittel VII]({ADMINISTRATION_ACT_VII}).

{_h(3, "informasjon-og-medvirkning")}

Reglene i pasient- og brukerrettighetsloven kapittel 3 og 4 om informasjon, medvirkning og samtykke for \
pasienter/brukere og pårørende gjelder også i en krisesituasjon og må ivaretas så langt som mulig. Videre viser \
vi til Helsedirektoratets veileder for pårørende, der pårørendes rett til informasjon og medvirkning er omtalt.

Dersom pårørendes medvirkning vanskeliggjøres som følge av smittevernrestriksjoner, bør virksomheter og \
helsepersonell ta aktivt initiativ til å gi informasjon til pårørende, og også gi pårørende mulighet til å medvirke \
på telefon eller via digitale medier.

{_h(3, "saksbehandling")}

Reglene for saksbehandling i forvaltningsloven skal følges for vedtak om tildeling av tjenester etter helse- og \
omsorgstjenesteloven § 3-2 første ledd nr. 6, jf. pasient- og brukerrettighetsloven § 2-7. De ordinære rutinene \
for saksbehandling skal følges så langt det er mulig, jf. Helsedirektoratets saksbehandlingsveileder.

{_h(4, "muntlig-saksbehandling")}

I fase 3 og 4 av epidemien kan situasjonen for enkelte kommuner gjøre ordinær saksbehandling svært utfordrende. I \
slike situasjoner åpner **forvaltningsloven § 23** for at enkeltvedtak ikke må være skriftlige når dette av \
praktiske grunner vil være særlig byrdefullt for kommunen. Kommunen kan i slike tilfeller fatte nye vedtak om \
tjenestetildeling muntlig, etter en konkret vurdering.

Av forsvarlighetsgrunner skal muntlige vedtak føres i pasienten/brukerens journal og skriftliggjøres i andre \
interne kvalitetssystemer. Det er viktig å sikre gode rutiner for dokumentasjon også i en presset situasjon.

Muntlig saksbehandling skal kun skje når det er konkrete forhold som rettferdiggjør det, og **skriftlig \
saksbehandling skal fremdeles være hovedregelen**.

{_h(4, "omgjoring")}

Dersom det er behov for å omgjøre enkeltvedtak om tildeling av tjenester, kan dette gjøres etter reglene i \
**forvaltningsloven § 35**. Omgjøringsvedtak skal fattes skriftlig, og forvaltningslovens saksbehandlingsregler \
skal følges.

Omgjøring kan skje til ugunst for pasienten/brukeren når det følger av annen lov, vedtaket selv eller når \
alminnelige forvaltningsrettslige regler tilsier det, jf. forvaltningsloven § 35. Etter alminnelige \
forvaltningsrettslige regler mener Helsedirektoratet at covid-19-epidemien må anses som et tungtveiende allment \
hensyn som kan rettferdiggjøre omgjøring av enkeltvedtak til ugunst for parten. Dette gjelder når epidemien er i \
fase 3 og 4 og omgjøring har til formål å frigjøre ressurser i helse- og omsorgstjenesten for å kunne håndtere \
epidemien, eller på annen måte understøtte prioriteringene i den kommunale helse- og omsorgstjenesten.

Kommunene må selv vurdere om situasjonen tilsier at enkeltvedtaket kan omgjøres til ugunst for parten. \
Pasienten/brukeren må fremdeles sikres et tilbud som ikke anses uforsvarlig, og det må sikres at bruker og \
eventuelt pårørende har forstått hva endringen medfører og hvor lenge endringen gjelder. Omgjøring av vedtak om \
tildelte tjenester må vurderes individuelt.

Omgjøringen av tildelingsvedtak bør være tidsavgrensede, og de opprinnelige vedtakene bør tre i kraft så snart \
situasjonen gjør det mulig.

Det er gitt mer informasjon om omgjøring av enkeltvedtak i [Helsedirektoratets veileder for saksbehandling \
(IS-2442)]({CASEWORK_GUIDE_IS_2442}) kapittel 5."""
