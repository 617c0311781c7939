"""Every published version readable in full at its own address, diffs of the text readers see, and
the summary said once (issue 13)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.diff import diff_versions, reader_text
from publishing.services import document_withdraw
from tests.factories import make_article, make_many_articles, make_publisher

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    now = timezone.now()
    return make_article(slug="legevakt", versions=[
        {"title": "Legevakt", "summary": "Slik var det i juni.", "body": "## Bemanning\n\nTo **leger** på vakt.",
         "publish_at": now - timedelta(days=30), "change_note": "Ny artikkel."},
        {"title": "Legevakt", "summary": "Slik er det nå.", "body": "## Bemanning\n\nTre **leger** på vakt.",
         "publish_at": now - timedelta(days=5), "change_note": "Flere leger."},
        {"title": "Legevakt (utkast)", "summary": "Hemmelig utkast.", "publish_at": None},
        {"title": "Legevakt (planlagt)", "summary": "Planlagt tekst.", "publish_at": now + timedelta(days=1)},
    ])


def _version(client, number, slug="legevakt"):
    return client.get(reverse("guidance:version", args=[slug, number]))


def test_an_earlier_version_is_readable_in_full_and_says_it_is_not_the_current_one(client, article):
    response = _version(client, 1)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Slik var det i juni." in html and "<h2>Bemanning</h2>" in html and "To <strong>leger</strong>" in html
    assert "Slik er det nå." not in html
    assert "Dette er ikke den gjeldende versjonen" in html and "gjaldt til" in html
    assert f'href="{article.get_absolute_url()}">Les den gjeldende versjonen' in html
    assert reverse("guidance:history", args=["legevakt"]) + "?fra=1&amp;til=2#forskjell-tittel" in html
    assert "Første publisering" in html and '<meta name="robots" content="noindex">' in html


def test_the_current_version_says_so_and_links_to_what_changed_in_it(client, article):
    html = _version(client, 2).content.decode()
    assert "Versjon 2 er den gjeldende versjonen" in html and "Slik er det nå." in html
    assert reverse("guidance:history", args=["legevakt"]) + "?til=2#forskjell-tittel" in html
    assert "Vesentlig endring" in html


@pytest.mark.parametrize("number", [3, 4, 99])  # a draft, a scheduled version, no such version
def test_only_published_versions_have_an_address(client, article, number):
    response = _version(client, number)
    assert response.status_code == 404
    assert "Hemmelig utkast." not in response.content.decode() and "Planlagt tekst." not in response.content.decode()


def test_versions_of_an_unknown_article_are_404(client):
    assert _version(client, 1, slug="finnes-ikke").status_code == 404


def test_versions_of_a_withdrawn_article_stay_readable_and_say_it_was_withdrawn(client, article):
    document_withdraw(document=article, user=make_publisher(), reason="Erstattet.")
    html = _version(client, 2).content.decode()
    assert "Artikkelen er trukket tilbake" in html and "Slik er det nå." in html
    assert "Les den gjeldende versjonen" not in html


def test_the_history_table_links_every_version_and_calls_the_first_a_first_publication(client, article):
    html = client.get(reverse("guidance:history", args=["legevakt"])).content.decode()
    for number in (1, 2):
        assert f'href="{reverse("guidance:version", args=["legevakt", number])}"' in html
    assert reverse("guidance:version", args=["legevakt", 3]) not in html
    first_row = html[html.index('id="versjon-1"'):]
    first_row = first_row[:first_row.index("</tr>")]
    assert "Første publisering" in first_row and "Vesentlig endring" not in first_row
    assert '<td data-label="Publisert">' in html  # each cell names its column when stacked on a phone


def test_the_diff_compares_the_text_readers_see_not_the_markdown(client, article):
    html = client.get(reverse("guidance:history", args=["legevakt"]), {"fra": 1, "til": 2}).content.decode()
    comparison = html[html.index('id="forskjell-tittel"'):html.index('id="versjoner-tittel"')]
    assert "##" not in comparison and "**" not in comparison
    assert '<del><span class="kp-diff-label">Fjernet:</span> To</del>' in comparison
    assert '<ins><span class="kp-diff-label">Lagt til:</span> Tre</ins>' in comparison


def test_a_change_of_formatting_alone_is_flagged_and_a_new_link_address_is_shown():
    publisher = make_publisher()
    article = make_article(author=publisher, versions=[
        {"body": "Se [FHI](https://fhi.no/a) og **viktig** tekst."},
        {"body": "Se [FHI](https://fhi.no/b) og **viktig** tekst."},
        {"body": "Se [FHI](https://fhi.no/b) og *viktig* tekst."},
    ])
    first, second, third = article.versions.order_by("number")
    link_change = next(row for row in diff_versions(first, second, as_read=True) if row["field"] == "body")
    assert link_change["changed"] and not link_change["formatting_only"]
    assert "fhi.no/a" in link_change["html"] and "fhi.no/b" in link_change["html"]
    emphasis = next(row for row in diff_versions(second, third, as_read=True) if row["field"] == "body")
    assert emphasis["changed"] and emphasis["formatting_only"] and "<del>" not in emphasis["html"]


def test_reader_text_keeps_headings_lists_and_tables_readable_without_markup():
    text = reader_text("## Tittel\n\nEt **fett** ord.\n\n- en\n- to\n\n1. først\n2. så\n\n| A | B |\n|---|---|\n| 1 | 2 |")
    assert text == "Tittel\n\nEt fett ord.\n\n• en\n• to\n\n1. først\n2. så\n\nA | B\n1 | 2"


def test_a_summary_the_body_begins_with_is_shown_once(client):
    summary = "Kommunene skaffer digitale verktøy for smittesporing."
    article = make_article(slug="verktoy", kind="sporsmal-og-svar", summary=summary,
                           body=f"{summary.replace('digitale verktøy', '**digitale verktøy**')}\n\nMer tekst.")
    for url in (article.get_absolute_url(), reverse("guidance:version", args=["verktoy", 1]), reverse("guidance:faq")):
        html = client.get(url).content.decode()
        html = html[html.index("<main"):]  # the page's description meta tag says it too, for search engines
        assert html.count("Kommunene skaffer") == 1, url
        assert "<strong>digitale verktøy</strong>" in html and "Mer tekst." in html


def test_a_summary_the_body_does_not_repeat_is_shown_as_the_lead(client):
    article = make_article(summary="Kort ingress.", body="Helt annen brødtekst.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'kp-lead" data-size="lg">Kort ingress.</p>' in html and "Helt annen brødtekst." in html


# The article with its live version and issuer, the numbers of its published versions,
# the version asked for (with, for an earlier one, the version that replaced it: its date is shown as
# honestly as its own source allows, at no query of its own), and the contact point in the banner.
VERSION_PAGE_QUERIES = 4


@pytest.mark.parametrize("versions_each", [2, 60], ids=["2-versjoner", "60-versjoner"])
@pytest.mark.parametrize("which", ["first", "current"])
def test_a_version_page_costs_the_same_however_many_versions_there_are(client, django_assert_flat_queries,
                                                                       versions_each, which):
    article = make_many_articles(3, versions_each=versions_each)[0]
    number = 1 if which == "first" else versions_each
    with django_assert_flat_queries(VERSION_PAGE_QUERIES) as captured:
        response = _version(client, number, slug=article.slug)
    assert response.status_code == 200
    assert ("gjaldt til" in response.content.decode()) is (which == "first")
    assert len(captured) == VERSION_PAGE_QUERIES
