"""Measures are edited in the admin through the shared versioning mechanism (publishing.admin)."""

import datetime
import html

import pytest
from django.urls import reverse

from staffing.models import ContactPoint, Measure
from tests.factories import make_editor, make_measure, make_publisher

pytestmark = pytest.mark.django_db


@pytest.fixture
def anne():
    return make_publisher("anne")


@pytest.fixture
def bjorn():
    return make_publisher("bjorn")


@pytest.fixture
def measure(anne):
    return make_measure(title="Pensjonister i covid-19-arbeidet", publisher=anne, tasks=["vaksinering"],
                        personnel_kinds=["pensjonister"], speed="dager", valid_until=datetime.date(2022, 6, 30))


def change_url(measure):
    return reverse("admin:staffing_measure_change", args=[measure.pk])


def edit_post(measure, *, based_on_number, **changes):
    """The POST the measure change form sends: the latest text with `changes` applied."""
    content = {**measure.latest_version().content(), **changes}
    data = {name: ("" if value is None else value) for name, value in content.items()}
    return {**data, "slug": measure.slug, "category": measure.category, "position": measure.position,
            "change_type": "major", "change_note": "Endret.", "based_on_number": based_on_number, "_continue": "1"}


def test_the_measure_form_opens_with_the_latest_text_and_its_choices(client, anne, measure):
    client.force_login(anne)
    response = client.get(change_url(measure))
    form = response.context["adminform"].form
    assert response.status_code == 200
    assert form["based_on_number"].value() == 1
    assert form["tasks"].value() == ["vaksinering"] and form["valid_until"].value() == datetime.date(2022, 6, 30)
    assert 'value="vaksinering"' in response.content.decode()


def test_saving_a_measure_makes_a_new_draft_version_and_keeps_the_live_one(client, anne, measure):
    client.force_login(anne)
    response = client.post(change_url(measure), edit_post(
        measure, based_on_number=1, valid_until="2022-07-31", tasks=["vaksinering", "testing"]))
    assert response.status_code == 302
    new = measure.latest_version()
    assert (new.number, new.based_on_number, new.is_draft) == (2, 1, True)
    assert new.valid_until == datetime.date(2022, 7, 31) and new.tasks == ["vaksinering", "testing"]
    assert Measure.objects.valid_on(datetime.date(2022, 7, 15)).count() == 0  # the draft is not live


def test_an_unchanged_save_makes_no_new_version(client, anne, measure):
    client.force_login(anne)
    client.post(change_url(measure), edit_post(measure, based_on_number=1))
    assert measure.versions.count() == 1


def test_a_stale_admin_save_is_refused_with_the_newer_changes_and_the_typed_text_kept(client, anne, bjorn, measure):
    client.force_login(bjorn)
    client.post(change_url(measure), edit_post(measure, based_on_number=1, valid_until="2022-07-31",
                                               conditions="Bjørn: gjelder bare covid-19-arbeid."))
    client.force_login(anne)

    response = client.post(change_url(measure), edit_post(
        measure, based_on_number=1, how_to_request="Annes lange tekst som ikke må gå tapt."))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Teksten ble ikke lagret: bjorn lagret versjon 2 mens du skrev" in page
    assert "Bjørn: gjelder bare covid-19-arbeid." in page and "31.07.2022" in page
    form = response.context["adminform"].form
    assert form["how_to_request"].value() == "Annes lange tekst som ikke må gå tapt."
    assert list(measure.versions.order_by("number").values_list("number", "author__username")) == [
        (1, "anne"), (2, "bjorn")]


def test_publishing_and_comparing_measure_versions_work_in_the_admin(client, anne, measure):
    client.force_login(anne)
    client.post(change_url(measure), edit_post(measure, based_on_number=1, valid_until="2022-07-31"))
    compare = client.get(reverse("admin:staffing_measure_version_compare", args=[measure.pk, 2]))
    assert compare.status_code == 200 and "31.07.2022" in compare.content.decode()
    publish_url = reverse("admin:staffing_measure_version_publish", args=[measure.pk, 2])
    assert client.get(publish_url).status_code == 200
    client.post(publish_url, {"action": "publish"})
    assert Measure.objects.valid_on(datetime.date(2022, 7, 15)).get() == measure


def test_an_editor_without_publishing_rights_cannot_publish_a_measure(client, measure):
    editor = make_editor("redaktor-uten-rett")
    client.force_login(editor)
    client.post(change_url(measure), edit_post(measure, based_on_number=1, capacity="Ny kapasitet"))
    response = client.post(reverse("admin:staffing_measure_version_publish", args=[measure.pk, 2]),
                           {"action": "publish"})
    assert response.status_code == 403
    assert measure.latest_version().is_draft


def test_a_measure_cannot_take_the_finders_address(client, anne):
    client.force_login(anne)
    data = edit_post(make_measure(publisher=anne), based_on_number=0)
    data["slug"] = "finn-tiltak"
    response = client.post(reverse("admin:staffing_measure_add"), data)
    assert response.status_code == 200
    assert "Denne adressen er opptatt" in html.unescape(response.content.decode())


def test_a_publisher_adds_a_dated_contact_point_version_in_the_admin(client, anne):
    client.force_login(anne)
    response = client.post(reverse("admin:staffing_contactpoint_add"), {
        "valid_from": "2021-12-10", "heading": "Hjelp til å rekruttere helsepersonell", "text": "Ring oss.",
        "phone": "404 07 998", "opening_hours": "08–15 alle virkedager", "email": "nasjonalthelsepersonell@helsedir.no",
    })
    assert response.status_code == 302
    assert ContactPoint.objects.valid_on(datetime.date(2022, 1, 1)).opening_hours == "08–15 alle virkedager"


def test_the_admin_preview_of_a_draft_renders_the_public_measure_page(client, anne, measure):
    client.force_login(anne)
    client.post(change_url(measure), edit_post(measure, based_on_number=1, title="Ny tittel i utkast"))
    response = client.get(reverse("admin:staffing_measure_version_preview", args=[measure.pk, 2]))
    assert response.status_code == 200
    assert "Ny tittel i utkast" in response.content.decode()


def test_a_publisher_links_an_expired_measure_to_its_successor_in_the_admin(client, anne, measure):
    successor = make_measure(title="Pensjonister fra 10.09.2022", publisher=anne, valid_from=datetime.date(2022, 9, 10))
    client.force_login(anne)
    response = client.post(change_url(measure), {**edit_post(measure, based_on_number=1), "successor": successor.pk})
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.successor == successor and measure.versions.count() == 1  # a document field: no new version
    html = client.get(measure.get_absolute_url()).content.decode()
    assert ('Erstattet av <span class="kp-subtle">(redaksjonens kobling, ikke kildens ord)</span>: '
            f'<a class="ds-link" href="{successor.get_absolute_url()}">Pensjonister fra 10.09.2022</a>') in html
    assert "Tar over etter" in client.get(successor.get_absolute_url()).content.decode()


def test_a_measure_cannot_succeed_itself(client, anne, measure):
    client.force_login(anne)
    response = client.post(change_url(measure), {**edit_post(measure, based_on_number=1), "successor": measure.pk})
    assert response.status_code == 200
    assert "Et tiltak kan ikke erstatte seg selv." in html.unescape(response.content.decode())
