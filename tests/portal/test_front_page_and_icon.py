"""The front page's ways in (search box, topics, latest changes) and the site's icon (issue 13)."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db


def test_front_page_has_a_search_box_that_searches_everything(client):
    html = client.get("/").content.decode()
    assert f'<form method="get" action="{reverse("search")}" role="search"' in html
    assert '<label class="ds-label" for="forside-sok">Søk i veiledning, nyheter, spørsmål og svar og bemanningstiltak' in html
    assert 'name="q" id="forside-sok"' in html


def test_front_page_offers_every_topic_and_the_topic_index(client):
    make_topic("Vaksinering", "vaksinering", position=1)
    make_topic("Legevakt", "legevakt", position=2)
    html = client.get("/").content.decode()
    assert html.index('href="/veiledning/tema/vaksinering/"') < html.index('href="/veiledning/tema/legevakt/"')
    assert 'href="/veiledning/tema/"' in html


def test_front_page_still_shows_the_latest_substantive_changes(client):
    make_article(title="Veileder for legevakt")
    html = client.get("/").content.decode()
    assert "Siste endringer i veiledning og nyheter" in html and "Veileder for legevakt" in html


def test_every_page_links_an_icon_that_exists(client):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/static/favicon-32.png" sizes="32x32" type="image/png">' in html
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg") and finders.find("favicon-32.png")


def test_the_old_default_icon_address_answers_instead_of_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon-32.png"
