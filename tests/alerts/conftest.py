import re
from datetime import timedelta
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from guidance.models import Issuer, Topic
from publishing.models import ChangeType
from publishing.services import version_create, version_publish
from tests.factories import make_article, make_publisher

CONFIRM_LINK = re.compile(r"https?://\S+/varsel/bekreft/\S+/")


@pytest.fixture
def publisher(db):
    return make_publisher()


@pytest.fixture
def topics(db):
    return {
        "smittesporing": Topic.objects.create(name="Smittesporing", slug="smittesporing"),
        "vaksinasjon": Topic.objects.create(name="Vaksinasjon", slug="vaksinasjon"),
    }


@pytest.fixture
def issuer(db):
    return Issuer.objects.create(name="Helsedirektoratet", slug="helsedirektoratet")


@pytest.fixture
def article(publisher, topics, issuer):
    """An article about contact tracing, first published a day ago."""
    return make_article(author=publisher, issuer=issuer, topics=[topics["smittesporing"]], slug="tisk",
                        title="TISK i kommunene", summary="Ingress.", body="Tekst.",
                        published_at=timezone.now() - timedelta(days=1))


def publish_change(article, publisher, *, change_type=ChangeType.MAJOR, note="Nye råd om karantene for nærkontakter.",
                   title=None, publish_at=None):
    latest = article.latest_version()
    content = {**latest.content(), "summary": latest.summary + " Endret.", "title": title or latest.title}
    version = version_create(document=article, author=publisher, based_on_number=latest.number,
                             change_type=change_type, change_note=note, **content)
    return version_publish(version=version, user=publisher, publish_at=publish_at)


def subscribe(client, email, **choices):
    data = {"email": email, "frequency": choices.pop("frequency", "immediate"), **choices}
    return client.post(reverse("alerts:subscribe"), data)


def confirm_link(message):
    return CONFIRM_LINK.search(message.body).group(0).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def subscribe_and_confirm(client, email, **choices):
    mail.outbox.clear()
    subscribe(client, email, **choices)
    (message,) = mail.outbox
    response = client.post(confirm_link(message))
    assert response.status_code == 200
    mail.outbox.clear()


def send_alerts(now=None):
    out = StringIO()
    call_command("send_alerts", now=now, stdout=out)
    return out.getvalue()


class _TickedInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("checkbox", "radio") and "checked" in attrs:
            self.data.setdefault(attrs["name"], []).append(attrs.get("value", "on"))


def ticked_inputs(html):
    """What a browser would send for a page's form as it stands: its ticked boxes and radios."""
    parser = _TickedInputs()
    parser.feed(html)
    return parser.data
