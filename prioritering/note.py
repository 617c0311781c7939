"""The wording of Helsedirektoratet's prioritisation note for municipal health and care services.

Everything the worksheet says about phases, criteria, service types and legal rules is quoted
from the note here, in one place, so a reviewer can compare it with the source document.
"""

from django.utils.translation import gettext_lazy as _

NOTE_TITLE = _("Helsedirektoratets notat om prioritering i kommunale helse- og omsorgstjenester under covid-19")

# FHI's phases as the note describes them (section "Beredskap og faser i epidemien").
PHASES = [
    (1, _("Fase 1 – deler av landet er «lite affisert»")),
    (2, _("Fase 2 – «de fleste nye tilfellene er smittet i Norge», flere klynger med innenlands smitte")),
    (3, _("Fase 3 – «Epidemien starter for alvor i fase 3»")),
    (4, _("Fase 4 – epidemien «når en topp i fase 4»")),
    (5, _("Fase 5 – epidemien «reduseres fra fase 5»")),
]
PHASE_DESCRIPTIONS = {
    1: _("«… deler av landet er lite affisert og kan sies å være i fase 1.»"),
    2: _("Fase 2 «karakteriseres ved at de fleste nye tilfellene er smittet i Norge, og at det finnes "
         "flere klynger med minst tre ledd av innenlands smitte»."),
    3: _("«Epidemien starter for alvor i fase 3». «Rådene i dette notatet vil kunne komme til anvendelse "
         "særlig i fase 3 og 4 av epidemien.»"),
    4: _("Epidemien «når en topp i fase 4». «Rådene i dette notatet vil kunne komme til anvendelse "
         "særlig i fase 3 og 4 av epidemien.»"),
    5: _("Epidemien «reduseres fra fase 5»."),
}

# The services the note names ("Bakgrunn", "Kapasitet i tjenestene", "Lindrende behandling …").
SERVICE_TYPES = [
    ("helsetjenester_i_hjemmet", _("Helsetjenester i hjemmet")),
    ("bpa", _("Brukerstyrt personlig assistanse")),
    ("personlig_assistanse", _("Annen personlig assistanse")),
    ("praktisk_bistand", _("Praktisk bistand")),
    ("opplaering", _("Opplæring")),
    ("stottekontakt", _("Støttekontakt")),
    ("institusjon", _("Plass i institusjon")),
    ("avlastning", _("Avlastning")),
    ("dagaktivitet", _("Dagaktivitetstilbud")),
    ("habilitering", _("Habilitering og rehabilitering")),
    ("renhold", _("Renhold")),
    ("individuell_plan", _("Individuell plan / koordinator")),
    ("legemiddelhandtering", _("Legemiddelhåndtering")),
    ("lindrende", _("Lindrende behandling")),
    ("annet", _("Annet (beskriv i fritekst)")),
]

ACTIONS = [
    ("opprettholde", _("Opprettholde")),
    ("redusere", _("Redusere")),
    ("stanse", _("Midlertidig stanse")),
    ("omorganisere", _("Omorganisere")),
    ("velferdsteknologi", _("Erstatte med velferdsteknologi")),
    ("delegere", _("Delegere oppgaver")),
]
REDUCING_ACTIONS = {"redusere", "stanse"}

REASONS = [
    ("smittevern", _("Smittevern")),
    ("kapasitet", _("Kapasitet")),
    ("begge", _("Både smittevern og kapasitet")),
]

# The note's list in "Spesielt sårbare grupper".
VULNERABLE_GROUPS = [
    ("barn", _("Barn")),
    ("psykisk_syke", _("Psykisk syke")),
    ("rusavhengige", _("Rusavhengige")),
    ("bostedslose", _("Bostedsløse")),
    ("kognitiv_svikt", _("Personer med kognitiv svikt")),
    ("eldre_sykehjem", _("Eldre på sykehjem")),
    ("aleneboende", _("Aleneboende")),
    ("omfattende_behov", _("Personer med omfattende behov")),
    ("parorende", _("Pårørende med særlig tyngende omsorgsoppgaver")),
    ("sprakbarrierer", _("Brukere med språkbarrierer (smittevernråd)")),
]

INVOLVEMENT = [
    ("begge", _("Ja, tjenestemottaker og pårørende")),
    ("mottaker", _("Ja, tjenestemottaker")),
    ("parorende", _("Ja, pårørende")),
    ("nei", _("Nei, ikke ennå")),
]

DECISION_FORMS = [
    ("ingen", _("Ingen endring i tildelingsvedtak")),
    ("skriftlig", _("Nye skriftlige enkeltvedtak")),
    ("muntlig", _("Muntlige vedtak (forvaltningsloven § 23), journalført")),
    ("omgjoring", _("Skriftlig omgjøring av enkeltvedtakene (forvaltningsloven § 35)")),
]

# Whether the recipients have the service by individual decision ("Saksbehandlingsregler for tildelingsvedtak"):
# if they do, reducing or pausing it is a reversal of those decisions (forvaltningsloven § 35).
INDIVIDUAL_DECISION = [
    ("ja", _("Ja, mottakerne har tjenesten ved enkeltvedtak")),
    ("nei", _("Nei, tjenesten er ikke tildelt ved enkeltvedtak")),
]
# The phases in which the note accepts oral decisions and reversals to the recipient's disadvantage.
CRISIS_PHASES = (3, 4)

# Omgjøring av tildelingsvedtak (forvaltningsloven § 35): «det må sikres at bruker og eventuelt pårørende har
# forstått hva endringen medfører og hvor lenge endringen gjelder».
REVERSAL_UNDERSTOOD = [
    ("ja", _("Ja, det er sikret at mottakerne og eventuelt pårørende har forstått hva endringen medfører og hvor "
             "lenge den gjelder")),
    ("nei", _("Nei, ikke ennå")),
]
# Juridisk utgangspunkt: the right to complain (pasient- og brukerrettighetsloven § 7-2) still applies.
COMPLAINT_INFO = [
    ("ja", _("Ja, mottakerne får vite at de kan klage (pasient- og brukerrettighetsloven § 7-2)")),
    ("nei", _("Nei, ikke ennå")),
]
# Reasons that make a measure an infection-control measure (smittevernloven § 1-5).
INFECTION_CONTROL_REASONS = {"smittevern", "begge"}

CRITERIA = ["nytte", "alvorlighet", "ressurs", "mestring"]
# The one-word names of the portal's three steps, for tables and CSV ("2 – middels").
CRITERION_STEP_WORDS = {
    "nytte": {1: _("liten"), 2: _("middels"), 3: _("stor")},
    "alvorlighet": {1: _("lav"), 2: _("middels"), 3: _("høy")},
    "ressurs": {1: _("lite"), 2: _("middels"), 3: _("mye")},
    "mestring": {1: _("god"), 2: _("delvis"), 3: _("svak")},
}
CRITERIA_LABELS = {
    "nytte": _("Nytte"),
    "alvorlighet": _("Alvorlighet"),
    "ressurs": _("Ressurs"),
    "mestring": _("Mestring"),
}

# Vedlegg 1: each criterion on three steps, labelled with the note's descriptors.
CRITERION_INTROS = {
    "nytte": _("«Et tiltaks prioritet øker i tråd med den forventede nytten av tiltaket.» (Vedlegg 1, Nyttekriteriet)"),
    "alvorlighet": _("«Et tiltaks prioritet øker i tråd med alvorligheten av tilstanden.» «Graden av alvorlighet "
                     "øker jo mer det haster å komme i gang med tiltaket.» (Vedlegg 1, Alvorlighetskriteriet)"),
    "ressurs": _("«Et tiltaks prioritet øker desto mindre ressurser det legger beslag på.» «Ressurskriteriet skal "
                 "ikke brukes alene, men sammen med de to andre hovedkriteriene for prioritering.» (Vedlegg 1)"),
    "mestring": _("Notatet: «NOU'en anbefaler at også mestring vektlegges». Vedlegg 1 vurderer «graden av fysisk, "
                  "psykisk og sosial mestring»."),
}
CRITERION_SCALES = {
    "nytte": [
        (1, _("Liten – usikkert om tjenesten gir «økt fysisk, psykisk og sosial mestring» eller mindre ubehag")),
        (2, _("Middels – tjenesten gir «reduksjon av smerter, fysisk eller psykisk ubehag» eller "
              "«økt fysisk, psykisk og sosial mestring»")),
        (3, _("Stor – tjenesten øker sannsynligheten for «overlevelse eller redusert funksjonstap» eller "
              "«fysisk eller psykisk funksjonsforbedring»")),
    ],
    "alvorlighet": [
        (1, _("Lav – lite «smerter, fysisk eller psykisk ubehag», og det haster ikke")),
        (2, _("Middels – noe «fysisk eller psykisk funksjonstap» eller ubehag uten tjenesten")),
        (3, _("Høy – «risiko for død eller funksjonstap» uten tjenesten, og det haster")),
    ],
    "ressurs": [
        (1, _("Lite – tjenesten legger beslag på få ressurser")),
        (2, _("Middels – tjenesten legger beslag på en del personell eller utstyr")),
        (3, _("Mye – tjenesten legger beslag på mye personell, kompetanse eller smittevernutstyr")),
    ],
    "mestring": [
        (1, _("God – mottakerne mestrer godt uten tjenesten en periode (f.eks. «egentrening»)")),
        (2, _("Delvis – mottakerne mestrer delvis uten tjenesten, med veiledning eller pårørende")),
        (3, _("Svak – tjenesten er avgjørende for mottakernes «fysisk, psykisk og sosial mestring»")),
    ],
}

# Candidate measures: the bullets under "Kapasitet i tjenestene".
CAPACITY_SUGGESTIONS = [
    {
        "service_type": "legemiddelhandtering", "action": "delegere", "reason": "kapasitet",
        "note_basis": _("«For å håndtere økt kapasitetsbehov kan det bli nødvendig å delegere oppgaver til annet "
                        "helsepersonell, eksempelvis når det gjelder legemiddelhåndtering.»"),
    },
    {
        "service_type": "habilitering", "action": "stanse", "reason": "begge",
        "service_name": _("Med fysisk oppmøte"),
        "note_basis": _("«Habilitering og rehabilitering som medfører fysisk oppmøte kan opphøre hvis det ikke "
                        "medfører alvorlig varig funksjonstap for tjenestemottaker.»"),
    },
    {
        "service_type": "individuell_plan", "action": "redusere", "reason": "kapasitet",
        "note_basis": _("«Eksisterende individuelle planer opphører ikke, men planarbeidet kan, i likhet med annen "
                        "aktivitet i tjenestene, prioriteres ned der det vurderes forsvarlig.»"),
    },
    {
        "service_type": "annet", "action": "omorganisere", "reason": "kapasitet",
        "service_name": _("Administrative oppgaver for helsepersonell"),
        "note_basis": _("«Personell med helsefaglig kompetanse må i størst mulig grad prioriteres til pasientrettet "
                        "arbeid og fritas for administrative oppgaver som andre personellgrupper kan ivareta.»"),
    },
    {
        "service_type": "helsetjenester_i_hjemmet", "action": "velferdsteknologi", "reason": "begge",
        "note_basis": _("«Velferdsteknologiske løsninger bør tas i bruk der dette på en forsvarlig måte kan erstatte "
                        "tjenester med personlig oppmøte av helse- og omsorgspersonell.»"),
    },
    {
        "service_type": "renhold", "action": "redusere", "reason": "kapasitet",
        "note_basis": _("«Tjenester med formål om renhold og dagaktivitet kan prioriteres ned for en periode, hvis "
                        "ikke individuelle forhold tilsier at det er nødvendig for å dekke grunnleggende behov»"),
    },
    {
        "service_type": "dagaktivitet", "action": "redusere", "reason": "begge",
        "note_basis": _("«Tjenester med formål om renhold og dagaktivitet kan prioriteres ned for en periode, hvis "
                        "ikke individuelle forhold tilsier at det er nødvendig for å dekke grunnleggende behov»"),
    },
]


# The note's own words for every section a guard-rail rests on, quoted verbatim (tests compare
# them with the seed). The keys are the chapters' anchors in the published note (note_sections.CHAPTERS).
SECTIONS = {
    "faser": {
        "title": _("Beredskap og faser i epidemien"),
        "quotes": [
            _("Epidemien starter for alvor i fase 3, når en topp i fase 4 og reduseres fra fase 5."),
            _("Rådene i dette notatet vil kunne komme til anvendelse særlig i fase 3 og 4 av epidemien."),
            _("Kommunen har ansvar for å vurdere konkret hvilke prioriteringsråd og tiltak som skal komme til "
              "anvendelse når."),
            _("Tiltak skal planlegges og ikke iverksettes før det er nødvendig ut fra kapasitets- og "
              "smittevernhensyn."),
        ],
    },
    "kriterier": {
        "title": _("Verdigrunnlag og prioriteringskriterier"),
        "quotes": [
            _("De tre gjeldende prioriteringskriteriene er: nyttekriteriet, ressurskriteriet og "
              "alvorlighetskriteriet. De tre kriteriene skal vurderes samlet."),
            _("NOU'en anbefaler at også mestring vektlegges når kriteriene skal operasjonaliseres i kommunene."),
        ],
    },
    "juridisk": {
        "title": _("Juridisk utgangspunkt"),
        "quotes": [
            _("Dagens lover og forskrifter som regulerer de kommunale helse- og omsorgstjenestene gjelder også under "
              "en epidemi, hvor det kan være behov for å prioritere strengere. Dette gjelder også eksempelvis "
              "pasienters rett til å klage, jf. pasient- og brukerrettighetsloven § 7-2, og pasienter, brukere og "
              "pårørendes rett til informasjon etter kapittel 3 og 4 i pasient- og brukerrettighetsloven"),
            _("Kommunen har ansvar for å sørge for nødvendige helse- og omsorgstjenester, og tjenestene som ytes "
              "skal være forsvarlige."),
            _("I en krisesituasjon vil nødvendige tjenester kunne reduseres så lenge det ikke innebærer at "
              "pasienten/brukeren får et uforsvarlig tilbud."),
        ],
    },
    "saksbehandling": {
        "title": _("Saksbehandlingsregler for tildelingsvedtak"),
        "quotes": [
            _("Reglene for saksbehandling i forvaltningsloven skal følges for vedtak om tildeling av tjenester "
              "etter helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6, jf. pasient- og "
              "brukerrettighetsloven § 2-7."),
        ],
    },
    "muntlig-saksbehandling": {
        "title": _("Muntlig saksbehandling"),
        "parent": _("Saksbehandlingsregler for tildelingsvedtak"),
        "quotes": [
            _("I fase 3 og 4 av epidemien, kan situasjonen for enkelte kommuner gjøre ordinær saksbehandling "
              "svært utfordrende."),
            _("forvaltningsloven § 23 åpner for at enkeltvedtak ikke må være skriftlige når dette av praktiske "
              "grunner vil være særlig byrdefullt for kommunen."),
            _("Kommunen kan i slike tilfeller fatte nye vedtak om tjenestetildeling muntlig, etter en konkret "
              "vurdering."),
            _("Av forsvarlighetsgrunner skal muntlige vedtak føres i pasienten/brukerens journal og "
              "skriftliggjøres i andre interne kvalitetssystemer."),
            _("Muntlig saksbehandling skal kun skje når det er konkrete forhold som rettferdiggjør det, og "
              "skriftlig saksbehandling skal fremdeles være hovedregelen."),
        ],
    },
    "omgjoring": {
        "title": _("Omgjøring av tildelingsvedtak"),
        "quotes": [
            _("Dersom det er behov for å omgjøre enkeltvedtak om tildeling av tjenester, kan dette gjøres etter "
              "reglene i forvaltningsloven § 35. Omgjøringsvedtak skal fattes skriftlig og forvaltningslovens "
              "saksbehandlingsregler skal følges."),
            _("Etter alminnelige forvaltningsrettslige regler, mener Helsedirektoratet at covid-19 epidemien må "
              "anses som et tungtveiende allment hensyn som kan rettferdiggjøre omgjøring av enkeltvedtak til "
              "ugunst for parten. Dette gjelder når epidemien er i fase 3 og 4 og omgjøring har til formål å "
              "frigjøre ressurser i helse- og omsorgstjenesten for å kunne håndtere epidemien, eller på annen "
              "måte understøtte prioriteringene i den kommunale helse- og omsorgstjenesten."),
            _("Pasienten/brukeren må fremdeles sikres et tilbud som ikke anses uforsvarlig og det må sikres at "
              "bruker og eventuelt pårørende har forstått hva endringen medfører og hvor lenge endringen gjelder. "
              "Omgjøring av vedtak om tildelte tjenester må vurderes individuelt."),
            _("Omgjøringen av tildelingsvedtak bør være tidsavgrensede, og de opprinnelige vedtakene bør tre i "
              "kraft så snart situasjonen gjør det mulig."),
        ],
    },
    "smittevern-og-kapasitet": {
        "title": _("Smittevern og kapasitetsutfordringer"),
        "quotes": [
            _("Tiltakene som anbefales iverksatt i helse- og omsorgstjenesten begrunnes ut fra smittevernhensyn "
              "og/eller kapasitetshensyn."),
            _("Etter smittevernloven § 1-5 skal tiltak ha en klar medisinskfaglig begrunnelse, være nødvendige av "
              "hensyn til smittevernet og fremstå tjenlig etter en helhetsvurdering. Kommunelegen har det "
              "medisinskfaglige ansvaret for at smittevernlovens bestemmelser følges opp."),
        ],
    },
    "kapasitet": {
        "title": _("Kapasitet i tjenestene"),
        "quotes": [
            _("For å øke kapasiteten i tjenesten kan det bli behov for reduksjon eller nedlegging av "
              "tjenestetilbud. I den forbindelse må det sikres forsvarlig helsehjelp og dekking av grunnleggende "
              "behov etter en individuell vurdering av den enkeltes helsetilstand og funksjonsnivå. "
              "Tjenestemottaker og eventuelt pårørende skal involveres før beslutningen fattes. Omgjøringen av "
              "tildelingsvedtak bør være tidsavgrensede, og de opprinnelige vedtakene bør tre i kraft så snart "
              "situasjonen gjør det mulig."),
            _("Eksisterende individuelle planer opphører ikke, men planarbeidet kan, i likhet med annen aktivitet "
              "i tjenestene, prioriteres ned der det vurderes forsvarlig. Personer som allerede har koordinator "
              "skal beholde denne, men roller og oppgaver kan redefineres. Koordinerende enhet kan ikke avvikle "
              "sin funksjon, men aktivitetsnivået kan tilpasses nødvendige prioriteringer."),
        ],
    },
    "lindrende": {
        "title": _("Lindrende behandling og omsorg ved livets slutt"),
        "quotes": [
            _("Personer i livets sluttfase, må sikres god lindrende behandling og omsorg, som ivaretar "
              "verdigheten til pasienten."),
        ],
    },
    "sarbare": {
        "title": _("Spesielt sårbare grupper"),
        "quotes": [
            _("Sårbare grupper, for eksempel barn, psykisk syke, rusavhengige, bostedsløse, personer med kognitiv "
              "svikt, eldre på sykehjem, aleneboende, personer med omfattende behov og pårørende med særlig "
              "tyngende omsorgsoppgaver, kan være spesielt utsatt for negative konsekvenser av redusert kapasitet "
              "i helse- og omsorgstjenestene i kommunene."),
            _("Kommunen bør legge planer for hvilke tjenester som må opprettholdes for sårbare hjemmeboende i alle "
              "faser av epidemien, og hva som ved behov kan avsluttes eller reduseres for en periode. Planer for "
              "den enkelte bør legges i dialog med tjenestemottakere og eventuelt pårørende, og bør ha vurdering "
              "av forsvarlig tidsramme."),
            _("Kommunene må sikre at foreldre til barn med store og sammensatte behov får forsvarlig hjelp og "
              "avlastning i de ulike fasene av epidemien."),
        ],
    },
    "vedlegg-1": {
        "title": _("Vedlegg 1: Beskrivelse av prioriteringskriterier"),
        "quotes": [
            _("Et tiltaks prioritet øker i tråd med den forventede nytten av tiltaket."),
            _("Et tiltaks prioritet øker desto mindre ressurser det legger beslag på."),
            _("Ressurskriteriet skal ikke brukes alene, men sammen med de to andre hovedkriteriene for "
              "prioritering."),
            _("Et tiltaks prioritet øker i tråd med alvorligheten av tilstanden."),
            _("Graden av alvorlighet øker jo mer det haster å komme i gang med tiltaket."),
        ],
    },
}

