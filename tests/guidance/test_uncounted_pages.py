"""The change log only grows, so its pages are never counted: a page reads its own rows and one more."""

import pytest
from django.urls import reverse

from tests.factories import make_issuer, make_many_articles

pytestmark = pytest.mark.django_db

CHANGELOG = reverse("guidance:changelog")


@pytest.fixture
def many_changes():
    # 40 articles × 2 major versions: 80 entries, three pages of 30.
    return make_many_articles(40, 2, issuer=make_issuer("KS", "ks"))


def test_changelog_is_read_without_counting_every_change(client, django_assert_flat_queries, many_changes):
    with django_assert_flat_queries(10) as captured:
        response = client.get(CHANGELOG)
    assert response.status_code == 200
    assert not [query["sql"] for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]


def test_changelog_pages_move_older_and_newer(client, many_changes):
    first = client.get(CHANGELOG).content.decode()
    assert "Side 1" in first and 'rel="next" href="?side=2"' in first and 'rel="prev"' not in first

    last = client.get(CHANGELOG, {"side": 3}).content.decode()
    assert "Side 3" in last and 'rel="prev" href="?side=2"' in last and 'rel="next"' not in last


def test_changelog_pages_hold_every_change_once(client, many_changes):
    titles = []
    for number in (1, 2, 3):
        page = client.get(CHANGELOG, {"side": number}).content.decode()
        titles += [article.live_version.title for article in many_changes if article.live_version.title in page]
    assert len(titles) == len(set(titles)) == len(many_changes)


@pytest.mark.parametrize("side", ["4", "0", "-1", "x", "99999999999999999999999"])
def test_changelog_page_that_does_not_exist_is_404(client, many_changes, side):
    response = client.get(CHANGELOG, {"side": side})
    assert response.status_code == 404
    assert "Sidenummeret" in response.content.decode()
