"""One error page for the whole site: views raise, the site's handlers answer in Norwegian."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_views_own_explanation_reaches_the_reader(client):
    page = client.get("/veiledning/?side=999")
    assert page.status_code == 404
    assert "Sidenummeret er ikke et tall" in page.content.decode()


def test_djangos_developer_messages_never_reach_the_reader(client):
    page = client.get("/veiledning/finnes-ikke/")
    html = page.content.decode()
    assert page.status_code == 404
    assert "Fant ikke siden" in html
    assert "matches the given query" not in html
