"""What changed, compactly (issue 28): the changed passages in place, unchanged fields named in one line,
everything side by side one link away; and a «vesentlig endring» that changes nothing is refused."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_publisher
from tests.guidance.admin_helpers import change_url, edit_post

pytestmark = pytest.mark.django_db

PARAGRAPHS = [f"Avsnitt {number} om noe som ikke endres i denne versjonen av veiledningen." for number in range(1, 30)]
BODY = "## Bemanning {#bemanning}\n\n" + "\n\n".join(PARAGRAPHS[:15]) + "\n\n## Legevakt\n\n" + "\n\n".join(PARAGRAPHS[15:])


@pytest.fixture
def article():
    now = timezone.now()
    changed = BODY.replace("Avsnitt 20 om noe som ikke endres", "Avsnitt 20 om legevakten som endres")
    return make_article(slug="lang", versions=[
        {"title": "Lang veiledning", "summary": "Ingress.", "body": BODY, "publish_at": now - timedelta(days=3)},
        {"title": "Lang veiledning", "summary": "Ingress.", "body": changed, "publish_at": now - timedelta(days=1),
         "change_note": "Rettet avsnittet om legevakten."},
    ])


def _comparison(client, **params):
    html = client.get(reverse("guidance:history", args=["lang"]), params).content.decode()
    return html[html.index('id="forskjell-tittel"'):html.index('id="sammenlign-tittel"')]


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_one_line_change_shows_that_paragraph_under_its_heading_and_nothing_else(client, article):
    comparison = _comparison(client, til=2)
    assert "Avsnitt 20 om" in comparison
    assert '<del><span class="kp-diff-label">Fjernet:</span> noe</del>' in comparison
    assert '<ins><span class="kp-diff-label">Lagt til:</span> legevakten</ins>' in comparison
    assert "Under «Legevakt»:" in _text(comparison)
    assert "Avsnitt 19" not in comparison and "Avsnitt 21" not in comparison and "Avsnitt 1 " not in comparison


def test_the_comparison_comes_first_with_the_change_note_and_names_the_unchanged_fields_in_one_line(client, article):
    html = client.get(reverse("guidance:history", args=["lang"]), {"til": 2}).content.decode()
    assert html.index('id="forskjell-tittel"') < html.index('id="sammenlign-tittel"') < html.index('id="versjoner-tittel"')
    comparison = _text(_comparison(client, til=2))
    assert "Endringsnotat: Rettet avsnittet om legevakten." in comparison
    assert "Uendret: tittel, ingress, kildedokument" in comparison
    assert comparison.count("Brødtekst") == 1  # one changed field, one heading; no empty boxes for the others


def test_the_full_comparison_is_one_link_away_and_shows_both_versions_of_every_field(client, article):
    comparison = _comparison(client, til=2)
    assert 'href="?fra=1&amp;til=2&amp;vis=alt#forskjell-tittel"' in comparison
    full = _comparison(client, fra=1, til=2, vis="alt")
    assert full.count("Avsnitt 19") == 2 and full.count('class="kp-sides"') >= 3
    assert "Versjon 1" in full and "Versjon 2" in full
    assert 'href="?fra=1&amp;til=2#forskjell-tittel"' in full  # and back to the changes only


def test_a_major_change_with_the_published_text_is_refused_with_a_clear_message(client):
    publisher = make_publisher()
    article = make_article(author=publisher, title="Smittesporing", summary="Ingress.", body="Tekst.")
    client.force_login(publisher)
    # A draft with other text, then the published text again as a major change.
    client.post(change_url(article), edit_post(article, based_on_number=1, title="Smittesporing", body="Annen tekst."))
    response = client.post(change_url(article), edit_post(article, based_on_number=2, title="Smittesporing",
                                                          body="Tekst.", change_note="Samme som før."))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Teksten er den samme som i den publiserte versjonen 1" in html and "«Mindre endring»" in html
    assert article.versions.count() == 2
    assert "Samme som før." in html  # what was typed is kept


def test_a_minor_change_back_to_the_published_text_is_allowed(client):
    publisher = make_publisher()
    article = make_article(author=publisher, title="Smittesporing", summary="Ingress.", body="Tekst.")
    client.force_login(publisher)
    client.post(change_url(article), edit_post(article, based_on_number=1, title="Smittesporing", body="Annen tekst."))
    response = client.post(change_url(article), edit_post(article, based_on_number=2, title="Smittesporing",
                                                          body="Tekst.", change_type="minor", change_note=""))
    assert response.status_code == 302 and article.versions.count() == 3
