from datetime import timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from tests.factories import make_article, make_topic
from tests.sitemap import sitemap_xml

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _notes(entries):
    """Each entry's change note: its summary without the closing line that says whose dates are whose."""
    return [entry.findtext(f"{ATOM}summary").split("\n\n")[0] for entry in entries]


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
    summaries = _notes(entries)
    assert summaries == ["Endring 1.", "Oppdatert om de ansatte.", "Ny artikkel."]
    assert "Skrivefeil." not in summaries and "Planlagt endring." not in summaries


def test_feed_entry_for_a_change_links_to_the_comparison(client, articles):
    change = _entries(client, reverse("guidance:feed"))[1]
    link = change.find(f"{ATOM}link").get("href")
    assert link.endswith(reverse("guidance:history", args=["legevakt"]) + "?til=2")
    assert change.findtext(f"{ATOM}title") == "Endret: Legevakt (versjon 2)"


def test_topic_feed_only_has_the_topics_articles(client, articles):
    summaries = _notes(_entries(client, reverse("guidance:topic_feed", args=["legevakt"])))
    assert summaries == ["Oppdatert om de ansatte.", "Ny artikkel."]
    assert client.get(reverse("guidance:topic_feed", args=["finnes-ikke"])).status_code == 404


def _parsed(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("url", [reverse_lazy("guidance:feed"), reverse_lazy("guidance:topic_feed", args=["legevakt"])])
def test_feeds_are_well_formed_atom_for_a_real_feed_parser(client, articles, url):
    feed = _parsed(client, url)
    assert feed.version == "atom10"
    assert feed.entries and all(entry.summary_detail.type == "text/plain" for entry in feed.entries)


def test_a_change_note_with_markup_reaches_feed_readers_as_text_not_markup(client):
    make_article(slug="legevakt", versions=[{"change_note": "Rettet <script>alert(1)</script> & <b>lenker</b>."}])
    entry = _parsed(client, reverse("guidance:feed")).entries[0]
    assert entry.summary.split("\n\n")[0] == "Rettet <script>alert(1)</script> & <b>lenker</b>."
    assert entry.summary_detail.type == "text/plain"


def test_entry_ids_are_absolute_unique_and_the_same_from_any_address_and_feed(client, articles, settings):
    settings.SITE_URL = "https://kommuneportal.example.no"
    settings.ALLOWED_HOSTS = ["testserver", "intern.example.no"]
    ids = [entry.id for entry in _parsed(client, reverse("guidance:feed")).entries]
    assert all(urlsplit(entry_id).scheme in {"tag", "https"} for entry_id in ids)
    assert len(set(ids)) == len(ids) == 3
    assert ids == [entry.id for entry in _parsed(client, reverse("guidance:feed"), HTTP_HOST="intern.example.no").entries]
    topic_ids = [entry.id for entry in _parsed(client, reverse("guidance:topic_feed", args=["legevakt"])).entries]
    assert topic_ids == ids[1:]


def test_sitemap_lists_live_articles_and_guidance_pages(client, articles):
    make_article(slug="utkast", versions=[{"publish_at": None}])
    xml = sitemap_xml(client)
    assert "/veiledning/legevakt/" in xml and "/veiledning/vaksine/" in xml and "/veiledning/endringer/" in xml
    assert "/veiledning/tema/legevakt/" in xml
    assert "/veiledning/utkast/" not in xml


def test_robots_txt_points_to_sitemap_and_keeps_private_areas_out(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    for line in ("Disallow: /admin/", "Disallow: /prioritering/", "Disallow: /konto/", "Sitemap: http://testserver/sitemap.xml"):
        assert line in text.splitlines()
