"""«Få varsel om endringer» on a measure's page: one click to a subscription form with that measure ticked,
as an article's page does for its article (?guidance_article=<pk>)."""

import re

import pytest

from alerts.models import Subscription
from staffing.models import Measure
from tests.alerts.conftest import ticked_inputs

pytestmark = pytest.mark.django_db


def _alert_link(html):
    links = re.findall(r'<a class="ds-link" href="([^"]+)">Få varsel om endringer i dette tiltaket</a>', html)
    assert len(links) == 1, "the measure page has one «Få varsel om endringer» link"
    return links[0].replace("&amp;", "&")


def test_the_measure_page_links_to_alerts_with_the_measure_ticked(demo, client):
    measure = Measure.objects.get(slug="sivilforsvaret-og-forsvaret")
    link = _alert_link(client.get(measure.get_absolute_url()).content.decode())
    assert link == f"/varsel/?staffing_measure={measure.pk}"
    form = client.get(link)
    assert form.status_code == 200
    assert ticked_inputs(form.content.decode()) == {"staffing_measure": [str(measure.pk)], "frequency": ["immediate"]}


def test_sending_the_form_as_it_comes_subscribes_to_that_measure_only(demo, client):
    measure = Measure.objects.get(slug="studentlisens")
    link = _alert_link(client.get(measure.get_absolute_url()).content.decode())
    ticked = ticked_inputs(client.get(link).content.decode())
    response = client.post("/varsel/", {**ticked, "email": "kommuneoverlege@hamar.kommune.no"})
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.everything is False
    assert list(subscription.interests.values_list("facet", "value")) == [("staffing.measure", str(measure.pk))]
