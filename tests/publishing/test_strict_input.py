"""Numbers are read strictly (ASCII digits, bounded) once, wherever a query string or form carries one;
titles and other one-line texts refuse line breaks and other control characters when they are saved,
so a title can never again make its alerts fail (BadHeaderError) on every attempt."""

import html as html_lib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from guidance.models import Article, ArticleVersion, Issuer, Topic
from publishing.numbers import StrictIntegerField, parse_number, parse_page_number
from publishing.services import version_create
from staffing.models import MeasureProposal
from tests.alerts.conftest import publish_change, send_alerts, subscribe_and_confirm
from tests.factories import add_version, make_article, make_publisher, make_superuser
from tests.guidance.admin_helpers import change_url, edit_post

UNICODE_DIGITS = ["²", "①", "1²", "٣", "１２", "߀", "3\u0663"]
CONTROLS = ["Ny\nregel", "Ny\r\nBcc: x@example.no", "Ny\rregel", "Ny\tregel", "Ny\x1bregel", "Ny\u2028regel",
            "Ny\x85regel"]
ONE_LINE_MESSAGE = "Teksten kan ikke ha linjeskift, tabulator eller andre usynlige kontrolltegn"


def page(response):
    return html_lib.unescape(response.content.decode())


# --- Numbers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("0", 0), ("7", 7), ("007", 7), ("2147483647", 2147483647),
    *[(digits, None) for digits in UNICODE_DIGITS],
    ("", None), (" 7", None), ("7 ", None), ("-1", None), ("+1", None), ("1.0", None), ("1_000", None),
    ("2147483648", None), ("9" * 30, None), ("1" * 5000, None), (None, None), (7, None),
])
def test_a_number_is_ascii_digits_within_its_bound_and_nothing_else(text, expected):
    assert parse_number(text) == expected


def test_page_numbers_run_from_one_to_the_page_limit_and_none_given_is_the_first():
    assert [parse_page_number(text) for text in (None, "", "1", "10000")] == [1, 1, 1, 10000]
    assert [parse_page_number(text) for text in ("0", "10001", "²", "٣")] == [None] * 4


@pytest.mark.parametrize("value", UNICODE_DIGITS + ["-1", "abc", "9" * 30])
def test_the_strict_form_field_refuses_what_django_would_read_or_crash_on(value):
    with pytest.raises(ValidationError) as refused:
        StrictIntegerField().clean(value)
    assert refused.value.code == "invalid"
    assert StrictIntegerField().clean("12") == 12


@pytest.mark.django_db
@pytest.mark.parametrize("other", ["²", "①", "1²", "٣", "１", "-1", "0", "9" * 30])
def test_the_admin_compare_view_answers_4xx_for_a_version_number_that_is_not_ascii_digits(client, other):
    publisher = make_publisher()
    article = make_article(author=publisher, versions=[{}, {"body": "Ny tekst."}])
    client.force_login(make_superuser())
    url = reverse("admin:guidance_article_version_compare", args=[article.pk, 2])
    assert client.get(url, {"med": "1"}).status_code == 200
    response = client.get(url, {"med": other})
    assert response.status_code in (400, 404)  # 400: the admin's guard refuses numbers past 64 bits first


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/veiledning/", "/veiledning/endringer/", "/sok/?q=smittesporing"])
@pytest.mark.parametrize("side", ["٣", "１", "²", "0", "10001"])
def test_a_page_number_in_other_digits_is_a_clear_404(client, url, side):
    make_article()
    separator = "&" if "?" in url else "?"
    assert client.get(f"{url}{separator}side=1").status_code == 200
    response = client.get(f"{url}{separator}side={side}")
    assert response.status_code == 404 and "Sidenummeret" in page(response)


@pytest.mark.django_db
def test_the_admin_edit_form_refuses_a_based_on_number_in_other_digits_and_keeps_the_text(client):
    publisher = make_publisher()
    article = make_article(author=publisher)
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number="١", title="Endret tittel"))
    assert response.status_code == 200 and article.versions.count() == 1
    assert 'value="Endret tittel"' in page(response)


# --- One-line texts --------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("title", CONTROLS)
def test_a_title_with_a_line_break_or_control_character_is_refused_when_a_version_is_saved(title):
    publisher = make_publisher()
    article = make_article(author=publisher)
    with pytest.raises(ValidationError) as refused:
        add_version(article, publisher, title=title)
    assert refused.value.error_dict["title"][0].code == "control_character"
    assert article.versions.count() == 1


@pytest.mark.django_db
def test_the_admin_shows_a_norwegian_message_for_a_title_with_a_line_break_and_keeps_the_text(client):
    publisher = make_publisher()
    article = make_article(author=publisher)
    client.force_login(publisher)
    response = client.post(change_url(article), edit_post(article, based_on_number=1, title="Ny\r\nregel",
                                                          body="Teksten redaktøren skrev."))
    assert response.status_code == 200 and article.versions.count() == 1
    assert ONE_LINE_MESSAGE in page(response) and "Teksten redaktøren skrev." in page(response)


@pytest.mark.django_db
def test_a_measure_title_with_a_line_break_is_refused_too():
    from tests.factories import make_measure

    publisher = make_publisher()
    measure = make_measure(publisher=publisher)
    with pytest.raises(ValidationError):
        add_version(measure, publisher, title="Studenter\nsom vikarer")


@pytest.mark.django_db
@pytest.mark.parametrize("url, data, field", [
    ("admin:guidance_topic_add", {"name": "Smitte\nsporing", "slug": "smittesporing", "position": 0}, "name"),
    ("admin:guidance_issuer_add", {"name": "Helse\rdirektoratet", "slug": "hdir"}, "name"),
    ("admin:guidance_externallink_add", {"title": "F\nHI", "url": "https://www.fhi.no/", "position": 0}, "title"),
])
def test_names_and_titles_saved_in_the_admin_refuse_line_breaks_with_a_norwegian_message(client, url, data, field):
    client.force_login(make_superuser())
    response = client.post(reverse(url), data)
    assert response.status_code == 200 and ONE_LINE_MESSAGE in page(response)
    assert not Topic.objects.exists() and not Issuer.objects.filter(slug="hdir").exists()


@pytest.mark.django_db
def test_a_proposal_title_with_a_line_break_gets_the_message_and_the_text_is_kept(client):
    from tests.staffing.test_proposals import proposal

    response = client.post(reverse("staffing:proposal_create"), proposal(title="Lån av\r\nsykepleiere"))
    assert response.status_code == 400 and not MeasureProposal.objects.exists()
    assert ONE_LINE_MESSAGE in page(response) and "Private sykehjem i regionen" in page(response)


@pytest.mark.django_db
def test_an_alert_for_a_title_stored_with_a_line_break_before_the_guard_is_sent_on_one_line(client):
    publisher = make_publisher()
    article = make_article(author=publisher, slug="regel", title="Regel")
    subscribe_and_confirm(client, "kari@hamar.example", everything="on")
    version = publish_change(article, publisher, title="Ny regel")
    ArticleVersion.objects.filter(pk=version.pk).update(title="Ny\r\nregel\x1b for\u2028alle")  # as stored before
    send_alerts()
    (message,) = mail.outbox
    assert message.subject == "Vesentlig endring: Ny regel for alle"
    assert message.message()["Subject"] == "Vesentlig endring: Ny regel for alle"


@pytest.mark.django_db
def test_ordinary_norwegian_titles_with_dashes_quotes_and_letters_are_accepted():
    publisher = make_publisher()
    article = make_article(author=publisher)
    title = "Smittesporing – «TISK» for kommunene: æøå ÆØÅ & 100 %"
    version = version_create(document=article, author=publisher, based_on_number=1, change_type="minor",
                             change_note="", **{**article.latest_version().content(), "title": title})
    assert Article.objects.get().versions.get(pk=version.pk).title == title
