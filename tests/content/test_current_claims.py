"""Nothing shown as current that no source has confirmed lately (issue 24, items 1 and 2).

On the demo, years after its sources: the contact point says who last confirmed it and when, and that
it is not confirmed as current; the finder offers no measure as fitting today and lists them apart with
what their source said and how long ago; no page calls a gap of years «over 6 måneder».
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _contact_slot(html):
    start = html.index('<div class="kp-contact-slot">')
    return html[start:html.index("</aside>", start)]


def _years_since_december_2021():
    today = timezone.localdate()
    months = (today.year - 2021) * 12 + today.month - 12
    return months // 12, months % 12


@pytest.mark.parametrize("path", ["/", "/veiledning/", "/bemanning/", "/bemanning/finn-tiltak/"])
def test_the_banner_says_the_demo_contact_point_is_not_confirmed_as_current(client, published_demo, path):
    slot = _contact_slot(client.get(path).content.decode())
    years, months = _years_since_december_2021()
    assert 'data-confirmed="false"' in slot
    assert ("<strong>Ikke bekreftet som gjeldende:</strong> sist bekreftet av Helsedirektoratet "
            'ca. <time datetime="2021-12">desember 2021</time>, for ') in slot
    assert f"{'over ' if months else ''}{years} år siden." in slot


def test_the_contact_point_page_never_calls_the_newest_version_now(client, published_demo):
    html = client.get(reverse("staffing:contact_point")).content.decode()
    assert "Nå," not in html and "Nå " not in html and "i dag:" not in html
    notice = html[html.index("Ikke bekreftet som gjeldende."):]
    assert notice.index("Opplysningene ble sist bekreftet for ") < 200
    assert "Sist bekreftet av Helsedirektoratet ca." in html


def test_on_the_demo_today_the_finder_offers_no_measure_as_fitting_and_lists_them_apart_with_their_age(
        client, published_demo):
    """The issue's walk: doctors, personnel without health education, today."""
    html = client.get(reverse("staffing:finder"), {"oppgave": "legetjenester", "personell": "uten-helseutdanning",
                                                   "naar": "i-dag"}).content.decode()
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"0 tiltak passer for {today}" in html
    apart = html[html.index('id="ikke-bekreftet"'):]
    assert f"Ikke bekreftet som gjeldende {today}" in apart
    titles = re.findall(r'<h4 class="ds-heading" data-size="xs"><a class="ds-link" href="[^"]*">([^<]*)</a>', apart)
    assert "Ressursstøtte fra Sivilforsvaret og Forsvaret" in titles
    years, _months = _years_since_december_2021()
    assert "Sist bekreftet av Helsedirektoratet ca. desember 2021, for " in apart and f"{years} år siden." in apart
    assert apart.count("Kilden sa da:") == len(titles)


def test_the_gps_vaccination_duty_and_pharmacies_are_not_offered_as_fitting_today(client, published_demo):
    response = client.get(reverse("staffing:finder"), {"oppgave": "vaksinering", "naar": "i-lopet-av-uker"})
    html = response.content.decode()
    offered = html.split('id="ikke-bekreftet"')[0]
    for title in ["Fastlegenes plikt til å delta i vaksinasjon mot covid-19",
                  "Apotek kan gi covid-19-vaksine etter avtale med kommunen"]:
        assert title not in offered and title in html
    assert response.context["result"].count == 0


def test_on_a_date_its_source_was_recent_a_measure_is_offered_as_fitting(client, published_demo):
    response = client.get(reverse("staffing:finder"), {"oppgave": "vaksinering", "naar": "i-lopet-av-uker",
                                                       "dato": "2022-03-15"})
    offered = response.content.decode().split('id="ikke-bekreftet"')[0]
    assert "Apotek kan gi covid-19-vaksine etter avtale med kommunen" in offered


@pytest.mark.parametrize("path", ["/bemanning/?vis=alle", "/sok/?q=helsepersonell",
                                  "/bemanning/nasjonalt-innsatspersonell-tisk/"])
def test_no_page_understates_a_gap_of_years_as_over_six_months(client, published_demo, path):
    html = client.get(path).content.decode()
    assert "på over 6 måneder" not in html
    assert re.search(r"ikke bekreftet som gjeldende[:,] sist bekreftet for (over )?\d+ år siden", html, re.IGNORECASE)


def test_the_age_counts_from_the_source_and_says_years_when_it_is_years():
    from staffing.dates import age_phrase

    assert age_phrase(datetime.date(2021, 12, 10), datetime.date(2026, 12, 7), month_only=True) == "for 5 år siden"
    assert age_phrase(datetime.date(2021, 3, 5), datetime.date(2026, 12, 7), month_only=True) == "for over 5 år siden"
    assert age_phrase(datetime.date(2026, 5, 10), datetime.date(2026, 12, 7)) == "for 6 måneder siden"
    assert age_phrase(datetime.date(2025, 12, 7), datetime.date(2026, 12, 7)) == "for ett år siden"
