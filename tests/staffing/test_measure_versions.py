"""Every published version of a measure readable in full at its own address, linked from the history,
as guidance articles' versions are (issue 13)."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.services import document_withdraw, version_create, version_publish
from tests.factories import make_contact_point, make_many_measures, make_measure, make_publisher

pytestmark = pytest.mark.django_db


def _add(measure, publisher, *, publish_at, change_note="Endret.", **content):
    latest = measure.latest_version()
    version = version_create(document=measure, author=publisher, based_on_number=latest.number, change_type="major",
                             change_note=change_note, **{**latest.content(), **content})
    if publish_at is not None:
        version_publish(version=version, user=publisher, publish_at=publish_at)
    return version


@pytest.fixture
def measure():
    now = timezone.now()
    publisher = make_publisher()
    measure = make_measure(
        slug="pensjonister", publisher=publisher, published_at=now - timedelta(days=30),
        title="Pensjonert helsepersonell", summary="Pensjonister kan jobbe uten avkortning i pensjonen.",
        how_to_request="Ring 404 07 998.", contact_phone="404 07 998",
        valid_from=datetime.date(2020, 3, 1), valid_until=datetime.date(2022, 6, 30),
        source_title="Brev til kommunene om bemanning", source_issuer="Helsedirektoratet",
        source_date=datetime.date(2021, 12, 10), body="## Vilkår\n\nGjelder **alle** pensjonister.",
    )
    _add(measure, publisher, publish_at=now - timedelta(days=5), change_note="Ny ordning fra september.",
         summary="Ordningen er forlenget.", how_to_request="Ring 404 07 999.", contact_phone="404 07 999",
         valid_from=datetime.date(2022, 9, 10), valid_until=None,
         source_title="Nytt brev om pensjonister", source_date=datetime.date(2022, 9, 1))
    _add(measure, publisher, publish_at=None, summary="Hemmelig utkast.")
    _add(measure, publisher, publish_at=now + timedelta(days=1), summary="Planlagt tekst.")
    measure.refresh_from_db()
    return measure


def _version(client, number, slug="pensjonister"):
    return client.get(reverse("staffing:version", args=[slug, number]))


def test_an_earlier_version_is_readable_in_full_with_its_own_source_and_dates(client, measure):
    response = _version(client, 1)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pensjonister kan jobbe uten avkortning i pensjonen." in html and "Ordningen er forlenget." not in html
    assert "<h2>Vilkår</h2>" in html and "Gjelder <strong>alle</strong> pensjonister." in html
    assert "Ring 404 07 998." in html and "404 07 999" not in html
    # The source and the validity as this version had them, not as the current one has them.
    source = html[html.index('class="kp-source"'):]
    source = source[:source.index("</section>")]
    assert "Kilde" in source and "Brev til kommunene om bemanning" in source and "Helsedirektoratet" in source
    assert '<time datetime="2021-12-10">' in source and "Nytt brev om pensjonister" not in html
    assert '<time datetime="2020-03-01">' in html and '<time datetime="2022-06-30">' in html
    assert '<time datetime="2022-09-10">' not in html
    # The notice: not the current one, when it was replaced, the way to the current one and to the diff.
    assert "Dette er ikke den gjeldende versjonen" in html and "gjaldt til" in html
    assert f'href="{measure.get_absolute_url()}">Les den gjeldende versjonen' in html
    assert reverse("staffing:history", args=["pensjonister"]) + "?fra=1&amp;til=2#forskjell-tittel" in html
    assert "Første publisering" in html and '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="{measure.get_absolute_url()}">' in html


def test_the_current_version_says_so_and_links_to_what_changed_in_it(client, measure):
    html = _version(client, 2).content.decode()
    assert "Versjon 2 er den gjeldende versjonen" in html and "Ordningen er forlenget." in html
    assert "Nytt brev om pensjonister" in html and '<time datetime="2022-09-10">' in html
    assert "Les den gjeldende versjonen" not in html and "gjaldt til" not in html
    assert reverse("staffing:history", args=["pensjonister"]) + "?til=2#forskjell-tittel" in html
    assert "Vesentlig endring" in html and "Ny ordning fra september." in html


@pytest.mark.parametrize("number", [3, 4, 0, 99, 9223372036854775808])  # draft, scheduled, none, none, beyond 64 bits
def test_only_published_versions_have_an_address(client, measure, number):
    response = _version(client, number)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Hemmelig utkast." not in html and "Planlagt tekst." not in html


@pytest.mark.parametrize("path", ["/bemanning/pensjonister/versjon/abc/", "/bemanning/pensjonister/versjon/-1/",
                                  "/bemanning/pensjonister/versjon/1.5/", "/bemanning/pensjonister/versjon/%00/"])
def test_a_version_number_that_is_not_a_number_is_404(client, measure, path):
    assert client.get(path).status_code == 404


def test_versions_of_an_unknown_or_unpublished_measure_are_404(client):
    make_measure(slug="utkast", publish=False)
    assert _version(client, 1, slug="utkast").status_code == 404
    assert _version(client, 1, slug="finnes-ikke").status_code == 404


def test_versions_of_a_withdrawn_measure_stay_readable_and_say_it_was_withdrawn(client, measure):
    document_withdraw(document=measure, user=make_publisher(), reason="Ordningen er avviklet.")
    response = _version(client, 2)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tiltaket er trukket tilbake" in html and "Ordningen er avviklet." in html
    assert "Ordningen er forlenget." in html and "Versjon 2 er den gjeldende versjonen" not in html
    assert "Les den gjeldende versjonen" not in html
    assert f'href="{measure.get_absolute_url()}"' not in html  # the measure's own page is gone


def test_the_history_links_every_published_version_and_no_other(client, measure):
    html = client.get(reverse("staffing:history", args=["pensjonister"])).content.decode()
    for number in (1, 2):
        row = html[html.index(f'id="versjon-{number}"'):]
        row = row[:row.index("</tr>")]
        assert f'href="{reverse("staffing:version", args=["pensjonister", number])}"' in row
    assert reverse("staffing:version", args=["pensjonister", 3]) not in html
    assert reverse("staffing:version", args=["pensjonister", 4]) not in html


def test_the_diff_compares_the_text_readers_see_not_the_markdown(client):
    publisher = make_publisher()
    measure = make_measure(slug="studenter", publisher=publisher, body="## Vilkår\n\nTo **uker** opplæring.")
    _add(measure, publisher, publish_at=timezone.now() - timedelta(minutes=1), body="## Vilkår\n\nTre **uker** opplæring.")
    html = client.get(reverse("staffing:history", args=["studenter"]), {"fra": 1, "til": 2}).content.decode()
    comparison = html[html.index('id="forskjell-tittel"'):html.index('id="versjoner-tittel"')]
    assert "##" not in comparison and "**" not in comparison
    assert '<del><span class="kp-diff-label">Fjernet:</span> To</del>' in comparison
    assert '<ins><span class="kp-diff-label">Lagt til:</span> Tre</ins>' in comparison


def test_a_version_whose_source_gives_only_a_month_is_never_given_an_exact_day(client):
    """Honest dates (issue 12), as the history row that links the page gives them."""
    oslo = ZoneInfo("Europe/Oslo")
    publisher = make_publisher()
    measure = make_measure(slug="helsepersonell", publisher=publisher,
                           published_at=datetime.datetime(2021, 3, 31, 9, 0, tzinfo=oslo),
                           source_title="Svar på oppdrag 262a", source_date=datetime.date(2021, 3, 5),
                           source_date_is_approximate=True)
    _add(measure, publisher, publish_at=datetime.datetime(2021, 12, 31, 9, 0, tzinfo=oslo),
         source_title="Brev om bemanning", source_date=datetime.date(2021, 12, 10), source_date_is_approximate=False)
    _add(measure, publisher, publish_at=datetime.datetime(2022, 2, 1, 9, 0, tzinfo=oslo), source_title="Udatert",
         source_date=None, source_date_is_approximate=True)
    first = _version(client, 1, slug="helsepersonell").content.decode()
    assert "ble publisert <time datetime=\"2021-03\">ca. mars 2021</time>." in first
    assert "31.03.2021" not in first and "2021-03-31" not in first and "05.03.2021" not in first
    assert 'Den gjaldt til <time datetime="2021-12-31T09:00:00+0100">31.12.2021 09:00</time>' in first
    second = _version(client, 2, slug="helsepersonell").content.decode()
    assert "En nyere versjon har senere erstattet den." in second and "01.02.2022" not in second
    third = _version(client, 3, slug="helsepersonell").content.decode()
    assert "Versjon 3 har ingen dato: kilden er ikke datert." in third and "01.02.2022" not in third


def test_head_works_and_other_methods_are_refused(client, measure):
    url = reverse("staffing:version", args=["pensjonister", 1])
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


# The measure with its live version, the numbers of its published versions, the version
# asked for (with, for an earlier version, the one that replaced it: its date is shown as honestly as its
# own source allows, and it costs no query of its own), and the contact point in the banner.
CURRENT_VERSION_QUERIES = 4
EARLIER_VERSION_QUERIES = 4


@pytest.mark.parametrize("versions_each", [2, 60], ids=["2-versjoner", "60-versjoner"])
@pytest.mark.parametrize("which,queries", [("first", EARLIER_VERSION_QUERIES), ("current", CURRENT_VERSION_QUERIES)])
def test_a_version_page_costs_the_same_however_many_versions_there_are(client, django_assert_flat_queries,
                                                                       versions_each, which, queries):
    make_contact_point(datetime.date(2021, 12, 10))
    measure = make_many_measures(3, versions_each=versions_each)[0]
    number = 1 if which == "first" else versions_each
    with django_assert_flat_queries(queries) as captured:
        response = _version(client, number, slug=measure.slug)
    assert response.status_code == 200
    assert ("Dette er ikke den gjeldende versjonen" if which == "first" else "er den gjeldende versjonen") in (
        response.content.decode())
    assert len(captured) == queries
