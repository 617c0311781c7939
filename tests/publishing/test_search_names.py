"""On PostgreSQL the names of an article's topics and issuer are stored in its search vector, so
every change to those names or links must reach the vector at once."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import make_article, make_issuer, make_superuser, make_topic

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="stored search vectors are PostgreSQL's"),
]


def found(client, query):
    html = client.get(reverse("search"), {"q": query}).content.decode()
    return sorted(set(slug for slug in ("i-temaet", "fra-avsenderen", "annen") if f"/veiledning/{slug}/" in html))


@pytest.fixture
def articles():
    topic = make_topic("Legevakt", "legevakt")
    issuer = make_issuer("Statsforvalteren i Innlandet", "sf-innlandet")
    in_topic = make_article(slug="i-temaet", title="Turister", summary="Testes.", body="Tekst.", topics=[topic])
    from_issuer = make_article(slug="fra-avsenderen", title="Råd", summary="Testes.", body="Tekst.", issuer=issuer)
    other = make_article(slug="annen", title="Vaksiner", summary="Om vaksiner.", body="Tekst.")
    return topic, issuer, in_topic, from_issuer, other


def test_a_renamed_topic_is_found_by_its_new_name_only(client, articles):
    topic = articles[0]
    topic.name = "Nattjeneste"
    topic.save()
    assert found(client, "nattjeneste") == ["i-temaet"]
    assert found(client, "legevakt") == []


def test_a_topic_renamed_in_the_admin_is_found_by_its_new_name(client, articles):
    topic = articles[0]
    client.force_login(make_superuser())
    response = client.post(reverse("admin:guidance_topic_change", args=[topic.pk]), {
        "name": "Nattjeneste", "slug": topic.slug, "description": "", "position": 0})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert found(client, "nattjeneste") == ["i-temaet"]


def test_linking_and_unlinking_topics_reaches_the_search_from_either_side(client, articles):
    topic, _issuer, in_topic, _from_issuer, other = articles
    other.topics.add(topic)
    assert found(client, "legevakt") == ["annen", "i-temaet"]
    in_topic.topics.remove(topic)
    assert found(client, "legevakt") == ["annen"]
    topic.articles.clear()
    assert found(client, "legevakt") == []
    topic.articles.add(in_topic)
    assert found(client, "legevakt") == ["i-temaet"]


def test_a_deleted_topic_no_longer_finds_its_articles(client, articles):
    articles[0].delete()
    assert found(client, "legevakt") == []
    assert found(client, "turister") == ["i-temaet"]


def test_an_article_moved_to_another_issuer_is_found_by_the_new_name(client, articles):
    _topic, _issuer, in_topic, _from_issuer, _other = articles
    assert found(client, "innlandet") == ["fra-avsenderen"]
    in_topic.issuer = make_issuer("Statsforvalteren i Innlandet og Viken", "sf-iv")
    in_topic.save()
    assert found(client, "viken") == ["i-temaet"]
    assert found(client, "innlandet") == ["fra-avsenderen", "i-temaet"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_to_version_spans_puts_text_and_names_into_the_vectors_of_existing_versions(client):
    from django.db.migrations.executor import MigrationExecutor

    from guidance.models import Article

    make_article(slug="i-temaet", title="Turister", summary="Testes.", body="Tekst.",
                 topics=[make_topic("Legevakt", "legevakt")], issuer=make_issuer("Fylkeslegen", "fylkeslegen"))
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([("guidance", "0008_search_rank_vector_and_live_index")])  # before the spans
    executor = MigrationExecutor(connection)
    executor.migrate(leaves)

    assert found(client, "turister") == ["i-temaet"]
    assert found(client, "legevakt") == ["i-temaet"]
    assert found(client, "fylkeslegen") == ["i-temaet"]
    assert Article.objects.live().get().live_version.number == 1
    assert Article.version_model().objects.filter(search_rank_vector__isnull=False).count() == 1
