"""Demo content for the prioritisation app, built from the seeds. Running it again changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from prioritering import note, services
from prioritering.models import Membership, Municipality, Role, ServiceRow, Worksheet, WorksheetChange

# The municipalities named in the seeds, with their kommunenummer (2024 numbering).
DEMO_MUNICIPALITIES = [
    ("Hamar", "3403", "Innlandet"),
    ("Lillehammer", "3405", "Innlandet"),
    ("Øyer", "3440", "Innlandet"),
    ("Eidskog", "3416", "Innlandet"),
    ("Seljord", "4022", "Telemark"),
    ("Rana", "1833", "Nordland"),
]

# One user per municipality: (username, password, municipality number, role).
DEMO_USERS = [
    ("hamar", "demo-hamar-2026", "3403", Role.LEADER),
    ("lillehammer", "demo-lillehammer-2026", "3405", Role.LEADER),
    ("oyer", "demo-oyer-2026", "3440", Role.CONTRIBUTOR),
    ("eidskog", "demo-eidskog-2026", "3416", Role.CONTRIBUTOR),
    ("seljord", "demo-seljord-2026", "4022", Role.READER),
    ("rana", "demo-rana-2026", "1833", Role.READER),
]

# Statsforvalteren: (username, password, county). Reads the county's decided worksheets only.
DEMO_COUNTY_USERS = [
    ("statsforvalter-innlandet", "demo-statsforvalter-2026", "Innlandet"),
]

_SUGGESTION = {s["service_type"]: s["note_basis"] for s in note.CAPACITY_SUGGESTIONS}

# The note's own examples ("Kapasitet i tjenestene"), assessed as a municipality in phase 3 might.
HAMAR_DECIDED_ROWS = [
    dict(service_type="dagaktivitet", service_name="Dagsenteret", action="redusere", reason="begge",
         description="Dagaktivitetstilbudet reduseres fra fem til to dager i uken; personellet flyttes til hjemmetjenesten.",
         nytte=2, alvorlighet=1, ressurs=2, mestring=2, weighted_criteria=["nytte", "alvorlighet", "ressurs"],
         forsvarlig_minimum="Brukere som trenger tilbudet for å dekke grunnleggende behov, beholder to dager i uken etter individuell vurdering.",
         vulnerable_groups=["kognitiv_svikt", "parorende"],
         vulnerable_plan="Pårørende med særlig tyngende omsorgsoppgaver får tilbud om avlastning og ukentlig telefonkontakt.",
         involvement="begge", end_date=datetime.date(2020, 6, 30), individual_decision="ja", decision_form="omgjoring",
         medical_basis="Kommuneoverlegen: færre brukere samlet samtidig gir mindre smitterisiko mens det er smitte i "
                       "to bofellesskap.",
         reversal_understood="ja", complaint_info="ja", note_basis=_SUGGESTION["dagaktivitet"]),
    dict(service_type="renhold", action="redusere", reason="kapasitet",
         description="Renhold i hjemmet reduseres til hver fjerde uke.",
         nytte=1, alvorlighet=1, ressurs=2, mestring=1, weighted_criteria=["nytte", "alvorlighet", "ressurs"],
         forsvarlig_minimum="Brukere der individuelle forhold tilsier det (smittevern, hygiene), beholder ukentlig renhold.",
         involvement="mottaker", end_date=datetime.date(2020, 6, 30), individual_decision="ja",
         decision_form="omgjoring", reversal_understood="ja", complaint_info="ja", note_basis=_SUGGESTION["renhold"]),
    dict(service_type="habilitering", service_name="Fysioterapi og ergoterapi med fysisk oppmøte",
         action="stanse", reason="begge",
         description="Oppmøte stanses; terapeutene veileder egentrening over telefon og video.",
         nytte=2, alvorlighet=2, ressurs=2, mestring=2, weighted_criteria=["nytte", "alvorlighet", "mestring"],
         forsvarlig_minimum="Gjelder ikke brukere der stansen vil gi alvorlig varig funksjonstap; de får fortsatt oppmøte.",
         involvement="begge", end_date=datetime.date(2020, 5, 31), individual_decision="nei",
         decision_form="skriftlig", complaint_info="ja", note_basis=_SUGGESTION["habilitering"],
         medical_basis="Kommuneoverlegen: trening i felles lokaler gir smitterisiko for brukere i risikogruppene."),
    dict(service_type="helsetjenester_i_hjemmet", service_name="Tilsynsbesøk på kveld",
         action="velferdsteknologi", reason="begge",
         description="Kveldstilsyn erstattes av digitalt tilsyn og medisindispensere der det er forsvarlig.",
         nytte=3, alvorlighet=2, ressurs=1, mestring=2, weighted_criteria=["nytte", "alvorlighet", "ressurs"],
         forsvarlig_minimum="Brukere som ikke kan bruke løsningene, beholder fysisk besøk.",
         vulnerable_groups=["aleneboende"], vulnerable_plan="Aleneboende får daglig telefonkontakt i tillegg.",
         involvement="begge", individual_decision="ja", decision_form="skriftlig", end_date=datetime.date(2020, 8, 31),
         medical_basis="Kommuneoverlegen: færre besøk i hjemmet gir færre nærkontakter for brukere og ansatte.",
         note_basis=_SUGGESTION["helsetjenester_i_hjemmet"]),
    # Decided with a warning acknowledged in writing: «bør tidsbegrenses».
    dict(service_type="stottekontakt", action="redusere", reason="begge",
         description="Støttekontakt gis over telefon i stedet for ved oppmøte.",
         nytte=2, alvorlighet=1, ressurs=1, mestring=2, weighted_criteria=["nytte", "alvorlighet", "mestring"],
         forsvarlig_minimum="Brukere med psykiske lidelser og barn beholder ett fysisk møte i uken.",
         vulnerable_groups=["psykisk_syke", "barn"],
         vulnerable_plan="Koordinator ringer brukerne hver uke og melder behov for mer hjelp til tildelingskontoret.",
         involvement="begge", individual_decision="ja", decision_form="omgjoring", reversal_understood="ja",
         complaint_info="ja", medical_basis="Kommuneoverlegen: samtaler over telefon fjerner smitterisikoen ved "
                                            "fysiske møter."),
]
HAMAR_REASONS = {
    "Støttekontakt": {"mangler_sluttdato": "Sluttdatoen settes ved gjennomgangen 16.04.2020, når vi ser hvor lenge "
                                           "smittetoppen varer; vedtakene sier at endringen er midlertidig."},
}

# Lillehammer: a decided worksheet in phase 4 whose review is overdue, and a draft the county never sees.
LILLEHAMMER_DECIDED_ROWS = [
    dict(service_type="praktisk_bistand", service_name="Praktisk bistand i hjemmet", action="stanse", reason="kapasitet",
         description="Praktisk bistand stanses i tre uker; personellet går til hjemmesykepleien.",
         nytte=1, alvorlighet=1, ressurs=2, mestring=1, weighted_criteria=["nytte", "alvorlighet", "ressurs"],
         forsvarlig_minimum="Brukere som ikke kan dekke grunnleggende behov selv, beholder hjelpen etter individuell vurdering.",
         vulnerable_groups=["aleneboende"], vulnerable_plan="Aleneboende får telefon to ganger i uken.",
         involvement="begge", end_date=datetime.date(2020, 5, 8), individual_decision="ja", decision_form="omgjoring",
         reversal_understood="ja", complaint_info="ja"),
    dict(service_type="avlastning", action="redusere", reason="begge",
         description="Avlastningsoppholdene kortes ned fra en uke til tre døgn.",
         nytte=3, alvorlighet=2, ressurs=3, mestring=2, weighted_criteria=["nytte", "alvorlighet", "ressurs"],
         forsvarlig_minimum="Foreldre til barn med store og sammensatte behov beholder full avlastning.",
         vulnerable_groups=["parorende", "barn"],
         vulnerable_plan="Tildelingskontoret ringer alle pårørende med avlastning før endringen.",
         involvement="begge", end_date=datetime.date(2020, 5, 31), individual_decision="ja", decision_form="omgjoring",
         reversal_understood="ja", complaint_info="ja",
         medical_basis="Kommuneoverlegen: kortere opphold gir færre beboere samtidig i avlastningsboligen under "
                       "utbruddet."),
    dict(service_type="legemiddelhandtering", action="delegere", reason="kapasitet",
         description="Utdeling av multidose delegeres til helsefagarbeidere med opplæring.",
         nytte=3, alvorlighet=3, ressurs=1, mestring=3, weighted_criteria=["nytte", "alvorlighet", "ressurs"],
         forsvarlig_minimum="Sykepleier har faglig ansvar og er tilgjengelig hele døgnet.",
         involvement="mottaker", individual_decision="nei", decision_form="ingen",
         note_basis=_SUGGESTION["legemiddelhandtering"]),
]


def load(stdout):
    for name, number, county in DEMO_MUNICIPALITIES:
        Municipality.objects.update_or_create(number=number, defaults={"name": name, "county": county})
    stdout.write(f"  Kommuner: {Municipality.objects.count()}")
    users = _load_users()
    _load_county_users()
    _load_hamar(users["hamar"])
    _load_lillehammer(users["lillehammer"])
    _date_demo_worksheets()
    _load_assistance(users)  # regional coordination (issue 26): requests and offers in Innlandet
    for username, password, number, role in DEMO_USERS:
        stdout.write(f"  Kommunebruker ({role}): brukernavn «{username}», passord «{password}»")
    for username, password, county in DEMO_COUNTY_USERS:
        stdout.write(f"  Statsforvalter ({county}, /prioritering/fylke/): brukernavn «{username}», passord «{password}»")


def _user(username, password):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": username.split("-")[0].capitalize()})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def _load_users():
    users = {}
    for username, password, number, role in DEMO_USERS:
        user = _user(username, password)
        municipality = Municipality.objects.get(number=number)
        Membership.objects.get_or_create(user=user, municipality=municipality, defaults={"role": role})
        users[username] = user
    return users


def _load_county_users():
    for username, password, county in DEMO_COUNTY_USERS:
        user = _user(username, password)
        Membership.objects.get_or_create(user=user, municipality=None, county=county, defaults={"role": Role.COUNTY})


def _add_rows(worksheet, user, rows, reasons=None):
    for data in rows:
        row = services.row_create(worksheet=worksheet, user=user, data=data)
        given = (reasons or {}).get(row.title)
        if given:
            services.row_update(row=row, user=user, data={}, expected_revision=row.revision, reasons=given)


def _load_hamar(user):
    hamar = Municipality.objects.get(number="3403")
    if Worksheet.objects.filter(municipality=hamar).exists():
        return
    decided = services.worksheet_create(user=user, municipality=hamar, data=dict(
        service_unit="Hjemmetjenesten sone nord", phase=3, assessed_on=datetime.date(2020, 4, 2),
        responsible="Enhetsleder hjemmetjenesten", next_review=datetime.date(2020, 4, 16),
        staff_available=38, staff_needed=46,
        infection_situation="Smitte i to bofellesskap; 9 ansatte i karantene.",
        summary="Kapasiteten må bygges opp i hjemmesykepleien. Dagtilbud og renhold reduseres for en periode.",
    ))
    _add_rows(decided, user, HAMAR_DECIDED_ROWS, HAMAR_REASONS)
    services.worksheet_decide(worksheet=decided, user=user)

    draft = services.worksheet_create(user=user, municipality=hamar, prefill=True, data=dict(
        service_unit="Hjemmetjenesten sone sør", phase=4, assessed_on=datetime.date(2020, 4, 20),
        responsible="Enhetsleder hjemmetjenesten", staff_available=30, staff_needed=44,
        infection_situation="Smittetoppen er nådd i kommunen; høyt sykefravær.",
        summary="Utkast: notatets forslag fra «Kapasitet i tjenestene» skal vurderes for fase 4.",
    ))
    # Half-assessed, so the demo shows a guard-rail: ressurs given as the only reason.
    cleaning = ServiceRow.objects.get(worksheet=draft, service_type="renhold")
    services.row_update(row=cleaning, user=user, expected_revision=cleaning.revision, data=dict(
        nytte=1, alvorlighet=1, ressurs=2, mestring=1, weighted_criteria=["ressurs"]))


def _load_lillehammer(user):
    lillehammer = Municipality.objects.get(number="3405")
    if Worksheet.objects.filter(municipality=lillehammer).exists():
        return
    decided = services.worksheet_create(user=user, municipality=lillehammer, data=dict(
        service_unit="Hjemmebaserte tjenester", phase=4, assessed_on=datetime.date(2020, 4, 14),
        responsible="Kommunalsjef helse og mestring", next_review=datetime.date(2020, 4, 28),
        staff_available=52, staff_needed=61,
        infection_situation="Utbrudd i to omsorgsboliger; 14 ansatte i isolasjon eller karantene.",
        summary="Praktisk bistand og avlastning reduseres for å holde hjemmesykepleien forsvarlig bemannet.",
    ))
    _add_rows(decided, user, LILLEHAMMER_DECIDED_ROWS)
    services.worksheet_decide(worksheet=decided, user=user)
    services.worksheet_create(user=user, municipality=lillehammer, data=dict(
        service_unit="Sykehjemmene", phase=4, assessed_on=datetime.date(2020, 4, 21),
        responsible="Enhetsleder sykehjem",
        summary="Utkast: kohortavdeling for smittede beboere og besøksrutiner.",
    ))


# --- Regional coordination (issue 26) --------------------------------------------------------------
# Requests for help and offers of capacity in Innlandet. Each is an example built on a sentence of
# the seeds, which its text quotes; numbers and dates the seed does not give are the editors' and
# say so. The history is dated to the example's day (stored at local midnight, shown as the day).

ASSISTANCE_EXAMPLE = "Demoeksempel."


def _load_assistance(users):
    from django.utils import timezone

    from prioritering.bistand import services as assistance
    from prioritering.models import AssistanceNotification, AssistanceRequest, CapacityOffer, Municipality

    if AssistanceRequest.objects.filter(municipality__county="Innlandet").exists():
        return
    _demo_emails()
    county_user = get_user_model().objects.get(username=DEMO_COUNTY_USERS[0][0])
    hamar, lillehammer = Municipality.objects.get(number="3403"), Municipality.objects.get(number="3405")
    eidskog = Municipality.objects.get(number="3416")

    def day(year, month, date):
        return timezone.make_aware(datetime.datetime(year, month, date))

    # Seed 001, Statsforvalteren i Innlandet, 04.09.2020: Hamar and its neighbours handled an outbreak.
    outbreak = assistance.request_create(user=users["hamar"], municipality=hamar, data=dict(
        task="smittesporing", profession="uten-helseutdanning", people=4, urgency="i-dag",
        start_date=datetime.date(2020, 9, 4), end_date=None, help_from=["nabokommuner"],
        service="Smittesporingsteamet",
        description=f"{ASSISTANCE_EXAMPLE} Statsforvalteren i Innlandet skrev 04.09.2020: «Den siste uka har Hamar "
                    "kommune sammen med nabokommunene på Hedmarken håndtert et lokalt utbrudd som nå omfatter 22 "
                    "smittede.» Antallet personer er et eksempel, ikke kildens.",
        tried_first="Egne ansatte omdisponert til smittesporing (eksempel).",
    ))
    outbreak = assistance.request_submit(request=outbreak, user=users["hamar"], expected_revision=outbreak.revision)
    outbreak = assistance.request_coordinate(
        request=outbreak, user=county_user, action="dekket", expected_revision=outbreak.revision,
        note="Hamar og nabokommunene på Hedmarken håndterte utbruddet sammen, slik Statsforvalteren i Innlandet "
             "skrev 04.09.2020.")
    _date_history(outbreak, day(2020, 9, 4))

    # Seed 004, Helsedirektoratet, December 2021: booster doses, and students through Statsforvalteren.
    booster = assistance.request_create(user=users["lillehammer"], municipality=lillehammer, data=dict(
        task="vaksinering", profession="sykepleiere", people=3, urgency="i-lopet-av-dager",
        start_date=datetime.date(2022, 1, 3), end_date=datetime.date(2022, 1, 28),
        help_from=["nabokommuner", "helsefagstudenter"], service="Vaksinasjonskontoret",
        description=f"{ASSISTANCE_EXAMPLE} Helsedirektoratets brev, desember 2021, ber kommunene forberede "
                    "«vaksinering med en 3. forsterkningsdose», og sier: «Via statsforvalter kan kommunene få tilgang på "
                    "helsefagstudenter som kan bistå i kommunens vaksineringsarbeid.» Antall og datoer er eksempler.",
        tried_first="Pensjonert helsepersonell, som brevet sier kommunene kan bruke som før (eksempel).",
    ))
    booster = assistance.request_submit(request=booster, user=users["lillehammer"], expected_revision=booster.revision)
    _date_history(booster, day(2021, 12, 20))
    offer = assistance.offer_create(user=users["hamar"], municipality=hamar, data=dict(
        task="vaksinering", profession="sykepleiere", people=2, start_date=datetime.date(2022, 1, 10),
        end_date=datetime.date(2022, 1, 21),
        description=f"{ASSISTANCE_EXAMPLE} To vaksinatører på dagtid; Statsforvalteren kontakter kommuneoverlegen. "
                    "Bygger på brevets «Dialog og samhandling regionalt om tilgjengelige personell- og materiell "
                    "ressurser»; antall og datoer er eksempler.",
    ))
    offer = assistance.offer_submit(offer=offer, user=users["hamar"], expected_revision=offer.revision)
    _date_history(offer, day(2021, 12, 21))

    # A draft for Hamar's leader to send when trying the demo, for the unit of its phase 4 draft worksheet.
    unit = Worksheet.objects.filter(municipality=hamar, status="utkast").order_by("pk").first()
    home_care = assistance.request_create(user=users["hamar"], municipality=hamar, data=dict(
        task="pleie-og-omsorg", profession="sykepleiere", people=2, urgency="i-lopet-av-dager",
        start_date=datetime.date(2022, 1, 10), end_date=datetime.date(2022, 2, 4), help_from=["nabokommuner"],
        service="Hjemmetjenesten sone sør", worksheet=unit,
        description=f"{ASSISTANCE_EXAMPLE} Brevet fra desember 2021 ber kommunene forberede «Økte kapasiteter i "
                    "tjenestene», også hjemmetjenester. Antall og datoer er eksempler.",
        tried_first="Egne vikarlister og økte stillingsbrøker (eksempel).",
    ))
    _date_history(home_care, day(2021, 12, 22))

    # Seed 004: Sivilforsvaret and Forsvaret only after volunteers and commercial providers were tried.
    # Eidskog's user is a bidragsyter, so this stays a draft the county never sees.
    border = assistance.request_create(user=users["eidskog"], municipality=eidskog, data=dict(
        task="testing", profession="uten-helseutdanning", people=6, urgency="i-lopet-av-dager",
        start_date=datetime.date(2022, 1, 10), end_date=None, help_from=["sivilforsvaret"],
        volunteers_tried="ja", commercial_tried="nei", service="Testsenteret på Magnormoen",
        description=f"{ASSISTANCE_EXAMPLE} Eidskog «etablert testsenteret i rekordfart» (Statsforvalteren i "
                    "Innlandet, 26.08.2020). Brevet fra desember 2021: «Statsforvalter bistår ved behov for ressursstøtte fra "
                    "Sivilforsvaret og Forsvaret.» Antall og datoer er eksempler.",
        tried_first="Frivillige organisasjoner er spurt; bemanningsbyrå er ikke forsøkt ennå (eksempel).",
    ))
    _date_history(border, day(2021, 12, 22))
    # Past events: nobody is to be e-mailed about them when the demo is loaded.
    AssistanceNotification.objects.filter(queued_at__isnull=True).filter(
        change__request__municipality__county="Innlandet").delete()
    AssistanceNotification.objects.filter(change__offer__in=CapacityOffer.objects.filter(municipality=hamar)).delete()


def _demo_emails():
    """Addresses that go nowhere, so send_alerts shows (console) the e-mails a change causes."""
    User = get_user_model()
    for username in [u[0] for u in DEMO_USERS] + [u[0] for u in DEMO_COUNTY_USERS]:
        User.objects.filter(username=username, email="").update(email=f"{username}@example.invalid")


def _date_history(item, moment):
    from prioritering.models import AssistanceChange, AssistanceRequest

    model = type(item)
    fields = {"created_at": moment, "updated_at": moment, "submitted_at": moment if item.submitted_at else None}
    if model is AssistanceRequest and item.coordinated_at:
        fields["coordinated_at"] = moment
    model.objects.filter(pk=item.pk).update(**fields)
    target = {"request": item} if model is AssistanceRequest else {"offer": item}
    AssistanceChange.objects.filter(**target).update(created_at=moment)
# The demo's worksheets by municipality and service unit. They describe April 2020, so they are dated on
# the day each was assessed, not on the day the demo is loaded (issue 24: «Vedtatt» on the load date).
DEMO_WORKSHEETS = [("3403", "Hjemmetjenesten sone nord"), ("3403", "Hjemmetjenesten sone sør"),
                   ("3405", "Hjemmebaserte tjenester"), ("3405", "Sykehjemmene")]


def _date_demo_worksheets():
    for number, unit in DEMO_WORKSHEETS:
        for worksheet in Worksheet.objects.filter(municipality__number=number, service_unit=unit):
            day = worksheet.assessed_on
            if day is None or timezone.localdate(worksheet.created_at) == day:
                continue  # dated already (loading again changes nothing)
            start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
            changes = list(worksheet.changes.order_by("pk").values_list("pk", flat=True))
            for minutes, pk in enumerate(changes):
                WorksheetChange.objects.filter(pk=pk).update(created_at=start + datetime.timedelta(minutes=minutes))
            last = start + datetime.timedelta(minutes=max(len(changes) - 1, 0))
            Worksheet.objects.filter(pk=worksheet.pk).update(
                created_at=start, updated_at=last, decided_at=last if worksheet.decided_at else None)
