"""Alerts in one step (issue 13): an address is all it takes, long lists fold away (articles are not
listed at all: tests/alerts/test_many_articles.py), and article, topic and issuer pages link to the
form with their own choice ticked."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from alerts.forms import FOLD_AFTER
from alerts.models import Subscription
from tests.alerts.conftest import subscribe_and_confirm, ticked_inputs
from tests.factories import make_article, make_issuer, make_many_measures, make_topic

pytestmark = pytest.mark.django_db


def _page(client, **params):
    return client.get(reverse("alerts:subscribe"), params).content.decode()


def test_entering_only_an_address_subscribes_to_every_substantive_change(client):
    ticked = ticked_inputs(_page(client))
    assert ticked == {"everything": ["on"], "frequency": ["immediate"]}
    response = client.post(reverse("alerts:subscribe"), {**ticked, "email": "leder@hamar.kommune.no"})
    assert response.status_code == 302 and response["Location"] == reverse("alerts:requested")
    assert Subscription.objects.get().everything is True
    assert len(mail.outbox) == 1


def test_a_link_from_an_article_ticks_that_article_instead_of_everything(client):
    articles = [make_article(slug=f"artikkel-{number}", title=f"Artikkel {number:02d}") for number in range(FOLD_AFTER + 3)]
    wanted = articles[4]
    html = _page(client, guidance_article=wanted.pk)
    assert ticked_inputs(html) == {"guidance_article": [str(wanted.pk)], "frequency": ["immediate"]}
    # Only the article asked for is on the page, not every article.
    assert html.count('name="guidance_article"') == 1 and "Artikkel 04" in html and "Artikkel 05" not in html
    client.post(reverse("alerts:subscribe"), {**ticked_inputs(html), "email": "a@example.no"})
    subscription = Subscription.objects.get()
    assert subscription.everything is False
    assert list(subscription.interests.values_list("facet", "value")) == [("guidance.article", str(wanted.pk))]


@pytest.mark.parametrize("value", ["999999", "x", "<script>"])
def test_a_link_asking_for_something_that_does_not_exist_falls_back_to_everything(client, value):
    make_topic("Legevakt", "legevakt")
    html = _page(client, guidance_topic=value)
    assert ticked_inputs(html) == {"everything": ["on"], "frequency": ["immediate"]}
    assert "<script>" not in html


def test_the_long_lists_fold_away_and_the_short_ones_stay_open(client):
    make_topic("Legevakt", "legevakt")
    issuer = make_issuer("KS", "ks")
    for number in range(FOLD_AFTER + 1):
        make_article(title=f"Artikkel {number:02d}", issuer=issuer)
    make_many_measures(FOLD_AFTER + 1, versions_each=1)
    html = _page(client)
    folded = re.findall(r'<details class="kp-choice-group" id="gruppe-(\w+)"( open)?>', html)
    assert folded == [("staffing_measure", "")]
    assert f'<summary>Enkelttiltak for bemanning ({FOLD_AFTER + 1})</summary>' in html
    assert html.index('<details class="kp-choice-group"') < html.index('name="staffing_measure"')
    assert 'name="guidance_topic"' in html[:html.index('<details class="kp-choice-group"')]
    assert 'name="guidance_article"' not in html  # articles are found by title, never listed whole


def test_an_error_in_a_folded_list_opens_it(client):
    make_many_measures(FOLD_AFTER + 1, versions_each=1)
    response = client.post(reverse("alerts:subscribe"), {"email": "a@example.no", "frequency": "immediate",
                                                         "staffing_measure": ["999999"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<details class="kp-choice-group" id="gruppe-staffing_measure" open>' in html
    assert 'value="a@example.no"' in html


def test_an_unknown_article_gives_an_error_next_to_the_articles(client):
    make_article(title="Artikkel 01")
    response = client.post(reverse("alerts:subscribe"), {"email": "a@example.no", "frequency": "immediate",
                                                         "guidance_article": ["999999"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<fieldset class="ds-fieldset kp-field " id="id_guidance_article"' in html
    assert "Noe du valgte, finnes ikke eller er trukket tilbake" in html


def test_article_topic_and_issuer_pages_link_to_alerts_about_themselves(client):
    topic, issuer = make_topic("Legevakt", "legevakt"), make_issuer("Helsedirektoratet", "helsedirektoratet")
    article = make_article(slug="legevakt", topics=[topic], issuer=issuer)
    subscribe = reverse("alerts:subscribe")
    assert f'href="{subscribe}?guidance_article={article.pk}"' in client.get(article.get_absolute_url()).content.decode()
    assert f'href="{subscribe}?guidance_topic={topic.pk}"' in client.get(topic.get_absolute_url()).content.decode()
    issuer_page = client.get(reverse("guidance:list"), {"avsender": "helsedirektoratet"}).content.decode()
    assert f'href="{subscribe}?guidance_issuer={issuer.pk}"' in issuer_page
    assert 'href="/veiledning/?avsender=helsedirektoratet"' in client.get(article.get_absolute_url()).content.decode()
    for link in (f"?guidance_topic={topic.pk}", f"?guidance_issuer={issuer.pk}"):
        facet = link[1:].split("=")[0]
        assert ticked_inputs(client.get(subscribe + link).content.decode())[facet] == [link.split("=")[1]]


def test_the_manage_page_shows_what_is_followed_and_never_ticks_everything_by_itself(client):
    from alerts.tokens import subscriber_token

    topic = make_topic("Legevakt", "legevakt")
    subscribe_and_confirm(client, "a@example.no", guidance_topic=[topic.pk], frequency="daily")
    token = subscriber_token(Subscription.objects.get())
    html = client.get(reverse("alerts:manage", args=[token])).content.decode()
    assert ticked_inputs(html) == {"guidance_topic": [str(topic.pk)], "frequency": ["daily"]}


def test_a_measure_page_can_link_to_alerts_about_that_measure(client):
    """The address for the staffing pages: /varsel/?staffing_measure=<pk> (and ?staffing_category=<number>)."""
    from tests.factories import make_measure

    measure = make_measure(slug="innsatspersonell", category=4)
    ticked = ticked_inputs(_page(client, staffing_measure=measure.pk, staffing_category=4))
    assert ticked == {"staffing_category": ["4"], "staffing_measure": [str(measure.pk)], "frequency": ["immediate"]}
