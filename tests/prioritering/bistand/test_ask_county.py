"""Where a staffing measure says to contact Statsforvalteren, a municipal user can ask in the portal;
anonymous readers learn how to sign in or whom to contact."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import make_measure, make_member

pytestmark = pytest.mark.django_db

CIVIL_DEFENCE = dict(title="Bistand fra Sivilforsvaret og Forsvaret", request_channel="statsforvalteren",
                     tasks=["testing"], personnel_kinds=["sivilforsvaret-forsvaret"],
                     how_to_request="Kontakt Statsforvalteren ved behov for bistand fra Sivilforsvaret eller Forsvaret.")


def _form_link(html):
    start = html.index(reverse("prioritering:assistance_create") + "?")
    return html[start:html.index('"', start)].replace("&amp;", "&")


def test_a_leader_gets_a_prefilled_link_on_the_measure_page(client, hamar):
    measure = make_measure(slug="sivilforsvaret", **CIVIL_DEFENCE)
    client.force_login(make_member(hamar, "leder"))
    html = client.get(reverse("staffing:measure", args=[measure.slug])).content.decode()
    assert "Be Statsforvalteren om hjelp" in html
    query = parse_qs(urlsplit(_form_link(html)).query)
    assert query["tiltak"] == ["Bistand fra Sivilforsvaret og Forsvaret"]
    assert query["hjelp"] == ["sivilforsvaret", "forsvaret"] and query["oppgave"] == ["testing"]


def test_following_the_link_opens_the_form_prefilled(client, hamar):
    measure = make_measure(slug="sivilforsvaret", **CIVIL_DEFENCE)
    client.force_login(make_member(hamar, "bidragsyter"))
    html = client.get(reverse("staffing:measure", args=[measure.slug])).content.decode()
    form = client.get(_form_link(html)).context["form"]
    assert form.initial["help_from"] == ["sivilforsvaret", "forsvaret"] and form.initial["task"] == "testing"
    assert form.initial["source_measure"] == "Bistand fra Sivilforsvaret og Forsvaret"


def test_anonymous_readers_are_told_how_to_sign_in_and_whom_to_contact(client):
    measure = make_measure(slug="sivilforsvaret", **CIVIL_DEFENCE)
    url = reverse("staffing:measure", args=[measure.slug])
    html = client.get(url).content.decode()
    assert "Logg inn for å be om hjelp" in html and "/konto/logg-inn/?next=%2Fbemanning%2F" in html
    assert "oppgir ikke telefon eller e-post til statsforvalterne" in html
    assert reverse("prioritering:assistance_create") not in html


def test_a_reader_is_told_who_can_send(client, hamar):
    measure = make_measure(slug="sivilforsvaret", **CIVIL_DEFENCE)
    client.force_login(make_member(hamar, "leser"))
    html = client.get(reverse("staffing:measure", args=[measure.slug])).content.decode()
    assert "Din bruker har ikke den rollen" in html and reverse("prioritering:assistance_create") not in html


def test_a_measure_not_through_statsforvalteren_has_no_such_box(client, hamar):
    measure = make_measure(slug="lokalt", title="Lokalt", request_channel="lokalt")
    client.force_login(make_member(hamar, "leder"))
    assert "Be Statsforvalteren om hjelp" not in client.get(reverse("staffing:measure", args=[measure.slug])).content.decode()


def test_the_finders_answers_travel_to_the_form(client, hamar):
    make_measure(slug="sivilforsvaret", **{**CIVIL_DEFENCE, "tasks": ["testing", "smittesporing"],
                                          "personnel_kinds": ["sivilforsvaret-forsvaret"]})
    client.force_login(make_member(hamar, "leder"))
    response = client.get(reverse("staffing:finder"), {"oppgave": "smittesporing", "personell": "uten-helseutdanning",
                                                        "naar": "i-lopet-av-dager", "dato": "2022-01-15"})
    html = response.content.decode()
    query = parse_qs(urlsplit(_form_link(html)).query)
    assert query["oppgave"] == ["smittesporing"] and query["personell"] == ["uten-helseutdanning"]
    assert query["naar"] == ["i-lopet-av-dager"] and query["dato"] == ["2022-01-15"]
    form = client.get(_form_link(html)).context["form"]
    assert form.initial["profession"] == "uten-helseutdanning" and str(form.initial["start_date"]) == "2022-01-15"


def test_a_page_with_several_such_measures_asks_the_database_once(client, hamar, django_assert_num_queries):
    for index in range(3):
        make_measure(slug=f"sf-{index}", **{**CIVIL_DEFENCE, "title": f"Tiltak {index}"})
    client.force_login(make_member(hamar, "leder"))
    url = reverse("staffing:finder")
    query = {"oppgave": "testing", "personell": "uten-helseutdanning", "naar": "i-lopet-av-uker"}
    client.get(url, query)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        html = client.get(url, query).content.decode()
    assert html.count("Be Statsforvalteren om hjelp</a>") == 3
    assert sum("prioritering_membership" in q["sql"] for q in captured.captured_queries) == 1
