from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.services import document_withdraw
from tests.factories import make_article, make_publisher

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    now = timezone.now()
    return make_article(slug="legevakt", versions=[
        {"title": "Legevakt", "summary": "Første ingress.", "publish_at": now - timedelta(days=30), "change_note": "Ny artikkel."},
        {"title": "Legevakt", "summary": "Ny ingress om ansatte.", "publish_at": now - timedelta(days=5),
         "change_note": "Oppdatert om de ansatte."},
        {"title": "Legevakt", "summary": "Ny ingress om ansatte!", "publish_at": now - timedelta(days=1),
         "change_type": "minor", "change_note": "Rettet tegnsetting."},
        {"title": "Legevakt (utkast)", "publish_at": None, "change_note": "Hemmelig utkast."},
        {"title": "Legevakt (planlagt)", "publish_at": now + timedelta(days=1), "change_note": "Planlagt endring."},
    ])


def _history(client, **params):
    return client.get(reverse("guidance:history", args=["legevakt"]), params)


def test_history_lists_every_published_version_with_date_type_and_note(client, article):
    response = _history(client)
    html = response.content.decode()
    assert response.status_code == 200
    for note in ("Ny artikkel.", "Oppdatert om de ansatte.", "Rettet tegnsetting."):
        assert note in html
    assert "Vesentlig endring" in html and "Mindre endring" in html
    assert 'id="versjon-3"' in html and 'id="versjon-4"' not in html and 'id="versjon-5"' not in html
    assert "Hemmelig utkast." not in html and "Planlagt endring." not in html


def test_compare_form_offers_only_published_versions(client, article):
    html = _history(client).content.decode()
    assert '<option value="3" selected>' in html and '<option value="2" selected>' in html
    assert 'value="4"' not in html and 'value="5"' not in html


def test_comparing_two_versions_marks_insertions_and_deletions_with_text(client, article):
    response = _history(client, fra=1, til=2)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Endringer fra versjon 1 til versjon 2" in html
    assert '<del><span class="kp-diff-label">Fjernet:</span> Første</del>' in html
    assert '<ins><span class="kp-diff-label">Lagt til:</span> Ny</ins>' in html
    assert 'kp-diff' in html


def test_compare_with_only_til_uses_the_previous_published_version(client, article):
    html = _history(client, til=3).content.decode()
    assert "Endringer fra versjon 2 til versjon 3" in html


def test_compare_in_either_order_shows_older_to_newer(client, article):
    html = _history(client, fra=3, til=1).content.decode()
    assert "Endringer fra versjon 1 til versjon 3" in html


@pytest.mark.parametrize("params", [
    {"fra": 1, "til": 4},          # a draft
    {"fra": 1, "til": 5},          # scheduled, not yet published
    {"fra": 1, "til": 99},
    {"fra": "x", "til": "y"},
    {"fra": 2, "til": 2},
    {"fra": 1},
    {"fra": 1, "til": "<script>"},
])
def test_bad_compare_parameters_get_a_400_page_with_explanation(client, article, params):
    response = _history(client, **params)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Sammenligningen kunne ikke vises" in html
    assert "Hemmelig utkast" not in html and "<script>" not in html


def test_history_of_unknown_or_unpublished_article_is_404(client):
    assert client.get(reverse("guidance:history", args=["finnes-ikke"])).status_code == 404
    make_article(slug="utkast", versions=[{"publish_at": None}])
    assert client.get(reverse("guidance:history", args=["utkast"])).status_code == 404


def test_history_of_withdrawn_article_stays_available(client, article):
    document_withdraw(document=article, user=make_publisher(), reason="Erstattet.")
    response = _history(client)
    assert response.status_code == 200
    assert "trukket tilbake" in response.content.decode()


def test_changelog_groups_major_changes_by_date_without_minor_ones(client, article):
    response = client.get(reverse("guidance:changelog"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Oppdatert om de ansatte." in html and "Ny artikkel." in html
    assert "Rettet tegnsetting." not in html and "Planlagt endring." not in html and "Hemmelig utkast." not in html
    day = timezone.localdate(timezone.now() - timedelta(days=5))
    assert f'<time datetime="{day:%Y-%m-%d}">{day:%d.%m.%Y}</time>' in html
    assert html.index("Oppdatert om de ansatte.") < html.index("Ny artikkel.")
    assert reverse("guidance:history", args=["legevakt"]) + "?til=2" in html


def test_changelog_leaves_out_withdrawn_articles(client, article):
    document_withdraw(document=article, user=make_publisher(), reason="Erstattet.")
    assert "Oppdatert om de ansatte." not in client.get(reverse("guidance:changelog")).content.decode()


def test_changelog_bad_page_is_404(client, article):
    assert client.get(reverse("guidance:changelog"), {"side": 7}).status_code == 404
