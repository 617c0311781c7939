"""Publishers keep the search's synonym list in the admin (issue 13)."""

import pytest
from django.urls import reverse

from publishing.models import ContentClock, SearchSynonym
from tests.factories import make_article, make_editor, make_publisher

pytestmark = pytest.mark.django_db

ADD = "admin:publishing_searchsynonym_add"


def test_a_publisher_adds_a_synonym_and_the_search_uses_it_at_once(client):
    make_article(slug="medhjelpere", title="Andre enn helsepersonell", summary="Medhjelpere på smittesporing.")
    client.force_login(make_publisher())
    generation = ContentClock.objects.get().generation
    response = client.post(reverse(ADD), {"word": "  Hjelpere ", "alternatives": "medhjelpere,  Medhjelpere , hjelpere"})
    assert response.status_code == 302
    synonym = SearchSynonym.objects.get(word="hjelpere")
    assert synonym.alternatives == "medhjelpere"
    assert ContentClock.objects.get().generation > generation  # cached search pages start afresh
    client.logout()
    assert "/veiledning/medhjelpere/" in client.get(reverse("search"), {"q": "hjelpere"}).content.decode()


@pytest.mark.parametrize("word,alternatives,message", [
    ("to ord", "helsepersonell", "Skriv ett ord"),
    ("covid-19", "korona", "Skriv ett ord"),
    ("sykepleier", "sykepleier, ", "Skriv minst ett ord"),
])
def test_a_synonym_the_search_cannot_use_is_refused_with_a_message(client, word, alternatives, message):
    client.force_login(make_publisher())
    response = client.post(reverse(ADD), {"word": word, "alternatives": alternatives})
    assert response.status_code == 200 and message in response.content.decode()


def test_the_same_word_twice_is_refused_whatever_its_case(client):
    client.force_login(make_publisher())
    response = client.post(reverse(ADD), {"word": "SYKEPLEIER", "alternatives": "pleier"})  # seeded as "sykepleier"
    assert response.status_code == 200 and SearchSynonym.objects.filter(word__iexact="sykepleier").count() == 1


def test_editors_see_the_list_and_only_publishers_change_it(client):
    client.force_login(make_editor())
    assert client.get(reverse("admin:publishing_searchsynonym_changelist")).status_code == 200
    assert client.get(reverse(ADD)).status_code == 403
