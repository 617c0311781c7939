"""Every link in the e-mails goes to settings.SITE_URL, which `make run PORT=…` sets to the port it
serves (issue 28; tests/portal/test_make_run.py): a demo on :8310 sends links to :8310."""

import re

import pytest
from django.core import mail

from tests.alerts.conftest import publish_change, send_alerts, subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db

DEMO = "http://127.0.0.1:8310"


def links(message):
    return re.findall(r"https?://\S+", message.body)


def test_the_confirmation_e_mail_links_to_the_site_url(client, settings):
    settings.SITE_URL = DEMO
    subscribe(client, "a@example.no", everything="on")
    (confirmation,) = mail.outbox
    assert links(confirmation) and all(link.startswith(DEMO + "/") for link in links(confirmation))


def test_alert_manage_and_unsubscribe_links_go_to_the_site_url(client, settings, article, publisher):
    settings.SITE_URL = DEMO
    subscribe_and_confirm(client, "a@example.no", everything="on")
    publish_change(article, publisher)
    send_alerts()
    (alert,) = mail.outbox
    found = links(alert)
    assert any("/varsel/endre/" in link for link in found) and any("/varsel/avmeld/" in link for link in found)
    assert all(link.startswith(DEMO + "/") for link in found), found
    assert alert.extra_headers["List-Unsubscribe"].startswith(f"<{DEMO}/")
