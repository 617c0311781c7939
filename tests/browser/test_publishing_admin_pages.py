"""The publishing screens in a real browser: schedule with the dd.mm.åååå tt:mm field, and axe-core scans."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import add_version, make_article, make_publisher
from tests.guidance.admin_helpers import version_url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def draft():
    publisher = make_publisher("ansvarlig", password="et-langt-passord-123")
    article = make_article(author=publisher, title="Legevaktarbeid under koronautbruddet", body="Ring 116 117.")
    return add_version(article, publisher, title="Legevaktarbeid under koronautbruddet (oppdatert)",
                       body="Ring 116 117. Ved fare for liv: 113.", change_note="La til nødnummer.")


def test_a_publisher_schedules_a_draft_in_norwegian_time_with_the_browser(page, live_server, login, draft):
    login("ansvarlig", "et-langt-passord-123")
    year = timezone.now().year + 1
    page.goto(live_server.url + version_url("publish", draft.article, draft.number))
    page.fill("#id_publish_at", f"15.01.{year} 08:00")
    page.get_by_role("button", name="Planlegg").click()
    page.wait_for_load_state()

    assert f"publiseres 15.01.{year} kl. 08:00" in page.content()
    draft.refresh_from_db()
    assert draft.publish_at == datetime.datetime(year, 1, 15, 7, 0, tzinfo=datetime.UTC)  # winter time, UTC+1


def test_publishing_screens_have_no_axe_violations(page, live_server, login, assert_accessible, draft):
    login("ansvarlig", "et-langt-passord-123")
    article = draft.article
    for url in (
        f"/admin/guidance/article/{article.pk}/change/",
        version_url("publish", article, draft.number),
        version_url("compare", article, draft.number),
        version_url("restore", article, 1),
        version_url("preview", article, draft.number),
        f"/admin/guidance/article/{article.pk}/trekk-tilbake/",
    ):
        page.goto(live_server.url + url)
        assert_accessible(page)


def test_a_stale_save_in_the_browser_keeps_the_text_and_shows_an_accessible_diff(
        page, live_server, login, assert_accessible, draft):
    login("ansvarlig", "et-langt-passord-123")
    article = draft.article
    page.goto(live_server.url + f"/admin/guidance/article/{article.pk}/change/")
    page.fill("#id_body", "Min egen tekst som ikke må forsvinne.")
    page.fill("#id_change_note", "Min endring.")
    colleague = make_publisher("kollega")
    add_version(article, colleague, title="Kollegaens tittel", change_note="Kollegaens endring.")

    page.click("input[name=_continue]")
    page.wait_for_load_state()

    assert "Teksten ble ikke lagret: kollega lagret versjon 3" in page.content()
    assert page.input_value("#id_body") == "Min egen tekst som ikke må forsvinne."
    assert page.locator(".kp-stale ins").count() >= 1
    assert_accessible(page)
    assert article.versions.count() == 3
