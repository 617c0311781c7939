import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_measure
from tests.staffing.conftest import titles, unconfirmed_titles

pytestmark = pytest.mark.django_db


def find(client, **answers):
    return client.get(reverse("staffing:finder"), answers)


def section(response, heading):
    """The titles listed under one of the finder's result headings."""
    html = response.content.decode()
    start = html.index(heading)
    end = min([html.index(mark, start + 1) for mark in ('<h3 class="ds-heading" data-size="sm"', "</section>")
               if mark in html[start + 1:]])
    return re.findall(r'<h4 class="ds-heading" data-size="xs"><a class="ds-link" href="[^"]*">([^<]*)</a>', html[start:end])


def summaries(response):
    """What each result in force quotes from its source, in order."""
    html = response.content.decode().split('id="ikke-bekreftet"')[0]
    return re.findall(r'<p class="ds-paragraph kp-match__summary" data-backing="source">([^<]*)</p>', html)


def test_for_i_dag_the_finder_ranks_same_day_measures_first(client):
    make_measure(title="Uker", speed="uker", position=1)
    make_measure(title="Dager", speed="dager", position=2)
    make_measure(title="Samme dag", speed="samme-dag", position=3)
    response = find(client, oppgave="testing", naar="i-dag")
    assert response.status_code == 200
    assert titles(response) == ["Samme dag", "Dager", "Uker"]


def test_on_the_demo_the_tisk_team_comes_first_while_its_source_is_recent(client, demo):
    response = find(client, oppgave="smittesporing", naar="i-dag", dato="2021-06-01")
    assert section(response, "Tiltak som gir personell")[0] == "Nasjonalt innsatspersonell for TISK"


def test_on_the_demo_measures_without_personnel_come_apart_as_advice_and_stale_ones_apart_as_unconfirmed(client, demo):
    response = find(client, oppgave="smittesporing", naar="i-dag", dato="2022-01-10")
    people = section(response, "Tiltak som gir personell")
    advice = section(response, "Råd og støtte som ikke gir personell")
    assert people[0] == "Medhjelpere etter helsepersonelloven § 5"
    assert {"Juridisk vakttelefon for kommuneleger", "Informasjon om covid-19-regler"} <= set(advice)
    assert not set(advice) & set(people)
    assert titles(response) == people + advice  # advice is never ranked among the measures that give people
    # Last confirmed in March 2021, ten months before: not offered as fitting, but listed apart.
    assert "Nasjonalt innsatspersonell for TISK" in unconfirmed_titles(response)
    assert "senere enn dere trenger" in response.content.decode()


def test_a_last_resort_ranks_after_the_ordinary_options_with_its_condition_stated(client, demo):
    response = find(client, oppgave="vaksinering", naar="i-lopet-av-uker", dato="2022-03-15")
    people = section(response, "Tiltak som gir personell")
    assert people[-1] == "Ressursstøtte fra Sivilforsvaret og Forsvaret" and len(people) > 5
    html = response.content.decode()
    assert 'Vilkår: <span data-backing="source">Det skal være forsøkt å skaffe frivillige eller kommersielle aktører.' in html
    assert "Siste utvei (redaksjonens lesning)" in html


def test_for_authorised_staff_the_national_personnel_ranks_before_practice_rules(client, demo):
    response = find(client, oppgave="vaksinering", personell="sykepleiere", naar="i-lopet-av-dager", dato="2022-01-10")
    people = section(response, "Tiltak som gir personell")
    assert people[0].startswith("Nasjonalt helsepersonell")
    assert people.index("Apotek kan gi covid-19-vaksine etter avtale med kommunen") > 2
    # The reserve register (March 2021) and the undated duty for GPs are not offered as fitting on 10.01.2022.
    apart = unconfirmed_titles(response)
    assert "Register for reservepersonell innen helse (nasjonalthelsepersonell.no)" in apart
    assert "Fastlegenes plikt til å delta i vaksinasjon mot covid-19" in apart


def test_asking_for_nurses_maps_honestly_onto_the_personnel_the_sources_name(client):
    make_measure(title="Autorisert", personnel_kinds=["autorisert-helsepersonell"], speed="dager")
    make_measure(title="Pensjonister", personnel_kinds=["pensjonister"], speed="dager")
    make_measure(title="Studenter", personnel_kinds=["helsefagstudenter"])
    make_measure(title="Medhjelpere", personnel_kinds=["uten-helseutdanning", "frivillige"])
    make_measure(title="Råd", personnel_kinds=[])
    response = find(client, oppgave="testing", personell="sykepleiere", naar="i-lopet-av-uker")
    html = response.content.decode()
    assert titles(response) == ["Autorisert", "Pensjonister", "Råd"]
    assert "Pensjonert helsepersonell kan være sykepleiere, men kilden sier ikke hvilke yrker." in html
    assert titles(find(client, oppgave="testing", personell="studenter", naar="i-dag")) == ["Studenter", "Råd"]
    assert titles(find(client, oppgave="testing", personell="uten-helseutdanning", naar="i-dag")) == ["Medhjelpere", "Råd"]
    assert len(titles(find(client, oppgave="testing", naar="i-dag"))) == 5


def test_an_address_from_before_the_personnel_question_still_works(client):
    make_measure(title="Autorisert", personnel_kinds=["autorisert-helsepersonell"])
    make_measure(title="Medhjelpere", personnel_kinds=["uten-helseutdanning", "frivillige"])
    assert titles(find(client, oppgave="testing", naar="i-dag", autorisert="ja")) == ["Autorisert"]
    assert set(titles(find(client, oppgave="testing", naar="i-dag", autorisert="nei"))) == {"Autorisert", "Medhjelpere"}


def test_each_result_says_what_its_source_says_and_exactly_how_to_request_it(client):
    make_measure(title="Innsatspersonell", how_to_request="Ring 404 07 998 (08–15).", contact_phone="404 07 998",
                 contact_email="nasjonalthelsepersonell@helsedir.no", capacity="90 innsatspersonell",
                 source_date=datetime.date(2026, 11, 2))
    html = find(client, oppgave="testing", naar="i-dag", personell="annet-helsepersonell",
                dato="2026-12-01").content.decode()
    assert '<p class="ds-paragraph kp-match__summary" data-backing="source">Helsepersonell som kan reise på kort varsel.' in html
    assert ('Kilde: Brev til kommunene, Helsedirektoratet, <time datetime="2026-11-02">02.11.2026</time>.' in html)
    assert 'Kapasitet: <span data-backing="source">90 innsatspersonell</span>' in html
    assert ("<strong>Redaksjonens lesning, ikke kildens ord:</strong> Personell: autorisert helsepersonell. "
            "Oppgaver: testing og smittesporing. Kan trolig hjelpe samme dag eller på kort varsel (anslag).") in html
    assert "Ring 404 07 998 (08–15)." in html
    assert 'href="tel:+4740407998"' in html and 'href="mailto:nasjonalthelsepersonell@helsedir.no"' in html


def test_no_result_puts_the_tags_into_a_sentence_as_if_a_source_said_it(client, demo):
    """Issue 24: «Helse- og omsorgsdepartementet kan gi autorisert helsepersonell til legetjenester»."""
    html = find(client, oppgave="legetjenester", naar="i-dag", dato="2022-03-15").content.decode()
    assert " kan gi " not in html and "Gjelder alle slags oppgaver" not in html


def test_on_the_demo_no_two_results_give_the_same_explanation(client, demo):
    response = find(client, oppgave="vaksinering", naar="i-lopet-av-uker", dato="2022-03-15")
    explained = summaries(response)
    assert len(explained) >= 9 and len(explained) == len(titles(response))
    assert len(set(explained)) == len(explained), explained


def test_a_scheme_that_does_not_apply_on_the_date_is_named_with_its_dates_and_its_successor(client, demo):
    html = find(client, oppgave="vaksinering", naar="i-lopet-av-uker", dato="2022-08-15").content.decode()
    start = html.index("Passer, men gjelder ikke 15.08.2022")
    listed = html[start:]
    assert "Pensjonister kan jobbe med TISK og vaksinering uten å tape pensjon (fra 10.09.2022)</a>:" in listed
    assert 'gjelder først fra <time datetime="2022-09-10">10.09.2022</time>' in listed
    assert 'utløpt, gjaldt til og med <time datetime="2022-06">juni 2022</time>' in listed
    assert ('Erstattet av <span class="kp-subtle">(redaksjonens kobling, ikke kildens ord)</span>: '
            '<a class="ds-link" href="/bemanning/pensjonister-fra-september-2022/">') in listed


def test_schemes_far_from_the_date_are_not_listed_as_not_in_force(client):
    make_measure(title="Lenge siden", valid_until=datetime.date(2020, 6, 30))
    make_measure(title="Lenge til", valid_from=datetime.date(2024, 1, 1))
    html = find(client, naar="i-dag", dato="2022-08-15").content.decode()
    assert "Lenge siden" not in html and "Lenge til" not in html


def test_a_measure_is_never_offered_before_its_source_described_it(client):
    make_measure(title="Fra brevet", source_title="Brev", source_issuer="Helsedirektoratet",
                 source_date=datetime.date(2021, 12, 10), valid_from=None)
    assert titles(find(client, naar="i-dag", dato="2021-12-09")) == []
    assert titles(find(client, naar="i-dag", dato="2021-12-10")) == ["Fra brevet"]


def test_a_measure_with_no_date_at_all_is_not_offered_as_fitting_but_listed_apart_and_says_so(client):
    make_measure(title="Udatert", position=1, source_title="KS-siden", source_date=None, valid_from=None)
    make_measure(title="Datert", position=2, source_title="Brev", source_issuer="Helsedirektoratet",
                 source_date=datetime.date(2021, 12, 10), valid_from=None)
    response = find(client, naar="i-dag", dato="2022-01-10")
    assert titles(response) == ["Datert"] and unconfirmed_titles(response) == ["Udatert"]
    assert "Kilden oppgir ingen dato, så vi vet ikke om tiltaket fantes 10.01.2022." in response.content.decode()


def test_a_measure_unconfirmed_for_years_is_listed_apart_with_its_age_stated_honestly(client):
    make_measure(title="Gammel", source_title="Brev", source_issuer="Helsedirektoratet",
                 source_date=datetime.date(2021, 12, 10), source_date_is_approximate=True, valid_from=None)
    html = find(client, naar="i-dag", dato="2025-12-07").content.decode()
    assert "0 tiltak passer for 07.12.2025" in html and "Ikke bekreftet som gjeldende 07.12.2025" in html
    assert "Sist bekreftet av Helsedirektoratet ca. desember 2021, 4 år før 07.12.2025." in html
    assert "Kilden sa da:" in html
    today = timezone.localdate()
    html = find(client, naar="i-dag").content.decode()
    years = today.year - 2021 - (today.month < 12)
    assert f"Sist bekreftet av Helsedirektoratet ca. desember 2021, for {'over ' if today.month < 12 else ''}" \
           f"{years} år siden." in html


def test_in_april_2020_the_demo_offers_nothing_from_the_december_2021_letter(client, demo):
    offered = titles(find(client, naar="i-lopet-av-uker", dato="2020-04-01"))
    assert "Register for reservepersonell innen helse (nasjonalthelsepersonell.no)" in offered
    assert "Medhjelpere etter helsepersonelloven § 5" not in offered
    assert "Nasjonalt innsatspersonell for TISK" not in offered  # first described in March 2021


def test_the_finder_only_lists_measures_for_the_chosen_task(client):
    make_measure(title="Testing", tasks=["testing"])
    make_measure(title="Vaksinering", tasks=["vaksinering"])
    assert titles(find(client, oppgave="vaksinering", naar="i-lopet-av-uker")) == ["Vaksinering"]
    assert set(titles(find(client, oppgave="", naar="i-lopet-av-uker"))) == {"Testing", "Vaksinering"}


def test_the_finder_without_answers_shows_only_the_questions(client):
    make_measure(title="Innsatspersonell")
    response = client.get(reverse("staffing:finder"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hva trenger dere hjelp til?" in html and "Hvem mangler dere?" in html and "Hvor raskt trenger dere hjelp?" in html
    assert titles(response) == [] and "tiltak passer for" not in html and "Hopp til resultatene" not in html


def test_answered_the_results_come_first_and_the_questions_fold_into_the_answers(client):
    """Issue 28: on a phone the results came after the whole form."""
    make_measure(title="Innsatspersonell")
    html = find(client, naar="i-dag", oppgave="testing").content.decode()
    assert html.index('id="resultat-tittel"') < html.index('id="sporsmal-tittel"') < html.index('name="naar"')
    answers = html[html.index('id="sporsmal-tittel"'):html.index("<details")]
    assert "Testing" in answers and "I dag" in answers and "Svarene deres" in answers
    assert '<details class="kp-finder__change">\n    <summary>Endre svarene</summary>' in html
    assert "Hopp til resultatene" not in html


@pytest.mark.parametrize("url", ["/bemanning/", "/bemanning/finn-tiltak/", "/bemanning/finn-tiltak/?naar=i-dag"])
def test_submit_buttons_have_no_empty_name(client, url):
    make_measure(title="Innsatspersonell")
    html = client.get(url).content.decode()
    assert 'name=""' not in html
    assert re.search(r'<button type="submit" class="ds-button" data-variant="primary" id="(vis|finn)-tiltak">', html)


def test_a_result_url_is_bookmarkable_and_keeps_the_answers_in_the_form(client):
    make_measure(title="Innsatspersonell")
    html = client.get(reverse("staffing:finder") + "?oppgave=testing&naar=i-dag&personell=leger&dato=15.06.2022").content.decode()
    assert "Innsatspersonell" in html and "1 tiltak passer for 15.06.2022" in html
    assert 'value="testing" id="id_oppgave_0" checked' in html and 'value="leger" id="id_personell_1" checked' in html
    assert 'value="2022-06-15"' in html
    assert 'method="get"' in html


def test_the_date_defaults_to_today(client):
    today = timezone.localdate().strftime("%d.%m.%Y")
    html = find(client, oppgave="testing", naar="i-dag").content.decode()
    assert f"tiltak passer for {today}" in html


def test_no_matching_measure_gives_a_helpful_message(client):
    make_measure(title="Innsatspersonell", valid_until=datetime.date(2021, 1, 1))
    response = find(client, oppgave="testing", naar="i-dag", dato="2022-06-15")
    assert response.status_code == 200
    assert "0 tiltak passer" in response.content.decode()
    assert "Ingen tiltak passer alle svarene på denne datoen" in response.content.decode()
    assert reverse("staffing:proposal_create") in response.content.decode()
