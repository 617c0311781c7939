"""/veiledning/tema/: every topic, reachable from the guidance pages and listed in the sitemap (issue 13)."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_topic
from tests.sitemap import sitemap_xml

pytestmark = pytest.mark.django_db


def test_topic_index_lists_every_topic_in_order_with_its_description(client):
    make_topic("Vaksinering", "vaksinering", position=1)
    legevakt = make_topic("Legevakt", "legevakt", position=2)
    legevakt.description = "Legevaktarbeid under koronautbruddet."
    legevakt.save()
    response = client.get(reverse("guidance:topics"))
    html = response.content.decode()
    assert response.status_code == 200 and reverse("guidance:topics") == "/veiledning/tema/"
    assert html.index('href="/veiledning/tema/vaksinering/"') < html.index('href="/veiledning/tema/legevakt/"')
    assert "Legevaktarbeid under koronautbruddet." in html


def test_topic_index_without_topics_says_so(client):
    assert "Ingen temaer er lagt inn ennå." in client.get(reverse("guidance:topics")).content.decode()


@pytest.mark.parametrize("name,args", [("guidance:list", []), ("guidance:topic", ["legevakt"]), ("guidance:faq", [])])
def test_guidance_pages_link_to_the_topic_index(client, name, args):
    make_topic("Legevakt", "legevakt")
    assert 'href="/veiledning/tema/"' in client.get(reverse(name, args=args)).content.decode()


def test_topic_index_is_in_the_sitemap(client):
    assert "/veiledning/tema/</loc>" in sitemap_xml(client)


def test_the_index_address_is_never_read_as_an_article(client):
    make_article(slug="annet")
    assert client.get("/veiledning/tema/").templates[0].name == "guidance/topic_list.html"
