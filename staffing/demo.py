"""Demo content for the staffing app, built from seeds 002 and 004 and the related items of seed 000.

Running `load` again changes nothing: a measure that already exists (by slug) is left as it is, and
contact point versions are keyed on their start date.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from publishing.models import ChangeType
from publishing.services import version_create, version_publish
from staffing.models import Category, Channel, ContactPoint, Measure
from staffing.models import PersonnelKind as P
from staffing.models import Speed
from staffing.models import Task as T

SEED_002 = "Helsedirektoratet: svar på covid-19-oppdrag fra HOD 262a (5. mars 2021)"
SEED_004 = "Helsedirektoratet: brev til kommunene om økt smitte og kapasitetsutfordringer (10. desember 2021)"
SEED_000 = "KS: Koronaviruset – helse og velferd"
URL_002 = "https://www.helsedirektoratet.no/veiledere/koronavirus/personell-kompetanse-og-rekruttering"
URL_004 = "https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus"
URL_KS = "https://www.ks.no/fagomrader/helse-og-omsorg/koronaviruset-helse-og-velferd/"
ALL_TASKS = [t.value for t in T]
PHONE = "404 07 998"
EMAIL_2021 = "nasjonalthelsepersonell@helsedirektoratet.no"
EMAIL_DEC_2021 = "nasjonalthelsepersonell@helsedir.no"

DATE_002 = datetime.date(2021, 3, 5)
DATE_004 = datetime.date(2021, 12, 10)

CONTACT_POINTS = [
    {
        "valid_from": datetime.date(2021, 3, 5),
        "heading": "Hjelp til å rekruttere helsepersonell",
        "text": "Kommuner og helseforetak kan få hjelp fra Helsedirektoratet med rekruttering av helsepersonell "
                "til testing og smittesporing som kan reise på kort varsel, og helsepersonell til andre oppgaver.",
        "phone": PHONE,
        "opening_hours": "08–16 alle virkedager",
        "email": EMAIL_2021,
        "source": SEED_002,
    },
    {
        "valid_from": DATE_004,
        "heading": "Hjelp til å rekruttere helsepersonell",
        "text": "Nasjonalt helsepersonell tilbyr helsepersonell til smittesporing, vaksinering og andre oppgaver. "
                "Ring eller send e-post.",
        "phone": PHONE,
        "opening_hours": "08–15 alle virkedager",
        "email": EMAIL_DEC_2021,
        "source": SEED_004,
    },
]


def _measure(slug, category, position, versions):
    return {"slug": slug, "category": category, "position": position, "versions": versions}


def _content(title, summary, *, provider, tasks, personnel, speed, channel, how, body="", contact_name="",
             phone="", email="", url="", conditions="", legal_basis="", capacity="", valid_from=None,
             valid_until=None, source=SEED_004, source_url=URL_004, published=DATE_004, note=""):
    return {
        "published": published,
        "change_note": note or "Første versjon, etter kilden.",
        "content": {
            "title": title, "summary": summary, "body": body, "provider": provider, "tasks": tasks,
            "personnel_kinds": personnel, "speed": speed, "request_channel": channel, "how_to_request": how,
            "contact_name": contact_name, "contact_phone": phone, "contact_email": email, "contact_url": url,
            "conditions": conditions, "legal_basis": legal_basis, "capacity": capacity,
            "valid_from": valid_from, "valid_until": valid_until, "source_title": source, "source_url": source_url,
        },
    }


def _register_versions():
    common = dict(
        provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[P.AUTHORISED, P.STUDENTS], speed=Speed.DAYS,
        channel=Channel.WEBSITE, url="https://nasjonalthelsepersonell.no", valid_from=datetime.date(2020, 3, 1),
        conditions="Kommunen må få brukertilgang til registeret. Kommunen ansetter og lønner personellet selv.",
        body="Registeret ble etablert i mars 2020. Helsepersonell med ledig kapasitet og helsefaglige studenter "
             "ble oppfordret til å registrere seg, blant annet gjennom kampanjer på TV 2 og digitale kanaler. "
             "NAV la ut melding om at permittert helsepersonell kunne registrere seg.",
    )
    first = _content(
        "Register for reservepersonell innen helse (nasjonalthelsepersonell.no)",
        "Et nasjonalt register der ledig helsepersonell og helsefaglige studenter har registrert seg. "
        "Kommuner, helseforetak og andre kan få brukertilgang og rekruttere direkte fra registeret.",
        how="Be om brukertilgang til nasjonalthelsepersonell.no på e-post, og rekrutter direkte fra registeret.",
        email=EMAIL_2021, capacity="Ca. 10 000 registrerte per mars 2021.", source=SEED_002, source_url=URL_002,
        published=DATE_002, **common,
    )
    second = _content(
        first["content"]["title"], first["content"]["summary"],
        how=f"Be om brukertilgang på e-post eller ring {PHONE} (08–15 alle virkedager), og rekrutter direkte "
            "fra registeret.",
        phone=PHONE, email=EMAIL_DEC_2021, capacity="Ca. 10 000 registrerte per mars 2021.",
        note="Ny e-postadresse og telefon med åpningstid 08–15, etter brevet fra desember 2021.", **common,
    )
    return [first, second]


def _innsats_versions():
    common = dict(
        body="Et utvalg av de registrerte i reservepersonellregisteret har sagt seg villige til å reise. De er "
             "kvalitetssikret av et bemanningsselskap og har gjennomført teoretisk opplæring i testing, "
             "smittesporing og smittevern. Fire frivillige reiste blant annet til Rana kommune for å bemanne en "
             "teststasjon ved Umbukta.",
        provider="Helsedirektoratet", tasks=[T.TESTING, T.TRACING], personnel=[P.AUTHORISED], speed=Speed.SAME_DAY,
        channel=Channel.PHONE_EMAIL, contact_name="Helsedirektoratet, nasjonalt helsepersonell", phone=PHONE,
        conditions="Kommunen har akutt mangel på personell til testing og smittesporing.",
        capacity="90 kvalitetssikrede innsatspersonell per mars 2021.", source_url=URL_002,
    )
    title = "Nasjonalt innsatspersonell for TISK"
    summary = ("Helsepersonell som har fått opplæring i testing, smittesporing og bruk av smittevernutstyr, og som "
               "kan reise på oppdrag på kort varsel. For kommuner med akutt mangel på personell.")
    return [
        _content(title, summary, email=EMAIL_2021, source=SEED_002, published=DATE_002,
                 how=f"Ring {PHONE} (08–16 alle virkedager) eller send e-post til {EMAIL_2021}.", **common),
        _content(title, summary, email=EMAIL_DEC_2021, source=SEED_004,
                 how=f"Ring {PHONE} (08–15 alle virkedager) eller send e-post til {EMAIL_DEC_2021}.",
                 note="Ny e-postadresse, og telefonen er åpen 08–15, etter brevet fra desember 2021.", **common),
    ]


MEASURES = [
    _measure("helseberedskapsloven", Category.EMERGENCY_LAW, 10, [_content(
        "Fullmakter i helseberedskapsloven: rekvirering og beordring av personell",
        "Helsedirektoratet vil legge til rette for bruk av helseberedskapsloven dersom situasjonen krever det, "
        "til beordring av personell og rekvirering av hoteller med mer til ekstra sengeplasser.",
        body="Loven er særlig aktuell når behovet for nødvendig helsehjelp truer med å overstige kapasiteten i "
             "hele eller deler av landet. Den gir bestemmelser om rekvisisjoner, tjenesteplikt og beordring, og om "
             "endringer i ansvar, oppgaver og ressursfordeling på tvers av tjenestenivåer, virksomheter og "
             "geografiske områder. Kongen i statsråd har gitt departementet fullmakt til å bruke "
             "fullmaktsbestemmelsene.",
        provider="Helse- og omsorgsdepartementet og Helsedirektoratet", tasks=ALL_TASKS,
        personnel=[P.AUTHORISED], speed=Speed.WEEKS, channel=Channel.COUNTY_GOVERNOR,
        how="Meld behovet til Statsforvalteren; Helsedirektoratet vurderer om fullmaktene skal tas i bruk, og "
            "departementet beslutter.",
        contact_name="Statsforvalteren i fylket",
        conditions="Krisesituasjon der behovet for nødvendig helsehjelp truer med å overstige kapasiteten. "
                   "Kommunene bør ha planlagt for dette (jf. planleggingen i mai–juni 2020).",
        legal_basis="Helseberedskapsloven § 1-1 og lovens bestemmelser om rekvisisjon, tjenesteplikt og beordring",
    )]),
    _measure("samhandling-regionalt", Category.REGIONAL, 10, [_content(
        "Samarbeid med helseforetak, frivillige organisasjoner og Statsforvalteren",
        "Helsedirektoratet ber kommunene samarbeide med helseforetak, frivillige organisasjoner og "
        "Statsforvalteren om bruk av tilgjengelige personell- og materiellressurser.",
        provider="Statsforvalteren", tasks=ALL_TASKS, personnel=[P.AUTHORISED, P.VOLUNTEERS], speed=Speed.DAYS,
        channel=Channel.COUNTY_GOVERNOR, contact_name="Statsforvalteren i fylket (beredskapslinjen)",
        how="Ta opp behovet med Statsforvalteren og helseforetaket i regionen, og avtal hvem som bidrar med hva.",
    )]),
    _measure("sivilforsvaret-og-forsvaret", Category.REGIONAL, 20, [_content(
        "Ressursstøtte fra Sivilforsvaret og Forsvaret",
        "Statsforvalteren koordinerer bistand fra Sivilforsvaret og Forsvaret når kommunen ikke klarer "
        "oppgavene selv.",
        provider="Statsforvalteren", tasks=[T.TESTING, T.VACCINATION, T.ADMINISTRATION],
        personnel=[P.CIVIL_DEFENCE], speed=Speed.SAME_DAY, channel=Channel.COUNTY_GOVERNOR,
        contact_name="Statsforvalteren i fylket (beredskapslinjen)",
        how="Ring Statsforvalterens beredskapslinje og be om ressursstøtte; si hvilke oppgaver og hvor mange.",
        conditions="Kommunen skal først ha forsøkt å skaffe frivillige eller kommersielle aktører.",
    )]),
    _measure("prioritering-av-ressurser", Category.PRIORITISING, 10, [_content(
        "Prioritering av kommunens ressurser etter prioriteringsnotatet",
        "Dersom smitten overbelaster helsetjenesten, kan kommunen prioritere sine ressurser for å redde liv og "
        "ivareta innbyggernes helse, etter Helsedirektoratets prioriteringsnotat.",
        body="Helsedirektoratet har dialog med Helse- og omsorgsdepartementet for å gi kommunene unntak fra en del "
             "lovpålagte plikter, slik at prioriteringer kan gjøres uten at kommunene begår lovbrudd. Bruk "
             "prioriteringsskjemaet i portalen.",
        provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[], speed=Speed.SAME_DAY, channel=Channel.LOCAL,
        how="Vurder tjenestene i kommunens prioriteringsskjema under «Prioritering» i portalen.",
        url="https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus",
        conditions="Opprettholde tjenestetilbud til sårbare grupper, bistand til personer med særlige "
                   "hjelpebehov og de viktigste tilbudene til barn og unge.",
    )]),
    _measure("nabokommuner", Category.EXTRA_PERSONNEL, 10, [_content(
        "Bistand fra nabokommuner",
        "Statsforvalteren koordinerer bistand fra nabokommuner, slik at personell kan lånes der det trengs mest.",
        provider="Statsforvalteren", tasks=ALL_TASKS, personnel=[P.AUTHORISED], speed=Speed.DAYS,
        channel=Channel.COUNTY_GOVERNOR, contact_name="Statsforvalteren i fylket",
        how="Kontakt Statsforvalteren og beskriv behovet; Statsforvalteren formidler og koordinerer med "
            "nabokommunene.",
    )]),
    _measure("register-for-reservepersonell", Category.EXTRA_PERSONNEL, 20, _register_versions()),
    _measure("nasjonalt-innsatspersonell-tisk", Category.EXTRA_PERSONNEL, 30, _innsats_versions()),
    _measure("nasjonalt-helsepersonell", Category.EXTRA_PERSONNEL, 40, [_content(
        "Nasjonalt helsepersonell: personell til smittesporing og vaksinering",
        "Helsedirektoratet tilbyr helsepersonell til smittesporing, vaksinering med mer.",
        provider="Helsedirektoratet", tasks=[T.TRACING, T.VACCINATION, T.TESTING], personnel=[P.AUTHORISED],
        speed=Speed.DAYS, channel=Channel.PHONE_EMAIL, contact_name="Nasjonalt helsepersonell", phone=PHONE,
        email=EMAIL_DEC_2021, how=f"Send e-post til {EMAIL_DEC_2021} eller ring {PHONE} (08–15).",
    )]),
    _measure("pensjonister-til-juli-2022", Category.EXTRA_PERSONNEL, 50, [_content(
        "Pensjonister i covid-19-arbeidet (til juli 2022)",
        "Pensjonert helsepersonell kan få lønn for å bidra i covid-19-håndteringen uten trekk i pensjonen fram "
        "til juli 2022. Kommunene kan bruke pensjonister i arbeidet som før.",
        provider="Staten ved Helse- og omsorgsdepartementet", tasks=ALL_TASKS,
        personnel=[P.PENSIONERS, P.AUTHORISED], speed=Speed.DAYS, channel=Channel.LOCAL,
        how="Kommunen ansetter pensjonisten selv, for eksempel fra egne lister over tidligere ansatte.",
        conditions="Arbeidet gjelder covid-19-håndteringen. Lønn uten trekk i pensjonen gjelder fram til juli 2022.",
        valid_until=datetime.date(2022, 6, 30),
    )]),
    _measure("pensjonister-fra-september-2022", Category.EXTRA_PERSONNEL, 60, [_content(
        "Pensjonister kan jobbe med TISK og vaksinering uten å tape pensjon (fra 10.09.2022)",
        "Fra 10. september 2022 kan pensjonert personell motta en særskilt fastsatt pensjonistlønn uten at AFP "
        "eller alderspensjonen reduseres, når de jobber med TISK-tiltak eller vaksinering.",
        provider="KS og staten", tasks=[T.TESTING, T.TRACING, T.VACCINATION],
        personnel=[P.PENSIONERS, P.AUTHORISED], speed=Speed.DAYS, channel=Channel.LOCAL,
        how="Kommunen ansetter pensjonisten selv og avtaler den særskilt fastsatte pensjonistlønnen.",
        conditions="Gjelder arbeid med oppskalering av TISK-tiltak eller vaksinering som følge av koronapandemien.",
        valid_from=datetime.date(2022, 9, 10), source=SEED_000, source_url=URL_KS,
        published=datetime.date(2022, 9, 10),
    )]),
    _measure("helsefagstudenter-via-statsforvalteren", Category.EXTRA_PERSONNEL, 70, [_content(
        "Helsefagstudenter til vaksinering via Statsforvalteren",
        "Via Statsforvalteren kan kommunene få tilgang på helsefagstudenter som kan bistå i kommunens "
        "vaksineringsarbeid.",
        provider="Statsforvalteren", tasks=[T.VACCINATION], personnel=[P.STUDENTS], speed=Speed.DAYS,
        channel=Channel.COUNTY_GOVERNOR, contact_name="Statsforvalteren i fylket",
        how="Be Statsforvalteren om helsefagstudenter og oppgi hvor mange og hvilke vaksinasjonsdager.",
        conditions="Studentene arbeider under veiledning og oppfølging fra kommunens helsepersonell.",
    )]),
    _measure("studentlisens", Category.EXTRA_PERSONNEL, 80, [_content(
        "Studentlisens for helsefaglige studenter, elever og lærlinger",
        "Helsefaglige studenter, elever og lærlinger kan få innvilget studentlisens i siste studieår.",
        provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[P.STUDENTS], speed=Speed.WEEKS,
        channel=Channel.EMAIL, email="godkjenning@helsedir.no", contact_name="Helsedirektoratet, godkjenning",
        how="Meld behovet for studentlisenser på e-post til godkjenning@helsedir.no.",
        conditions="Studenten, eleven eller lærlingen er i siste studieår.",
        legal_basis="Lisens etter helsepersonelloven § 49", source=SEED_000, source_url=URL_KS,
        published=datetime.date(2021, 1, 15),
    )]),
    _measure("medhjelpere", Category.EXTRA_PERSONNEL, 90, [_content(
        "Medhjelpere etter helsepersonelloven § 5",
        "Kommunene kan bruke andre som medhjelpere når det er forsvarlig. Personell fra frivillige "
        "organisasjoner kan komme inn under denne kategorien.",
        provider="Kommunen selv", tasks=[T.TESTING, T.TRACING, T.VACCINATION, T.CARE, T.ADMINISTRATION],
        personnel=[P.UNTRAINED, P.VOLUNTEERS], speed=Speed.SAME_DAY, channel=Channel.LOCAL,
        how="Helsepersonellet som har ansvaret, gir medhjelperen oppgaven, opplæring og oppfølging på stedet.",
        conditions="Forsvarlig ut fra oppgavens art, personellets kvalifikasjoner og oppfølgingen som gis.",
        legal_basis="Helsepersonelloven § 5",
    )]),
    _measure("bedriftshelse-tannhelse-private", Category.EXTRA_PERSONNEL, 100, [_content(
        "Bedriftshelsetjenester, tannhelsepersonell og private helsetjenester",
        "Ressurser fra bedriftshelsetjenester, tannhelsepersonell og private helsetjenester kan benyttes om "
        "nødvendig.",
        provider="Kommunen selv, med private aktører", tasks=[T.TESTING, T.VACCINATION, T.TRACING],
        personnel=[P.AUTHORISED], speed=Speed.DAYS, channel=Channel.LOCAL,
        how="Kontakt bedriftshelsetjenester, tannklinikker og private helsetjenester i kommunen og inngå avtale.",
    )]),
    _measure("administrativ-stotte", Category.EXTRA_PERSONNEL, 110, [_content(
        "Administrativ støtte fra personell uten helseutdanning",
        "Personell uten helseutdanning kan avlaste helsepersonell med støttefunksjoner og administrative "
        "oppgaver. NAV eller frivillige organisasjoner kan bistå med å opprette kontakt.",
        provider="NAV og frivillige organisasjoner", tasks=[T.ADMINISTRATION, T.TRACING, T.TESTING],
        personnel=[P.UNTRAINED, P.VOLUNTEERS], speed=Speed.DAYS, channel=Channel.LOCAL,
        contact_name="NAV-kontoret i kommunen",
        how="Be NAV-kontoret eller frivillige organisasjoner om personell til støttefunksjoner og administrasjon.",
    )]),
    _measure("nav-og-frivillige", Category.EXTRA_PERSONNEL, 120, [_content(
        "Personell fra NAV og frivillige organisasjoner",
        "Helsedirektoratet ber kommunene høre med NAV og frivillige organisasjoner om de har personell som kan "
        "bidra.",
        provider="NAV og frivillige organisasjoner", tasks=[T.ADMINISTRATION, T.CARE, T.TESTING],
        personnel=[P.VOLUNTEERS, P.UNTRAINED], speed=Speed.DAYS, channel=Channel.LOCAL,
        contact_name="NAV-kontoret og frivillige organisasjoner i kommunen",
        how="Ring NAV-kontoret og de frivillige organisasjonene i kommunen og spør hvem som kan bidra.",
    )]),
    _measure("ekstra-lege-i-fastlegepraksis", Category.SUPPORT, 10, [_content(
        "Ekstra lege i fastlegepraksis med trygderefusjon",
        "Fastleger kan ta inn ekstra lege i sin praksis, og nye leger får trygderefusjon.",
        body="Helsedirektoratet er i dialog med Legeforeningen og HOD om regler for kveldstakster, sykepenger ved "
             "fravær fra praksis og om avlastning for fastleger fra arbeid med sykmelding, e-konsultasjoner og "
             "attester.",
        provider="Helsedirektoratet og HELFO", tasks=[T.DOCTORS], personnel=[P.AUTHORISED], speed=Speed.WEEKS,
        channel=Channel.LOCAL, how="Fastlegen avtaler med kommunen å ta inn en ekstra lege i praksisen.",
    )]),
    _measure("fastlegers-plikt-til-vaksinasjon", Category.SUPPORT, 20, [_content(
        "Fastlegenes plikt til å delta i vaksinasjon mot covid-19",
        "Helse- og omsorgsdepartementet har endret forskrift om nasjonalt vaksinasjonsprogram, som fastsetter en "
        "plikt for fastlegene til å delta i vaksinasjon mot covid-19.",
        provider="Helse- og omsorgsdepartementet", tasks=[T.VACCINATION, T.DOCTORS], personnel=[P.AUTHORISED],
        speed=Speed.DAYS, channel=Channel.LOCAL,
        how="Kommunen avtaler fastlegenes deltakelse i vaksinasjonen; KS gir råd om reglene.",
        legal_basis="Forskrift om nasjonalt vaksinasjonsprogram", source=SEED_000, source_url=URL_KS,
        published=datetime.date(2021, 3, 1),
        conditions="Forskriften er utarbeidet i dialog med KS og Legeforeningen.",
    )]),
    _measure("apotek-vaksinerer", Category.SUPPORT, 30, [_content(
        "Apotek kan gi covid-19-vaksine etter avtale med kommunen",
        "Apotek kan nå etter avtale med kommunen gi covid-19-vaksiner.",
        provider="Apotekene", tasks=[T.VACCINATION], personnel=[P.AUTHORISED], speed=Speed.WEEKS,
        channel=Channel.LOCAL, how="Inngå avtale med apotek i kommunen om vaksinering.",
        conditions="Krever avtale mellom kommunen og apoteket.",
    )]),
    _measure("staten-dekker-ekstrautgifter", Category.SUPPORT, 40, [_content(
        "Staten dekker kommunenes covid-19-ekstrautgifter",
        "Regjeringen har lovet at kommunenes ekstrautgifter til covid-19 dekkes.",
        provider="Regjeringen", tasks=ALL_TASKS, personnel=[], speed=Speed.WEEKS, channel=Channel.LOCAL,
        how="Før ekstrautgiftene særskilt i kommunens regnskap, så de kan dokumenteres.",
    )]),
    _measure("informasjon-om-regler", Category.SUPPORT, 50, [_content(
        "Informasjon om covid-19-regler",
        "Gjeldende regler står på nettsidene til FHI, Helsedirektoratet og Helse Norge.",
        provider="FHI, Helsedirektoratet og Helse Norge", tasks=ALL_TASKS, personnel=[], speed=Speed.SAME_DAY,
        channel=Channel.WEBSITE, url="https://www.fhi.no/", how="Les reglene på nettsidene til FHI, "
        "Helsedirektoratet og Helse Norge.",
    )]),
    _measure("juridisk-vakttelefon", Category.SUPPORT, 60, [_content(
        "Juridisk vakttelefon for kommuneleger",
        "Helsedirektoratet har juridisk vakttelefon for bistand til kommuneleger. Kontakt FHIs smittevernvakt "
        "for dialog med jurist.",
        provider="Helsedirektoratet og FHI", tasks=[T.ADMINISTRATION, T.TRACING, T.DOCTORS], personnel=[],
        speed=Speed.SAME_DAY, channel=Channel.PHONE_EMAIL, contact_name="FHI Smittevernvakta",
        how="Ring FHIs smittevernvakt og be om dialog med jurist.",
    )]),
]


def load(stdout):
    publisher = get_user_model().objects.get(username="redaktor")
    created = sum(_load_measure(spec, publisher) for spec in MEASURES)
    for values in CONTACT_POINTS:
        ContactPoint.objects.get_or_create(valid_from=values["valid_from"], defaults=values)
    stdout.write(f"  Bemanning: {created} nye tiltak, {Measure.objects.count()} i alt; "
                 f"{ContactPoint.objects.count()} versjoner av kontaktpunktet.")


def _load_measure(spec, publisher):
    measure, created = Measure.objects.get_or_create(
        slug=spec["slug"], defaults={"category": spec["category"], "position": spec["position"]}
    )
    existing = measure.versions.count()
    for number, version in enumerate(spec["versions"][existing:], start=existing):
        draft = version_create(
            document=measure, author=publisher, based_on_number=number,
            change_type=ChangeType.MAJOR, change_note=version["change_note"], **version["content"],
        )
        publish_at = timezone.make_aware(datetime.datetime.combine(version["published"], datetime.time(9)))
        version_publish(version=draft, user=publisher, publish_at=publish_at)
    return int(created)
