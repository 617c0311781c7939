"""A worksheet reads at a glance: summary first, table and matrix near the top, sensible defaults, clear words."""

import datetime
import re

import pytest
from django.urls import reverse

from prioritering import services
from prioritering.models import Status
from tests.factories import make_membership, make_row, make_worksheet

pytestmark = pytest.mark.django_db


def _detail(client, worksheet, **params):
    return client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk]), params).content.decode()


def _section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start:html.index("</section>", start)]


@pytest.fixture
def draft(hamar):
    worksheet = make_worksheet(hamar)
    make_row(worksheet, service_type="renhold", forsvarlig_minimum="Ingen")
    make_row(worksheet, service_type="dagaktivitet", forsvarlig_minimum="", weighted_criteria=["ressurs"])
    make_row(worksheet, service_type="avlastning", end_date=None)
    return worksheet


def test_the_summary_at_the_top_has_one_line_per_rule_with_the_rows_it_concerns_linked(client, draft, reader):
    client.force_login(reader)
    html = _detail(client, draft)
    summary = _section(html, "oppsummering-tittel")
    renhold, dagaktivitet, avlastning = draft.rows.all()
    assert "rett 3 feil og vurder 1 advarsel" in summary
    lines = re.findall(r"<li>(.*?)</li>", summary, re.S)
    assert len(lines) == 3
    minimum = next(line for line in lines if "Reduksjon eller stans uten forsvarlig minimum" in line)
    assert f'href="#rad-{renhold.pk}"' in minimum and f'href="#rad-{dagaktivitet.pk}"' in minimum
    assert f'href="#rad-{avlastning.pk}"' not in minimum and 'href="/veiledning/prioriteringsnotatet/#kapasitet"' in minimum
    assert "Ressurs er eneste begrunnende kriterium" in summary and "Reduksjonen har ingen sluttdato" in summary


def test_the_summary_then_the_table_and_the_matrix_come_before_each_row_in_detail(client, draft, reader):
    client.force_login(reader)
    html = _detail(client, draft)
    order = [html.index(marker) for marker in ('id="oppsummering-tittel"', 'id="tjenester-tittel"',
                                               'id="matrise-tittel"', 'id="detaljer-tittel"')]
    assert order == sorted(order)
    assert 'href="#matrise-tittel"' in html and 'href="#tjenester-tittel"' in html


def test_each_rows_problems_stand_next_to_it_in_the_table(client, draft, reader):
    client.force_login(reader)
    table = _section(_detail(client, draft), "tjenester-tittel")
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert "Reduksjon eller stans uten forsvarlig minimum" in rows[0] and "Ressurs" not in rows[0]
    assert "Ressurs er eneste begrunnende kriterium" in rows[1]
    assert "Advarsel:</span> Reduksjonen har ingen sluttdato" in rows[2]


def test_a_row_card_lists_its_findings_compactly_in_one_place(client, draft, reader):
    client.force_login(reader)
    card = _detail(client, draft).split(f'id="rad-{draft.rows.all()[1].pk}"')[1].split("</article>")[0]
    assert card.count("kp-findings--compact") == 1 and card.count("<li>") == 2
    assert card.count('class="ds-alert') == 0


def test_a_new_worksheet_starts_empty_unless_the_notes_suggestions_are_chosen(client, hamar, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:worksheet_create")).content.decode()
    checkbox = re.search(r'<input[^>]+name="prefill"[^>]*>', html).group(0)
    assert "checked" not in checkbox


def test_your_only_municipality_is_preselected_and_no_phase_is(client, hamar, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:worksheet_create")).content.decode()
    assert re.search(rf'<option value="{hamar.pk}" selected>', html)
    phases = re.findall(r'<input[^>]+name="phase"[^>]*>', html)
    assert len(phases) == 5 and not any("checked" in p for p in phases)
    assert "---------" not in html


def test_with_two_municipalities_you_choose_one_yourself(client, hamar, lillehammer, contributor):
    make_membership(contributor, lillehammer, "leder")
    client.force_login(contributor)
    html = client.get(reverse("prioritering:worksheet_create")).content.decode()
    select = re.search(r'<select[^>]+name="municipality".*?</select>', html, re.S).group(0)
    assert not re.search(r'<option value="\d+" selected', select) and "Velg kommune" in select


def test_the_date_hint_is_given_once_per_date_field(client, worksheet, contributor):
    client.force_login(contributor)
    for url in (reverse("prioritering:worksheet_create"), reverse("prioritering:worksheet_edit", args=[worksheet.pk]),
                reverse("prioritering:row_edit", args=[worksheet.pk, worksheet.rows.get().pk])):
        html = client.get(url).content.decode()
        dates = len(re.findall(r'name="(assessed_on|next_review|end_date)"', html))
        assert html.count("dd.mm.åååå") == dates and "skrevet som 16.03.2022" not in html


def test_missing_fields_get_specific_messages_in_the_order_of_the_page(client, hamar, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:worksheet_create"), {"municipality": "", "assessed_on": ""})
    html = response.content.decode()
    summary = html[html.index('id="feiloppsummering"'):html.index("</ul>", html.index('id="feiloppsummering"'))]
    messages = ["Velg kommunen skjemaet gjelder.", "Skriv hvilken tjenesteenhet vurderingen gjelder",
                "Skriv hvem som er ansvarlig for vurderingen", "Skriv datoen for vurderingen som dd.mm.åååå",
                "Velg hvilken fase epidemien er i."]
    positions = [summary.index(message) for message in messages]
    assert positions == sorted(positions)
    assert "Feltet er påkrevet" not in html and "Dette feltet er påkrevd" not in html


def test_missing_row_choices_get_specific_messages(client, worksheet, contributor):
    client.force_login(contributor)
    response = client.post(reverse("prioritering:row_create", args=[worksheet.pk]), {"revision": ""})
    html = response.content.decode()
    for message in ["Velg hvilken type tjeneste raden gjelder.", "Velg hvilket tiltak som foreslås for tjenesten.",
                    "Velg et trinn for nytte.", "Kryss av for minst ett kriterium", "Velg hvordan endringen"]:
        assert message in html, message


def test_the_list_is_newest_first(client, hamar, reader):
    for day, unit in [(1, "Eldst"), (20, "Nyest"), (10, "Midt")]:
        make_row(make_worksheet(hamar, service_unit=unit, assessed_on=datetime.date(2022, 3, day)))
    client.force_login(reader)
    html = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert html.index("Nyest") < html.index("Midt") < html.index("Eldst")
    assert "nyeste vurdering først" in html


def test_an_overdue_review_is_flagged_until_the_worksheet_is_replaced(client, hamar, leader):
    past = datetime.date.today() - datetime.timedelta(days=1)
    overdue = make_worksheet(hamar, service_unit="Forfalt enhet", next_review=past)
    make_row(overdue)
    make_worksheet(hamar, service_unit="Framtidig enhet", next_review=datetime.date.today() + datetime.timedelta(days=7))
    client.force_login(leader)
    listing = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert listing.count(">Forfalt</span>") == 1
    assert ">Forfalt</span>" in _detail(client, overdue)
    services.worksheet_decide(worksheet=overdue, user=leader)
    services.worksheet_new_version(worksheet=overdue, user=leader, phase=4)
    assert ">Forfalt</span>" not in _detail(client, overdue)


def test_a_decided_worksheet_reads_as_decided(client, worksheet, leader):
    services.worksheet_decide(worksheet=worksheet, user=leader)
    client.force_login(leader)
    html = _detail(client, worksheet)
    assert "Slik skjemaet ble vedtatt" in html and "Skjemaet er vedtatt og kan bare leses" in html
    for text in ("Feil må rettes", "Før skjemaet kan vedtas", "hindrer vedtak", "Vedta skjemaet"):
        assert text not in html, text


def test_the_three_roles_are_explained_and_your_own_is_named(client, worksheet, reader):
    client.force_login(reader)
    listing = client.get(reverse("prioritering:worksheet_list")).content.decode()
    roles = _section(listing, "roller")
    for name in ("Leser", "Bidragsyter", "Leder", "Statsforvalter"):
        assert f"<dt>{name}</dt>" in roles
    assert "kan i tillegg vedta et skjema" in roles and "Hamar (leser)" in listing
    assert "Din rolle i Hamar: Leser – kan lese skjemaene." in _detail(client, worksheet)


def test_the_indicative_priority_is_explained_the_way_it_is_computed(client, hamar, reader):
    worksheet = make_worksheet(hamar)
    make_row(worksheet, nytte=1, alvorlighet=1, ressurs=3, mestring=1)
    make_row(worksheet, service_type="lindrende", action="opprettholde", nytte=3, alvorlighet=3, ressurs=1, mestring=3)
    client.force_login(reader)
    html = _detail(client, worksheet)
    assert "trekker opp, " not in html and "liten nytte og lav alvorlighet trekker opp" not in html
    assert ("Indikativ prioritet lav (4 av 12 poeng): nytte liten gir 1 poeng og alvorlighet lav gir 1; jo større "
            "nytte og høyere alvorlighet, jo flere poeng. Mestring uten tjenesten er god og gir 1; jo svakere "
            "mestring, jo flere poeng. Tjenesten bruker mye ressurser og gir 1; jo mindre ressurser, jo flere "
            "poeng.") in html
    assert "Tjenesten bruker lite ressurser og gir 3" in html
    assert ("Stor nytte, høy alvorlighet, svak mestring og lite ressursbruk trekker altså opp; liten nytte, lav "
            "alvorlighet, god mestring og mye ressursbruk trekker ned.") in html


def test_the_scales_and_the_score_are_said_to_be_the_portals_own_aid(client, worksheet, reader):
    client.force_login(reader)
    for url in (reverse("prioritering:worksheet_detail", args=[worksheet.pk]),
                reverse("prioritering:worksheet_print", args=[worksheet.pk]), reverse("prioritering:note")):
        html = client.get(url).content.decode()
        assert "portalens eget hjelpemiddel, ikke Helsedirektoratets metode" in html, url


def test_the_list_offers_legg_til_nytt_prioriteringsskjema(client, hamar, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert "Legg til nytt prioriteringsskjema" in html and "Legg til ny prioriteringsskjema" not in html


def test_a_statsforvalter_without_municipalities_is_pointed_to_the_county_view(client, hamar):
    from prioritering.models import Membership, Role
    from tests.factories import make_user

    user = make_user()
    Membership.objects.create(user=user, county="Innlandet", role=Role.COUNTY)
    client.force_login(user)
    html = client.get(reverse("prioritering:worksheet_list")).content.decode()
    assert "Du har rollen statsforvalter for Innlandet" in html and "/prioritering/fylke/" in html
    assert "Du er ikke medlem av noen kommune" not in html


def test_superseded_worksheets_are_never_flagged_overdue(hamar):
    worksheet = make_worksheet(hamar, status=Status.SUPERSEDED, next_review=datetime.date(2020, 1, 1))
    assert not worksheet.review_overdue
