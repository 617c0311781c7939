"""Statsforvalteren's county view: decided worksheets of its own county only, read-only, drafts private."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from prioritering import services
from prioritering.models import Membership, Role
from tests.factories import make_member, make_municipality, make_row, make_user, make_worksheet

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("prioritering:county_overview")
EXPORT = reverse("prioritering:county_export")


def make_statsforvalter(county="Innlandet", username=None):
    user = make_user(username)
    Membership.objects.create(user=user, county=county, role=Role.COUNTY)
    return user


def decide(municipality, *, rows=({},), **fields):
    leader = make_member(municipality, "leder")
    worksheet = make_worksheet(municipality, **fields)
    for row in rows:
        make_row(worksheet, **row)
    return services.worksheet_decide(worksheet=worksheet, user=leader)


@pytest.fixture
def county(hamar, lillehammer):
    """Two municipalities in Innlandet with decisions, a draft in each, and Seljord in Telemark."""
    seljord = make_municipality("Seljord", "4022", county="Telemark")
    return {
        "hamar": decide(hamar, service_unit="Hamar sone nord", phase=3, next_review=datetime.date(2020, 4, 16),
                        rows=[{"service_type": "dagaktivitet", "action": "redusere"},
                              {"service_type": "habilitering", "action": "stanse", "end_date": datetime.date(2020, 5, 31)},
                              {"service_type": "renhold", "action": "opprettholde"}]),
        "lillehammer": decide(lillehammer, service_unit="Lillehammer hjemmetjeneste", phase=4,
                              next_review=datetime.date(2099, 1, 1),
                              rows=[{"service_type": "avlastning", "action": "redusere",
                                     "end_date": datetime.date(2099, 6, 30)}]),
        "hamar_draft": make_worksheet(hamar, service_unit="Hamar hemmelig utkast"),
        "lillehammer_draft": make_worksheet(lillehammer, service_unit="Lillehammer hemmelig utkast"),
        "seljord": decide(seljord, service_unit="Seljord sykehjem"),
    }


def test_the_overview_shows_each_municipality_its_decided_worksheets_phases_reductions_and_overdue_reviews(
        client, county):
    make_municipality("Øyer", "3440")
    client.force_login(make_statsforvalter())
    html = client.get(OVERVIEW).content.decode()
    assert "Vedtatte prioriteringer i Innlandet" in html
    assert "Hamar sone nord" in html and "Lillehammer hjemmetjeneste" in html
    assert html.index("Hamar") < html.index("Lillehammer") < html.index("Øyer")
    assert "Ingen vedtatte skjemaer" in html  # Øyer
    services_table = html[html.index('id="reduserte-tittel"'):html.index('id="avsluttede-tittel"')]
    ended = html[html.index('id="avsluttede-tittel"'):html.index('id="forfalt-tittel"')]
    assert "Avlastning" in services_table and "30.06.2099" in services_table
    assert "Dagaktivitetstilbud" in ended and "30.06.2022" in ended
    assert "Habilitering og rehabilitering" in ended and "midlertidig stanse" in ended
    assert "Dagaktivitetstilbud" not in services_table and "Habilitering" not in services_table
    assert "Renhold" not in services_table + ended  # kept, not reduced
    overdue = html[html.index('id="forfalt-tittel"'):]
    assert "Hamar sone nord" in overdue and "16.04.2020" in overdue and "Lillehammer" not in overdue
    assert reverse("prioritering:county_worksheet", args=[county["hamar"].pk]) in html


def test_drafts_stay_private_to_the_municipality(client, county):
    client.force_login(make_statsforvalter())
    html = client.get(OVERVIEW).content.decode() + client.get(EXPORT).content.decode("utf-8-sig")
    assert "hemmelig utkast" not in html
    for draft in (county["hamar_draft"], county["lillehammer_draft"]):
        assert client.get(reverse("prioritering:county_worksheet", args=[draft.pk])).status_code == 404


def test_no_other_county_is_visible(client, county):
    client.force_login(make_statsforvalter())
    html = client.get(OVERVIEW).content.decode() + client.get(EXPORT).content.decode("utf-8-sig")
    assert "Seljord" not in html
    assert client.get(reverse("prioritering:county_worksheet", args=[county["seljord"].pk])).status_code == 404


def test_a_statsforvalter_for_two_counties_sees_both(client, county):
    user = make_statsforvalter()
    Membership.objects.create(user=user, county="Telemark", role=Role.COUNTY)
    client.force_login(user)
    html = client.get(OVERVIEW).content.decode()
    assert "Seljord sykehjem" in html and "Hamar sone nord" in html


def test_a_decided_worksheet_opens_read_only_with_nothing_to_change(client, county):
    client.force_login(make_statsforvalter())
    worksheet = county["hamar"]
    url = reverse("prioritering:county_worksheet", args=[worksheet.pk])
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hamar sone nord" in html and "Slik skjemaet ble vedtatt" in html and "Dagaktivitetstilbud" in html
    assert "kan bare leses" in html and "Tilbake til fylkesoversikten" in html
    for name in ("row_create", "worksheet_edit", "worksheet_decide", "worksheet_history", "worksheet_export"):
        assert reverse(f"prioritering:{name}", args=[worksheet.pk]) not in html
    assert client.post(url, {"service_unit": "Endret"}).status_code == 405
    assert client.get(url, {"sorter": "prioritet"}).status_code == 200


def test_the_statsforvalter_is_no_member_of_the_municipalities(client, county):
    client.force_login(make_statsforvalter())
    worksheet = county["hamar"]
    for name in ("worksheet_detail", "worksheet_print", "worksheet_export", "worksheet_history", "worksheet_edit"):
        assert client.get(reverse(f"prioritering:{name}", args=[worksheet.pk])).status_code == 404
    assert client.get(reverse("prioritering:worksheet_create")).status_code == 403
    html = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert "Hamar sone nord" not in html and OVERVIEW in html


def test_a_decision_being_revised_in_a_draft_still_counts_and_the_draft_is_not_revealed(client, county, hamar):
    leader = make_member(hamar, "leder")
    services.worksheet_new_version(worksheet=county["hamar"], user=leader, phase=4)
    client.force_login(make_statsforvalter())
    html = client.get(OVERVIEW).content.decode()
    assert "Hamar sone nord" in html
    detail = client.get(reverse("prioritering:county_worksheet", args=[county["hamar"].pk])).content.decode()
    assert "erstattet" not in detail.lower() and "Gå til den nye versjonen" not in detail


def test_a_decision_replaced_by_a_newer_decision_leaves_the_overview_but_stays_reachable(client, county, hamar):
    leader = make_member(hamar, "leder")
    new = services.worksheet_new_version(worksheet=county["hamar"], user=leader, phase=4)
    services.worksheet_update(worksheet=new, user=leader, data={"service_unit": "Hamar sone nord, fase 4"},
                              expected_revision=new.revision)
    services.worksheet_decide(worksheet=new, user=leader)
    client.force_login(make_statsforvalter())
    html = client.get(OVERVIEW).content.decode()
    assert "Hamar sone nord, fase 4" in html
    assert reverse("prioritering:county_worksheet", args=[county["hamar"].pk]) not in html
    newer = client.get(reverse("prioritering:county_worksheet", args=[new.pk])).content.decode()
    older_url = reverse("prioritering:county_worksheet", args=[county["hamar"].pk])
    assert older_url in newer
    older = client.get(older_url).content.decode()
    assert "Gå til den nye versjonen" in older and reverse("prioritering:county_worksheet", args=[new.pk]) in older


def test_the_overview_downloads_as_csv_in_words(client, county):
    client.force_login(make_statsforvalter())
    response = client.get(EXPORT)
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="prioritering-fylke-innlandet.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Fylke", "Kommune", "Kommunenummer", "Tjenesteenhet"]
    hamar = next(r for r in rows if r[3] == "Hamar sone nord")
    assert hamar[4].startswith("Fase 3 – ") and hamar[6] == "16.04.2020" and hamar[7] == "Ja"
    assert "Dagaktivitetstilbud (til 30.06.2022, avsluttet)" in hamar[8]
    assert "Habilitering og rehabilitering (til 31.05.2020, avsluttet)" in hamar[9]
    lillehammer = next(r for r in rows if r[1] == "Lillehammer")
    assert lillehammer[7] == "Nei" and lillehammer[4].startswith("Fase 4")


def test_a_municipal_member_without_a_county_membership_gets_403(client, county, hamar):
    for role in ("leser", "bidragsyter", "leder"):
        client.force_login(make_member(hamar, role))
        assert client.get(OVERVIEW).status_code == 403
        assert client.get(EXPORT).status_code == 403
        assert client.get(reverse("prioritering:county_worksheet", args=[county["hamar"].pk])).status_code == 403


def test_a_county_membership_names_a_county_that_has_municipalities_and_no_municipality(hamar):
    user = make_user()
    with pytest.raises(ValidationError, match="Ingen kommune ligger i fylket"):
        Membership(user=user, county="Atlantis", role=Role.COUNTY).full_clean()
    with pytest.raises(ValidationError, match="ikke av en kommune"):
        Membership(user=user, county="Innlandet", municipality=hamar, role=Role.COUNTY).full_clean()
    with pytest.raises(ValidationError, match="Bare rollen statsforvalter har fylke"):
        Membership(user=user, county="Innlandet", municipality=hamar, role=Role.READER).full_clean()
    Membership(user=user, county="Innlandet", role=Role.COUNTY).full_clean()


def test_the_database_refuses_a_membership_that_is_both_or_neither(hamar):
    user = make_user()
    for fields in ({"municipality": hamar, "county": "Innlandet", "role": Role.COUNTY},
                   {"county": "", "role": Role.COUNTY},
                   {"role": Role.READER}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.create(user=user, **fields)


def test_reduced_or_paused_palliative_care_is_marked_with_the_notes_words(client, hamar, lillehammer):
    from prioritering.models import Status

    paused = make_worksheet(hamar, service_unit="Hamar sykehjem", status=Status.DECIDED)
    make_row(paused, service_type="lindrende", action="stanse", end_date=datetime.date(2099, 1, 31))
    ended = make_worksheet(lillehammer, service_unit="Lillehammer sykehjem", status=Status.DECIDED)
    make_row(ended, service_type="lindrende", action="redusere", end_date=datetime.date(2020, 5, 31))
    client.force_login(make_statsforvalter())
    html = client.get(OVERVIEW).content.decode()
    alert = html[html.index('id="ma-sikres"'):html.index('id="kommuner-tittel"')]
    assert "Lindrende behandling er redusert eller stanset" in alert and "må sikres god lindrende behandling" in alert
    assert "Hamar sykehjem" in alert and "midlertidig stanse" in alert
    assert "Lillehammer sykehjem" not in alert  # ended in 2020: listed with the ended reductions instead
    services_table = html[html.index('id="reduserte-tittel"'):html.index('id="avsluttede-tittel"')]
    assert "Må sikres" in services_table


def test_no_palliative_alert_when_none_is_reduced(client, county):
    client.force_login(make_statsforvalter())
    assert 'id="ma-sikres"' not in client.get(OVERVIEW).content.decode()
