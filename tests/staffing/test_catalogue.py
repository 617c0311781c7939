import datetime

import pytest
from django.urls import reverse

from publishing.services import version_create
from tests.factories import make_measure, make_publisher
from tests.staffing.conftest import titles

pytestmark = pytest.mark.django_db


def catalogue(client, **filters):
    return client.get(reverse("staffing:measure_list"), filters)


def test_the_catalogue_groups_the_demo_measures_under_the_five_categories_in_order(client, demo):
    html = catalogue(client).content.decode()
    headings = ["1. Støtte i helseberedskapsloven", "2. Dialog og samhandling regionalt",
                "3. Prioriteringer av kommunens ressurser", "4. Offentlige ordninger for ekstra personell",
                "5. Finansielle, juridiske og faglige støttetiltak"]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert html.index("Nasjonalt innsatspersonell for TISK") > html.index(headings[3])


def test_filters_combine_task_personnel_and_speed(client):
    make_measure(title="Treffer alt", tasks=["vaksinering"], personnel_kinds=["pensjonister"], speed="dager")
    make_measure(title="Feil oppgave", tasks=["testing"], personnel_kinds=["pensjonister"], speed="dager")
    make_measure(title="Feil personell", tasks=["vaksinering"], personnel_kinds=["frivillige"], speed="dager")
    make_measure(title="Feil hastighet", tasks=["vaksinering"], personnel_kinds=["pensjonister"], speed="uker")
    assert titles(catalogue(client, oppgave="vaksinering", personell="pensjonister", hastighet="dager")) == ["Treffer alt"]
    assert len(titles(catalogue(client, oppgave="vaksinering", personell="pensjonister"))) == 2
    assert len(titles(catalogue(client, oppgave="vaksinering"))) == 3


def test_a_filter_on_one_choice_does_not_match_a_longer_choice_containing_it(client):
    make_measure(title="Autorisert", personnel_kinds=["autorisert-helsepersonell"])
    make_measure(title="Uten utdanning", personnel_kinds=["uten-helseutdanning"])
    assert titles(catalogue(client, personell="uten-helseutdanning")) == ["Uten utdanning"]


def test_filters_read_the_live_version_not_a_newer_draft(client):
    publisher = make_publisher()
    measure = make_measure(title="Testing", tasks=["testing"], publisher=publisher)
    version_create(document=measure, author=publisher, based_on_number=1, change_type="major", change_note="Utkast.",
                   **{**measure.latest_version().content(), "tasks": ["vaksinering"]})
    assert titles(catalogue(client, oppgave="testing")) == ["Testing"]
    assert titles(catalogue(client, oppgave="vaksinering")) == []


def test_unpublished_and_withdrawn_measures_are_not_listed(client):
    make_measure(title="Utkast", publish=False)
    withdrawn = make_measure(title="Trukket")
    withdrawn.withdrawn_at = datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone.utc)
    withdrawn.save()
    assert titles(catalogue(client)) == []
    assert client.get(withdrawn.get_absolute_url()).status_code == 404


def test_the_filtered_catalogue_is_a_bookmarkable_get_form_with_the_choices_kept(client):
    make_measure(title="Vaksinering", tasks=["vaksinering"])
    html = catalogue(client, oppgave="vaksinering", vis="alle").content.decode()
    assert 'method="get"' in html
    assert '<option value="vaksinering" selected>' in html
    assert 'value="alle" id="id_vis_1" checked' in html


def test_the_measure_page_shows_everything_with_its_history(client):
    publisher = make_publisher()
    measure = make_measure(
        title="Medhjelpere etter helsepersonelloven § 5", publisher=publisher, provider="Kommunen selv",
        conditions="Forsvarlig ut fra oppgavens art.", legal_basis="Helsepersonelloven § 5",
        capacity="90 innsatspersonell", valid_from=datetime.date(2021, 12, 10), source_title="Brev fra Helsedirektoratet",
        source_url="https://www.helsedirektoratet.no/", contact_email="post@example.no", body="## Mer\n\nTekst.",
    )
    html = client.get(measure.get_absolute_url()).content.decode()
    for text in ["Medhjelpere etter helsepersonelloven § 5", "Kommunen selv", "Forsvarlig ut fra oppgavens art.",
                 "Helsepersonelloven § 5", "90 innsatspersonell", "10.12.2021", "Brev fra Helsedirektoratet",
                 'href="mailto:post@example.no"', "Samme dag eller på kort varsel", "Autorisert helsepersonell",
                 "Testing, Smittesporing", "Versjon 1", "Første versjon.", "<h2>Mer</h2>", "Slik ber dere om det"]:
        assert text in html, text


def test_an_unknown_measure_is_a_norwegian_404(client):
    response = client.get(reverse("staffing:measure", args=["finnes-ikke"]))
    assert response.status_code == 404 and "Fant ikke siden" in response.content.decode()


@pytest.mark.parametrize("query", [
    {"oppgave": "sveising"}, {"personell": "roboter"}, {"hastighet": "i-går"}, {"vis": "kanskje"},
    {"oppgave": "<script>alert(1)</script>"}, {"oppgave": "x" * 5000},
])
def test_bad_catalogue_filters_get_a_norwegian_message_and_the_current_catalogue_not_a_500(client, query):
    make_measure(title="Innsatspersonell")
    response = catalogue(client, **query)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Skjemaet har feil som må rettes" in html and "Velg" in html
    assert titles(response) == ["Innsatspersonell"]
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("query, message", [
    ({"naar": "i-dag", "dato": "31.02.2022"}, "Skriv datoen som dd.mm.åååå"),
    ({"naar": "i-dag", "dato": "i morgen"}, "Skriv datoen som dd.mm.åååå"),
    ({"naar": "i-dag", "dato": "99999-01-01"}, "Skriv datoen som dd.mm.åååå"),
    ({"naar": "i-dag", "dato": "1999-01-01"}, "Velg en dato fra 01.01.2020"),
    ({"naar": "straks"}, "er ikke et gyldig valg for hvor raskt"),
    ({"oppgave": "testing"}, "Velg hvor raskt dere trenger hjelp"),
    ({"naar": "i-dag", "personell": "kanskje"}, "er ikke et valg for personell"),
    ({"naar": "i-dag", "oppgave": "sveising"}, "er ikke en oppgave portalen kjenner"),
])
def test_bad_finder_answers_get_a_norwegian_message_and_keep_what_was_typed(client, query, message):
    response = client.get(reverse("staffing:finder"), query)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    if "dato" in query:
        assert f'value="{query["dato"]}"' in html
