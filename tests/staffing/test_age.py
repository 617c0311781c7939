"""Measures know their age: when a source last confirmed them, when they started, and a status seen at a glance."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from staffing.dates import add_months, stale_from
from staffing.models import Measure, Status
from tests.factories import make_measure

pytestmark = pytest.mark.django_db

LETTER = {"source_title": "Brev til kommunene", "source_issuer": "Helsedirektoratet", "valid_from": None}
NO_SOURCE = {"source_title": "", "source_issuer": "", "source_date": None, "valid_from": None}


UNCONFIRMED = "Ikke bekreftet som gjeldende: sist bekreftet for"


def today():
    return timezone.localdate()


def card_status(html, title):
    """The status tag on the catalogue card or page of the measure titled `title`."""
    start = html.index(f">{title}</a>")
    tag_start = html.index('<span class="ds-tag kp-measure-tag"', start)
    return html[html.index(">", tag_start) + 1:html.index("</span>", tag_start)]


@pytest.mark.parametrize("fields, expected", [
    ({**LETTER, "source_date": -30}, "Gjeldende"),
    ({**LETTER, "source_date": -200}, "Ikke bekreftet som gjeldende: sist bekreftet for 6 måneder siden"),
    (NO_SOURCE, "Kilden er ikke datert"),
    ({**LETTER, "source_date": -30, "valid_until": -1}, "Utløpt"),
])
def test_every_card_shows_its_status_at_a_glance(client, fields, expected):
    fields = {name: today() + datetime.timedelta(days=value) if isinstance(value, int) else value
              for name, value in fields.items()}
    make_measure(title="Tiltaket", **fields)
    html = client.get(reverse("staffing:measure_list"), {"vis": "alle"}).content.decode()
    assert card_status(html, "Tiltaket") == expected
    page = client.get(Measure.objects.get().get_absolute_url()).content.decode()
    assert f'">{expected}</span>' in page


def test_the_measure_page_says_who_last_confirmed_it_and_when(client):
    measure = make_measure(title="Medhjelpere", source_date=datetime.date(2021, 12, 10), **LETTER)
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "Sist bekreftet av Helsedirektoratet 10.12.2021" in html
    assert f">{UNCONFIRMED} " in html and " år siden</span>" in html  # years, not «over 6 måneder»


def test_a_month_only_source_date_is_shown_as_approximate(client):
    measure = make_measure(source_date=datetime.date(2021, 3, 5), source_date_is_approximate=True, **LETTER)
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "Sist bekreftet av Helsedirektoratet ca. mars 2021" in html and "05.03.2021" not in html


def test_the_start_date_comes_from_the_source_and_is_never_more_exact_than_it(client):
    exact = make_measure(title="Eksakt", valid_from=datetime.date(2022, 9, 10))
    month = make_measure(title="Måned", valid_from=datetime.date(2020, 3, 31), valid_from_is_approximate=True)
    described = make_measure(title="Omtalt", source_date=datetime.date(2021, 12, 10), **LETTER)
    unknown = make_measure(title="Ukjent", **NO_SOURCE)
    assert 'Fra <time datetime="2022-09-10">10.09.2022</time>' in client.get(exact.get_absolute_url()).content.decode()
    month_html = client.get(month.get_absolute_url()).content.decode()
    assert 'Fra <time datetime="2020-03">mars 2020</time>' in month_html and "31.03.2020" not in month_html
    assert ('Startdato ikke oppgitt (omtalt <time datetime="2021-12-10">10.12.2021</time>)'
            in client.get(described.get_absolute_url()).content.decode())
    assert "Startdato ukjent, ingen kjent sluttdato" in client.get(unknown.get_absolute_url()).content.decode()


def test_in_2026_no_demo_measure_looks_current(client, demo):
    html = client.get(reverse("staffing:measure_list"), {"vis": "alle"}).content.decode()
    if today() < datetime.date(2022, 12, 10):
        pytest.skip("the demo's newest source is only stale from mid-2022 on")
    assert ">Gjeldende</span>" not in html
    assert html.count(f">{UNCONFIRMED} ") >= 15
    assert ">Utløpt</span>" in html


def test_the_number_of_months_is_a_setting(client, settings):
    settings.STAFFING_CONFIRMATION_MONTHS = 12
    make_measure(title="Tiltaket", source_date=today() - datetime.timedelta(days=200), **LETTER)
    html = client.get(reverse("staffing:measure_list")).content.decode()
    assert card_status(html, "Tiltaket") == "Gjeldende"
    settings.STAFFING_CONFIRMATION_MONTHS = 3
    html = client.get(reverse("staffing:measure_list")).content.decode()
    assert card_status(html, "Tiltaket") == f"{UNCONFIRMED} 6 måneder siden"


def test_status_on_a_date_follows_validity_then_confirmation():
    measure = make_measure(source_date=datetime.date(2021, 12, 10), **LETTER)
    version = Measure.objects.get(pk=measure.pk).live_version
    assert version.status_on(datetime.date(2021, 12, 9)) == Status.UPCOMING  # not described yet
    assert version.status_on(datetime.date(2022, 6, 10)) == Status.CURRENT
    assert version.status_on(datetime.date(2022, 6, 11)) == Status.UNCONFIRMED


def test_a_source_that_gives_an_end_date_confirms_the_measure_until_then():
    """The letter of December 2021 says «fram til juli 2022»: it speaks for the scheme until then."""
    measure = make_measure(source_date=datetime.date(2021, 12, 10), valid_until=datetime.date(2022, 6, 30), **LETTER)
    version = Measure.objects.get(pk=measure.pk).live_version
    assert version.status_on(datetime.date(2022, 6, 11)) == Status.CURRENT
    assert version.status_on(datetime.date(2022, 6, 30)) == Status.CURRENT
    assert version.status_on(datetime.date(2022, 7, 1)) == Status.EXPIRED


def test_months_are_calendar_months():
    assert add_months(datetime.date(2021, 8, 31), 6) == datetime.date(2022, 2, 28)
    assert stale_from(datetime.date(2021, 12, 10), 6) == datetime.date(2022, 6, 11)


def test_a_cached_catalogue_shows_a_measure_as_unconfirmed_from_the_day_it_becomes_so(client, monkeypatch, settings):
    """What a page says "today" changes at midnight with nothing written: cached copies are kept per day."""
    settings.PAGE_CACHE_SECONDS = 600
    confirmed = today() - datetime.timedelta(days=100)
    make_measure(title="Tiltaket", source_date=confirmed, **LETTER)
    assert card_status(client.get(reverse("staffing:measure_list")).content.decode(), "Tiltaket") == "Gjeldende"
    assert card_status(client.get(reverse("staffing:measure_list")).content.decode(), "Tiltaket") == "Gjeldende"
    day = stale_from(confirmed, 6)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 1)))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: day)
    html = client.get(reverse("staffing:measure_list")).content.decode()
    assert card_status(html, "Tiltaket").startswith(UNCONFIRMED)
