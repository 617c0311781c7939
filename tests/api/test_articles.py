"""Articles, their versions and chapters, topics and issuers through /api/v1/ (issue 27): the contract."""

import pytest
from django.utils import timezone

from publishing.services import document_withdraw, version_publish
from tests.api.conftest import hours
from tests.factories import add_version, make_article, make_issuer, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(publisher):
    topic = make_topic("Smittesporing", "smittesporing")
    return make_article(slug="tisk", author=publisher, topics=[topic], issuer=make_issuer("Helsedirektoratet", "hdir"),
                        versions=[{"title": "TISK i kommunene", "summary": "Test, isoler, spor.",
                                   "body": "## Testing {#testing}\n\nTest alle.\n\n<script>alert(1)</script>",
                                   "source_title": "Brev til kommunene", "source_issuer": "Helsedirektoratet",
                                   "source_url": "https://www.helsedirektoratet.no/", "editor_note": "Redaksjonens ord.",
                                   "see_also": "[Tiltakene](/bemanning/)"}])


def test_an_article_gives_its_live_text_as_markdown_and_sanitised_html_with_its_source_and_the_editors_apart(api, article):
    response, body = api("/api/v1/artikler/tisk/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = body["data"]
    assert data["slug"] == "tisk" and data["kind"] == {"code": "veiledning", "label": "Veiledning"}
    assert data["issuer"] == {"slug": "hdir", "name": "Helsedirektoratet"}
    assert data["topics"] == [{"slug": "smittesporing", "name": "Smittesporing"}]
    live = data["live_version"]
    assert live["title"] == "TISK i kommunene" and live["number"] == 1
    assert live["body_markdown"].startswith("## Testing {#testing}")
    assert '<h2 id="testing">Testing</h2>' in live["body_html"] and "<script>" not in live["body_html"]
    assert live["source"]["title"] == "Brev til kommunene" and live["source"]["issuer"] == "Helsedirektoratet"
    assert live["editors"] == {"note": "Redaksjonens ord.",
                               "see_also": [{"title": "Tiltakene", "url": "http://testserver/bemanning/"}]}
    assert data["first_published_at"] and data["last_major_change_at"]
    assert data["links"]["page"] == "http://testserver/veiledning/tisk/"
    assert data["links"]["versions"] == "http://testserver/api/v1/artikler/tisk/versjoner/"


def test_every_answer_carries_the_licence_and_the_attribution_rule(api, article):
    _response, body = api("/api/v1/artikler/tisk/")
    assert body["meta"]["licence"] == {"id": "NLOD-2.0", "name": "Norsk lisens for offentlige data (NLOD) 2.0",
                                       "url": "https://data.norge.no/nlod/no/2.0"}
    assert "tilgjengeliggjort av Kommuneportal" in body["meta"]["attribution"]
    assert body["links"]["self"] == "http://testserver/api/v1/artikler/tisk/"


def test_drafts_never_appear_in_the_list_the_article_or_its_versions(api, article, publisher):
    draft_only = make_article(slug="utkast", author=publisher, publish=False)
    add_version(article, publisher, title="Utkast til ny tekst")
    assert api("/api/v1/artikler/utkast/")[0].status_code == 404
    _response, body = api("/api/v1/artikler/")
    assert [item["slug"] for item in body["data"]] == ["tisk"]
    assert body["data"][0]["live_version"]["title"] == "TISK i kommunene"
    assert [version["number"] for version in api("/api/v1/artikler/tisk/versjoner/")[1]["data"]] == [1]
    response, problem = api("/api/v1/artikler/tisk/versjoner/2/")
    assert response.status_code == 404 and problem["status"] == 404 and draft_only.pk


def test_a_scheduled_version_is_invisible_until_its_time_and_then_is_the_live_one(api, article, publisher, at):
    publish_at = timezone.now() + hours(2)
    version_publish(version=add_version(article, publisher, title="TISK fra i morgen"), user=publisher,
                    publish_at=publish_at)
    assert api("/api/v1/artikler/tisk/")[1]["data"]["live_version"]["title"] == "TISK i kommunene"
    assert api("/api/v1/artikler/tisk/versjoner/2/")[0].status_code == 404
    with at(publish_at + hours(1)):
        assert api("/api/v1/artikler/tisk/")[1]["data"]["live_version"]["title"] == "TISK fra i morgen"
        assert [v["number"] for v in api("/api/v1/artikler/tisk/versjoner/")[1]["data"]] == [2, 1]


def test_a_withdrawn_article_answers_410_with_when_and_why(api, article, publisher):
    document_withdraw(document=article, user=publisher, reason="Erstattet av ny veileder.")
    for url in ("/api/v1/artikler/tisk/", "/api/v1/artikler/tisk/versjoner/", "/api/v1/artikler/tisk/versjoner/1/",
                "/api/v1/artikler/tisk/kapitler/"):
        response, problem = api(url)
        assert response.status_code == 410, url
        assert response["Content-Type"] == "application/problem+json"
        assert problem["withdrawal_reason"] == "Erstattet av ny veileder." and problem["withdrawn_at"]
        assert problem["title"] == "Trukket tilbake" and problem["type"] == "/api/#feil-trukket-tilbake"
    assert api("/api/v1/artikler/")[1]["data"] == []


def test_the_list_is_paged_by_cursor_through_every_article_once(api, publisher):
    for index in range(5):
        make_article(slug=f"a-{index}", author=publisher)
    seen, url = [], "/api/v1/artikler/?antall=2"
    while url:
        _response, body = api(url)
        seen += [item["slug"] for item in body["data"]]
        url = body["links"]["next"]
    assert seen == [f"a-{index}" for index in range(5)]


def test_the_list_filters_by_topic_kind_and_issuer(api, publisher):
    topic, issuer = make_topic(slug="legevakt"), make_issuer(slug="fhi")
    make_article(slug="i-tema", author=publisher, topics=[topic])
    make_article(slug="nyhet", author=publisher, kind="nyhet")
    make_article(slug="fra-fhi", author=publisher, issuer=issuer)
    slugs = lambda query: [item["slug"] for item in api(f"/api/v1/artikler/?{query}")[1]["data"]]  # noqa: E731
    assert slugs("tema=legevakt") == ["i-tema"]
    assert slugs("type=nyhet") == ["nyhet"]
    assert slugs("avsender=fhi") == ["fra-fhi"]


@pytest.mark.parametrize("query, parameter, code", [
    ("tema=finnes-ikke", "tema", "invalid_choice"), ("type=blogg", "type", "invalid_choice"),
    ("antall=0", "antall", "min_value"), ("antall=101", "antall", "max_value"), ("antall=x", "antall", "invalid"),
    ("markor=%00", "markor", "invalid"), ("markor=abc", "markor", "invalid"),
    ("sorter=tittel", "sorter", "unknown_parameter"), ("type=nyhet&type=veiledning", "type", "repeated_parameter"),
])
def test_a_bad_parameter_is_a_400_problem_in_norwegian_naming_it(api, article, query, parameter, code):
    response, problem = api(f"/api/v1/artikler/?{query}")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert problem["title"] == "Ugyldig parameter" and f"«{parameter}»" in problem["detail"]
    assert [(error["parameter"], error["code"]) for error in problem["errors"]] == [(parameter, code)]


def test_versions_are_listed_newest_first_with_change_type_and_note(api, article, publisher):
    version_publish(version=add_version(article, publisher, change_type="minor", change_note="Skrivefeil."),
                    user=publisher)
    _response, body = api("/api/v1/artikler/tisk/versjoner/")
    assert [(v["number"], v["change_type"], v["change_note"]) for v in body["data"]] == [
        (2, "minor", "Skrivefeil."), (1, "major", "Endring 1.")]
    assert body["data"][0]["links"]["page"] == "http://testserver/veiledning/tisk/versjon/2/"
    _response, one = api("/api/v1/artikler/tisk/versjoner/1/")
    assert one["data"]["number"] == 1 and one["data"]["published_at"]


def test_chapters_split_the_live_text_at_its_anchored_headings(api, publisher):
    body = "Innledning.\n\n## Faser {#faser}\n\n### Fase 1 {#fase-1}\n\nTidlig.\n\n## Lov {#lov}\n\nParagrafer."
    make_article(slug="notat", author=publisher, body=body)
    _response, result = api("/api/v1/artikler/notat/kapitler/")
    data = result["data"]
    assert data["intro_markdown"] == "Innledning."
    assert [(c["anchor"], c["heading"], c["level"], c["parent"], c["markdown"]) for c in data["chapters"]] == [
        ("faser", "Faser", 2, None, ""), ("fase-1", "Fase 1", 3, "faser", "Tidlig."), ("lov", "Lov", 2, None, "Paragrafer.")]
    assert data["chapters"][1]["url"] == "http://testserver/veiledning/notat/#fase-1"
    assert data["chapters"][2]["html"] == "<p>Paragrafer.</p>"


def test_the_prioritisation_note_is_given_by_chapter_as_published(api, publisher):
    from guidance.demo_content.prioritisation_note import BODY, CHAPTERS, SLUG

    make_article(slug=SLUG, author=publisher, title="Notat om prioritering", body=BODY)
    response, result = api("/api/v1/prioriteringsnotatet/")
    assert response.status_code == 200
    assert {chapter["anchor"]: chapter["heading"] for chapter in result["data"]["chapters"]} == CHAPTERS
    assert result["data"]["intro_markdown"].startswith("**Innhold**")


def test_topics_and_issuers_are_listed_with_links_to_their_articles(api, publisher):
    make_topic("Legevakt", "legevakt")
    make_issuer("KS", "ks")
    _response, topics = api("/api/v1/temaer/")
    assert topics["data"][0]["slug"] == "legevakt"
    assert topics["data"][0]["links"]["articles"] == "http://testserver/api/v1/artikler/?tema=legevakt"
    _response, issuers = api("/api/v1/avsendere/")
    assert {"slug": "ks", "name": "KS"} in issuers["data"]
