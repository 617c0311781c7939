import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_user_signs_in_with_the_norwegian_form(client):
    make_user("kari", password="et-langt-passord-123")
    response = client.post(reverse("login"), {"username": "kari", "password": "et-langt-passord-123"})
    assert response.status_code == 302
    assert client.get("/").context["user"].username == "kari"


def test_wrong_password_gives_norwegian_message_and_keeps_username(client):
    make_user("kari")
    response = client.post(reverse("login"), {"username": "kari", "password": "feil"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Innloggingen mislyktes" in html
    assert 'value="kari"' in html


def test_repeated_wrong_passwords_lock_the_account_out(client, settings):
    make_user("kari", password="et-langt-passord-123")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "kari", "password": "gjetning"})
    response = client.post(reverse("login"), {"username": "kari", "password": "et-langt-passord-123"})
    assert response.status_code == 429
    assert "midlertidig sperret" in response.content.decode()


def test_sign_out_is_a_post_and_ends_the_session(client):
    user = make_user()
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_password_reset_sends_norwegian_mail_without_revealing_unknown_addresses(client):
    make_user("kari", email="kari@hamar.example")
    known = client.post(reverse("password_reset"), {"email": "kari@hamar.example"})
    unknown = client.post(reverse("password_reset"), {"email": "ingen@hamar.example"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert len(mail.outbox) == 1
    assert "Nytt passord" in mail.outbox[0].subject
    assert "/konto/nytt-passord/" in mail.outbox[0].body


def test_overlong_user_name_gives_a_norwegian_form_error_and_never_reaches_the_lock_out_log(client):
    from axes.models import AccessAttempt

    response = client.post(reverse("login"), {"username": "k" * 300, "password": "et-passord"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Brukernavnet kan ha høyst 150 tegn" in html
    assert "k" * 151 not in html
    assert not AccessAttempt.objects.exists()


def test_user_name_at_the_limit_is_still_tried_and_kept_in_the_form(client):
    response = client.post(reverse("login"), {"username": "k" * 150, "password": "feil"})
    assert response.status_code == 200
    assert "Innloggingen mislyktes" in response.content.decode()
    assert f'value="{"k" * 150}"' in response.content.decode()


def test_missing_password_is_named_in_the_error_summary(client):
    response = client.post(reverse("login"), {"username": "kari", "password": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Passord: Feltet er påkrevet." in html
    assert "Brukernavnet eller passordet er feil" not in html
