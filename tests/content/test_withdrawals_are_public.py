"""A withdrawal and a reinstatement are public events (issue 24): the withdrawn page keeps a notice with
the reason and the date, and the change log, the feeds and the article's public history say «Trukket
tilbake» / «Gjeninnført», dated by the portal, whose acts they are. The alerts: tests/alerts."""

import feedparser
import pytest

from guidance.models import Topic
from publishing.services import document_reinstate, document_withdraw
from tests.factories import make_article, make_publisher

pytestmark = pytest.mark.django_db

REASON = "Erstattet av den nye veilederen for smittesporing."


@pytest.fixture
def withdrawn():
    topic = Topic.objects.create(name="Smittesporing", slug="smittesporing")
    article = make_article(slug="tisk", title="TISK i kommunene", topics=[topic])
    document_withdraw(document=article, user=make_publisher(), reason=REASON)
    return article


def test_the_withdrawn_page_answers_410_with_the_reason_and_the_date(client, withdrawn):
    response = client.get("/veiledning/tisk/")
    html = response.content.decode()
    assert response.status_code == 410
    from django.utils import timezone

    assert "Artikkelen er trukket tilbake" in html and REASON in html
    assert f"trakk artikkelen tilbake {timezone.localdate():%d.%m.%Y}" in html


def test_the_change_log_names_the_withdrawal_with_its_reason(client, withdrawn):
    html = client.get("/veiledning/endringer/").content.decode()
    section = html.split('id="trukket-tittel"', 1)[1].split("</section>", 1)[0]
    assert "Trukket tilbake" in section and "TISK i kommunene" in section and REASON in section
    assert "i Kommuneportalen" in section  # the date is the portal's


def test_the_feeds_carry_the_withdrawal_as_an_entry(client, withdrawn):
    for path in ("/veiledning/feed/", "/veiledning/tema/smittesporing/feed/"):
        feed = feedparser.parse(client.get(path).content)
        entry = next(entry for entry in feed.entries if entry.title.startswith("Trukket tilbake"))
        assert entry.title == "Trukket tilbake: TISK i kommunene"
        assert REASON in entry.summary and "i Kommuneportalen" in entry.summary
        assert entry.link.endswith("/veiledning/tisk/")


def test_after_reinstatement_the_public_history_keeps_the_withdrawal(client, withdrawn):
    document_reinstate(document=withdrawn, user=make_publisher())
    assert client.get("/veiledning/tisk/").status_code == 200
    html = client.get("/veiledning/tisk/historikk/").content.decode()
    events = html.split('id="trukket-tittel"', 1)[1].split("</h3>", 1)[1].split("</ul>", 1)[0]
    assert events.index("Gjeninnført") < events.index("Trukket tilbake")  # newest first
    assert REASON in events
    log = client.get("/veiledning/endringer/").content.decode().split('id="trukket-tittel"', 1)[1]
    assert "Gjeninnført" in log and "Trukket tilbake" in log
