from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content).findall(f"{ATOM}entry")


@pytest.fixture
def articles():
    now = timezone.now()
    topic = make_topic("Legevakt", "legevakt")
    make_article(slug="legevakt", topics=[topic], versions=[
        {"title": "Legevakt", "publish_at": now - timedelta(days=10), "change_note": "Ny artikkel."},
        {"title": "Legevakt", "publish_at": now - timedelta(days=3), "change_note": "Oppdatert om de ansatte."},
        {"title": "Legevakt", "publish_at": now - timedelta(days=1), "change_type": "minor", "change_note": "Skrivefeil."},
        {"title": "Legevakt", "publish_at": now + timedelta(days=1), "change_note": "Planlagt endring."},
    ])
    make_article(slug="vaksine", title="Vaksine", published_at=now - timedelta(days=2))
    return topic


def test_feed_has_one_entry_per_published_major_version_with_its_change_note(client, articles):
    entries = _entries(client, reverse("guidance:feed"))
    summaries = [entry.findtext(f"{ATOM}summary") for entry in entries]
    assert summaries == ["Endring 1.", "Oppdatert om de ansatte.", "Ny artikkel."]
    assert "Skrivefeil." not in summaries and "Planlagt endring." not in summaries


def test_feed_entry_for_a_change_links_to_the_comparison(client, articles):
    change = _entries(client, reverse("guidance:feed"))[1]
    link = change.find(f"{ATOM}link").get("href")
    assert link.endswith(reverse("guidance:history", args=["legevakt"]) + "?til=2")
    assert change.findtext(f"{ATOM}title") == "Endret: Legevakt (versjon 2)"


def test_topic_feed_only_has_the_topics_articles(client, articles):
    summaries = [entry.findtext(f"{ATOM}summary") for entry in _entries(client, reverse("guidance:topic_feed", args=["legevakt"]))]
    assert summaries == ["Oppdatert om de ansatte.", "Ny artikkel."]
    assert client.get(reverse("guidance:topic_feed", args=["finnes-ikke"])).status_code == 404


def test_sitemap_lists_live_articles_and_guidance_pages(client, articles):
    make_article(slug="utkast", versions=[{"publish_at": None}])
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert "/veiledning/legevakt/" in xml and "/veiledning/vaksine/" in xml and "/veiledning/endringer/" in xml
    assert "/veiledning/tema/legevakt/" in xml
    assert "/veiledning/utkast/" not in xml


def test_robots_txt_points_to_sitemap_and_keeps_private_areas_out(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    for line in ("Disallow: /admin/", "Disallow: /prioritering/", "Disallow: /konto/", "Sitemap: http://testserver/sitemap.xml"):
        assert line in text.splitlines()
