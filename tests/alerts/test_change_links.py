"""Alert mails link to the page and to the comparison of what changed, for every kind of document."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.alerts.conftest import publish_change, send_alerts, subscribe_and_confirm
from tests.factories import make_measure

pytestmark = pytest.mark.django_db


def test_measure_alert_links_to_a_comparison_that_shows_the_change(client, publisher):
    measure = make_measure(slug="pensjonister", title="Pensjonert helsepersonell", publisher=publisher)
    subscribe_and_confirm(client, "alt@example.no", everything="on")
    mail.outbox.clear()

    version = publish_change(measure, publisher, note="Ordningen gjelder igjen fra 10.09.2022.")
    send_alerts()

    compare = reverse("staffing:history", args=["pensjonister"]) + f"?fra=1&til={version.number}"
    body = mail.outbox[0].body
    assert compare in body
    page = client.get(compare)
    assert page.status_code == 200
    assert "Endringer fra versjon 1 til versjon 2" in page.content.decode()


def test_every_alert_source_builds_its_links_with_reverse(publisher):
    from alerts.sources import registry
    from tests.factories import make_article

    make_article(slug="tisk")
    make_measure(slug="studenter", publisher=publisher)
    changes = {}
    for source in registry().values():
        for version in source.new_versions(now=timezone.now(), dispatched_ids=[]):
            changes[source.key] = source.describe(version)
    assert changes["guidance.article"].url.endswith("/veiledning/tisk/")
    assert changes["guidance.article"].compare_url.endswith("/veiledning/tisk/historikk/")
    assert changes["staffing.measure"].url.endswith("/bemanning/studenter/")
    assert changes["staffing.measure"].compare_url.endswith("/bemanning/studenter/historikk/")
