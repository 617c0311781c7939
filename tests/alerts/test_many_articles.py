"""/varsel/ costs the same with 5 articles or 10 000 (issue 13). The broad choices (everything,
topics, issuers, the measures) are listed; an article is offered only when a link asks for it, when
the subscriber follows it already, or when the title search finds it (at most SEARCH_LIMIT)."""

import re

import pytest
from django.urls import reverse

from alerts.forms import MAX_FOLLOWED, SEARCH_LIMIT
from alerts.models import Subscription
from alerts.tokens import subscriber_token
from publishing.services import document_withdraw
from tests.alerts.conftest import subscribe_and_confirm
from tests.factories import make_article, make_issuer, make_many_articles, make_publisher, make_topic

pytestmark = pytest.mark.django_db

# The content clock, topics, issuers, measures and the footer's contact point; one more for the
# article a link asks for or for the title search.
QUERIES = 5


@pytest.fixture
def issuer():
    return make_issuer("Helsedirektoratet", "helsedirektoratet")


@pytest.fixture
def wanted(issuer):
    return make_article(slug="legevakt", title="Legevakt i helger", issuer=issuer)


def _ticked(html, name):
    return re.findall(rf'name="{name}" value="(\d+)" id="[^"]+" checked', html)


def _offered(html, name="guidance_article"):
    return re.findall(rf'<input class="ds-input" type="checkbox" name="{name}" value="(\d+)"', html)


def _sizes(client, django_assert_flat_queries, issuer, params, *, counts=(5, 300), extra=0):
    """The response size of GET /varsel/?params with each number of articles, checking the queries each time."""
    sizes, made = [], 0
    for count in counts:
        make_many_articles(count - made, 1, issuer=issuer)
        made = count
        with django_assert_flat_queries(QUERIES + extra):
            response = client.get(reverse("alerts:subscribe"), params)
        assert response.status_code == 200
        sizes.append(len(response.content))
    return sizes


def test_the_page_does_not_grow_with_the_articles(client, django_assert_flat_queries, issuer, wanted):
    small, large = _sizes(client, django_assert_flat_queries, issuer, {})
    assert small == large
    html = client.get(reverse("alerts:subscribe")).content.decode()
    assert _offered(html) == [] and "Legevakt i helger" not in html
    assert 'name="sok"' in html  # the way to find one


def test_a_link_to_one_article_costs_one_query_whatever_the_number_of_articles(
        client, django_assert_flat_queries, issuer, wanted):
    small, large = _sizes(client, django_assert_flat_queries, issuer, {"guidance_article": wanted.pk}, extra=1)
    assert small == large
    html = client.get(reverse("alerts:subscribe"), {"guidance_article": wanted.pk}).content.decode()
    assert _offered(html) == _ticked(html, "guidance_article") == [str(wanted.pk)]
    assert "Legevakt i helger" in html


def test_the_title_search_shows_at_most_the_limit(client, django_assert_flat_queries, issuer, wanted):
    sizes = _sizes(client, django_assert_flat_queries, issuer, {"sok": "Artikkel"}, counts=(50, 300), extra=1)
    assert abs(sizes[0] - sizes[1]) < 200  # the same number of results; only their ids and titles differ
    html = client.get(reverse("alerts:subscribe"), {"sok": "artikkel"}).content.decode()
    assert len(_offered(html)) == SEARCH_LIMIT
    assert f"Her er de {SEARCH_LIMIT} sist endrede" in html


def test_the_manage_page_shows_what_is_followed_and_costs_the_same(client, django_assert_flat_queries, issuer, wanted):
    make_many_articles(300, 1, issuer=issuer)
    subscribe_and_confirm(client, "a@example.no", guidance_article=[wanted.pk])
    url = reverse("alerts:manage", args=[subscriber_token(Subscription.objects.get())])
    with django_assert_flat_queries(QUERIES + 3):  # + the subscription, what it follows, and that one article
        html = client.get(url).content.decode()
    assert _offered(html) == _ticked(html, "guidance_article") == [str(wanted.pk)]


def test_searching_finds_an_article_by_title_and_keeps_what_was_typed(client, issuer, wanted):
    topic = make_topic("Smittesporing", "smittesporing")
    make_article(title="Karantene for nærkontakter", issuer=issuer)
    data = {"email": "leder@hamar.kommune.no", "guidance_topic": [topic.pk], "frequency": "daily",
            "sok": "legevakt", "finn": "1"}
    response = client.post(reverse("alerts:subscribe"), data)
    html = response.content.decode()
    assert response.status_code == 200 and not Subscription.objects.exists()
    assert "Skjemaet har feil" not in html
    assert 'value="leder@hamar.kommune.no"' in html
    assert _ticked(html, "guidance_topic") == [str(topic.pk)]
    assert 'value="daily" id="id_frequency_1" checked' in html
    assert _offered(html) == [str(wanted.pk)] and _ticked(html, "guidance_article") == []
    assert "1 artikkel har «legevakt» i tittelen." in html
    assert 'name="sok" id="id_sok" maxlength="100" aria' in html  # empty again: the next press sends the form

    data = {**data, "guidance_article": [wanted.pk], "sok": ""}
    del data["finn"]
    assert client.post(reverse("alerts:subscribe"), data).status_code == 302
    assert sorted(Subscription.objects.get().interests.values_list("facet", "value")) == [
        ("guidance.article", str(wanted.pk)), ("guidance.topic", str(topic.pk))]


def test_enter_in_the_search_box_searches_instead_of_subscribing(client, wanted):
    # Enter sends the form with its first button, «Send bekreftelse»; the unsearched text decides.
    response = client.post(reverse("alerts:subscribe"), {"email": "a@example.no", "frequency": "immediate",
                                                         "everything": "on", "sok": "helger"})
    assert response.status_code == 200 and not Subscription.objects.exists()
    assert _offered(response.content.decode()) == [str(wanted.pk)]


def test_the_search_button_without_words_asks_for_some(client, wanted):
    response = client.post(reverse("alerts:subscribe"), {"email": "a@example.no", "everything": "on",
                                                         "frequency": "immediate", "sok": " \x00 ", "finn": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and not Subscription.objects.exists()
    assert "Skriv ett eller flere ord fra tittelen" in html and "Skjemaet har feil" not in html


def test_nothing_found_says_so(client, wanted):
    html = client.get(reverse("alerts:subscribe"), {"sok": "kvantefysikk"}).content.decode()
    assert "Ingen publiserte artikler har «kvantefysikk» i tittelen." in html
    assert re.search(r'<input type="checkbox" name="everything"[^>]* checked', html)  # still the default


def test_the_search_finds_neither_drafts_nor_withdrawn_articles(client, issuer, wanted):
    make_article(title="Legevakt utkast", issuer=issuer, publish=False)
    withdrawn = make_article(title="Legevakt trukket", issuer=issuer)
    document_withdraw(document=withdrawn, user=make_publisher(), reason="Utdatert.")
    html = client.get(reverse("alerts:subscribe"), {"sok": "legevakt"}).content.decode()
    assert _offered(html) == [str(wanted.pk)]


@pytest.mark.parametrize("value", ["withdrawn", "999999", "x", "1\x00", "1" * 5000])
def test_an_unknown_or_withdrawn_article_is_refused_in_norwegian_and_the_rest_is_kept(client, issuer, wanted, value):
    topic = make_topic("Smittesporing", "smittesporing")
    withdrawn = make_article(title="Gammel veileder", issuer=issuer)
    document_withdraw(document=withdrawn, user=make_publisher(), reason="Utdatert.")
    value = str(withdrawn.pk) if value == "withdrawn" else value
    response = client.post(reverse("alerts:subscribe"), {
        "email": "leder@hamar.kommune.no", "frequency": "immediate", "guidance_topic": [topic.pk],
        "guidance_article": [wanted.pk, value]})
    html = response.content.decode()
    assert response.status_code == 200 and not Subscription.objects.exists()
    assert "Skjemaet har feil som må rettes" in html
    assert "Noe du valgte, finnes ikke eller er trukket tilbake" in html
    assert 'href="#id_guidance_article"' in html  # the summary links to the list
    assert 'value="leder@hamar.kommune.no"' in html
    assert _ticked(html, "guidance_topic") == [str(topic.pk)]
    assert _ticked(html, "guidance_article") == [str(wanted.pk)]  # the good one is kept, the bad one is gone
    assert "Gammel veileder" not in html and "\x00" not in html and "1" * 1000 not in html


def test_following_more_articles_than_the_limit_is_refused(client, issuer):
    articles = make_many_articles(MAX_FOLLOWED + 1, 1, issuer=issuer)
    response = client.post(reverse("alerts:subscribe"), {"email": "a@example.no", "frequency": "immediate",
                                                         "guidance_article": [a.pk for a in articles]})
    assert response.status_code == 200 and not Subscription.objects.exists()
    assert f"Du kan velge høyst {MAX_FOLLOWED} her." in response.content.decode()


def test_a_subscriber_adds_an_article_on_the_manage_page_by_searching(client, issuer, wanted):
    other = make_article(title="Karantene for nærkontakter", issuer=issuer)
    subscribe_and_confirm(client, "a@example.no", guidance_article=[wanted.pk])
    url = reverse("alerts:manage", args=[subscriber_token(Subscription.objects.get())])
    html = client.post(url, {"guidance_article": [wanted.pk], "frequency": "immediate", "sok": "karantene",
                             "finn": "1"}).content.decode()
    assert _ticked(html, "guidance_article") == [str(wanted.pk)]
    assert sorted(_offered(html)) == sorted([str(wanted.pk), str(other.pk)])
    assert f'formaction="{url}#enkeltartikler"' in html
    assert client.post(url, {"guidance_article": [wanted.pk, other.pk], "frequency": "immediate"}).status_code == 302
    assert sorted(Subscription.objects.get().interests.values_list("value", flat=True)) == sorted(
        [str(wanted.pk), str(other.pk)])


def test_the_statistics_list_only_the_articles_someone_follows(client, issuer, wanted):
    from tests.factories import make_superuser

    make_many_articles(30, 1, issuer=issuer)
    subscribe_and_confirm(client, "a@example.no", guidance_article=[wanted.pk])
    client.force_login(make_superuser())
    page = client.get(reverse("admin:alerts_subscription_statistics")).content.decode()
    assert "<td>Legevakt i helger</td><td>1</td>" in page
    assert "Artikkel " not in page
