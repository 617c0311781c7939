"""Demo content for the staffing app: every measure and the contact point, from seeds 002, 004 and 000.

Truth rules (issue 12): each version names its source document, issuer and date, and says nothing
its source does not. What the portal adds to explain is in `editor_note`, shown apart as the
editors' words. Where the source gives no way to request a measure, `how_to_request` says so.
The speed is always the editors' estimate and is shown as one.

Dates:
- Seed 002 (Helsedirektoratet's answer to HOD assignment 262a) carries no date of its own: its first
  part was due 5 March 2021 and it counts registrations "per mars 2021". It is dated «ca. mars 2021»
  (stored as the due date, shown only as the month).
- Seed 004 (Helsedirektoratet's letter to the municipalities) has no date either; a link in it was
  rewritten by the recipient's mail system on 10 December 2021. It is dated «ca. desember 2021»
  (stored as 10.12.2021, the day it had certainly been sent), as the guidance articles date it.
- Document titles are the seeds' own, as guidance names them, so one document is cited one way.
- Seed 000 (KS's page) gives no date for the items used here, so those versions have none (marked
  approximate with no date, as guidance marks undated sources); their measures are "start unknown"
  unless the item names a start (the pensioners' 10.09.2022).
- A start or end the source gives only as a month is stored on the conservative side (the register
  "I mars 2020": 31.03.2020; "fram til juli 2022": 30.06.2022) and shown as the month.
- The portal's own publication time is the time of loading: no seed used here gives an exact day, so
  the demo invents no day (or time) on which the portal published it.

One phone line, one set of hours and one address at any date: the measures reached through
Helsedirektoratet's contact point give its number and refer to «Om kontaktpunktet» for the hours and
the e-mail address, which changed between the seeds; only the contact point's dated versions carry them.
Seed 002 prints the number as «404 07 9928» (nine digits); the editors read it as 404 07 998, the
number seed 004 gives, and say so in an editors' note wherever seed 002 is the source.

Links: where a guidance article describes the same scheme (or is the document a measure comes from),
the version's `see_also` links to it by address, and the article links back (guidance/demo_content/).

Loading is idempotent: a measure is matched by slug and gets only the versions it lacks; if its
newest version was written by the demo publisher and differs from the text here, one correcting
version is published now (an earlier demo had facts no seed gives), a minor one when only the
links differ. Contact point versions are matched on their start date and brought up to date.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from publishing.models import ChangeType
from publishing.services import version_create, version_publish
from staffing.models import Category, Channel, ContactPoint, Measure
from staffing.models import PersonnelKind as P
from staffing.models import Speed
from staffing.models import Task as T

DEMO_PUBLISHER = "redaktor"


@dataclass(frozen=True)
class Source:
    title: str
    issuer: str
    date: datetime.date = None
    approximate: bool = False
    url: str = ""


SEED_002 = Source("Svar på Covid-19-oppdrag fra HOD 262a - Innsatsteam til sykehjem og hjemmetjenester ved "
                  "smitteutbrudd", "Helsedirektoratet", datetime.date(2021, 3, 5), True)
SEED_004 = Source("Økt smitte, kapasitetsutfordringer og eventuelt behov for bruk av fullmakter i "
                  "helseberedskapsloven - Kommunene", "Helsedirektoratet", datetime.date(2021, 12, 10), True)
SEED_000 = Source("Koronaviruset: Helse og velferd", "KS", None, True)

ALL_TASKS = [t.value for t in T]
# Seed 002's poster reads "404 07 9928", a scanning error (nine digits); seed 004 gives 404 07 998.
PHONE = "404 07 998"
EMAIL_2021 = "nasjonalthelsepersonell@helsedirektoratet.no"
EMAIL_DEC_2021 = "nasjonalthelsepersonell@helsedir.no"
PRIORITY_NOTE_URL = ("https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus/"
                     "prioriteringsnotat-prioritering-av-helsehjelp-i-norge-under-covid-19-pandemien")
RECRUITMENT_URL = ("https://www.helsedirektoratet.no/veiledere/koronavirus/personell-kompetanse-og-rekruttering"
                   "#kommuner-og-helseforetak-kan-fa-hjelp-til-til-a-rekruttere-helsepersonell")
HOW_UNSTATED = "Kilden sier ikke hvordan kommunen går fram."
PHONE_READING = ("Kilden oppgir telefonnummeret som «404 07 9928», med ni sifre. Redaksjonen leser det som en "
                 "skrivefeil for 404 07 998, nummeret Helsedirektoratets brev fra ca. desember 2021 oppgir.")
CONTACT_POINT_LINK = "[Om kontaktpunktet: telefontid og e-post, med dato for hver versjon](/bemanning/kontaktpunktet/)"
HDIR_CORONA_PAGE = "https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus"
# Where readers can look when a source names a contact but gives no way to reach it (the editors' advice).
COUNTY_GOVERNOR_WHERE = "Se nettsidene til statsforvalteren i fylket; ingen av kildene gir telefon eller e-post."
NAV_WHERE = "Ta kontakt med NAV-kontoret og de frivillige organisasjonene i kommunen; kilden gir ingen adresse."
FIRST_NOTE = "Første versjon, etter kilden."
CORRECTION_NOTE = ("Rettet etter kilden: teksten er sjekket mot kilden på nytt, opplysninger kilden ikke gir er "
                   "fjernet eller flyttet til redaksjonens merknad, og kilde og dato er oppgitt.")
LINKS_NOTE = "Lenker under «Se også» er lagt til."
LINK_FIELDS = {"see_also"}


def article_link(slug, title):
    """A «Se også» line to the guidance article about the same scheme or document. By address: staffing
    never imports guidance, and publishers keep these lines in the admin like any other text."""
    return f"[Veiledningen: {title}](/veiledning/{slug}/)"


# The guidance articles the measures link to (each links back; see guidance/demo_content/).
ASSIGNMENT_ARTICLE = article_link("svar-pa-oppdrag-262a-oversikt-over-virkemidler-og-kontaktpunkt",
                                  "Helsedirektoratets svar på oppdrag 262a (ca. mars 2021)")
LETTER_ARTICLE = article_link("forbered-kommunen-pa-en-storre-smittebolge",
                              "Helsedirektoratet ber kommunene forberede seg på en større smittebølge (brevet, ca. "
                              "desember 2021)")
PENSIONERS_ARTICLE = article_link(
    "pensjonister-kan-jobbe-uten-a-tape-pensjon",
    "Pensjonister kan jobbe med TISK-tiltak og vaksinering som følge av koronapandemien uten å tape pensjon (KS)")

CONTACT_POINTS = [
    {
        "valid_from": SEED_002.date, "valid_from_is_approximate": True,
        "heading": "Hjelp til å rekruttere helsepersonell",
        "text": "Kommuner og helseforetak kan få hjelp fra Helsedirektoratet med rekruttering av helsepersonell "
                "til testing og smittesporing som kan reise på kort varsel, og helsepersonell til andre oppgaver.",
        "phone": PHONE, "opening_hours": "08–16 alle virkedager", "email": EMAIL_2021,
        "description": "\n".join([
            "Helsedirektoratet fikk i oppdrag fra Helse- og omsorgsdepartementet å tilby et kontaktpunkt hvor det "
            "kan gis informasjon og veiledning om hvordan virkemidlene for kommuner i en bemanningskrise kan "
            "benyttes.",
            "I dialog med kommunene var det uttrykt behov for «en vei inn» eller en «rød knapp» der det var "
            "tydelig hvor de kan henvende seg for å få hjelp.",
            "Helsedirektoratet har etablert en egen telefontjeneste som er bemannet i arbeidstiden alle hverdager. "
            "I tillegg er det en e-postadresse som sjekkes og besvares daglig.",
            "Brev om den nye informasjonstjenesten ble sendt til kommunene gjennom statsforvalternes "
            "beredskapslinje.",
        ]),
        "source": f"{SEED_002.issuer}: {SEED_002.title}, ca. mars 2021 (første del-leveranse, frist 5. mars 2021)",
        "source_url": "",
        "source_links": "\n".join([
            f"[Covid-19 (koronavirus) – Helsedirektoratet: siden der kontaktpunktet ble gjort kjent]({HDIR_CORONA_PAGE})",
            f"[Personell, kompetanse og rekruttering – koronaveilederen, som siden pekte videre til]({RECRUITMENT_URL})",
        ]),
        "confirmed_by": SEED_002.issuer, "confirmed_on": SEED_002.date, "confirmed_on_is_approximate": True,
        "editor_note": PHONE_READING,
    },
    {
        "valid_from": SEED_004.date, "valid_from_is_approximate": True,
        "heading": "Nasjonalt helsepersonell",
        "text": "Tilbyr helsepersonell til smittesporing og vaksinering med mer. Send en e-post eller ring.",
        "phone": PHONE, "opening_hours": "08–15", "email": EMAIL_DEC_2021, "description": "",
        "source": f"{SEED_004.issuer}: {SEED_004.title}, ca. desember 2021", "source_url": "", "source_links": "",
        "confirmed_by": SEED_004.issuer, "confirmed_on": SEED_004.date, "confirmed_on_is_approximate": True,
        "editor_note": "",
    },
]


def _measure(slug, category, position, versions, successor=None):
    return {"slug": slug, "category": category, "position": position, "versions": versions, "successor": successor}


def _content(source, title, summary, *, provider, tasks, personnel, speed, channel, how, body="", contact_name="",
             phone="", email="", url="", where="", conditions="", legal_basis="", capacity="", valid_from=None,
             valid_from_month=False, valid_until=None, valid_until_month=False, last_resort=False, editor_note="",
             see_also=(), note=FIRST_NOTE):
    """One version's text; every content field is named, so a loaded version compares equal to it."""
    return {
        "published": _publication_time(source),
        "change_note": note,
        "content": {
            "title": title, "summary": summary, "body": body, "provider": provider, "tasks": list(tasks),
            "personnel_kinds": list(personnel), "speed": speed, "request_channel": channel, "how_to_request": how,
            "contact_name": contact_name, "contact_phone": phone, "contact_email": email, "contact_url": url,
            "contact_where": where,
            "conditions": conditions, "legal_basis": legal_basis, "capacity": capacity,
            "valid_from": valid_from, "valid_from_is_approximate": valid_from_month,
            "valid_until": valid_until, "valid_until_is_approximate": valid_until_month,
            "is_last_resort": last_resort, "source_title": source.title, "source_issuer": source.issuer,
            "source_date": source.date, "source_date_is_approximate": source.approximate,
            "source_url": source.url, "editor_note": editor_note, "see_also": "\n".join(see_also),
        },
    }


def _publication_time(source):
    if source.date is None or source.approximate:
        return None  # now: the demo invents no day the portal published it on
    return timezone.make_aware(datetime.datetime.combine(source.date, datetime.time(9)))


def _register():
    return [_content(
        SEED_002, "Register for reservepersonell innen helse (nasjonalthelsepersonell.no)",
        "Et nasjonalt register der helsepersonell med ledig kapasitet er oppfordret til å registrere seg. "
        "Kommuner, helseforetak og andre kan få brukertilgang til registeret og rekruttere direkte derfra.",
        body="Registeret ble etablert i mars 2020. Etter etableringen ble det sendt brev til kommunene, og det ble "
             "kjørt kampanjer på TV 2 og digitale kanaler for å få helsepersonell til å registrere seg. NAV la ut "
             "melding om at permittert helsepersonell kunne registrere seg.\n\n"
             "Etterspørselen etter personell fra de nasjonale tiltakene (reservepersonell og nasjonalt "
             "innsatspersonell) har vært lavere enn forventet. Inntrykket er at kommunene i hovedsak klarer de nye "
             "oppgavene med eget personell eller ved å rekruttere lokalt.",
        provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[P.AUTHORISED, P.STUDENTS], speed=Speed.DAYS,
        channel=Channel.WEBSITE, url="https://nasjonalthelsepersonell.no",
        how="Kommunen kan få brukertilgang til registeret og rekruttere direkte derfra. Kilden sier ikke hvordan "
            "man ber om tilgang.",
        capacity="Ca. 10 000 registrerte per mars 2021.",
        valid_from=datetime.date(2020, 3, 31), valid_from_month=True,
        editor_note="KS' side «Koronaviruset: Helse og velferd» omtaler registeret som et register der ledig "
                    "helsepersonell og helsefaglige studenter kan registrere seg; derfor er studenter nevnt under "
                    "personell.",
        see_also=[article_link("register-for-reservepersonell-innen-helse", "Register for reservepersonell innen helse "
                                                                             "(KS)"), ASSIGNMENT_ARTICLE],
    )]


def _innsats():
    return [_content(
        SEED_002, "Nasjonalt innsatspersonell for TISK",
        "Helsepersonell fra reservepersonellregisteret som er villige til å reise, er kvalitetssikret av et "
        "bemanningsselskap og har fått teoretisk opplæring i testing, smittesporing og smittevern. De er "
        "tilgjengelige til å reise på oppdrag på kort varsel.",
        body="Et utvalg av de registrerte i reservepersonellregisteret har svart at de er villige til å reise flere "
             "steder i Norge.\n\n"
             "Innsatspersonell var tema i Helsedirektoratets «Helseaktuelt», der fire frivillige helsepersonell "
             "reiste til Rana kommune for å bemanne en teststasjon ved Umbukta.",
        provider="Helsedirektoratet", tasks=[T.TESTING, T.TRACING], personnel=[P.AUTHORISED], speed=Speed.SAME_DAY,
        channel=Channel.PHONE_EMAIL, contact_name="Helsedirektoratets kontaktpunkt for rekruttering av helsepersonell",
        phone=PHONE,
        how="Ring eller send e-post til Helsedirektoratets kontaktpunkt for rekruttering av helsepersonell, som hjelper "
            "kommuner med helsepersonell til testing og smittesporing som kan reise på kort varsel.",
        capacity="90 kvalitetssikrede innsatspersonell per mars 2021.",
        editor_note="Telefontiden og e-postadressen er endret siden kilden; de står under «Om kontaktpunktet», med "
                    f"datoen for hver versjon. {PHONE_READING} KS omtaler ordningen som tilgjengelig for kommuner med "
                    "akutt mangel på personell.",
        see_also=[article_link("hjelp-til-tisk-arbeid-ved-akutt-bemanningsbehov",
                               "Kommuner med akutt bemanningsbehov kan få hjelp til TISK-arbeid (KS)"), ASSIGNMENT_ARTICLE,
                  CONTACT_POINT_LINK],
    )]


def _national_personnel():
    title = "Nasjonalt helsepersonell: hjelp fra Helsedirektoratet til å rekruttere helsepersonell"
    return [
        _content(
            SEED_002, title,
            "Kommuner og helseforetak kan få hjelp fra Helsedirektoratet med rekruttering av helsepersonell til "
            "testing og smittesporing som kan reise på kort varsel, og helsepersonell til andre oppgaver.",
            provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[P.AUTHORISED], speed=Speed.DAYS,
            channel=Channel.PHONE_EMAIL, contact_name="Helsedirektoratet", phone=PHONE, email=EMAIL_2021,
            url=RECRUITMENT_URL, how=f"Ring {PHONE} (08–16 alle virkedager) eller send e-post til {EMAIL_2021}.",
            editor_note=PHONE_READING, see_also=[ASSIGNMENT_ARTICLE],
        ),
        _content(
            SEED_004, title,
            "Nasjonalt helsepersonell tilbyr helsepersonell til smittesporing og vaksinering med mer.",
            provider="Helsedirektoratet", tasks=[T.TRACING, T.VACCINATION], personnel=[P.AUTHORISED], speed=Speed.DAYS,
            channel=Channel.PHONE_EMAIL, contact_name="Nasjonalt helsepersonell", phone=PHONE, email=EMAIL_DEC_2021,
            how=f"Send en e-post til {EMAIL_DEC_2021} eller ring {PHONE} (08–15).",
            note="Ny e-postadresse og telefontid 08–15, og tilbudet beskrevet slik brevet fra desember 2021 gjør.",
            editor_note="Brevet nevner bare smittesporing og vaksinering «mm», og gir telefontiden uten dager.",
            see_also=[LETTER_ARTICLE, ASSIGNMENT_ARTICLE, CONTACT_POINT_LINK],
        ),
    ]


def _letter(title, summary, see_also=(), **fields):
    """A measure from seed 004 (one version), linked to the letter in the guidance."""
    return [_content(SEED_004, title, summary, see_also=[LETTER_ARTICLE, *see_also], **fields)]


MEASURES = [
    _measure("helseberedskapsloven", Category.EMERGENCY_LAW, 10, _letter(
        "Fullmakter i helseberedskapsloven: beordring av personell og rekvirering",
        "Helsedirektoratet vil legge til rette for bruk av helseberedskapsloven dersom situasjonen krever det, til "
        "rekvirering og beordring av personell og rekvirering av hoteller med mer til ekstra sengeplasser.",
        body="Loven er særlig aktuell i krisesituasjoner der behovet for nødvendig helsehjelp og helsetjenester "
             "truer med å overstige, eller overstiger, kapasiteten i hele eller deler av landet. Den inneholder "
             "bestemmelser om rekvisisjoner, tjenesteplikt og beordring, endringer i ansvars-, oppgave- eller "
             "ressursfordeling, og omleggings- og omsetningsrestriksjoner. Omdisponeringer kan gjøres på tvers av "
             "tjenestenivåer, virksomheter og geografiske områder.\n\n"
             "Kongen i statsråd har gitt departementet fullmakt til å bruke fullmaktsbestemmelsene. Helsedirektoratet "
             "må vurdere om det er behov for å ta dem i bruk.",
        provider="Helse- og omsorgsdepartementet og Helsedirektoratet", tasks=ALL_TASKS, personnel=[P.AUTHORISED],
        speed=Speed.WEEKS, channel=Channel.UNSTATED,
        how=f"{HOW_UNSTATED} Helsedirektoratet vurderer om det er behov for å ta fullmaktene i bruk.",
        conditions="Krisesituasjoner der behovet for nødvendig helsehjelp og helsetjenester truer med å overstige, "
                   "eller overstiger, kapasiteten.",
        legal_basis="Helseberedskapsloven, jf. formålet i § 1-1",
        editor_note="Brevet viser til kommunenes planlegging for dette i mai–juni 2020.",
    )),
    _measure("samhandling-regionalt", Category.REGIONAL, 10, _letter(
        "Samarbeid med helseforetak, frivillige organisasjoner og Statsforvalteren",
        "Helsedirektoratet ber kommunene om å samarbeide med helseforetak, frivillige organisasjoner og "
        "Statsforvalteren om bruk av tilgjengelige ressurser.",
        body="Helsedirektoratet har hatt dialog med helseforetakene og statsforvaltere om felles god bruk av "
             "ressurser i helsetjenestene.",
        provider="Helseforetak, frivillige organisasjoner og Statsforvalteren", tasks=ALL_TASKS,
        personnel=[P.AUTHORISED, P.VOLUNTEERS], speed=Speed.DAYS, channel=Channel.LOCAL,
        how="Samarbeid med helseforetak, frivillige organisasjoner og Statsforvalteren om bruk av tilgjengelige "
            "ressurser.",
    )),
    _measure("sivilforsvaret-og-forsvaret", Category.REGIONAL, 20, _letter(
        "Ressursstøtte fra Sivilforsvaret og Forsvaret",
        "Statsforvalteren bistår ved behov for ressursstøtte fra Sivilforsvaret og Forsvaret, og koordinerer "
        "bistanden.",
        provider="Statsforvalteren", tasks=ALL_TASKS, personnel=[P.CIVIL_DEFENCE], speed=Speed.DAYS,
        channel=Channel.COUNTY_GOVERNOR, contact_name="Statsforvalteren i fylket", where=COUNTY_GOVERNOR_WHERE,
        how="Kontakt Statsforvalteren ved behov for bistand fra Sivilforsvaret eller Forsvaret.",
        conditions="Det skal være forsøkt å skaffe frivillige eller kommersielle aktører.", last_resort=True,
    )),
    _measure("prioritering-av-ressurser", Category.PRIORITISING, 10, _letter(
        "Prioritering av kommunens ressurser etter prioriteringsnotatet",
        "Dersom smitten overbelaster helsetjenesten, kan kommunene prioritere sine ressurser for å redde liv og "
        "ivareta innbyggernes helse. Se Helsedirektoratets prioriteringsnotat, som blir oppdatert løpende.",
        body="Helsedirektoratet har dialog med Helse- og omsorgsdepartementet for å gi kommunene unntak fra en del "
             "lovpålagte plikter, slik at prioriteringer kan gjøres uten at kommunene begår lovbrudd.",
        provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[], speed=Speed.SAME_DAY, channel=Channel.LOCAL,
        url=PRIORITY_NOTE_URL, how="Kommunen prioriterer selv, med Helsedirektoratets prioriteringsnotat som grunnlag.",
        conditions="Helsedirektoratet ber kommunene opprettholde tjenestetilbud til sårbare grupper, bistand til "
                   "personer med særlige hjelpebehov og viktigste tilbud til barn og unge.",
        editor_note="Brevet lenker til Helsedirektoratets prioriteringsnotat på direktoratets nettsider (under "
                    "«Nettsted»). I veiledningen står Helsedirektoratets notat om prioritering i kommunale helse- og "
                    "omsorgstjenester, som viser til det overordnede prioriteringsnotatet av 25. mars. Kommuneportalens "
                    "prioriteringsskjemaer (under «Prioritering», krever innlogging) bygger på det kommunale notatet.",
        see_also=[article_link("prioriteringsnotatet", "Notat om prioritering i kommunale helse- og omsorgstjenester "
                                                       "under covid-19-epidemien (Helsedirektoratet)"),
                  "[Prioriteringsskjemaene (krever innlogging)](/prioritering/)"],
    )),
    _measure("nabokommuner", Category.EXTRA_PERSONNEL, 10, _letter(
        "Bistand fra nabokommuner",
        "Statsforvalteren koordinerer bistand fra nabokommuner.",
        provider="Statsforvalteren", tasks=ALL_TASKS, personnel=[P.AUTHORISED], speed=Speed.DAYS,
        channel=Channel.COUNTY_GOVERNOR, contact_name="Statsforvalteren i fylket", where=COUNTY_GOVERNOR_WHERE,
        how="Kontakt Statsforvalteren, som koordinerer bistand fra nabokommuner.",
        editor_note="Brevet sier ikke hva slags personell nabokommuner kan bidra med; portalen regner det som "
                    "helsepersonell.",
    )),
    _measure("register-for-reservepersonell", Category.EXTRA_PERSONNEL, 20, _register()),
    _measure("nasjonalt-innsatspersonell-tisk", Category.EXTRA_PERSONNEL, 30, _innsats()),
    _measure("nasjonalt-helsepersonell", Category.EXTRA_PERSONNEL, 40, _national_personnel()),
    _measure("pensjonister-til-juli-2022", Category.EXTRA_PERSONNEL, 50, _letter(
        "Pensjonister i covid-19-arbeidet (fram til juli 2022)",
        "Pensjonert helsepersonell kan fortsatt få lønn for å bidra i covid-19-håndteringen uten trekk i pensjonen "
        "fram til juli 2022. Kommunene kan bruke pensjonister i arbeidet som før.",
        provider="Kommunen selv", tasks=ALL_TASKS, personnel=[P.PENSIONERS], speed=Speed.DAYS, channel=Channel.LOCAL,
        how="Kommunene kan bruke pensjonister i arbeidet som før.",
        valid_until=datetime.date(2022, 6, 30), valid_until_month=True,
        editor_note="Brevet sier «fram til juli 2022». Portalen regner ordningen som utløpt fra 1. juli 2022. "
                    "KS omtaler en ny ordning fra 10. september 2022.",
        see_also=[PENSIONERS_ARTICLE],
    ), successor="pensjonister-fra-september-2022"),
    _measure("pensjonister-fra-september-2022", Category.EXTRA_PERSONNEL, 60, [_content(
        SEED_000, "Pensjonister kan jobbe med TISK og vaksinering uten å tape pensjon (fra 10.09.2022)",
        "Fra 10. september 2022 kan pensjonert personell motta en særskilt fastsatt pensjonistlønn uten at AFP "
        "eller alderspensjonen reduseres.",
        body="Kommuner kan ha behov for ekstra bemanning for å håndtere oppskalering av TISK-tiltak eller "
             "vaksinering.",
        provider="Kommunen selv", tasks=[T.TESTING, T.TRACING, T.VACCINATION], personnel=[P.PENSIONERS],
        speed=Speed.DAYS, channel=Channel.UNSTATED, how=HOW_UNSTATED,
        conditions="Arbeid med TISK-tiltak eller vaksinering som følge av koronapandemien.",
        valid_from=datetime.date(2022, 9, 10), see_also=[PENSIONERS_ARTICLE],
        editor_note="Ingen kilde sier at denne ordningen erstatter ordningen fram til juli 2022 fra Helsedirektoratets "
                    "brev; koblingen mellom dem («Erstattet av» / «Tar over etter») er redaksjonens.",
    )]),
    _measure("helsefagstudenter-via-statsforvalteren", Category.EXTRA_PERSONNEL, 70, _letter(
        "Helsefagstudenter til vaksinering via Statsforvalteren",
        "Via Statsforvalteren kan kommunene få tilgang på helsefagstudenter som kan bistå i kommunens "
        "vaksineringsarbeid.",
        provider="Statsforvalteren", tasks=[T.VACCINATION], personnel=[P.STUDENTS], speed=Speed.DAYS,
        channel=Channel.COUNTY_GOVERNOR, contact_name="Statsforvalteren i fylket", where=COUNTY_GOVERNOR_WHERE,
        how="Kontakt Statsforvalteren.",
    )),
    _measure("studentlisens", Category.EXTRA_PERSONNEL, 80, [_content(
        SEED_000, "Studentlisens for helsefaglige studenter, elever og lærlinger",
        "Det er åpnet for at helsefaglige studenter, elever og lærlinger kan få innvilget studentlisens i siste "
        "studieår.",
        provider="Helsedirektoratet", tasks=ALL_TASKS, personnel=[P.STUDENTS], speed=Speed.WEEKS, channel=Channel.EMAIL,
        email="godkjenning@helsedir.no", how="Kommunene kan melde behov om dette til godkjenning@helsedir.no.",
        conditions="Siste studieår.",
        editor_note="KS sier ikke hvem som innvilger studentlisens. Tilbyder er oppgitt som Helsedirektoratet fordi "
                    "godkjenning@helsedir.no er en adresse hos direktoratet.",
        see_also=[article_link("studentlisens", "Studentlisens (KS)")],
    )]),
    _measure("medhjelpere", Category.EXTRA_PERSONNEL, 90, _letter(
        "Medhjelpere etter helsepersonelloven § 5",
        "Kommunene kan benytte andre som medhjelpere hvis det er forsvarlig. Personell fra frivillige "
        "organisasjoner kan komme inn under denne kategorien.",
        provider="Kommunen selv", tasks=[T.TESTING, T.TRACING, T.VACCINATION, T.CARE, T.ADMINISTRATION],
        personnel=[P.UNTRAINED, P.VOLUNTEERS], speed=Speed.SAME_DAY, channel=Channel.LOCAL,
        how="Kommunen bruker andre som medhjelpere når det er forsvarlig.",
        conditions="Forsvarlig ut fra oppgavens art, personellets kvalifikasjoner og oppfølgingen som gis.",
        legal_basis="Helsepersonelloven § 5",
        see_also=[article_link("sporsmal-kan-andre-enn-helsepersonell-smittespore",
                               "Kan kommunen bruke andre enn helsepersonell i smittesporingen? (Statsforvalteren i "
                               "Innlandet)"),
                  article_link("kommuner-rekrutterer-andre-enn-helsepersonell-til-smittesporing",
                               "¼ av kommunene i Innlandet rekrutterer andre enn helsepersonell til smittesporingsteam "
                               "(18.09.2020)")],
    )),
    _measure("bedriftshelse-tannhelse-private", Category.EXTRA_PERSONNEL, 100, _letter(
        "Bedriftshelsetjenester, tannhelsepersonell og private helsetjenester",
        "Helsedirektoratet gjør kommunene oppmerksom på at ressurser fra bedriftshelsetjenester, tannhelsepersonell "
        "og private helsetjenester kan benyttes om nødvendig.",
        provider="Bedriftshelsetjenester, tannhelsepersonell og private helsetjenester", tasks=ALL_TASKS,
        personnel=[P.AUTHORISED], speed=Speed.DAYS, channel=Channel.UNSTATED, how=HOW_UNSTATED,
    )),
    _measure("administrativ-stotte", Category.EXTRA_PERSONNEL, 110, _letter(
        "Administrativ støtte fra personell uten helseutdanning",
        "Personell uten helseutdanning kan benyttes til å avlaste helsepersonell med støttefunksjoner og "
        "administrative oppgaver. NAV eller frivillige organisasjoner kan bistå med å opprette kontakt med slikt "
        "personell.",
        provider="NAV og frivillige organisasjoner", tasks=[T.ADMINISTRATION], personnel=[P.UNTRAINED],
        speed=Speed.DAYS, channel=Channel.LOCAL, contact_name="NAV og frivillige organisasjoner", where=NAV_WHERE,
        how="Be NAV eller frivillige organisasjoner om hjelp til å opprette kontakt med personell uten "
            "helseutdanning.",
    )),
    _measure("nav-og-frivillige", Category.EXTRA_PERSONNEL, 120, _letter(
        "Personell fra NAV og frivillige organisasjoner",
        "Helsedirektoratet ber kommunene høre med NAV og frivillige organisasjoner om de har personell.",
        provider="NAV og frivillige organisasjoner", tasks=ALL_TASKS, personnel=[P.VOLUNTEERS, P.UNTRAINED],
        speed=Speed.DAYS, channel=Channel.LOCAL, contact_name="NAV og frivillige organisasjoner", where=NAV_WHERE,
        how="Hør med NAV og frivillige organisasjoner om de har personell.",
        editor_note="Setningen i brevet er avkortet etter «om de har personell som».",
    )),
    _measure("ekstra-lege-i-fastlegepraksis", Category.SUPPORT, 10, _letter(
        "Ekstra lege i fastlegepraksis med trygderefusjon",
        "Fastleger kan ta inn ekstra lege i sin praksis, og nye leger får trygderefusjon.",
        body="Helsedirektoratet er i dialog med Legeforeningen og HOD om regler for kveldstakster, sykepenger ved "
             "fravær fra praksis og om avlastning for fastleger fra arbeid med sykmelding, e-konsultasjoner, "
             "attester med mer.",
        provider="Fastlegene", tasks=[T.DOCTORS], personnel=[P.AUTHORISED], speed=Speed.WEEKS, channel=Channel.LOCAL,
        how="Fastlegen tar inn en ekstra lege i sin praksis.",
    )),
    _measure("fastlegers-plikt-til-vaksinasjon", Category.SUPPORT, 20, [_content(
        SEED_000, "Fastlegenes plikt til å delta i vaksinasjon mot covid-19",
        "Helse- og omsorgsdepartementet har vedtatt endringer i forskrift om nasjonalt vaksinasjonsprogram, som "
        "fastsetter en plikt for fastlegene til å delta i vaksinasjon mot covid-19.",
        body="Forskriften er utarbeidet i dialog med KS og Legeforeningen.",
        provider="Helse- og omsorgsdepartementet", tasks=[T.VACCINATION, T.DOCTORS], personnel=[P.AUTHORISED],
        speed=Speed.DAYS, channel=Channel.LOCAL,
        how="KS gir en oversikt over de mest sentrale bestemmelsene og noen anbefalinger når kommunen vil involvere "
            "fastlegene i vaksinearbeidet.",
        legal_basis="Forskrift om nasjonalt vaksinasjonsprogram",
        see_also=[article_link("forskrift-om-fastlegenes-plikt-til-a-delta-i-vaksinasjon",
                               "Forskrift om fastlegenes plikt til å delta i vaksinasjon (KS)"),
                  article_link("fastlegenes-arbeid-med-vaksinasjon-mot-covid-19",
                               "Fastlegenes arbeid med vaksinasjon mot covid-19 (KS)")],
    )]),
    _measure("apotek-vaksinerer", Category.SUPPORT, 30, _letter(
        "Apotek kan gi covid-19-vaksine etter avtale med kommunen",
        "Apotek kan nå etter avtale med kommunen gi covid-19-vaksiner.",
        provider="Apotekene", tasks=[T.VACCINATION], personnel=[P.AUTHORISED], speed=Speed.WEEKS,
        channel=Channel.LOCAL, how="Kommunen inngår avtale med apoteket.",
        conditions="Avtale mellom kommunen og apoteket.",
    )),
    _measure("staten-dekker-ekstrautgifter", Category.SUPPORT, 40, _letter(
        "Staten dekker kommunenes covid-19-ekstrautgifter",
        "Regjeringen har lovet at kommunenes covid-19-ekstrautgifter dekkes.",
        provider="Regjeringen", tasks=ALL_TASKS, personnel=[], speed=Speed.WEEKS, channel=Channel.UNSTATED,
        how="Kilden sier ikke hvordan utgiftene dekkes.",
        editor_note="KS skriver: «Et klart løftebrudd – høyst usikkert om koronakostnader i første halvår vil bli "
                    "dekket». Ifølge KS anslår en arbeidsgruppe med medlemmer fra KS og staten at virusutbruddet "
                    "kostet kommunene og fylkeskommunene til sammen 8,8 milliarder kroner første halvår 2022.",
        see_also=[article_link("et-klart-loftebrudd-koronakostnader-forste-halvar",
                               "Et klart løftebrudd – høyst usikkert om koronakostnader i første halvår vil bli dekket "
                               "(KS)"),
                  article_link("kommunesektorens-koronautgifter-8-8-milliarder",
                               "Anslår kommunesektorens koronautgifter til 8,8 milliarder (KS)")],
    )),
    _measure("informasjon-om-regler", Category.SUPPORT, 50, _letter(
        "Informasjon om covid-19-regler",
        "Informasjon om covid-19-regler står på nettsidene til FHI, Helsedirektoratet og Helse Norge.",
        provider="FHI, Helsedirektoratet og Helse Norge", tasks=ALL_TASKS, personnel=[], speed=Speed.SAME_DAY,
        channel=Channel.WEBSITE, how="Se nettsidene til FHI, Helsedirektoratet og Helse Norge.",
    )),
    _measure("juridisk-vakttelefon", Category.SUPPORT, 60, _letter(
        "Juridisk vakttelefon for kommuneleger",
        "Helsedirektoratet har juridisk vakttelefon for bistand til kommuneleger. Kontakt FHIs smittevernvakt for "
        "dialog med jurist.",
        provider="Helsedirektoratet og FHI", tasks=[T.TRACING, T.DOCTORS, T.ADMINISTRATION], personnel=[],
        speed=Speed.SAME_DAY, channel=Channel.UNSTATED, contact_name="FHIs smittevernvakt",
        where="Se FHIs og Helsedirektoratets nettsider; ingen av kildene gir nummeret til smittevernvakten eller til "
              "den juridiske vakttelefonen.",
        how="Kontakt FHIs smittevernvakt for dialog med jurist.",
    )),
]


def load(stdout):
    publisher = get_user_model().objects.get(username=DEMO_PUBLISHER)
    counts = [_load_measure(spec, publisher) for spec in MEASURES]
    for spec in MEASURES:
        if spec["successor"]:
            Measure.objects.filter(slug=spec["slug"], successor__isnull=True).update(
                successor=Measure.objects.get(slug=spec["successor"]))
    for values in CONTACT_POINTS:
        ContactPoint.objects.update_or_create(valid_from=values["valid_from"], defaults=values)
    stdout.write(f"  Bemanning: {sum(new for new, _fixed in counts)} nye tiltak, "
                 f"{sum(fixed for _new, fixed in counts)} rettet, {Measure.objects.count()} i alt; "
                 f"{ContactPoint.objects.count()} versjoner av kontaktpunktet.")


def _load_measure(spec, publisher):
    """(1 if the measure is new, 1 if an older demo text of it was corrected)."""
    measure, created = Measure.objects.get_or_create(
        slug=spec["slug"], defaults={"category": spec["category"], "position": spec["position"]}
    )
    existing = measure.versions.count()
    for number, version in enumerate(spec["versions"][existing:], start=existing):
        _publish(measure, publisher, number, version)
    latest = measure.latest_version()
    target = spec["versions"][-1]
    changed = _changed_fields(latest, target["content"]) if latest.author_id == publisher.pk else set()
    if changed:
        # Links alone are a minor change (ChangeType.MINOR): no new «Sist oppdatert», no alert.
        links_only = changed <= LINK_FIELDS
        correction = {**target, "published": None, "change_note": LINKS_NOTE if links_only else CORRECTION_NOTE}
        _publish(measure, publisher, latest.number, correction,
                 change_type=ChangeType.MINOR if links_only else ChangeType.MAJOR)
        return int(created), 1
    return int(created), 0


def _changed_fields(version, content):
    return {name for name, value in content.items() if getattr(version, name) != value}


def _publish(measure, publisher, based_on_number, version, change_type=ChangeType.MAJOR):
    draft = version_create(
        document=measure, author=publisher, based_on_number=based_on_number,
        change_type=change_type, change_note=version["change_note"], **version["content"],
    )
    version_publish(version=draft, user=publisher, publish_at=version["published"])

