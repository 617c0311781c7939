"""A mail configuration that cannot work holds nothing back, and every mail setting comes from the environment."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError
from django.urls import reverse

from alerts.models import Message, MessageStatus
from tests.alerts.conftest import send_alerts, subscribe

ROOT = Path(__file__).resolve().parents[2]
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens there


@pytest.fixture
def mail_server_down(settings, closed_port):
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = SMTP, "127.0.0.1", closed_port
    settings.ALERTS_SMTP_TIMEOUT = 5
    return settings


def untouched(message):
    message.refresh_from_db()
    return (message.status, message.claim_id, message.attempts, message.last_error) == (MessageStatus.PENDING, "", 0, "")


@pytest.mark.django_db
def test_subscribing_while_the_mail_server_is_down_answers_and_keeps_the_confirmation_queued(client, mail_server_down):
    response = subscribe(client, "a@example.no", everything="on")
    assert response.status_code == 302 and response["Location"] == reverse("alerts:requested")
    assert untouched(Message.objects.get(kind="confirmation"))


@pytest.mark.django_db
def test_send_alerts_with_an_unreachable_mail_server_claims_nothing_and_fails_with_a_clear_error(client, mail_server_down):
    subscribe(client, "a@example.no", everything="on")
    message = Message.objects.get(kind="confirmation")

    with pytest.raises(CommandError, match=rf"Fikk ikke kontakt med e-posttjeneren.*127\.0\.0\.1:{mail_server_down.EMAIL_PORT}"):
        send_alerts()
    assert untouched(message)

    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the configuration is put right
    send_alerts()
    assert [m.to for m in mail.outbox] == [["a@example.no"]]


@pytest.mark.django_db
def test_send_alerts_with_a_mail_backend_that_cannot_be_set_up_claims_nothing(client, settings):
    settings.EMAIL_BACKEND, settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = SMTP, True, True  # contradictory
    subscribe(client, "a@example.no", everything="on")
    message = Message.objects.get(kind="confirmation")

    with pytest.raises(CommandError, match="Fikk ikke kontakt med e-posttjeneren"):
        send_alerts()
    assert untouched(message)


def run_with_environment(code, **variables):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
    env.update(variables)
    return subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_every_mail_setting_is_read_from_the_environment(tmp_path):
    names = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS",
             "EMAIL_USE_SSL", "EMAIL_TIMEOUT", "EMAIL_FILE_PATH", "DEFAULT_FROM_EMAIL"]
    result = run_with_environment(
        f"from django.conf import settings; print(repr([getattr(settings, n) for n in {names!r}]))",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_HOST="smtp.example.no",
        EMAIL_PORT="465", EMAIL_HOST_USER="portal", EMAIL_HOST_PASSWORD="hemmelig", EMAIL_USE_TLS="0",
        EMAIL_USE_SSL="1", EMAIL_TIMEOUT="12", EMAIL_FILE_PATH=str(tmp_path), DEFAULT_FROM_EMAIL="post@example.no",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == repr([
        "django.core.mail.backends.filebased.EmailBackend", "smtp.example.no", 465, "portal", "hemmelig", False,
        True, 12, str(tmp_path), "post@example.no",
    ])


def test_the_file_backend_writes_mail_to_email_file_path_from_the_environment(tmp_path):
    result = run_with_environment(
        "from django.core.mail import send_mail; send_mail('Emne', 'Tekst', 'fra@example.no', ['til@example.no'])",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    (written,) = tmp_path.iterdir()
    assert "Subject: Emne" in written.read_text()
