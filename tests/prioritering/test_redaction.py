"""Redaction: a leader (or a superuser) removes personal data from a past history entry, and the text is gone
from every stored copy — history, the worksheet and its other versions, print, CSV, the county view, the admin
log and every table of the database — while the redaction itself is recorded without the text (issue 25)."""

import csv
import io
import json

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from prioritering import services
from prioritering.models import REDACTED, Membership, Redaction, Role, ServiceRow, Status, Worksheet
from tests.factories import make_editor, make_member, make_municipality, make_superuser, make_user

pytestmark = pytest.mark.django_db

NAME = "Aslaug Tveit"
PHONE = "912 34 567"
LEAK = f"Ring {NAME} på {PHONE} før stansen."  # a name and a phone: warnings a user may confirm, so it got in


def _texts_in_database(*needles):
    """(table, needle) for every cell of every table that holds one of the needles, in any letter case."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for cell in row:
                    text = _as_text(cell).lower()
                    found += [(table, needle) for needle in needles if needle.lower() in text]
    return found


def _as_text(cell):
    if isinstance(cell, (bytes, memoryview)):
        return bytes(cell).decode("utf-8", "replace")
    if isinstance(cell, (dict, list)):
        return json.dumps(cell, ensure_ascii=False)
    text = str(cell)
    if text[:1] in "[{":  # JSON stored as text: \u00f8 and the like written out
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text


@pytest.fixture
def leaked(hamar, leader):
    """A decided worksheet and its new version, with the leak in a row, the header, a reason and the admin log."""
    worksheet = services.worksheet_create(user=leader, municipality=hamar, data=dict(
        service_unit="Hjemmetjenesten sone nord", phase=3, assessed_on="2022-03-16", responsible="Enhetsleder",
        summary=f"Høyt sykefravær. {LEAK}"))
    row = services.row_create(worksheet=worksheet, user=leader, data=dict(
        service_type="dagaktivitet", action="redusere", reason="kapasitet", description=LEAK, nytte=2,
        alvorlighet=2, ressurs=2, mestring=2, weighted_criteria=["nytte", "alvorlighet"],
        forsvarlig_minimum="Individuell vurdering.", involvement="begge", individual_decision="nei",
        decision_form="skriftlig", complaint_info="ja"))
    row = services.row_update(row=row, user=leader, expected_revision=row.revision,
                              data={"vulnerable_plan": f"Koordinator ringer {NAME} hver uke.", "end_date": None})
    services.row_update(row=row, user=leader, expected_revision=row.revision, data={},
                        reasons={"mangler_sluttdato": f"Avklares med {NAME} først."})
    LogEntry.objects.create(user=leader, content_type=ContentType.objects.get_for_model(Worksheet),
                            object_id=str(worksheet.pk), object_repr=f"Skjema om {NAME}", action_flag=ADDITION,
                            change_message="[]")
    services.worksheet_decide(worksheet=worksheet, user=leader)
    newer = services.worksheet_new_version(worksheet=worksheet, user=leader, phase=4)
    return worksheet, newer


def _entry_with_leak(worksheet):
    return next(c for c in worksheet.changes.order_by("pk") if PHONE in json.dumps(c.details, ensure_ascii=False))


def _redact(client, worksheet, change, **overrides):
    data = {"text": NAME, "reason": "Navn og telefonnummer til en bruker.", "confirm": "on", **overrides}
    return client.post(reverse("prioritering:worksheet_redact", args=[worksheet.pk, change.pk]), data)


def _pages(worksheet):
    names = ["worksheet_detail", "worksheet_print", "worksheet_history", "worksheet_export"]
    return [reverse(f"prioritering:{name}", args=[worksheet.pk]) for name in names]


def test_the_leak_is_everywhere_before_the_redaction(client, leaked, leader):
    old, new = leaked
    client.force_login(leader)
    for url in _pages(old) + [url for url in _pages(new) if "historikk" not in url]:  # a copy is not a change
        assert NAME in client.get(url).content.decode("utf-8-sig"), url
    assert {table for table, _needle in _texts_in_database(NAME)} >= {
        "prioritering_worksheet", "prioritering_servicerow", "prioritering_worksheetchange", "django_admin_log"}


def test_a_leader_redacts_a_past_entry_and_the_text_is_gone_from_every_view_export_and_table(client, leaked, leader):
    old, new = leaked
    client.force_login(leader)
    response = _redact(client, old, _entry_with_leak(old))
    assert response.status_code == 302 and response["Location"] == reverse("prioritering:worksheet_history",
                                                                             args=[old.pk])
    for url in _pages(old) + _pages(new):
        html = client.get(url).content.decode("utf-8-sig")
        assert NAME.lower() not in html.lower(), url
    assert _texts_in_database(NAME) == []
    row = ServiceRow.objects.get(worksheet=new)
    assert row.description == f"Ring {REDACTED} på {PHONE} før stansen."
    assert row.acknowledged_warnings == {} or NAME not in json.dumps(row.acknowledged_warnings)


def test_the_redaction_is_recorded_who_what_field_when_and_why_without_the_text(client, leaked, leader):
    old, new = leaked
    client.force_login(leader)
    change = old.changes.get(summary__startswith="La til tjenesten")
    _redact(client, old, change, text=PHONE, reason="Telefonnummeret til en bruker.")
    redaction = Redaction.objects.get()
    assert (redaction.worksheet, redaction.change, redaction.user, redaction.reason) == (
        old, change, leader, "Telefonnummeret til en bruker.")
    assert redaction.fields == "beskrivelse av tiltaket" and redaction.places >= 4
    history = client.get(reverse("prioritering:worksheet_history", args=[old.pk])).content.decode()
    assert "Fjernet personopplysninger fra endringen" in history and "Telefonnummeret til en bruker." in history
    assert f"Personopplysninger fjernet {timezone.localtime(redaction.created_at):%d.%m.%Y}" in history
    assert "fra beskrivelse av tiltaket" in history and PHONE not in history
    for worksheet in (old, new):  # the copy has the same note in its history
        assert worksheet.changes.filter(summary__startswith="Fjernet personopplysninger").count() == 1
    assert _texts_in_database(PHONE) == []


def test_the_text_is_gone_from_the_county_view_and_its_csv(client, leaked, leader):
    old, _new = leaked
    statsforvalter = make_user()
    Membership.objects.create(user=statsforvalter, county="Innlandet", role=Role.COUNTY)
    client.force_login(leader)
    _redact(client, old, _entry_with_leak(old))
    client.force_login(statsforvalter)
    for url in (reverse("prioritering:county_worksheet", args=[old.pk]), reverse("prioritering:county_overview"),
                reverse("prioritering:county_export")):
        assert NAME not in client.get(url).content.decode("utf-8-sig"), url


def test_the_csv_is_built_from_the_redacted_text(client, leaked, leader):
    old, _new = leaked
    client.force_login(leader)
    _redact(client, old, _entry_with_leak(old))
    text = client.get(reverse("prioritering:worksheet_export", args=[old.pk])).content.decode("utf-8-sig")
    header, line = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = dict(zip(header, line))
    assert cells["Plan for sårbare grupper"] == f"Koordinator ringer {REDACTED} hver uke."
    assert REDACTED in cells["Vurderte advarsler med begrunnelse"]


def test_an_edit_based_on_the_text_before_the_redaction_is_refused_as_stale(client, hamar, leader):
    worksheet = services.worksheet_create(user=leader, municipality=hamar, data=dict(
        service_unit="Sone sør", phase=3, assessed_on="2022-03-16", responsible="Leder", summary=LEAK))
    stale = worksheet.revision
    client.force_login(leader)
    _redact(client, worksheet, worksheet.changes.get())
    response = client.post(reverse("prioritering:worksheet_edit", args=[worksheet.pk]), {
        "service_unit": "Sone sør", "phase": "3", "assessed_on": "16.03.2022", "responsible": "Leder",
        "summary": "Høyt sykefravær.", "revision": stale})
    assert "Noen andre har lagret endringer" in response.content.decode()
    worksheet.refresh_from_db()
    assert worksheet.summary == f"Ring {REDACTED} på {PHONE} før stansen."


# --- The form -------------------------------------------------------------------------------------

@pytest.mark.parametrize("overrides,message", [
    ({"text": "Kari Nordmann"}, "Teksten finnes ikke i denne endringen"),
    ({"text": "  "}, "Skriv teksten som skal fjernes"),
    ({"text": "Ri"}, "Skriv minst 3 tegn"),
    ({"reason": ""}, "Skriv hvorfor teksten fjernes"),
    ({"reason": f"Fjernet {NAME} etter ønske."}, "Begrunnelsen gjentar teksten som skal fjernes"),
    ({"reason": "Gjaldt en bruker født 01.01.1970."}, "ser ut som en fødselsdato"),
    ({"confirm": ""}, "Kryss av for at du forstår at fjerningen ikke kan angres"),
])
def test_the_redaction_form_refuses_with_a_norwegian_message_and_keeps_what_was_typed(client, leaked, leader,
                                                                                      overrides, message):
    old, _new = leaked
    client.force_login(leader)
    response = _redact(client, old, _entry_with_leak(old), **overrides)
    html = response.content.decode()
    assert response.status_code == 200 and message in html and 'id="feiloppsummering"' in html
    for name, typed in {"text": NAME, "reason": "Navn og telefonnummer til en bruker.", **overrides}.items():
        if typed.strip() and name != "confirm":
            assert typed.strip() in html, name
    assert Redaction.objects.count() == 0 and NAME in Worksheet.objects.get(pk=old.pk).summary


def test_the_text_is_matched_whatever_the_case_and_spacing(client, leaked, leader):
    old, _new = leaked
    client.force_login(leader)
    assert _redact(client, old, _entry_with_leak(old), text="aslaug   TVEIT").status_code == 302
    assert _texts_in_database(NAME) == []


# --- Who may redact -------------------------------------------------------------------------------

def _user(kind, hamar):
    if kind in ("leser", "bidragsyter", "leder"):
        return make_member(hamar, kind)
    if kind == "leder i en annen kommune":
        return make_member(make_municipality("Lillehammer", "3405"), "leder")
    if kind == "statsforvalter":
        user = make_user()
        Membership.objects.create(user=user, county="Innlandet", role=Role.COUNTY)
        return user
    if kind == "redaktør":
        return make_editor()
    return make_superuser()


MATRIX = [("leser", 403), ("bidragsyter", 403), ("leder", 200), ("leder i en annen kommune", 404),
          ("statsforvalter", 404), ("redaktør", 404), ("superbruker", 200)]


@pytest.mark.parametrize("kind,expected", MATRIX)
def test_the_redaction_page_permission_matrix(client, leaked, hamar, kind, expected):
    old, _new = leaked
    client.force_login(_user(kind, hamar))
    url = reverse("prioritering:worksheet_redact", args=[old.pk, _entry_with_leak(old).pk])
    assert client.get(url).status_code == expected


@pytest.mark.parametrize("kind,expected", MATRIX)
def test_only_a_leader_of_the_municipality_or_a_superuser_can_redact_by_posting(client, leaked, hamar, kind,
                                                                                 expected):
    old, _new = leaked
    client.force_login(_user(kind, hamar))
    response = _redact(client, old, _entry_with_leak(old))
    assert response.status_code == (302 if expected == 200 else expected)
    assert bool(_texts_in_database(NAME)) is (expected != 200)


def test_anonymous_is_sent_to_sign_in(client, leaked):
    old, _new = leaked
    response = _redact(client, old, _entry_with_leak(old))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/?next=")
    assert _texts_in_database(NAME)


def test_an_entry_of_another_worksheet_is_404_even_in_an_own_worksheets_address(client, leaked, hamar, leader):
    old, new = leaked
    other = services.worksheet_create(user=leader, municipality=hamar, data=dict(
        service_unit="Sone sør", phase=3, assessed_on="2022-03-16", responsible="Leder"))
    client.force_login(leader)
    assert _redact(client, other, _entry_with_leak(old)).status_code == 404
    assert _texts_in_database(NAME)


def test_the_history_offers_redaction_to_leaders_only(client, leaked, hamar, leader):
    old, _new = leaked
    link = "Fjern personopplysninger fra endringen"
    client.force_login(leader)
    assert link in client.get(reverse("prioritering:worksheet_history", args=[old.pk])).content.decode()
    client.force_login(make_member(hamar, "bidragsyter"))
    assert link not in client.get(reverse("prioritering:worksheet_history", args=[old.pk])).content.decode()


def test_a_superuser_redacts_from_the_admin_and_is_sent_back_there(client, leaked):
    old, _new = leaked
    superuser = make_superuser()
    client.force_login(superuser)
    admin_page = client.get(reverse("admin:prioritering_worksheet_change", args=[old.pk])).content.decode()
    change = _entry_with_leak(old)
    assert reverse("prioritering:worksheet_redact", args=[old.pk, change.pk]) in admin_page
    response = _redact(client, old, change)
    assert response["Location"] == reverse("admin:prioritering_worksheet_change", args=[old.pk])
    assert _texts_in_database(NAME) == []
    assert Redaction.objects.get().user == superuser
    old.refresh_from_db()
    assert old.status == Status.SUPERSEDED  # redaction changes text, never a worksheet's state


def test_a_redaction_changes_the_values_in_the_history_never_the_names_of_the_fields(client, hamar, leader):
    worksheet = services.worksheet_create(user=leader, municipality=hamar, data=dict(
        service_unit="Sone sør", phase=3, assessed_on="2022-03-16", responsible="Leder",
        summary="Oppsummering fra Tveit"))
    client.force_login(leader)
    assert _redact(client, worksheet, worksheet.changes.get(), text="Oppsummering").status_code == 302
    entry = worksheet.changes.get(summary="Opprettet skjemaet")
    assert {"field": "oppsummering av situasjonen", "old": "–", "new": f"{REDACTED} fra Tveit"} in entry.details
