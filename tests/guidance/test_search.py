from datetime import timedelta
from functools import partial

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kommuneportal import search
from kommuneportal.search import search_all
from publishing.search import SearchHits, SearchResult, highlight_headline, highlight_words
from publishing.services import document_withdraw
from tests.factories import make_article, make_publisher

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Norwegian stemming needs PostgreSQL full-text search; runs in the PostgreSQL pass of make test.",
)


def _search(client, query):
    return client.get(reverse("search"), {"q": query})


def test_search_finds_live_articles_with_title_type_date_and_highlighted_excerpt(client):
    make_article(slug="fiks", title="Fiks smittesporing", kind="veiledning",
                 summary="Et nytt smittesporingsverktøy for kommunene.", body="Verktøyet gjør smittejakten enklere.")
    response = _search(client, "smittejakten")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 treff" in html and "Fiks smittesporing" in html and "Veiledning" in html
    assert 'href="/veiledning/fiks/"' in html
    assert "<mark>smittejakten</mark>" in html
    assert timezone.localdate().strftime("%d.%m.%Y") in html


def test_search_leaves_out_drafts_old_versions_scheduled_and_withdrawn(client):
    now = timezone.now()
    make_article(versions=[
        {"body": "Gammel tekst om kattepine.", "publish_at": now - timedelta(days=2)},
        {"body": "Ny tekst.", "publish_at": now - timedelta(days=1)},
        {"body": "Utkast om hundegalskap.", "publish_at": None},
    ])
    make_article(body="Planlagt om fuglesang.", published_at=now + timedelta(days=1))
    withdrawn = make_article(body="Trukket om froskeregn.")
    document_withdraw(document=withdrawn, user=make_publisher(), reason="Feil.")
    for word in ("kattepine", "hundegalskap", "fuglesang", "froskeregn"):
        assert "0 treff" in _search(client, word).content.decode(), word


@pytest.mark.parametrize("query", ["", "   ", "!!!", "&&& |||", "'; DROP TABLE x; --", "(((", '"', "og", "-"])
def test_empty_or_garbage_query_gets_a_helpful_page(client, query):
    make_article()
    response = _search(client, query)
    assert response.status_code == 200
    assert "Søk i Kommuneportal" in response.content.decode()


def test_very_long_query_is_refused_with_a_message_and_kept_in_the_field(client):
    response = _search(client, "smitte " * 100)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Søket er for langt" in html and 'value="smitte smitte' in html


def test_null_character_in_query_is_a_clear_400(client):
    assert _search(client, "smitte\x00").status_code == 400


def test_search_results_never_reach_the_page_as_markup(client):
    make_article(title="<b>Fet</b> tittel", body="Tekst med <script>alert('x')</script> og smittevern.")
    html = _search(client, "smittevern").content.decode()
    assert "<script>alert" not in html and "<b>Fet</b>" not in html
    assert "&lt;b&gt;Fet&lt;/b&gt;" in html


def test_highlight_headline_escapes_everything_but_its_own_marks():
    html = highlight_headline("<img src=x onerror=alert(1)> \ue000smitte\ue001 & \ue000sporing")
    assert html == "&lt;img src=x onerror=alert(1)&gt; <mark>smitte</mark> &amp; sporing"


def test_highlight_words_marks_words_without_breaking_entities():
    html = highlight_words("Tom & Jerry <amp> smitte", ["amp", "smitte"])
    assert html == "Tom &amp; Jerry &lt;<mark>amp</mark>&gt; <mark>smitte</mark>"


def test_search_all_concatenates_providers_in_order_and_pages_across_them(monkeypatch):
    monkeypatch.setattr(search, "SEARCH_PROVIDERS", ["tests.guidance.test_search.provider_one",
                                                     "tests.guidance.test_search.provider_two"])
    hits = search_all("x")
    assert hits.count() == 5
    assert [result.title for result in hits[0:5]] == ["en-0", "en-1", "en-2", "to-0", "to-1"]
    assert [result.title for result in hits[2:4]] == ["en-2", "to-0"]
    assert [result.title for result in hits[3:5]] == ["to-0", "to-1"]


class FakeDocuments(list):
    def count(self):
        return len(self)


def _hits(prefix, count):
    result = partial(SearchResult, url="/", kind_label="Test", date=None, excerpt_html="")
    return SearchHits(FakeDocuments(f"{prefix}-{n}" for n in range(count)), lambda title: result(title=title))


def provider_one(query):
    return _hits("en", 3)


def provider_two(query):
    return _hits("to", 2)


def test_search_results_are_paginated_with_a_next_page(client):
    for number in range(25):
        make_article(slug=f"legevakt-{number}", title=f"Legevakt nummer {number}")
    first = client.get(reverse("search"), {"q": "legevakt"}).content.decode()
    second = client.get(reverse("search"), {"q": "legevakt", "side": 2}).content.decode()
    assert "25 treff" in first and first.count('class="ds-heading" data-size="xs"') == 20
    assert 'rel="next"' in first
    assert second.count('class="ds-heading" data-size="xs"') == 5
    assert client.get(reverse("search"), {"q": "legevakt", "side": 9}).status_code == 404


@needs_postgres
def test_norwegian_stemming_finds_inflected_forms(client):
    make_article(slug="tisk", title="Smittesporing i kommunene", summary="Om smittesporing.", body="Kommunelegen leder.")
    html = _search(client, "smittesporingen").content.decode()
    assert 'href="/veiledning/tisk/"' in html
    assert "<mark>" in html


@needs_postgres
def test_postgres_search_uses_websearch_syntax_and_ranks_title_first(client):
    make_article(slug="i-brodtekst", title="Om noe", body="Her nevnes vaksinering en gang.")
    make_article(slug="i-tittel", title="Vaksinering i kommunene", body="Tekst.")
    html = _search(client, "vaksinering -influensa").content.decode()
    assert html.index('href="/veiledning/i-tittel/"') < html.index('href="/veiledning/i-brodtekst/"')


@needs_postgres
def test_postgres_search_reads_the_gin_index_over_live_documents():
    """The search filters on the documents' stored vector, so PostgreSQL reads its GIN index once the
    table is large enough (on a tiny table the planner rightly prefers other plans)."""
    from guidance.models import Article
    from guidance.search import EXCERPT_FIELDS, TEXT_FIELDS
    from publishing.search import search_documents

    make_article(title="Smittesporing")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    found = search_documents(Article.objects.live(), "smittesporingen", text_fields=TEXT_FIELDS, excerpt_fields=EXCERPT_FIELDS)
    assert "guidance_article_search_idx" in found.explain()
    assert found.count() == 1
