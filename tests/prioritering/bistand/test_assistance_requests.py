"""A municipality asks Statsforvalteren for help: drafts, submission by a leader, withdrawal, every change in the history."""

import datetime
import re

import pytest
from django.urls import reverse

from prioritering.bistand import services
from prioritering.models import AssistanceRequest, RequestStatus
from tests.factories import make_member, make_worksheet
from tests.prioritering.bistand.conftest import make_request, request_post_data

pytestmark = pytest.mark.django_db

CREATE = reverse("prioritering:assistance_create")


def _detail(item):
    return reverse("prioritering:assistance_detail", args=[item.pk])


def test_a_contributor_writes_a_draft_and_only_a_leader_can_send_it(client, hamar, contributor, leader):
    client.force_login(contributor)
    response = client.post(CREATE, _create())
    item = AssistanceRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail(item)
    assert item.status == RequestStatus.DRAFT and item.municipality == hamar and item.created_by == contributor
    assert item.help_from == ["nabokommuner"] and item.start_date == datetime.date(2022, 1, 10)
    page = client.get(_detail(item)).content.decode()
    assert "Bare en leder kan sende forespørselen." in page
    assert reverse("prioritering:assistance_submit", args=[item.pk]) not in page
    assert client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"}).status_code == 403

    client.force_login(leader)
    assert reverse("prioritering:assistance_submit", args=[item.pk]) in client.get(_detail(item)).content.decode()
    response = client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == RequestStatus.SUBMITTED and item.submitted_by == leader and item.submitted_at
    assert "Sendt til Statsforvalteren" in client.get(_detail(item)).content.decode()


def test_a_reader_may_read_but_not_write(client, hamar, reader):
    item = make_request(hamar)
    client.force_login(reader)
    assert client.get(_detail(item)).status_code == 200
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, _create()).status_code == 403
    assert client.get(reverse("prioritering:assistance_edit", args=[item.pk])).status_code == 403


def test_asking_for_sivilforsvaret_without_the_letters_precondition_is_refused_in_norwegian(client, contributor):
    client.force_login(contributor)
    response = client.post(CREATE, _create(help_from=["nabokommuner", "sivilforsvaret"]))
    html = response.content.decode()
    assert response.status_code == 200 and not AssistanceRequest.objects.exists()
    assert "Svar på om kommunen har forsøkt å skaffe frivillige" in html
    assert "Svar på om kommunen har forsøkt å skaffe kommersielle aktører" in html
    assert "det skal være forsøkt å skaffe frivillige eller kommersielle aktører" in html  # the seed's words
    assert "Fire smittesporere til utbruddet i sone nord." in html  # what the user typed is kept


def test_with_the_precondition_answered_forsvaret_may_be_asked_and_a_no_is_flagged(client, contributor, hamar):
    client.force_login(contributor)
    response = client.post(CREATE, _create(help_from=["forsvaret"], volunteers_tried="ja",
                                                     commercial_tried="nei"))
    assert response.status_code == 302
    item = AssistanceRequest.objects.get()
    assert item.needs_precondition and item.precondition_unmet
    html = client.get(_detail(item)).content.decode()
    assert "Kommunen svarer at ikke alt er forsøkt" in html


def test_the_model_refuses_the_precondition_missing_whatever_the_path(hamar):
    from django.core.exceptions import ValidationError

    item = AssistanceRequest(municipality=hamar, task="testing", profession="leger", people=1, urgency="i-dag",
                             start_date=datetime.date(2022, 1, 1), help_from=["forsvaret"], description="x",
                             tried_first="y")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert {"volunteers_tried", "commercial_tried"} <= set(error.value.message_dict)


@pytest.mark.parametrize("field,value,message", [
    ("people", "0", "Skriv minst 1 person."),
    ("people", "tre", "Skriv antallet med sifre"),
    ("people", "501", "Skriv høyst 500 personer"),
    ("start_date", "31.02.2022", "Datoen finnes ikke eller er skrevet feil"),
    ("end_date", "09.01.2022", "Til-datoen kan ikke være før fra-datoen."),
    ("help_from", [], "Velg hvem dere ber Statsforvalteren koordinere hjelp fra."),
    ("help_from", ["hjemmevernet"], "Velg et gyldig valg"),
    ("task", "", "Velg hva dere trenger hjelp til."),
    ("tried_first", "", "Skriv hva kommunen har forsøkt selv først"),
    ("description", "Pasient 01010012356 trenger hjelp", "ser ut til å inneholde et fødselsnummer"),
])
def test_bad_input_gets_a_norwegian_message_and_keeps_what_was_typed(client, contributor, field, value, message):
    client.force_login(contributor)
    data = _create(**{field: value})
    data["service"] = "Teksten jeg skrev"
    response = client.post(CREATE, data)
    html = response.content.decode()
    assert response.status_code == 200 and message in html and "Teksten jeg skrev" in html
    assert not AssistanceRequest.objects.exists()


def test_a_worksheet_from_another_municipality_cannot_be_linked(client, contributor, lillehammer):
    other = make_worksheet(lillehammer)
    client.force_login(contributor)
    response = client.post(CREATE, _create(worksheet=str(other.pk)))
    assert response.status_code == 200 and "Velg et av kommunens egne skjemaer." in response.content.decode()


def test_an_own_worksheet_is_linked_and_shown(client, contributor, hamar):
    worksheet = make_worksheet(hamar, service_unit="Hjemmetjenesten sone nord")
    client.force_login(contributor)
    client.post(CREATE, _create(worksheet=str(worksheet.pk)))
    item = AssistanceRequest.objects.get()
    assert item.worksheet == worksheet
    assert reverse("prioritering:worksheet_detail", args=[worksheet.pk]) in client.get(_detail(item)).content.decode()


def test_the_form_is_prefilled_from_the_finder_and_the_measure_in_the_query_string(client, contributor):
    client.force_login(contributor)
    response = client.get(CREATE, {"tiltak": "Bistand fra Sivilforsvaret og Forsvaret", "oppgave": "testing",
                                   "personell": "leger", "naar": "i-dag", "dato": "2022-01-15",
                                   "hjelp": ["sivilforsvaret", "forsvaret"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'name="task" value="testing" id="[^"]+" checked', html)
    form = response.context["form"]
    assert form.initial["task"] == "testing" and form.initial["profession"] == "leger"
    assert form.initial["urgency"] == "i-dag" and form.initial["start_date"] == datetime.date(2022, 1, 15)
    assert form.initial["help_from"] == ["sivilforsvaret", "forsvaret"]
    assert form.initial["source_measure"] == "Bistand fra Sivilforsvaret og Forsvaret"
    assert "Fylt ut fra bemanningstiltaket «Bistand fra Sivilforsvaret og Forsvaret»" in html


@pytest.mark.parametrize("query", [
    {"oppgave": "hagearbeid"}, {"dato": "²⁰²²-01-01"}, {"dato": "2022-13-45"}, {"hjelp": "hjemmevernet"},
    {"tiltak": "x" * 5000}, {"naar": "\x00"}, {"tiltak": "Pasient 01010012356"},
])
def test_a_prefill_the_portal_does_not_know_is_ignored_never_an_error(client, contributor, query):
    client.force_login(contributor)
    response = client.get(CREATE, query)
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert "01010012356" not in str(initial)
    assert len(initial.get("source_measure", "")) <= 200


def test_a_draft_is_edited_with_each_change_in_the_history(client, contributor, hamar):
    item = services.request_create(user=contributor, municipality=hamar, data=_data())
    client.force_login(contributor)
    response = client.post(reverse("prioritering:assistance_edit", args=[item.pk]),
                           request_post_data(people="6", revision="1"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.people == 6 and item.revision == 2
    history = client.get(reverse("prioritering:assistance_history", args=[item.pk])).content.decode()
    assert "Opprettet forespørselen som utkast" in history and "Endret utkastet" in history
    assert "Antall personer" in history and ">4<" in history and ">6<" in history
    assert contributor.username in history


def test_a_stale_edit_is_refused_and_the_text_kept(client, hamar, contributor):
    item = services.request_create(user=contributor, municipality=hamar, data=_data())
    colleague = make_member(hamar, "bidragsyter")
    services.request_update(request=item, user=colleague, data={"people": 9}, expected_revision=1)
    client.force_login(contributor)
    response = client.post(reverse("prioritering:assistance_edit", args=[item.pk]),
                           request_post_data(description="Min egen tekst", revision="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Noen andre har lagret endringer mens du arbeidet" in html and "Min egen tekst" in html
    assert 'name="revision" value="2"' in html
    item.refresh_from_db()
    assert item.people == 9 and item.description != "Min egen tekst"


def test_a_stale_submit_is_refused(client, hamar, leader, contributor):
    item = services.request_create(user=contributor, municipality=hamar, data=_data())
    services.request_update(request=item, user=contributor, data={"people": 9}, expected_revision=1)
    client.force_login(leader)
    response = client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"})
    assert response.status_code == 409 and "Noen andre har lagret endringer" in response.content.decode()
    item.refresh_from_db()
    assert item.status == RequestStatus.DRAFT


def test_a_sent_request_can_no_longer_be_edited(client, hamar, leader):
    item = make_request(hamar, status=RequestStatus.SUBMITTED)
    client.force_login(leader)
    response = client.get(reverse("prioritering:assistance_edit", args=[item.pk]))
    assert response.status_code == 302
    assert "kan ikke lenger endres" in client.get(response["Location"]).content.decode()
    response = client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"})
    assert response.status_code == 302  # back to the request, with the reason
    assert "allerede sendt" in client.get(response["Location"]).content.decode()


def test_a_leader_withdraws_a_sent_request_and_the_history_says_so(client, hamar, leader):
    item = services.request_create(user=leader, municipality=hamar, data=_data())
    item = services.request_submit(request=item, user=leader, expected_revision=1)
    client.force_login(leader)
    response = client.post(reverse("prioritering:assistance_withdraw", args=[item.pk]), {"revision": str(item.revision)})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == RequestStatus.WITHDRAWN
    history = client.get(reverse("prioritering:assistance_history", args=[item.pk])).content.decode()
    assert "Trakk forespørselen" in history and "Sendte forespørselen til Statsforvalteren" in history
    again = client.post(reverse("prioritering:assistance_withdraw", args=[item.pk]), {"revision": str(item.revision)})
    assert again.status_code == 302 and "kan ikke trekkes" in client.get(again["Location"]).content.decode()


def test_the_list_shows_the_status_and_statsforvalterens_note(client, hamar, reader):
    make_request(hamar, status=RequestStatus.COVERED, coordination_note="Lillehammer sender to smittesporere.")
    client.force_login(reader)
    html = client.get(reverse("prioritering:assistance_list")).content.decode()
    assert "Dekket" in html and "Lillehammer sender to smittesporere." in html


def test_a_bad_revision_is_a_clear_message_not_an_error(client, hamar, leader):
    item = make_request(hamar)
    client.force_login(leader)
    response = client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "²"})
    assert response.status_code == 409 and "revisjonsnummer" in response.content.decode()


def _data(**overrides):
    data = dict(task="smittesporing", profession="uten-helseutdanning", people=4, urgency="i-dag",
                start_date=datetime.date(2022, 1, 10), end_date=datetime.date(2022, 1, 31), help_from=["nabokommuner"],
                description="Fire smittesporere.", service="", worksheet=None, tried_first="Egne vikarlister.",
                volunteers_tried="", commercial_tried="", source_measure="")
    data.update(overrides)
    return data


def _create(**overrides):
    from prioritering.models import Municipality

    return request_post_data(municipality=str(Municipality.objects.get(name="Hamar").pk), **overrides)


@pytest.mark.parametrize("profession,people,title", [
    ("sykepleiere", 1, "Vaksinering: 1 sykepleier"), ("sykepleiere", 3, "Vaksinering: 3 sykepleiere"),
    ("leger", 2, "Vaksinering: 2 leger"), ("studenter", 1, "Vaksinering: 1 helsefagstudent"),
    ("uten-helseutdanning", 4, "Vaksinering: 4 personer uten helseutdanning"),
    ("annet-helsepersonell", 2, "Vaksinering: 2 personer, annet helsepersonell"),
])
def test_a_request_is_named_by_task_and_people_in_plain_norwegian(profession, people, title):
    assert AssistanceRequest(task="vaksinering", profession=profession, people=people).title == title


def test_a_leader_who_sends_requests_past_the_hourly_limit_gets_the_norwegian_429_page(client, hamar, leader):
    """Each request sent e-mails the county's Statsforvalter users: sending is limited per user (issue 23),
    counted in the store every worker shares."""
    from django.core.cache import caches

    caches["limits"].clear()
    client.force_login(leader)
    for number in range(10):
        item = make_request(hamar)
        response = client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"})
        assert response.status_code == 302, number
    item = make_request(hamar)
    response = client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"})
    assert response.status_code == 429 and response["Retry-After"]
    assert "For mange forsøk" in response.content.decode()
    item.refresh_from_db()
    assert item.status == RequestStatus.DRAFT
