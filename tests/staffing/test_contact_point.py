import datetime
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from staffing.models import ContactPoint
from tests.factories import make_contact_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(db):
    make_contact_point(datetime.date(2021, 3, 5), opening_hours="08–16 alle virkedager",
                       email="nasjonalthelsepersonell@helsedirektoratet.no")
    make_contact_point(datetime.date(2021, 12, 10), opening_hours="08–15 alle virkedager",
                       email="nasjonalthelsepersonell@helsedir.no")


def contact_slot(response):
    html = response.content.decode()
    start = html.index('<div class="kp-contact-slot">')
    return html[start:html.index("</div>", start)]


@pytest.mark.parametrize("url", ["/", "/bemanning/", "/bemanning/finn-tiltak/", "/konto/logg-inn/", "/finnes-ikke/"])
def test_every_page_shows_the_contact_point_with_tel_and_mailto_links(client, two_versions, url):
    slot = contact_slot(client.get(url))
    assert "Hjelp til å rekruttere helsepersonell" in slot
    assert 'href="tel:+4740407998">404 07 998</a>' in slot
    assert 'href="mailto:nasjonalthelsepersonell@helsedir.no"' in slot
    assert "08–15 alle virkedager" in slot


def test_the_contact_point_in_force_on_a_date_is_the_latest_that_had_started():
    march = make_contact_point(datetime.date(2021, 3, 5))
    december = make_contact_point(datetime.date(2021, 12, 10))
    assert ContactPoint.objects.valid_on(datetime.date(2021, 3, 4)) is None
    assert ContactPoint.objects.valid_on(datetime.date(2021, 3, 5)) == march
    assert ContactPoint.objects.valid_on(datetime.date(2021, 12, 9)) == march
    assert ContactPoint.objects.valid_on(datetime.date(2021, 12, 10)) == december


def test_the_finder_shows_the_contact_point_valid_on_the_date_asked_about(client, two_versions):
    finder = reverse("staffing:finder")
    march = contact_slot(client.get(finder, {"naar": "i-dag", "dato": "2021-06-01"}))
    december = contact_slot(client.get(finder, {"naar": "i-dag", "dato": "2022-01-10"}))
    assert "08–16 alle virkedager" in march and "nasjonalthelsepersonell@helsedirektoratet.no" in march
    assert "08–15 alle virkedager" in december and "nasjonalthelsepersonell@helsedir.no" in december


def test_pages_render_without_any_contact_point(client):
    response = client.get("/bemanning/")
    assert response.status_code == 200
    assert '<div class="kp-contact-slot"></div>' in response.content.decode()


def test_the_contact_point_costs_one_query(two_versions, django_assert_num_queries):
    template = Template('{% include "includes/contact_point.html" %}')
    with django_assert_num_queries(1):
        html = template.render(Context({}))
    assert "404 07 998" in html


def test_a_new_contact_point_version_shows_at_once(client, two_versions):
    today = datetime.date.today()
    make_contact_point(today, opening_hours="08–20 alle dager", phone="22 33 44 55")
    slot = contact_slot(client.get("/"))
    assert "08–20 alle dager" in slot and 'href="tel:+4722334455"' in slot


def test_a_date_before_the_first_contact_point_says_there_was_none_and_shows_todays(client, two_versions):
    slot = contact_slot(client.get(reverse("staffing:finder"), {"naar": "i-dag", "dato": "2020-04-01"}))
    assert "Det fantes ikke noe kontaktpunkt 01.04.2020. Slik er det sist beskrevet:" in slot
    assert "08–15 alle virkedager" in slot and "08–16" not in slot


def test_a_past_date_shows_the_contact_point_as_it_was_then_and_says_so(client, two_versions):
    slot = contact_slot(client.get(reverse("staffing:finder"), {"naar": "i-dag", "dato": "2021-06-01"}))
    assert "Slik var kontaktpunktet 01.06.2021:" in slot and "08–16 alle virkedager" in slot
    today = contact_slot(client.get(reverse("staffing:finder"), {"naar": "i-dag"}))
    assert "Slik var" not in today and "fantes ikke" not in today


def test_the_banner_and_the_finder_link_to_the_page_about_the_contact_point(client, two_versions):
    about = reverse("staffing:contact_point")
    assert f'href="{about}"' in contact_slot(client.get("/"))
    html = client.get(reverse("staffing:finder")).content.decode()
    assert html.count(f'href="{about}"') == 2  # the banner and the finder's introduction


def test_the_page_about_the_contact_point_gives_the_sources_description_latest_first(client, demo):
    response = client.get(reverse("staffing:contact_point"))
    html = response.content.decode()
    assert response.status_code == 200
    latest, before = html.index('id="kontaktpunkt-2021-12-10"'), html.index('id="kontaktpunkt-2021-03-05"')
    assert latest < before
    assert 'Fra <time datetime="2021-12">desember 2021</time>: Nasjonalt helsepersonell' in html
    assert ('Fra <time datetime="2021-03">mars 2021</time> til <time datetime="2021-12">desember 2021</time>: '
            'Hjelp til å rekruttere helsepersonell') in html
    assert "Nå, fra" not in html  # issue 24: never «Nå» for what no source has confirmed lately
    for text in ["en e-postadresse som sjekkes og besvares daglig", "bemannet i arbeidstiden alle hverdager",
                 "«en vei inn»", "(08–15)", "(08–16 alle virkedager)",
                 "Kilde: Helsedirektoratet: Svar på Covid-19-oppdrag fra HOD 262a"]:
        assert text in html, text
    assert "05.03.2021" not in html and "10.12.2021" not in html


def test_the_page_about_the_contact_point_works_without_one(client):
    response = client.get(reverse("staffing:contact_point"))
    assert response.status_code == 200 and "Det finnes ikke noe kontaktpunkt" in response.content.decode()


def test_the_banner_says_who_last_confirmed_the_contact_point_and_when(client):
    make_contact_point(timezone.localdate() - datetime.timedelta(days=30), confirmed_by="Helsedirektoratet")
    slot = contact_slot(client.get("/"))
    assert "Sist bekreftet av Helsedirektoratet" in slot and "Ikke bekreftet som gjeldende" not in slot
    assert 'data-confirmed="false"' not in slot


def test_past_the_confirmation_period_the_banner_says_the_contact_point_is_not_confirmed_as_current(client):
    make_contact_point(datetime.date(2021, 12, 10), valid_from_is_approximate=True, confirmed_by="Helsedirektoratet")
    slot = contact_slot(client.get("/"))
    assert 'data-confirmed="false"' in slot
    assert ('<strong>Ikke bekreftet som gjeldende:</strong> sist bekreftet av Helsedirektoratet '
            'ca. <time datetime="2021-12">desember 2021</time>, for ') in slot
    assert " år siden. Sjekk at nummeret fortsatt gjelder." in slot
    page = client.get(reverse("staffing:contact_point")).content.decode()
    assert "Ikke bekreftet som gjeldende." in page and "Opplysningene ble sist bekreftet for " in page


def test_a_later_source_confirming_the_same_details_moves_the_confirmation_date(client):
    make_contact_point(datetime.date(2021, 3, 5), confirmed_by="Helsedirektoratet",
                       confirmed_on=timezone.localdate() - datetime.timedelta(days=10))
    slot = contact_slot(client.get("/"))
    assert "Ikke bekreftet som gjeldende" not in slot and "Sist bekreftet av Helsedirektoratet" in slot


def test_a_cached_page_shows_the_contact_point_as_unconfirmed_from_the_day_it_becomes_so(client, settings,
                                                                                        monkeypatch):
    """Cached pages are kept per day, so the banner's notice appears at midnight with nothing written."""
    from staffing.dates import stale_from

    settings.PAGE_CACHE_SECONDS = 600
    today = timezone.localdate()
    make_contact_point(today - datetime.timedelta(days=20))
    assert "Ikke bekreftet som gjeldende" not in client.get("/veiledning/").content.decode()
    assert "Ikke bekreftet som gjeldende" not in client.get("/veiledning/").content.decode()
    day = stale_from(today - datetime.timedelta(days=20), 6)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 1)))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: day)
    assert "Ikke bekreftet som gjeldende" in client.get("/veiledning/").content.decode()


def test_on_the_demo_one_phone_line_has_one_set_of_hours_and_one_address_on_every_page_of_a_day(client, demo):
    """Issue 24: the line 404 07 998 appeared with two e-mail addresses and two sets of hours on the same day."""
    from staffing.models import Measure

    pages = ["/", reverse("staffing:measure_list") + "?vis=alle",
             *(measure.get_absolute_url() for measure in Measure.objects.live())]
    finder = reverse("staffing:finder")
    for day in ["2021-06-01", "2022-01-10", timezone.localdate().isoformat()]:
        for path in [*pages, f"{finder}?naar=i-lopet-av-uker&dato={day}"]:
            html = client.get(path).content.decode()
            hours = set(re.findall(r"\b08[–-]1[56]\b", html))
            addresses = set(re.findall(r"nasjonalthelsepersonell@[a-z.]+", html))
            assert len(hours) <= 1 and len(addresses) <= 1, (path, hours, addresses)
