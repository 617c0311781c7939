"""The note's text from «Smittevern og kapasitetsutfordringer» to Vedlegg 1: what the services can do."""

from guidance.demo_content.prioritisation_note.framework import PALLIATIVE_CARE_ADVICE
from guidance.demo_content.prioritisation_note.headings import heading as _h

INFECTION_AND_CAPACITY = f"""{_h(2, "smittevern-og-kapasitet")}

Tiltakene som anbefales iverksatt i helse- og omsorgstjenesten, begrunnes ut fra smittevernhensyn og/eller \
kapasitetshensyn.

Kommunenes helse- og omsorgstjeneste vil være blant de som får den største belastningen under den pågående \
epidemien, både når det gjelder å ivareta personer som er covid-19-syke, men også med å ivareta andre \
pasientgrupper som i en normalsituasjon ville blitt behandlet på sykehus eller ivaretatt av pårørende. Kommunene \
er derfor gitt vide fullmakter etter smittevernloven til å iverksette tiltak for å håndtere utbrudd av smittsom \
sykdom. Kommunene har også et betydelig ansvar for å opprettholde samfunnets infrastruktur og funksjoner. Etter \
smittevernloven § 1-5 skal tiltak ha en klar medisinskfaglig begrunnelse, være nødvendige av hensyn til \
smittevernet og fremstå tjenlig etter en helhetsvurdering. Kommunelegen har det medisinskfaglige ansvaret for at \
smittevernlovens bestemmelser følges opp. Kommunens kriseledelse har det overordnede ansvaret.

- **Begrunnet i smittevern** kan det være behov for omorganisering av tjenestetilbudet med etablering av \
spesifikke sykehjem/avdelinger for pasienter som er smittet med covid-19, og omlegging av turnus og arbeidsplan \
slik at færrest mulig personell møter den enkelte tjenestemottaker.
- **Begrunnet i kapasitet** kan endring av tjenestetilbudet til enkelte tjenestemottakere være nødvendig. Noen \
tjenestetilbud vil måtte reduseres for en periode for å kunne bygge opp kapasitet på andre prioriterte områder.

Smittevern og kapasitetshensyn henger imidlertid sammen, og mange tiltak vil derfor begrunnes ut fra begge hensyn.

Folkehelseinstituttet har covid-19-smittevernråd til helsepersonell på sine nettsider.

Under en pandemi vil etterspørselen etter personlig smittevernutstyr øke betraktelig. I Norge er det etablert en \
nasjonal mekanisme for anskaffelse av smittevernutstyr for kommunene og spesialisthelsetjenesten gjennom \
Sykehusinnkjøp HF og Helse Sør-Øst. Smittevernutstyr er mangelvare, både nasjonalt og globalt. Derfor er det \
viktig å ha oppmerksomhet på riktig bruk av smittevernutstyr (munnbind, åndedrettsvern, hansker, frakker m.m.). På \
Folkehelseinstituttets hjemmesider ligger anbefalinger om hvordan smittevernutstyr bør anvendes under covid-19 i \
ulike situasjoner."""

CAPACITY = f"""{_h(2, "kapasitet")}

Kommunale helse- og omsorgstjenester har et bredt sammensatt tjenestetilbud. I forbindelse med den pågående \
epidemien har mange kommuner omstrukturert tjenestetilbudet for å forebygge smittespredning og for å forberede seg \
på økt antall pasienter med behov for tett oppfølging og behandling.

- For å øke kapasiteten i tjenesten kan det bli behov for **reduksjon eller nedlegging av tjenestetilbud**. I den \
forbindelse må det sikres forsvarlig helsehjelp og dekking av grunnleggende behov etter en individuell vurdering \
av den enkeltes helsetilstand og funksjonsnivå. Tjenestemottaker og eventuelt pårørende skal involveres før \
beslutningen fattes. Omgjøringen av tildelingsvedtak bør være tidsavgrensede, og de opprinnelige vedtakene bør tre i \
kraft så snart situasjonen gjør det mulig.
- For å håndtere økt kapasitetsbehov kan det bli nødvendig å **delegere oppgaver** til annet helsepersonell, \
eksempelvis når det gjelder legemiddelhåndtering. Det må sikres nødvendige fullmakter og lokalt tilpassede \
prosedyrer, samt gode rutiner for opplæring og veiledning.
- **Habilitering og rehabilitering** som medfører fysisk oppmøte, kan opphøre hvis det ikke medfører alvorlig \
varig funksjonstap for tjenestemottaker. Personers egentrening bør vektlegges gjennom veiledning av \
tjenestemottaker og pårørende.
- Eksisterende **individuelle planer** opphører ikke, men planarbeidet kan, i likhet med annen aktivitet i \
tjenestene, prioriteres ned der det vurderes forsvarlig. Personer som allerede har koordinator, skal beholde denne, \
men roller og oppgaver kan redefineres. Koordinerende enhet kan ikke avvikle sin funksjon, men aktivitetsnivået \
kan tilpasses nødvendige prioriteringer.
- Personell med helsefaglig kompetanse må i størst mulig grad prioriteres til pasientrettet arbeid og fritas for \
**administrative oppgaver** som andre personellgrupper kan ivareta.
- **Velferdsteknologiske løsninger** bør tas i bruk der dette på en forsvarlig måte kan erstatte tjenester med \
personlig oppmøte av helse- og omsorgspersonell.
- Tjenester med formål om **renhold og dagaktivitet** kan prioriteres ned for en periode, hvis ikke individuelle \
forhold tilsier at det er nødvendig for å dekke grunnleggende behov.
- Kommunene må, i samarbeid med spesialisthelsetjenesten, legge detaljerte planer for **oppskalering av \
tjenestetilbudet** for å kunne ivareta økt volum av pasienter. Oppskaleringen må raskt kunne effektueres ved \
behov."""

PALLIATIVE = f"""{_h(2, "lindrende")}

Personer i livets sluttfase må sikres god lindrende behandling og omsorg, som ivaretar verdigheten til pasienten. I \
covid-19-epidemien kan kapasitetsutfordringer, smitteverntiltak og restriksjoner for besøk av pårørende i sykehjem \
og sykehus være forhold som inngår i vurderingen av hvor pasienten best kan ivaretas i livets sluttfase.

Avgjørelse om å iverksette lindrende behandling for døende tas av ansvarlig lege i samråd med fagansvarlig \
sykepleier, annet helse- og omsorgspersonell som kjenner pasienten, og om mulig etter samtale med pasient og/eller \
pårørende. Avgjørelsen baseres som vanlig på vurderingskriterier som funksjonsstatus og prognose med hensyn til \
levetid.

- Pasienter i sykehjem vil i de fleste tilfeller kunne få best lindrende behandling ved at dette gis i \
sykehjemmet, eventuelt i samarbeid med palliativt team fra spesialisthelsetjenesten. For døende pasienter i \
sykehjem bør det – gjennom anbefalte smitteverntiltak og innenfor rammen av forsvarlig smittevern ved \
institusjonen – lettes på besøksrestriksjonene slik at pårørende får være tilstede i livets sluttfase.
- Der lindrende behandling ikke kan ivaretas på en forsvarlig og omsorgsfull måte for personer som bor i eget hjem, \
bør pasienten legges inn i sykehjem eller lokalsykehus.
- Når lindrende behandling i livets sluttfase foregår i eget hjem, forutsettes god oppfølging fra fastlege og \
samarbeid med ansvarlig sykepleier i hjemmesykepleien, samt muligheter for å konferere med palliativt team i \
spesialisthelsetjenesten der hvor dette er aktuelt. Frivillige som gjennom sin organisasjon har fått opplæring til \
å sitte vakt hos pasienten, eller pårørende som har fått opplæring, kan være et supplement som kan bidra til \
trygghet for pasient.

For øvrig gjelder [Helsedirektoratets Nasjonale faglige råd om lindrende behandling i livets \
sluttfase]({PALLIATIVE_CARE_ADVICE}). Regionale \
kompetansetjenester for lindrende behandling har også utarbeidet veiledningsmateriell på området."""

VULNERABLE = f"""{_h(2, "sarbare")}

Sårbare grupper, for eksempel **barn, psykisk syke, rusavhengige, bostedsløse, personer med kognitiv svikt, eldre \
på sykehjem, aleneboende, personer med omfattende behov og pårørende med særlig tyngende omsorgsoppgaver**, kan \
være spesielt utsatt for negative konsekvenser av redusert kapasitet i helse- og omsorgstjenestene i kommunene. \
Enkelte brukergrupper kan også ha varierende grad av utfordringer med å følge anbefalinger om smittevern, blant \
annet pga språkbarrierer.

- Kommunen bør legge planer for hvilke tjenester som må opprettholdes for sårbare hjemmeboende i alle faser av \
epidemien, og hva som ved behov kan avsluttes eller reduseres for en periode. Planer for den enkelte bør legges i \
dialog med tjenestemottakere og eventuelt pårørende, og bør ha vurdering av forsvarlig tidsramme.
- Kommunene må sikre at foreldre til barn med store og sammensatte behov får forsvarlig hjelp og avlastning i de \
ulike fasene av epidemien. Det samme gjelder andre pårørende med særlig tyngende omsorgsoppgaver. Det må også \
planlegges for evt sykdom hos pårørende.
- Pasienter som bor i sykehjem og rammes av alvorlig covid-19-sykdom, vil i de fleste tilfeller ha liten nytte av \
intensivbehandling i sykehus, og bør derfor fortrinnsvis gis støttebehandling og eventuelt lindrende behandling i \
sykehjemmet. Behov for innleggelse på sykehus for covid-19 eller annen sykdom vurderes individuelt ut fra \
pasientens tilstand, og sees i sammenheng med tidligere sykdomsbyrde, funksjonsnivå, skrøpelighet og graden av \
kognitiv svikt med mer."""

GUIDANCE_AND_COOPERATION = f"""{_h(2, "veiledning-og-samarbeid")}

Den kommunale helse- og omsorgstjenesten vil i fase 3 og 4 av epidemien ha behov for økt medisinsk- og \
helsefaglig kompetanse. Dette kan omfatte veiledning fra både kommunelegen, fastleger og \
spesialisthelsetjenesten. Det vil særlig være behov for veiledning til personale i hjemmetjenestene og sykehjem.

- Medisinsk- og sykepleiefaglig kompetanse i hjemmetjenesten, sykehjem og heldøgns omsorgsboliger må styrkes i \
forbindelse med covid-19, for eksempel ved oppretting av covid-19-team som bistår tjenesten i behandlingen av \
pasienten og med smittefaglig kompetanse.
- Kommunene bør arbeide aktivt med å kartlegge personell med helsefaglig kompetanse som ikke allerede jobber \
innenfor helse- og omsorgssektoren, og om mulig rekruttere disse. Sentrale helsemyndigheter vil bistå med \
koordinering av personellressurser på nasjonalt nivå.
- Kommunen må sikre nødvendig faglig veiledning, god dialog og godt samarbeid mellom fastleger, \
spesialisthelsetjenesten og fagansvarlig sykepleier eller vernepleier i hjemmetjenestene om felles pasienter og \
brukere. Det må også gjelde deres pårørende.
- Kommunen må ha på plass oppdaterte retningslinjer og rutiner for samarbeid mellom legetjenesten og andre helse- \
og omsorgstjenester for å sikre forsvarlig observasjon, diagnostikk og behandling av pasienter med covid-19 \
og/eller andre sykdomstilstander.
- Rutiner for god informasjonsutveksling mellom legetjenesten og andre helse- og omsorgstjenester må være \
gjennomgått og implementert, slik at pasienten og eventuelt pårørende blir fulgt opp på en forsvarlig og \
omsorgsfull måte. Det bør legges til rette for daglig kontakt mellom de kommunale tjenestene.
- Kommunen bør planlegge for at allmennlegetjenesten kan benyttes der det til enhver tid er størst behov."""

HEALTH_TRUSTS = f"""{_h(2, "samhandling")}

RHF/HF og kommuner må prioritere regelmessig dialog for å samarbeide om helsehjelpen til befolkningen.

- Partnere må ha klart hvilke roller, ansvarsfordeling og konkrete samhandlingsprosedyrer som gjelder mellom \
kommunene og helseforetak.
- RHF/HF og kommuner må samhandle om nødvendige tiltak og iverksette omdisponeringer av personell og lokaliteter ut \
fra den aktuelle situasjonen.
- Samarbeidsavtaler mellom kommuner og helseforetak som inneholder kriterier for innleggelse, utskrivelse og \
hvordan dette gjøres i praksis under epidemitopp, må utarbeides.
- Planer for gjensidig informasjonsutveksling med kommunehelsetjenesten ved deres respektive \
ledere/kommuneleger bør gjennomgås, oppdateres og operasjonaliseres.
- Spesialisthelsetjenesten skal prioritere tilgjengelighet for rådgivning til kommunene i håndtering av konkrete \
medisinske og andre helsefaglige problemstillinger. Det må etableres samhandlingskanaler med rask 24/7-respons fra \
begge parter. Mulighet for å unngå innleggelse på sykehus, sammenholdt med kommunens mulighet for å ivareta \
pasientene, bør vurderes i hvert enkelt tilfelle.
- Det må vurderes i hver kommune om det er behov for å øke antall plasser for øyeblikkelig hjelp døgnopphold i \
kommunen. Vurderingen gjøres i samarbeid med spesialisthelsetjenesten, der det skal avklares hvordan \
spesialisthelsetjenesten kan bistå kommunen."""

APPENDIX = f"""{_h(2, "vedlegg-1")}

{_h(3, "nyttekriteriet")}

Et tiltaks prioritet øker i tråd med den forventede nytten av tiltaket. Den forventede nytten av et tiltak vurderes \
ut fra om kunnskapsbasert praksis tilsier at tiltaket øker sannsynligheten for

- overlevelse eller redusert funksjonstap,
- fysisk eller psykisk funksjonsforbedring,
- reduksjon av smerter, fysisk eller psykisk ubehag,
- økt fysisk, psykisk og sosial mestring.

{_h(3, "ressurskriteriet")}

Et tiltaks prioritet øker desto mindre ressurser det legger beslag på.

Ressurskriteriet skal ikke brukes alene, men sammen med de to andre hovedkriteriene for prioritering.

{_h(3, "alvorlighetskriteriet")}

Et tiltaks prioritet øker i tråd med alvorligheten av tilstanden. En tilstands alvorlighet vurderes ut fra

- risiko for død eller funksjonstap,
- graden av fysisk eller psykisk funksjonstap,
- smerter, fysisk eller psykisk ubehag,
- graden av fysisk, psykisk og sosial mestring.

Både nå-situasjonen, varighet og tap av fremtidige gode leveår har betydning for graden av alvorlighet.

Graden av alvorlighet øker jo mer det haster å komme i gang med tiltaket."""
