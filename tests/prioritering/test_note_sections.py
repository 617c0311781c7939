"""The worksheet links each part that comes from the note to its chapter in the published note, and says
which parts are the portal's own aids. The chapters' anchors have one source, prioritering/note_sections.py,
and every anchor used is checked against the article as the demo content renders it."""

import datetime
import io
import re
from html import unescape

import pytest
from django.urls import reverse

from prioritering import guardrails, note, note_sections, services
from prioritering.models import Membership, Role, Status
from tests.factories import make_contact_point, make_member, make_publisher, make_row, make_user, make_worksheet

pytestmark = pytest.mark.django_db

NOTE = "/veiledning/prioriteringsnotatet/"
NOTE_LINK = re.compile(r'<a class="ds-link" href="/veiledning/prioriteringsnotatet/#([^"]+)">([^<]*)</a>')
OWN_AID = "portalens eget hjelpemiddel, ikke Helsedirektoratets metode"


@pytest.fixture
def published_note(db, client):
    """The article as the demo content publishes it, rendered: {anchor: the heading's text}."""
    from guidance import demo as guidance_demo

    make_publisher(username="redaktor")
    guidance_demo.load(io.StringIO())
    response = client.get(NOTE)
    assert response.status_code == 200
    headings = re.findall(r'<h[2-6] id="([^"]+)">(.*?)</h[2-6]>', response.content.decode())
    return {anchor: unescape(re.sub(r"<[^>]+>", "", text)) for anchor, text in headings}


@pytest.fixture
def full_worksheet(hamar):
    """A draft whose rows between them trip every rule, with a row from the note's proposals."""
    worksheet = make_worksheet(hamar, phase=2, summary="")
    make_row(worksheet, forsvarlig_minimum="Ingen", end_date=None, involvement="nei")
    make_row(worksheet, reason="smittevern", complaint_info="nei", nytte=3, alvorlighet=3)
    make_row(worksheet, service_type="lindrende", action="stanse", forsvarlig_minimum="")
    make_row(worksheet, service_type="individuell_plan", action="stanse", forsvarlig_minimum="ingen")
    make_row(worksheet, vulnerable_groups=["barn"], vulnerable_plan="", forsvarlig_minimum="-")
    make_row(worksheet, individual_decision="ja", decision_form="omgjoring")
    make_row(worksheet, individual_decision="ja", decision_form="ingen")
    make_row(worksheet, decision_form="muntlig", journal_reference="", weighted_criteria=["ressurs"], mestring=None)
    make_row(worksheet, service_type="legemiddelhandtering", action="delegere",
             note_basis=note.CAPACITY_SUGGESTIONS[0]["note_basis"])
    return worksheet


def _links(html):
    return [(anchor, unescape(text)) for anchor, text in NOTE_LINK.findall(html)]


def _worksheet_pages(client, worksheet):
    row = worksheet.rows.first()
    return {
        "detail": reverse("prioritering:worksheet_detail", args=[worksheet.pk]),
        "decide": reverse("prioritering:worksheet_decide", args=[worksheet.pk]),
        "edit": reverse("prioritering:worksheet_edit", args=[worksheet.pk]),
        "row": reverse("prioritering:row_edit", args=[worksheet.pk, row.pk]),
        "new row": reverse("prioritering:row_create", args=[worksheet.pk]),
        "create": reverse("prioritering:worksheet_create"),
        "list": reverse("prioritering:worksheet_list"),
        "rules": reverse("prioritering:note"),
    }


# --- One source ---------------------------------------------------------------------------------

def test_every_section_the_worksheet_refers_to_is_a_chapter_in_the_one_map():
    used = {rule.section for rule in guardrails.RULES.values()} | set(note.SECTIONS)
    used |= set(note_sections.FIELDS.values()) | {note_sections.PROPOSALS, *note_sections.PRIORITY}
    assert used <= set(note_sections.CHAPTERS), used - set(note_sections.CHAPTERS)


def test_every_chapter_in_the_map_is_a_heading_with_that_anchor_and_text_in_the_published_note(published_note):
    for anchor, title in note_sections.CHAPTERS.items():
        assert anchor in published_note, anchor
        assert published_note[anchor] == str(title), anchor


def test_every_note_link_on_the_worksheet_pages_lands_on_a_heading_of_the_published_note(
        client, published_note, full_worksheet, leader):
    client.force_login(leader)
    linked = set()
    for name, url in _worksheet_pages(client, full_worksheet).items():
        response = client.get(url)
        assert response.status_code in (200, 409), name
        links = _links(response.content.decode())
        assert links or name == "list", name
        for anchor, text in links:
            assert anchor in published_note, (name, anchor)
            assert text == f"Les mer i prioriteringsnotatet, kapittelet «{published_note[anchor]}»", (name, text)
            linked.add(anchor)
    assert set(note_sections.FIELDS.values()) | {rule.section for rule in guardrails.RULES.values()} <= linked


def _county_pages_signed_in(client, hamar):
    """The county overview and a decided worksheet in it, with `client` signed in as Innlandet's statsforvalter."""
    worksheet = make_worksheet(hamar)
    make_row(worksheet)
    services.worksheet_decide(worksheet=worksheet, user=make_member(hamar, "leder"))
    user = make_user()
    Membership.objects.create(user=user, county="Innlandet", role=Role.COUNTY)
    client.force_login(user)
    return reverse("prioritering:county_overview"), reverse("prioritering:county_worksheet", args=[worksheet.pk])


def test_the_county_pages_link_to_chapters_of_the_published_note(client, published_note, hamar):
    for url in _county_pages_signed_in(client, hamar):
        links = _links(client.get(url).content.decode())
        assert links, url
        assert all(anchor in published_note for anchor, _text in links), url


# --- Each field links to its chapter -------------------------------------------------------------

def _help_text(html, field):
    match = re.search(rf'<div data-field="description" id="id_{field}_helptext">(.*?)</div>', html, re.S)
    assert match, field
    return match.group(1)


def test_each_field_from_the_note_links_to_its_chapter_in_its_help_text(client, worksheet, contributor):
    client.force_login(contributor)
    pages = [reverse("prioritering:worksheet_create"), reverse("prioritering:worksheet_edit", args=[worksheet.pk]),
             reverse("prioritering:row_edit", args=[worksheet.pk, worksheet.rows.get().pk])]
    html = "".join(client.get(url).content.decode() for url in pages)
    for field, anchor in note_sections.FIELDS.items():
        title = note_sections.CHAPTERS[anchor]
        assert _links(_help_text(html, field)) == [(anchor, f"Les mer i prioriteringsnotatet, kapittelet «{title}»")], field
    for field in ("service_unit", "responsible", "assessed_on", "staff_needed", "summary", "service_name"):
        assert NOTE not in _help_text(html, field), field


def test_the_criteria_link_to_their_own_chapters_of_vedlegg_1(client, worksheet, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, worksheet.rows.get().pk])).content.decode()
    for field, anchor in (("nytte", "nyttekriteriet"), ("alvorlighet", "alvorlighetskriteriet"),
                          ("ressurs", "ressurskriteriet")):
        assert f'href="{NOTE}#{anchor}"' in _help_text(html, field)


def test_a_warnings_reason_field_links_the_chapter_the_warning_rests_on(client, hamar, contributor):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, end_date=None, nytte=3, alvorlighet=3)
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk])).content.decode()
    for code in ("mangler_sluttdato", "hoy_prioritet_redusert"):
        help_text = _help_text(html, f"begrunnelse_{code}")
        assert str(guardrails.RULES[code].message) in unescape(help_text)
        assert _links(help_text) == [(guardrails.RULES[code].section, str(note_sections.chapter(
            guardrails.RULES[code].section).link_text))]


def test_the_detail_page_lists_each_field_from_the_note_with_its_chapter(client, worksheet, reader):
    client.force_login(reader)
    html = client.get(reverse("prioritering:worksheet_detail", args=[worksheet.pk])).content.decode()
    section = html[html.index('id="kilder-tittel"'):html.index("</section>", html.index('id="kilder-tittel"'))]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    for anchor in set(note_sections.FIELDS.values()):
        assert sum(f'href="{NOTE}#{anchor}"' in item for item in items) == 1, anchor
    assert "Nytte: " in section and "Fase i epidemien: " in section and "Vedtaksform" in section
    assert "er skjemaets egne felt og kommer ikke fra notatet" in section


def test_a_row_from_the_notes_proposals_links_its_quote_to_the_chapter(client, full_worksheet, leader):
    client.force_login(leader)
    row = full_worksheet.rows.get(service_type="legemiddelhandtering")
    for url in (reverse("prioritering:worksheet_detail", args=[full_worksheet.pk]),
                reverse("prioritering:row_edit", args=[full_worksheet.pk, row.pk])):
        html = client.get(url).content.decode()
        quote = html[html.index("For å håndtere økt kapasitetsbehov"):]
        assert quote.index(f'href="{NOTE}#kapasitet"') < quote.index("</blockquote>"), url


# --- Guard-rails keep their semantics -------------------------------------------------------------

def test_guard_rail_findings_keep_error_and_warning_and_link_their_chapter(client, hamar, contributor):
    worksheet = make_worksheet(hamar)
    row = make_row(worksheet, forsvarlig_minimum="Ingen", end_date=None)
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_edit", args=[worksheet.pk, row.pk])).content.decode()
    box = html[html.index('class="ds-alert kp-findings-box" data-color="danger"'):]
    box = box[:box.index("</div>")]
    assert "Feil (hindrer vedtak):" in box and "Advarsel (må vurderes med en begrunnelse):" in box
    assert _links(box) == [("kapasitet", "Les mer i prioriteringsnotatet, kapittelet «Kapasitet i tjenestene»")] * 2
    assert "Feilene og advarslene er portalens lesning av notatet" in html


# --- The portal's own aids are named as such ------------------------------------------------------

def test_the_score_is_called_the_portals_own_aid_wherever_it_is_shown(client, hamar):
    worksheet = make_worksheet(hamar, status=Status.DECIDED)
    row = make_row(worksheet)
    leader = make_member(hamar, "leder")
    statsforvalter = make_user()
    Membership.objects.create(user=statsforvalter, county="Innlandet", role=Role.COUNTY)
    draft = make_worksheet(hamar)
    draft_row = make_row(draft)
    pages = [
        (leader, reverse("prioritering:worksheet_detail", args=[worksheet.pk])),
        (leader, reverse("prioritering:worksheet_print", args=[worksheet.pk])),
        (statsforvalter, reverse("prioritering:county_worksheet", args=[worksheet.pk])),
        (leader, reverse("prioritering:row_edit", args=[draft.pk, draft_row.pk])),
        (leader, reverse("prioritering:note")),
    ]
    for user, url in pages:
        client.force_login(user)
        html = client.get(url).content.decode()
        assert str(note_sections.OWN_AIDS) in html, url
        if "tjenester" not in url and url != reverse("prioritering:note"):
            assert f"{row.priority.label} ({row.priority.score}/12)" in html
            assert "portalens hjelpemiddel</span></th>" in html, url  # on the column that shows the score
            assert ("Den indikative prioriteten og poengene er portalens eget hjelpemiddel, ikke "
                    "Helsedirektoratets metode og ikke en beslutning.") in html, url


def test_the_criteria_fieldset_says_the_steps_are_the_portals_own(client, worksheet, contributor):
    client.force_login(contributor)
    html = client.get(reverse("prioritering:row_create", args=[worksheet.pk])).content.decode()
    fieldset = html[html.index("Kriteriene (notatets vedlegg 1)"):html.index('id="id_nytte"')]
    assert OWN_AID in fieldset


# --- Links read well, on screen and on paper ------------------------------------------------------

def test_no_link_on_the_worksheet_pages_is_a_bare_les_mer(client, full_worksheet, leader):
    client.force_login(leader)
    for name, url in [*_worksheet_pages(client, full_worksheet).items(),
                      ("print", reverse("prioritering:worksheet_print", args=[full_worksheet.pk]))]:
        html = client.get(url).content.decode()
        texts = [unescape(re.sub(r"<[^>]+>", "", text)).strip() for text in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.S)]
        bare = [text for text in texts if text.lower().rstrip(".…") in {"les mer", "her", "mer", "kilde", "lenke"}]
        assert not bare, (name, bare)


def test_the_print_names_the_chapters_and_the_notes_address_instead_of_linking(client, full_worksheet, leader):
    client.force_login(leader)
    html = client.get(reverse("prioritering:worksheet_print", args=[full_worksheet.pk])).content.decode()
    article = html[html.index('<article class="kp-print">'):html.index("</article>")]
    assert f'href="{NOTE}' not in article  # nothing to click on paper
    assert "Kilde: Prioriteringsnotatet, kapittelet «Kapasitet i tjenestene»" in article
    assert "http://testserver/veiledning/prioriteringsnotatet/" in article
    assert OWN_AID in article


# --- The contact banner -----------------------------------------------------------------------------

def test_the_contact_banner_is_on_every_worksheet_page(client, full_worksheet, leader):
    make_contact_point(datetime.date(2021, 3, 5))
    client.force_login(leader)
    pages = {**_worksheet_pages(client, full_worksheet),
             "print": reverse("prioritering:worksheet_print", args=[full_worksheet.pk]),
             "history": reverse("prioritering:worksheet_history", args=[full_worksheet.pk]),
             "delete": reverse("prioritering:row_delete", args=[full_worksheet.pk, full_worksheet.rows.first().pk])}
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert html.count('class="kp-contact-point"') == 1, name
        # print.css hides .kp-contact-slot, so the print page shows the banner on screen but not on paper.
        assert '<div class="kp-contact-slot"><aside class="kp-contact-point"' in html, name


def test_the_contact_banner_is_on_the_county_pages(client, hamar):
    make_contact_point(datetime.date(2021, 3, 5))
    for url in _county_pages_signed_in(client, hamar):
        assert 'class="kp-contact-point"' in client.get(url).content.decode(), url
