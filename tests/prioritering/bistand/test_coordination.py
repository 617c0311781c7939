"""Statsforvalteren coordinates its own county: requests by urgency, matching offers, staffing gaps, actions with a note."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from prioritering.bistand import services
from prioritering.models import AssistanceRequest, Membership, OfferStatus, RequestStatus, Role
from tests.factories import make_member, make_municipality, make_row, make_worksheet
from tests.prioritering.bistand.conftest import make_offer, make_request, make_statsforvalter

pytestmark = pytest.mark.django_db

VIEW = reverse("prioritering:county_assistance")


def _detail(item):
    return reverse("prioritering:county_assistance_detail", args=[item.pk])


@pytest.fixture
def county(hamar, lillehammer, oyer, seljord):
    """Open requests of each urgency, a draft, a closed one, offers that fit and do not, and Telemark."""
    return {
        "weeks": make_request(hamar, urgency="i-lopet-av-uker", description="Uker-behov",
                              start_date=datetime.date(2022, 1, 3), status=RequestStatus.SUBMITTED),
        "today_late": make_request(oyer, urgency="i-dag", description="I dag, senere start",
                                   start_date=datetime.date(2022, 1, 20), status=RequestStatus.SUBMITTED),
        "today": make_request(hamar, urgency="i-dag", description="I dag-behov", status=RequestStatus.REFERRED,
                              start_date=datetime.date(2022, 1, 10), coordination_note="Spurt Lillehammer."),
        "draft": make_request(hamar, status=RequestStatus.DRAFT, description="Hemmelig utkast"),
        "closed": make_request(oyer, status=RequestStatus.COVERED, description="Ferdig behov",
                               coordination_note="Dekket av Lillehammer."),
        "telemark": make_request(seljord, status=RequestStatus.SUBMITTED, description="Telemark-behov"),
        "fits": make_offer(lillehammer, description="Passer-tilbud"),
        "other_task": make_offer(lillehammer, task="vaksinering", description="Vaksine-tilbud"),
        "too_late": make_offer(lillehammer, start_date=datetime.date(2022, 3, 1), end_date=None,
                               description="Senere-tilbud"),
        "offer_draft": make_offer(lillehammer, status=OfferStatus.DRAFT, description="Utkast-tilbud"),
        "own": make_offer(hamar, description="Hamars eget tilbud"),
        "telemark_offer": make_offer(seljord, description="Telemark-tilbud"),
    }


def test_open_requests_come_most_urgent_first_then_soonest(client, county, statsforvalter):
    client.force_login(statsforvalter)
    html = client.get(VIEW).content.decode()
    open_part = html[html.index('id="apne-tittel"'):html.index('id="kapasitet-tittel"')]
    assert open_part.index("Øyer") < open_part.index(reverse("prioritering:county_assistance_detail",
                                                             args=[county["weeks"].pk]))
    today, today_late, weeks = (open_part.index(_detail(county[k])) for k in ("today", "today_late", "weeks"))
    assert today < today_late < weeks


def test_drafts_and_other_counties_are_never_shown(client, county, statsforvalter):
    client.force_login(statsforvalter)
    text = client.get(VIEW).content.decode() + client.get(reverse("prioritering:county_assistance_export")).content.decode("utf-8-sig")
    text += client.get(reverse("prioritering:county_assistance_print")).content.decode()
    for hidden in ("Hemmelig utkast", "Telemark-behov", "Telemark-tilbud", "Utkast-tilbud", "Seljord"):
        assert hidden not in text, hidden
    for item in ("draft", "telemark"):
        assert client.get(_detail(county[item])).status_code == 404


def test_offers_that_match_have_the_same_task_and_personnel_and_overlapping_dates_from_another_municipality(
        client, county, statsforvalter):
    client.force_login(statsforvalter)
    html = client.get(_detail(county["weeks"])).content.decode()
    offers = html[html.index('id="tilbud-tittel"'):html.index('id="handling-tittel"')]
    assert "Passer-tilbud" in offers
    assert "Vaksine-tilbud" not in offers and "Senere-tilbud" not in offers and "Hamars eget tilbud" not in offers


def test_the_view_shows_each_municipalitys_staffing_gap_from_its_decided_worksheet(client, county, statsforvalter,
                                                                                   hamar):
    leader = make_member(hamar, "leder")
    worksheet = make_worksheet(hamar, service_unit="Hjemmetjenesten sone nord", staff_available=18, staff_needed=26)
    make_row(worksheet)
    from prioritering import services as worksheet_services
    worksheet_services.worksheet_decide(worksheet=worksheet, user=leader)
    make_worksheet(hamar, service_unit="Utkast med tall", staff_available=1, staff_needed=99)
    client.force_login(statsforvalter)
    html = client.get(VIEW).content.decode()
    gap = html[html.index('id="gap-tittel"'):html.index('id="avsluttet-tittel"')]
    assert "18 av 26" in gap and "mangler 8" in gap and "Utkast med tall" not in gap
    overview = client.get(reverse("prioritering:county_overview")).content.decode()
    assert "18 av 26" in overview and "mangler 8" in overview


def test_statsforvalteren_refers_a_request_and_the_municipality_sees_status_and_note_at_once(
        client, county, statsforvalter, hamar):
    item = county["weeks"]
    client.force_login(statsforvalter)
    response = client.post(_detail(item), {"action": "formidlet", "offer": str(county["fits"].pk), "referred_to": "",
                                           "note": "Lillehammer har to smittesporere fra 10. januar.",
                                           "revision": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == RequestStatus.REFERRED and item.referred_to.name == "Lillehammer"
    assert item.matched_offer == county["fits"] and item.coordinated_by == statsforvalter

    client.force_login(make_member(hamar, "leser"))
    page = client.get(reverse("prioritering:assistance_detail", args=[item.pk])).content.decode()
    assert "Formidlet til Lillehammer" in page and "Lillehammer har to smittesporere fra 10. januar." in page
    assert "Passer-tilbud" in page  # the offer passed on is theirs to read
    listing = client.get(reverse("prioritering:assistance_list")).content.decode()
    assert "Tilbud Statsforvalteren har formidlet til dere" in listing and "Lillehammer" in listing
    history = client.get(reverse("prioritering:assistance_history", args=[item.pk])).content.decode()
    assert statsforvalter.username in history and "Formidlet til Lillehammer" in history


@pytest.mark.parametrize("data,message", [
    ({"action": "formidlet"}, "Velg kommunen behovet er formidlet til, eller tilbudet som dekker det."),
    ({"action": "sendt-videre"}, "Velg om behovet er sendt videre til Sivilforsvaret eller Forsvaret."),
    ({"action": "dekket", "note": ""}, "Skriv en merknad til kommunen"),
    ({"action": ""}, "Velg hva Statsforvalteren har gjort."),
    ({"action": "trukket"}, "Velg et gyldig valg"),
    ({"action": "dekket", "note": "Bruker 01010012356 fikk hjelp"}, "fødselsnummer"),
])
def test_an_incomplete_action_gets_a_norwegian_message_and_the_note_is_kept(client, county, statsforvalter, data,
                                                                           message):
    client.force_login(statsforvalter)
    post = {"note": "Min merknad", "revision": "1", **data}
    response = client.post(_detail(county["weeks"]), post)
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    if post["note"]:
        assert post["note"] in html
    county["weeks"].refresh_from_db()
    assert county["weeks"].status == RequestStatus.SUBMITTED


def test_referring_to_a_municipality_in_another_county_is_refused(client, county, statsforvalter, seljord):
    client.force_login(statsforvalter)
    response = client.post(_detail(county["weeks"]), {"action": "formidlet", "referred_to": str(seljord.pk),
                                                      "note": "Seljord", "revision": "1"})
    assert response.status_code == 200 and "Velg en kommune i fylket." in response.content.decode()


def test_forwarding_to_sivilforsvaret_and_closing_as_covered(client, county, statsforvalter):
    item = county["weeks"]
    client.force_login(statsforvalter)
    client.post(_detail(item), {"action": "sendt-videre", "forwarded_to": "sivilforsvaret",
                                "note": "Sendt til Sivilforsvarets distrikt.", "revision": "1"})
    item.refresh_from_db()
    assert item.coordination_label == "Sendt videre til Sivilforsvaret"
    client.post(_detail(item), {"action": "dekket", "note": "Sivilforsvaret stiller fra mandag.", "revision": "2"})
    item.refresh_from_db()
    assert item.status == RequestStatus.COVERED and item.forwarded_to == ""
    html = client.get(_detail(item)).content.decode()
    assert "Registrer hva dere har gjort" not in html  # closed: nothing more to do
    response = client.post(_detail(item), {"action": "ikke-dekket", "note": "x", "revision": "3"})
    assert response.status_code == 302 and item.status == RequestStatus.COVERED


def test_a_stale_action_is_refused_and_the_note_kept(client, county, statsforvalter):
    item = county["weeks"]
    colleague = make_statsforvalter(username="kollega")
    services.request_coordinate(request=item, user=colleague, action="formidlet", note="Kollegaens",
                                referred_to=item.municipality.__class__.objects.get(name="Lillehammer"),
                                expected_revision=1)
    client.force_login(statsforvalter)
    response = client.post(_detail(item), {"action": "dekket", "note": "Min merknad", "revision": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and "Noen andre har lagret endringer" in html and "Min merknad" in html
    item.refresh_from_db()
    assert item.coordination_note == "Kollegaens"


def test_a_withdrawn_request_cannot_be_coordinated(client, county, statsforvalter, hamar):
    item = county["weeks"]
    services.request_withdraw(request=item, user=make_member(hamar, "leder"), expected_revision=1)
    client.force_login(statsforvalter)
    response = client.post(_detail(item), {"action": "dekket", "note": "x", "revision": "2"})
    assert response.status_code == 302
    assert "kan ikke lenger koordineres" in client.get(response["Location"]).content.decode()


def test_the_statsforvalter_of_another_county_finds_nothing(client, county):
    client.force_login(make_statsforvalter("Telemark"))
    html = client.get(VIEW).content.decode()
    assert "Seljord" in html and "Hamar" not in html and "Passer-tilbud" not in html
    response = client.post(_detail(county["weeks"]), {"action": "dekket", "note": "x", "revision": "1"})
    assert response.status_code == 404


def test_the_csv_has_every_sent_request_and_offer_in_words(client, county, statsforvalter):
    client.force_login(statsforvalter)
    response = client.get(reverse("prioritering:county_assistance_export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="bistand-fylke-innlandet.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Type", "Fylke", "Kommune"]
    kinds = [row[0] for row in rows[1:]]
    assert kinds.count("Forespørsel") == 4 and kinds.count("Tilbud") == 4
    referred = next(row for row in rows if row[13] == "I dag-behov")
    assert referred[3] == "Smittesporing" and referred[15] == "Formidlet" and referred[16] == "Spurt Lillehammer."


def test_a_formula_in_free_text_is_defused_in_the_csv(client, hamar, statsforvalter):
    make_request(hamar, status=RequestStatus.SUBMITTED, description="=HYPERLINK(\"http://x\")")
    client.force_login(statsforvalter)
    text = client.get(reverse("prioritering:county_assistance_export")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_the_summary_counts_by_task_and_status_and_holds_no_free_text(client, county, statsforvalter):
    client.force_login(statsforvalter)
    html = client.get(reverse("prioritering:county_assistance_summary")).content.decode()
    for text in ("Uker-behov", "Spurt Lillehammer", "Hamar", "Øyer", "Lillehammer", "Passer-tilbud"):
        assert text not in html, text
    row = html[html.index(">Smittesporing<"):]
    row = row[:row.index("</tr>")]
    # sendt, formidlet, sendt videre, dekket, ikke dekket, trukket, i alt, personer (åpne)
    assert [cell for cell in row.replace("</td>", "").split("<td>")[1:]] == ["2", "1", "0", "1", "0", "0", "4", "12"]


def test_the_print_view_has_the_content_and_no_links_to_act(client, county, statsforvalter):
    client.force_login(statsforvalter)
    html = client.get(reverse("prioritering:county_assistance_print")).content.decode()
    assert "Uker-behov" not in html  # descriptions are on the request pages; the print lists needs
    assert "Hamar: Smittesporing: 4 personer uten helseutdanning" in html
    assert _detail(county["weeks"]) not in html


def test_municipal_roles_get_403_on_every_county_page(client, county, hamar):
    for role in ("leser", "bidragsyter", "leder"):
        client.force_login(make_member(hamar, role))
        for name in ("county_assistance", "county_assistance_print", "county_assistance_export",
                     "county_assistance_summary"):
            assert client.get(reverse(f"prioritering:{name}")).status_code == 403
        assert client.get(_detail(county["weeks"])).status_code == 403


def test_a_statsforvalter_for_two_counties_sees_both(client, county, statsforvalter):
    Membership.objects.create(user=statsforvalter, county="Telemark", role=Role.COUNTY)
    client.force_login(statsforvalter)
    html = client.get(VIEW).content.decode()
    assert "Seljord" in html and "Hamar" in html
    assert client.get(_detail(county["telemark"])).status_code == 200


def test_an_offer_passed_on_shows_on_the_offering_municipalitys_page(client, county, statsforvalter, lillehammer):
    services.request_coordinate(request=county["weeks"], user=statsforvalter, action="formidlet", note="Se tilbudet",
                                referred_to=lillehammer, offer=county["fits"], expected_revision=1)
    client.force_login(make_member(lillehammer, "leser"))
    html = client.get(reverse("prioritering:offer_detail", args=[county["fits"].pk])).content.decode()
    assert "Til Hamar" in html
    # Lillehammer does not become a reader of Hamar's request by lending to it.
    assert client.get(reverse("prioritering:assistance_detail", args=[county["weeks"].pk])).status_code == 404


def test_the_county_overview_links_the_coordination_view(client, county, statsforvalter):
    make_municipality("Eidskog", "3416")
    client.force_login(statsforvalter)
    assert VIEW in client.get(reverse("prioritering:county_overview")).content.decode()
    assert AssistanceRequest.objects.for_counties(["Innlandet"]).count() == 4
