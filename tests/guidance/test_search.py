import re
from datetime import timedelta
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kommuneportal import search
from kommuneportal.search import search_all, site_search
from publishing.models import SearchSynonym
from publishing.search import SearchHits, SearchResult, Word, name_matches, search_terms
from publishing.snippets import excerpt_html, word_patterns
from publishing.services import document_withdraw
from tests.factories import make_article, make_issuer, make_many_articles, make_publisher, make_topic

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Norwegian stemming needs PostgreSQL full-text search; runs in the PostgreSQL pass of make test.",
)


def _search(client, query):
    return client.get(reverse("search"), {"q": query})


def test_search_finds_live_articles_with_title_type_date_and_highlighted_excerpt(client):
    article = make_article(slug="fiks", title="Fiks smittesporing", kind="veiledning",
                           summary="Et nytt smittesporingsverktøy for kommunene.", body="Verktøyet gjør smittejakten enklere.")
    response = _search(client, "smittejakten")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 treff" in html and "Fiks smittesporing" in html and "Veiledning" in html
    assert 'href="/veiledning/fiks/"' in html
    assert "<mark>smittejakten</mark>" in html
    # The day the portal published it, in Norway (the factory publishes a little before now: after midnight
    # that can be yesterday).
    published = article.versions.order_by("-number").first().publish_at
    assert timezone.localdate(published).strftime("%d.%m.%Y") in html


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


def test_excerpts_escape_everything_but_their_own_marks():
    html = excerpt_html("<img src=x onerror=alert(1)> smitte & sporing", [0], word_patterns([("smitte",)]))
    assert html == "&lt;img src=x onerror=alert(1)&gt; <mark>smitte</mark> &amp; sporing"


def test_excerpts_mark_words_without_breaking_entities():
    html = excerpt_html("Tom & Jerry <amp> smitte", [0], word_patterns([("amp",), ("smitte",)]))
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
    """The search filters on the live versions' stored vector, so PostgreSQL reads its GIN index once
    the table is large enough (on a tiny table the planner rightly prefers other plans)."""
    from guidance.models import Article
    from guidance.search import EXCERPT_FIELDS, TEXT_FIELDS
    from publishing.search import search_documents

    make_many_articles(300, 1)
    make_article(title="Smittesporing")
    with connection.cursor() as cursor:
        # Statistics for the rows this test made, and the index tidied: earlier tests' rolled-back rows
        # (thousands, in the query-count tests) skew the planner's guess on so small a table.
        cursor.execute("ANALYZE guidance_article")
        cursor.execute("ANALYZE guidance_articleversion")
        cursor.execute("SELECT gin_clean_pending_list('guidance_version_vector_idx')")
        cursor.execute("SET LOCAL enable_seqscan = off")
    found = search_documents(Article.objects.live(), "smittesporingen", text_fields=TEXT_FIELDS, excerpt_fields=EXCERPT_FIELDS)
    # What SearchHits counts and orders (the page's rows are then read by primary key).
    assert "guidance_version_vector_idx" in found.values_list("pk", flat=True).explain()
    assert found.count() == 1


# --- Search that finds what people type (issue 13) ---------------------------------------------------


def _results(html):
    return re.findall(r'id="treff-\d+"><a class="ds-link" href="([^"]+)"', html)


def test_search_says_honestly_what_it_searches(client):
    html = _search(client, "").content.decode()
    assert "Søk i veiledning, nyheter, spørsmål og svar og bemanningstiltak" in html


def test_a_topic_name_finds_every_article_in_the_topic_and_says_why(client):
    legevakt = make_topic("Legevakt", "legevakt")
    make_article(slug="i-teksten", title="Bemanning i helgene", body="Ring legevakt ved behov.")
    make_article(slug="bare-i-temaet", title="Turister med symptomer", summary="Testes der de bor.",
                 body="Kommunen tester.", topics=[legevakt])
    make_article(slug="annet", title="Vaksinering", summary="Om vaksiner.", body="Tekst.")
    html = _search(client, "legevakt").content.decode()
    assert "2 treff" in html
    assert set(_results(html)) == {"/veiledning/i-teksten/", "/veiledning/bare-i-temaet/"}
    assert "Tema: <mark>Legevakt</mark>" in html  # the reader sees why a page without the word is here


def test_a_topic_name_counts_in_an_inflected_form_and_an_issuer_name_counts_too(client):
    topic = make_topic("Legevakt", "legevakt")
    fhi = make_issuer("Folkehelseinstituttet (FHI)", "fhi")
    make_article(slug="tema", title="Turister", summary="Testes.", body="Tekst.", topics=[topic])
    make_article(slug="fra-fhi", title="Råd om testing", summary="Testes.", body="Tekst.", issuer=fhi)
    assert _results(_search(client, "legevakten").content.decode()) == ["/veiledning/tema/"]
    assert _results(_search(client, "fhi").content.decode()) == ["/veiledning/fra-fhi/"]


def test_common_words_never_match_topic_names(client):
    nav = make_topic("NAV og sosiale tjenester", "nav")
    make_article(slug="nav", title="Sosialtjenesteloven", summary="Rundskriv.", body="Tekst.", topics=[nav])
    assert "0 treff" in _search(client, "og").content.decode()


def test_a_synonym_publishers_listed_finds_the_words_the_documents_use(client):
    SearchSynonym.objects.update_or_create(word="sykepleier", defaults={"alternatives": "sykepleiere, helsepersonell"})
    make_article(slug="reserve", title="Register for reservepersonell", summary="Helsepersonell som kan hjelpe.",
                 body="Meld deg.")
    html = _search(client, "sykepleier").content.decode()
    assert _results(html) == ["/veiledning/reserve/"]
    assert "<mark>Helsepersonell</mark>" in html


def test_the_migration_seeds_a_few_synonyms_for_words_stemming_misses():
    seeded = dict(SearchSynonym.objects.values_list("word", "alternatives"))
    assert "helsepersonell" in seeded["sykepleier"] and seeded["medhjelper"] == "medhjelpere"
    assert "omikronvarianten" in seeded["omikron"]


def test_when_no_page_has_every_word_pages_with_any_of_them_are_shown_best_first_and_it_says_so(client):
    make_article(slug="ett-ord", title="Smittesporing i kommunene", summary="Om sporing.", body="Tekst.")
    make_article(slug="to-ord", title="Smittesporing på legevakt", summary="Om legevakt og sporing.", body="Tekst.")
    make_article(slug="ingen", title="Vaksinering", summary="Om vaksiner.", body="Tekst.")
    html = _search(client, "smittesporing legevakt kvantefysikk").content.decode()
    assert "2 treff på minst ett av ordene" in html
    assert "Ingen sider hadde alle ordene" in html
    assert _results(html) == ["/veiledning/to-ord/", "/veiledning/ett-ord/"]


def test_pages_with_every_word_are_shown_without_the_any_word_notice(client):
    make_article(slug="to-ord", title="Smittesporing på legevakt", summary="Om legevakt.", body="Tekst.")
    make_article(slug="ett-ord", title="Smittesporing i kommunene", summary="Om sporing.", body="Tekst.")
    html = _search(client, "smittesporing legevakt").content.decode()
    assert _results(html) == ["/veiledning/to-ord/"]
    assert "minst ett av ordene" not in html


def test_a_minus_leaves_a_word_out_and_quotes_keep_a_phrase_together(client):
    make_article(slug="vaksine", title="Vaksinering av eldre", summary="Om vaksiner.", body="Tekst.")
    make_article(slug="influensa", title="Vaksinering mot influensa", summary="Om influensa.", body="Tekst.")
    assert _results(_search(client, "vaksinering -influensa").content.decode()) == ["/veiledning/vaksine/"]
    assert _results(_search(client, '"vaksinering av eldre"').content.decode()) == ["/veiledning/vaksine/"]


def test_a_misspelling_gets_a_suggestion_that_links_to_its_search(client):
    make_topic("Smittesporing", "smittesporing")
    make_article(slug="tisk", title="Smittesporing i kommunene", summary="Om sporing.", body="Tekst.")
    html = _search(client, "smitesporing").content.decode()
    assert "0 treff" in html
    assert 'Mente du <a class="ds-link" href="/sok/?q=smittesporing">«smittesporing»</a>?' in html


def test_no_suggestion_when_nothing_is_close(client):
    make_article(slug="tisk", title="Smittesporing i kommunene", summary="Om sporing.", body="Tekst.")
    assert "Mente du" not in _search(client, "kvantefysikk").content.decode()


def test_a_page_with_no_hits_points_to_the_finder_the_topics_and_the_changelog(client):
    html = _search(client, "kvantefysikk").content.decode()
    for name in ("staffing:finder", "guidance:topics", "guidance:changelog"):
        assert f'href="{reverse(name)}"' in html


def test_search_parses_words_phrases_exclusions_and_drops_stop_words():
    SearchSynonym.objects.update_or_create(word="omikron", defaults={"alternatives": "omikronvarianten"})
    terms = search_terms('Omikron og «en vei inn» -influensa x')
    assert [word.text for word in terms.words] == ["omikron", "en vei inn"]
    assert terms.words[0].alternatives == ("omikronvarianten",)
    assert terms.excluded == ("influensa",)
    assert str(terms) == 'Omikron og «en vei inn» -influensa x'


@pytest.mark.parametrize("word,name,found", [
    ("legevakt", "Legevakt", True), ("legevakten", "Legevakt", True), ("fastlegene", "Fastleger", True),
    ("nav", "NAV og sosiale tjenester", True), ("lege", "Legevakt", False), ("ks", "KS", True),
])
def test_names_match_whole_words_give_or_take_a_norwegian_ending(word, name, found):
    assert name_matches(Word(word), name) is found


@needs_postgres
def test_postgres_suggestions_come_from_trigram_similarity():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)
    make_article(title="Vaksinering i kommunene")
    assert site_search("vaksinnering").suggestion == "vaksinering"


@needs_postgres
def test_postgres_ranks_a_title_match_above_a_topic_match_above_a_mention_in_the_body(client):
    legevakt = make_topic("Legevakt", "legevakt")
    make_article(slug="i-brodtekst", title="Bemanning", summary="Om bemanning.", body="Ring legevakt ved behov.")
    make_article(slug="i-temaet", title="Turister", summary="Om turister.", body="Tekst.", topics=[legevakt])
    make_article(slug="i-tittel", title="Legevakt i helgene", summary="Om helger.", body="Tekst.")
    assert _results(_search(client, "legevakt").content.decode()) == [
        "/veiledning/i-tittel/", "/veiledning/i-temaet/", "/veiledning/i-brodtekst/"]


@needs_postgres
def test_postgres_counts_and_orders_in_one_query_on_the_live_versions_vectors():
    """Thousands of matches are counted and ranked in one pass over the live versions' stored vectors, by
    one condition on the search index (topic names are in the stored vector, not lists of ids); only the
    page's twenty rows are then read whole."""
    legevakt = make_topic("Legevakt", "legevakt")
    make_article(title="Legevakt", topics=[legevakt])
    make_article(title="Nattevakt", topics=[legevakt])
    with CaptureQueriesContext(connection) as queries:
        hits = search_all("legevakt")
        assert hits.count() == 2 and len(hits[0:20]) == 2
    counting_and_ordering = [query["sql"] for query in queries.captured_queries
                             if query["sql"].startswith('SELECT "guidance_article"."id" AS "pk"')]
    assert len(counting_and_ordering) == 1
    assert "COUNT(" in counting_and_ordering[0] and "OVER ()" in counting_and_ordering[0]
    assert '"search_vector" @@' in counting_and_ordering[0] and '"body"' not in counting_and_ordering[0]
    assert "ANY" not in counting_and_ordering[0] and '"id" IN' not in counting_and_ordering[0]
    assert not [query["sql"] for query in queries.captured_queries
                if '"guidance_article_topics"."topic_id" IN' in query["sql"]], "no query reads every link of a topic"
