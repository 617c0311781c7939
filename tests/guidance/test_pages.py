from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from guidance.models import ExternalLink
from publishing.services import document_withdraw
from tests.factories import make_article, make_issuer, make_many_articles, make_publisher, make_topic

pytestmark = pytest.mark.django_db


def _html(response):
    return response.content.decode()


def test_list_shows_live_articles_newest_substantive_change_first(client):
    now = timezone.now()
    make_article(title="Eldre artikkel", published_at=now - timedelta(days=10))
    make_article(title="Nyere artikkel", published_at=now - timedelta(days=1))
    # A minor correction yesterday must not lift an old article above a newer substantive change.
    make_article(title="Gammel med rettelse", versions=[
        {"publish_at": now - timedelta(days=20)},
        {"publish_at": now - timedelta(hours=2), "change_type": "minor", "change_note": ""},
    ])
    html = _html(client.get(reverse("guidance:list")))
    assert html.index("Nyere artikkel") < html.index("Eldre artikkel") < html.index("Gammel med rettelse")
    assert "3 artikler" in html


def test_list_hides_drafts_scheduled_and_withdrawn_articles(client):
    publisher = make_publisher()
    make_article(title="Synlig artikkel")
    make_article(title="Bare utkast", versions=[{"publish_at": None}])
    make_article(title="Planlagt artikkel", versions=[{"publish_at": timezone.now() + timedelta(days=1)}])
    withdrawn = make_article(title="Tilbaketrukket artikkel")
    document_withdraw(document=withdrawn, user=publisher, reason="Erstattet av ny veileder.")
    html = _html(client.get(reverse("guidance:list")))
    assert "Synlig artikkel" in html
    for hidden in ("Bare utkast", "Planlagt artikkel", "Tilbaketrukket artikkel"):
        assert hidden not in html


def test_list_filters_combine_as_bookmarkable_get_parameters(client):
    topic, other_topic = make_topic("Vaksinering", "vaksinering"), make_topic("Legevakt", "legevakt")
    ks, fhi = make_issuer("KS", "ks"), make_issuer("FHI", "fhi")
    make_article(title="KS om vaksinering", issuer=ks, topics=[topic])
    make_article(title="FHI om vaksinering", issuer=fhi, topics=[topic])
    make_article(title="KS-nyhet om vaksinering", issuer=ks, topics=[topic], kind="nyhet")
    make_article(title="KS om legevakt", issuer=ks, topics=[other_topic])
    response = client.get(reverse("guidance:list"), {"tema": "vaksinering", "avsender": "ks", "type": "veiledning"})
    html = _html(response)
    assert response.status_code == 200
    assert "KS om vaksinering" in html
    assert "FHI om vaksinering" not in html and "KS-nyhet om vaksinering" not in html and "KS om legevakt" not in html
    assert '<option value="vaksinering" selected>' in html


@pytest.mark.parametrize("params", [{"tema": "finnes-ikke"}, {"type": "roman"}, {"avsender": "<script>"}])
def test_unknown_filter_value_gets_a_clear_400_page_not_an_error(client, params):
    response = client.get(reverse("guidance:list"), params)
    html = _html(response)
    assert response.status_code == 400
    assert "Filteret kunne ikke brukes" in html and "finnes ikke" in html
    assert "<script>" not in html


def test_list_paginates_twenty_per_page_with_accessible_navigation(client):
    issuer = make_issuer()
    publisher = make_publisher()
    for index in range(45):
        make_article(title=f"Artikkel nummer {index:02d}", issuer=issuer, author=publisher)
    first = _html(client.get(reverse("guidance:list")))
    assert first.count('class="kp-article-item"') == 20
    assert 'aria-label="Sider i artikkellisten"' in first and "Side 1 av 3" in first
    assert 'aria-current="page"' in first
    third = client.get(reverse("guidance:list"), {"side": 3})
    assert _html(third).count('class="kp-article-item"') == 5 and "Side 3 av 3" in _html(third)


def test_filters_are_kept_in_pagination_links(client):
    topic = make_topic("Smittevern", "smittevern")
    issuer, publisher = make_issuer(), make_publisher()
    for index in range(21):
        make_article(title=f"Smittevern {index}", topics=[topic], issuer=issuer, author=publisher)
    html = _html(client.get(reverse("guidance:list"), {"tema": "smittevern"}))
    assert 'href="?side=2&amp;tema=smittevern"' in html


@pytest.mark.parametrize("page", ["0", "99", "abc", "-1", "1.5"])
def test_bad_page_number_gets_a_clear_404_page(client, page):
    make_article()
    response = client.get(reverse("guidance:list"), {"side": page})
    assert response.status_code == 404
    assert "Sidenummeret er ikke et tall" in _html(response)


def test_article_page_shows_live_version_dates_issuer_topics_and_latest_change_note(client):
    now = timezone.now()
    topic = make_topic("Legevakt", "legevakt")
    article = make_article(slug="legevakt", issuer=make_issuer("KS", "ks"), topics=[topic], versions=[
        {"title": "Legevakt v1", "publish_at": now - timedelta(days=30), "change_note": "Ny artikkel."},
        {"title": "Legevakt v2", "publish_at": now - timedelta(days=3), "change_note": "Oppdatert om ansatte."},
        {"title": "Legevakt v3", "publish_at": now - timedelta(days=1), "change_type": "minor", "change_note": "Skrivefeil."},
        {"title": "Legevakt utkast", "publish_at": None},
    ])
    response = client.get(article.get_absolute_url())
    html = _html(response)
    assert response.status_code == 200
    assert "Legevakt v3" in html and "Legevakt utkast" not in html
    assert "KS" in html and 'href="/veiledning/tema/legevakt/"' in html
    first = timezone.localtime(now - timedelta(days=30))
    last_major = timezone.localtime(now - timedelta(days=3))
    assert f'<time datetime="{first:%Y-%m-%dT%H:%M:%S}' in html and f"{first:%d.%m.%Y}" in html
    # A text with no source: its dates are the portal's, and say so (issue 24).
    assert "<dt>Publisert i Kommuneportalen</dt>" in html and "<dt>Sist vesentlig endret i Kommuneportalen</dt>" in html
    assert html.index("Sist vesentlig endret i Kommuneportalen") < html.index(f"{last_major:%d.%m.%Y}")
    assert "Oppdatert om ansatte." in html and "Skrivefeil." not in html
    assert reverse("guidance:history", args=["legevakt"]) in html


def test_article_body_is_rendered_markdown_without_scripts(client):
    article = make_article(body="## Mellomtittel\n\n<script>alert(1)</script>[lenke](javascript:alert(1))")
    html = _html(client.get(article.get_absolute_url()))
    assert "<h2>Mellomtittel</h2>" in html
    assert "alert(1)" not in html and "javascript:" not in html


def test_unknown_article_slug_is_404(client):
    assert client.get(reverse("guidance:article", args=["finnes-ikke"])).status_code == 404


def test_unpublished_article_is_404(client):
    article = make_article(versions=[{"publish_at": None}])
    assert client.get(article.get_absolute_url()).status_code == 404


def test_withdrawn_article_says_when_and_why_with_status_410(client):
    article = make_article(title="Gammel veileder")
    document_withdraw(document=article, user=make_publisher(), reason="Erstattet av ny veileder fra FHI.")
    response = client.get(article.get_absolute_url())
    html = _html(response)
    assert response.status_code == 410
    assert "Artikkelen er trukket tilbake" in html and "Erstattet av ny veileder fra FHI." in html
    assert timezone.localdate().strftime("%d.%m.%Y") in html
    assert reverse("guidance:history", args=[article.slug]) in html


def test_article_template_renders_a_draft_as_preview(rf):
    from guidance.views import render_article

    article = make_article(slug="forhandsvis", versions=[{}, {"title": "Ny tittel i utkast", "publish_at": None,
                                                              "change_note": "Nytt avsnitt."}])
    draft = article.latest_version()
    request = rf.get("/")
    request.user = make_publisher()
    html = render_article(request, article, draft, preview=True).content.decode()
    assert "Forhåndsvisning" in html and "Ny tittel i utkast" in html and "Nytt avsnitt." in html


def test_topic_page_lists_the_topics_live_articles(client):
    topic = make_topic("Smittesporing", "smittesporing")
    make_article(title="Om smittesporing", topics=[topic])
    make_article(title="Om noe annet")
    response = client.get(reverse("guidance:topic", args=["smittesporing"]))
    html = _html(response)
    assert response.status_code == 200
    assert "Om smittesporing" in html and "Om noe annet" not in html
    assert reverse("guidance:topic_feed", args=["smittesporing"]) in html
    assert client.get(reverse("guidance:topic", args=["finnes-ikke"])).status_code == 404


def test_news_list_shows_only_news_newest_first(client):
    now = timezone.now()
    make_article(title="Gammel nyhet", kind="nyhet", published_at=now - timedelta(days=5))
    make_article(title="Fersk nyhet", kind="nyhet", published_at=now - timedelta(days=1))
    make_article(title="En veileder", kind="veiledning")
    html = _html(client.get(reverse("guidance:news")))
    assert html.index("Fersk nyhet") < html.index("Gammel nyhet")
    assert "En veileder" not in html


def test_faq_page_groups_questions_by_topic(client):
    vaccine, tracing = make_topic("Vaksinering", "vaksinering", 1), make_topic("Smittesporing", "smittesporing", 2)
    make_article(title="Hvem skal vaksineres?", kind="sporsmal-og-svar", topics=[vaccine])
    make_article(title="Hvem kan smittespore?", kind="sporsmal-og-svar", topics=[tracing])
    make_article(title="Spørsmål uten tema", kind="sporsmal-og-svar")
    make_article(title="Ikke et spørsmål", kind="veiledning", topics=[vaccine])
    html = _html(client.get(reverse("guidance:faq")))
    assert html.index('id="tema-vaksinering"') < html.index("Hvem skal vaksineres?") < html.index('id="tema-smittesporing"')
    assert html.index('id="tema-smittesporing"') < html.index("Hvem kan smittespore?") < html.index('id="tema-annet"')
    assert html.index('id="tema-annet"') < html.index("Spørsmål uten tema")
    assert "Ikke et spørsmål" not in html


def test_faq_page_shows_25_questions_a_page_and_its_contents_lead_to_the_page_each_topic_starts_on(client):
    vaccine, tracing = make_topic("Vaksinering", "vaksinering", 1), make_topic("Smittesporing", "smittesporing", 2)
    make_many_articles(30, 1, topics=[vaccine], kind="sporsmal-og-svar")
    make_article(title="Hvem kan smittespore?", kind="sporsmal-og-svar", topics=[tracing])
    first = _html(client.get(reverse("guidance:faq")))
    assert first.count('class="kp-faq-item"') == 25 and "Hvem kan smittespore?" not in first
    assert 'href="/veiledning/sporsmal-og-svar/#tema-vaksinering">Vaksinering</a> (30) – fra side 1' in first
    assert 'href="?side=2#tema-smittesporing">Smittesporing</a> (1) – fra side 2' in first
    assert 'rel="next" href="?side=2"' in first
    second = _html(client.get(reverse("guidance:faq"), {"side": 2}))
    assert second.count('class="kp-faq-item"') == 6
    assert "Vaksinering (fortsatt fra forrige side)" in second
    assert second.index('id="tema-vaksinering"') < second.index('id="tema-smittesporing"') < second.index("Hvem kan smittespore?")
    assert "<title>Spørsmål og svar – side 2" in second


def test_faq_page_lists_a_question_under_each_of_its_topics(client):
    vaccine, tracing = make_topic("Vaksinering", "vaksinering", 1), make_topic("Smittesporing", "smittesporing", 2)
    question = make_article(title="Skal helsepersonell testes?", kind="sporsmal-og-svar", topics=[vaccine, tracing])
    html = _html(client.get(reverse("guidance:faq")))
    assert html.count("Skal helsepersonell testes?</h3>") == 2
    assert f'id="sporsmal-vaksinering-{question.pk}"' in html and f'id="sporsmal-smittesporing-{question.pk}"' in html
    assert "fra side" not in html and "fortsatt" not in html  # one page: no page numbers to give


@pytest.mark.parametrize("side", ["2", "0", "tre"])
def test_faq_page_that_does_not_exist_is_404(client, side):
    make_article(title="Hvem skal vaksineres?", kind="sporsmal-og-svar")
    response = client.get(reverse("guidance:faq"), {"side": side})
    assert response.status_code == 404
    assert "Sidenummeret er ikke et tall" in _html(response)


def test_external_links_page_lists_links_with_issuer(client):
    ExternalLink.objects.create(title="Koronavirus - informasjon fra NAV", url="https://www.nav.no/",
                                description="Informasjon til kommunene.", issuer=make_issuer("NAV", "nav"))
    html = _html(client.get(reverse("guidance:links")))
    assert 'href="https://www.nav.no/"' in html and "Koronavirus - informasjon fra NAV" in html and "NAV" in html


def test_front_page_shows_latest_major_changes_and_news(client):
    now = timezone.now()
    make_article(title="Veileder med endring", versions=[
        {"publish_at": now - timedelta(days=9)},
        {"publish_at": now - timedelta(days=2), "change_note": "Nye råd om karantene."},
    ])
    make_article(title="Siste nyhet fra Statsforvalteren", kind="nyhet")
    html = _html(client.get("/"))
    assert "Nye råd om karantene." in html and "Veileder med endring" in html
    assert "Siste nyhet fra Statsforvalteren" in html


def test_article_page_reads_the_latest_change_from_a_major_live_version_without_another_query(client):
    """The live version is the newest published one: when it is major it is the latest change itself."""
    now = timezone.now()
    major = make_article(slug="stor-endring", versions=[
        {"publish_at": now - timedelta(days=3), "change_note": "Ny artikkel."},
        {"publish_at": now - timedelta(days=1), "change_note": "Nye regler for besøk."},
    ])
    minor = make_article(slug="liten-endring", versions=[
        {"publish_at": now - timedelta(days=3), "change_note": "Nye regler for testing."},
        {"publish_at": now - timedelta(days=1), "change_type": "minor", "change_note": "Skrivefeil."},
    ])
    queries, pages = {}, {}
    for article in (major, minor):
        with CaptureQueriesContext(connection) as captured:
            pages[article.slug] = _html(client.get(article.get_absolute_url()))
        queries[article.slug] = len(captured)
    assert "Nye regler for besøk." in pages["stor-endring"]
    assert "Nye regler for testing." in pages["liten-endring"] and "Skrivefeil." not in pages["liten-endring"]
    assert queries["stor-endring"] == queries["liten-endring"] - 1
