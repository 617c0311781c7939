"""List pages print an article's, a topic's or a measure's link by the score, so those links are
remembered per process (`publishing.links.reverse_cached`); a remembered link must still be right."""

import pytest
from django.urls import set_script_prefix

from tests.factories import make_article, make_measure, make_topic

pytestmark = pytest.mark.django_db


def test_remembered_links_follow_the_script_prefix_the_site_is_served_under():
    topic = make_topic("Smittesporing", "smittesporing")
    article = make_article(slug="sporing", topics=[topic])
    measure = make_measure(slug="studenter")
    try:
        for prefix in ("/", "/portal/", "/"):
            set_script_prefix(prefix)  # as the WSGI handler does from SCRIPT_NAME on each request
            assert article.get_absolute_url() == f"{prefix}veiledning/sporing/"
            assert topic.get_absolute_url() == f"{prefix}veiledning/tema/smittesporing/"
            assert measure.get_absolute_url() == f"{prefix}bemanning/studenter/"
    finally:
        set_script_prefix("/")


def test_a_renamed_article_is_linked_at_its_new_address(client):
    article = make_article(slug="gammel-adresse")
    assert 'href="/veiledning/gammel-adresse/"' in client.get("/veiledning/").content.decode()
    article.slug = "ny-adresse"
    article.save()
    html = client.get("/veiledning/").content.decode()
    assert 'href="/veiledning/ny-adresse/"' in html
    assert "gammel-adresse" not in html
