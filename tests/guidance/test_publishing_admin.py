"""The publishing screens in the Django admin: roles, preview, compare, publish, schedule, restore, withdraw."""

import datetime
import html
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance.models import Article, ExternalLink
from tests.factories import add_version, make_article, make_editor, make_issuer, make_publisher, make_topic
from tests.guidance.admin_helpers import change_url, edit_post, version_url

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def publisher():
    return make_publisher("ansvarlig")


@pytest.fixture
def editor():
    return make_editor("redaktor")


@pytest.fixture
def article(publisher):
    return make_article(author=publisher, title="Smittesporing", body="Gammel tekst.")


@pytest.fixture
def draft(article, editor):
    return add_version(article, editor, title="Smittesporing i kommunene", body="Ny tekst med **viktig** endring.")


def page(response):
    return html.unescape(response.content.decode())


# --- roles


def test_an_editor_can_write_a_draft_through_the_admin(client, editor, article):
    client.force_login(editor)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Redaktørens utkast"))
    assert response.status_code == 302
    assert article.versions.get(number=2).is_draft


def test_an_editor_sees_no_publish_or_schedule_buttons(client, editor, draft):
    client.force_login(editor)
    content = page(client.get(change_url(draft.article)))
    assert "Smittesporing i kommunene" in content  # the version table is there
    assert "Publiser versjon" not in content and "Planlegg" not in content and "Trekk tilbake" not in content


def test_a_responsible_editor_sees_publish_and_schedule_buttons(client, publisher, draft):
    client.force_login(publisher)
    content = page(client.get(change_url(draft.article)))
    assert f"Publiser versjon {draft.number} nå" in content and "Planlegg" in content
    assert f'action="{version_url("publish", draft.article, draft.number)}"' in content


def test_an_editor_cannot_publish_by_posting(client, editor, draft):
    client.force_login(editor)
    response = client.post(version_url("publish", draft.article, draft.number), {"action": "publish"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_editor_cannot_withdraw(client, editor, article):
    client.force_login(editor)
    response = client.post(reverse("admin:guidance_article_withdraw", args=[article.pk]), {"reason": "Utdatert"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert not article.is_withdrawn


def test_anonymous_users_are_sent_to_sign_in(client, draft):
    response = client.post(version_url("publish", draft.article, draft.number), {"action": "publish"})
    assert response.status_code == 302 and "login" in response["Location"]
    draft.refresh_from_db()
    assert draft.is_draft


# --- publish and schedule


def test_publish_now_makes_the_draft_live(client, publisher, draft):
    client.force_login(publisher)
    response = client.post(version_url("publish", draft.article, draft.number), {"action": "publish"}, follow=True)
    assert f"Versjon {draft.number} er publisert." in page(response)
    live = Article.objects.live().get(pk=draft.article.pk)
    assert live.live_version_id == draft.pk


def test_opening_the_publish_page_does_not_publish(client, publisher, draft):
    client.force_login(publisher)
    response = client.get(version_url("publish", draft.article, draft.number))
    content = response.content.decode()
    assert response.status_code == 200 and 'type="text" name="publish_at"' in content and "dd.mm.åååå tt:mm" in content
    draft.refresh_from_db()
    assert draft.is_draft


def test_schedule_reads_the_time_as_norwegian_time_and_shows_it_so(client, publisher, draft):
    client.force_login(publisher)
    next_year = timezone.now().year + 1

    response = client.post(version_url("publish", draft.article, draft.number),
                           {"action": "schedule", "publish_at": f"{next_year}-06-01T08:00"}, follow=True)

    draft.refresh_from_db()
    assert draft.publish_at == datetime.datetime(next_year, 6, 1, 6, 0, tzinfo=datetime.UTC)  # summer time, UTC+2
    content = page(response)
    assert f"publiseres 01.06.{next_year} kl. 08:00" in content
    assert f"01.06.{next_year} 08:00" in content  # the version table, in Europe/Oslo
    assert Article.objects.live().get(pk=draft.article.pk).live_version_id != draft.pk


@pytest.mark.parametrize("bad_value, message", [
    ("i morgen tidlig", "Skriv dato og klokkeslett"),
    ("", "Skriv dato og klokkeslett"),
    ("2020-01-01T08:00", "Tidspunktet har allerede passert"),
    ("2099-13-45T08:00", "Skriv dato og klokkeslett"),
    ("2099-03-29T02:30", "Europe/Oslo"),  # the hour skipped by summer time does not exist
])
def test_bad_schedule_input_gives_a_message_not_a_500(client, publisher, draft, bad_value, message):
    client.force_login(publisher)
    response = client.post(version_url("publish", draft.article, draft.number),
                           {"action": "schedule", "publish_at": bad_value})
    assert response.status_code == 400
    assert message in page(response)
    assert f'value="{bad_value}"' in response.content.decode() or not bad_value
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_approved_version_cannot_be_published_again(client, publisher, article):
    client.force_login(publisher)
    response = client.post(version_url("publish", article, 1), {"action": "publish"}, follow=True)
    assert "allerede godkjent" in page(response)


# --- preview, compare, restore, withdraw


def test_preview_shows_the_draft_text_rendered_and_sanitised(client, publisher, article, editor):
    draft = add_version(article, editor, title="Forhåndsvist utkast",
                        body="Tekst med **uthevet** ord.\n\n<script>alert(1)</script>[lenke](javascript:alert(2))")
    client.force_login(publisher)
    response = client.get(version_url("preview", article, draft.number))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Forhåndsvist utkast" in content and "<strong>uthevet</strong>" in content
    assert "<script>alert" not in content and "javascript:" not in content
    assert "Oppdatert." in content  # the draft's own change note


def test_preview_is_not_visible_to_anonymous_readers(client, draft):
    response = client.get(version_url("preview", draft.article, draft.number))
    assert response.status_code == 302 and "login" in response["Location"]


def test_compare_shows_what_the_draft_changes_against_the_live_version(client, publisher, draft):
    client.force_login(publisher)
    content = page(client.get(version_url("compare", draft.article, draft.number)))
    assert "Fra versjon 1 til versjon 2" in content
    assert "<del>" in content and "Fjernet:" in content and "Gammel" in content
    assert "<ins>" in content and "Lagt til:" in content and "kommunene" in content


def test_compare_can_pick_any_other_version(client, publisher, draft, editor):
    third = add_version(draft.article, editor, title="Tredje")
    client.force_login(publisher)
    content = page(client.get(version_url("compare", draft.article, third.number) + "?med=2"))
    assert "Fra versjon 2 til versjon 3" in content


def test_restore_through_the_admin_creates_a_new_draft_with_the_old_text(client, publisher, draft, editor):
    client.force_login(editor)
    response = client.post(version_url("restore", draft.article, 1), follow=True)
    assert "er lagret som nytt utkast, versjon 3" in page(response)
    restored = draft.article.versions.get(number=3)
    assert (restored.title, restored.body, restored.is_draft, restored.author) == (
        "Smittesporing", "Gammel tekst.", True, editor)
    assert draft.article.versions.get(number=2).title == "Smittesporing i kommunene"


def test_opening_the_restore_page_changes_nothing(client, publisher, draft):
    client.force_login(publisher)
    assert client.get(version_url("restore", draft.article, 1)).status_code == 200
    assert draft.article.versions.count() == 2


def test_withdraw_needs_a_reason_and_keeps_what_was_typed(client, publisher, article):
    client.force_login(publisher)
    url = reverse("admin:guidance_article_withdraw", args=[article.pk])
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 400 and "Skriv en begrunnelse" in page(response)
    article.refresh_from_db()
    assert not article.is_withdrawn


def test_withdraw_hides_the_article_and_keeps_its_history(client, publisher, article):
    client.force_login(publisher)
    client.post(reverse("admin:guidance_article_withdraw", args=[article.pk]), {"reason": "Erstattet av ny veileder."})
    article.refresh_from_db()
    assert article.is_withdrawn and article.withdrawal_reason == "Erstattet av ny veileder."
    assert not Article.objects.live().filter(pk=article.pk).exists()
    assert article.versions.count() == 1
    assert "Erstattet av ny veileder." in page(client.get(change_url(article)))


def test_a_withdrawn_article_can_be_reinstated(client, publisher, article):
    client.force_login(publisher)
    url = reverse("admin:guidance_article_withdraw", args=[article.pk])
    client.post(url, {"action": "withdraw", "reason": "Ved en feil."})
    response = client.post(url, {"action": "reinstate"}, follow=True)
    assert "Dokumentet er gjeninnsatt." in page(response)
    article.refresh_from_db()
    assert not article.is_withdrawn and Article.objects.live().filter(pk=article.pk).exists()


@pytest.mark.parametrize("url", [
    lambda a: version_url("preview", a, 99),
    lambda a: version_url("compare", a, 99),
    lambda a: version_url("publish", a, 99),
    lambda a: version_url("restore", a, 99),
    lambda a: version_url("compare", a, 1) + "?med=abc",
    lambda a: version_url("compare", a, 1) + "?med=42",
    lambda a: reverse("admin:guidance_article_version_preview", args=[987654, 1]),
    lambda a: reverse("admin:guidance_article_version_preview", args=["ikke-et-tall", 1]),
    lambda a: reverse("admin:guidance_article_withdraw", args=[987654]),
])
def test_unknown_articles_and_versions_give_404(client, publisher, article, url):
    client.force_login(publisher)
    assert client.get(url(article)).status_code == 404


def test_articles_cannot_be_deleted_only_withdrawn(client, publisher, article):
    client.force_login(publisher)
    response = client.post(reverse("admin:guidance_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_the_slug_is_locked_once_a_version_is_published(client, publisher, article):
    client.force_login(publisher)
    form = client.get(change_url(article)).context["adminform"].form
    assert "slug" not in form.fields


# --- lists and query counts


def test_the_article_list_shows_status_and_uses_a_constant_number_of_queries(client, publisher,
                                                                           django_assert_max_num_queries):
    issuer = make_issuer()
    for n in range(3):
        make_article(author=publisher, title=f"Artikkel {n}", issuer=issuer)
    client.force_login(publisher)
    url = reverse("admin:guidance_article_changelist")
    with django_assert_max_num_queries(10):
        small = client.get(url)
    for n in range(3, 40):
        article = make_article(author=publisher, title=f"Artikkel {n}", issuer=issuer)
        add_version(article, publisher, title=f"Artikkel {n} utkast")
    with django_assert_max_num_queries(10):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    assert "Synlig: v1 · nyere v2 venter" in page(large) and "Artikkel 39 utkast" in page(large)


@pytest.mark.parametrize("status, expected", [
    ("live", {"publisert", "venter"}), ("waiting", {"venter", "utkast"}), ("unpublished", {"utkast"}),
    ("withdrawn", {"trukket"}),
])
def test_the_article_list_filters_on_publishing_status(client, publisher, status, expected):
    make_article(author=publisher, slug="publisert")
    add_version(make_article(author=publisher, slug="venter"), publisher, title="Nyere")
    make_article(author=publisher, slug="utkast", publish=False)
    withdrawn = make_article(author=publisher, slug="trukket")
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    client.force_login(publisher)
    response = client.get(reverse("admin:guidance_article_changelist") + f"?status={status}")
    assert {a.slug for a in response.context["cl"].result_list} == expected


def test_the_change_page_uses_a_constant_number_of_queries(client, publisher, article, django_assert_max_num_queries):
    client.force_login(publisher)
    with django_assert_max_num_queries(18):
        client.get(change_url(article))
    for n in range(15):
        add_version(article, publisher, title=f"Versjon {n + 2}")
    with django_assert_max_num_queries(18):
        response = client.get(change_url(article))
    assert page(response).count('class="kp-version-row"') == 16


def test_the_version_table_shows_status_author_and_oslo_times(client, publisher, editor, article):
    scheduled = add_version(article, editor, title="Planlagt versjon")
    from publishing.services import version_publish

    when = timezone.now() + datetime.timedelta(days=2)
    version_publish(version=scheduled, user=publisher, publish_at=when)
    add_version(article, editor, title="Et utkast", change_type="minor", change_note="")
    client.force_login(publisher)
    content = page(client.get(change_url(article)))
    rows = content.split('class="kp-version-row"')[1:]
    assert ">Utkast<" in rows[0] and "Mindre endring" in rows[0] and "redaktor" in rows[0]
    assert ">Planlagt<" in rows[1] and timezone.localtime(when, OSLO).strftime("%d.%m.%Y %H:%M") in rows[1]
    assert ">Synlig for leserne<" in rows[2]


def test_topic_issuer_and_link_lists_work(client, publisher):
    make_topic("Vaksinering")
    ExternalLink.objects.create(title="Koronavirus – informasjon fra NAV", url="https://www.nav.no/", issuer=make_issuer("NAV"))
    client.force_login(publisher)
    for name in ("topic", "issuer", "externallink"):
        response = client.get(reverse(f"admin:guidance_{name}_changelist"))
        assert response.status_code == 200
    assert "Koronavirus – informasjon fra NAV" in page(client.get(reverse("admin:guidance_externallink_changelist")))
    assert "Vaksinering" in page(client.get(reverse("admin:guidance_topic_changelist") + "?q=vaksin"))


@pytest.mark.parametrize("slug", ["endringer", "nyheter", "sporsmal-og-svar", "lenker", "feed"])
def test_an_article_cannot_take_the_address_of_a_fixed_guidance_page(client, publisher, slug):
    client.force_login(publisher)
    data = edit_post(make_article(author=publisher), based_on_number=0, title="Ny artikkel")
    data["slug"] = slug
    response = client.post(reverse("admin:guidance_article_add"), data)
    assert response.status_code == 200
    assert "Denne adressen er opptatt" in html.unescape(response.content.decode())
    assert not Article.objects.filter(slug=slug).exists()
