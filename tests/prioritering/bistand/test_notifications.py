"""E-mails go through the alerts outbox, exactly once: to the county's Statsforvalter users on a new
request (and a withdrawal), to the municipality's leaders when Statsforvalteren changes the status."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from alerts.models import Message, MessageKind, MessageStatus
from alerts.notifications import notifications_enqueue
from prioritering.bistand import services
from prioritering.models import AssistanceNotification, Membership, Municipality, RequestStatus, Role
from tests.factories import make_member, make_user
from tests.prioritering.bistand.conftest import make_request, make_statsforvalter

pytestmark = pytest.mark.django_db

EMAIL = "django.core.mail.backends.locmem.EmailBackend"


def _send():
    with open("/dev/null", "w") as quiet, override_settings(EMAIL_BACKEND=EMAIL):
        call_command("send_alerts", stdout=quiet)


@pytest.fixture
def sent(hamar, hamar_leader, statsforvalter):
    """A draft sent by Hamar's leader, with a second statsforvalter, one without e-mail and one elsewhere."""
    make_statsforvalter(username="sf2", email="sf2@example.invalid")
    make_statsforvalter(username="uten-epost", email="")
    inactive = make_statsforvalter(username="sluttet", email="sluttet@example.invalid")
    inactive.is_active = False
    inactive.save()
    Municipality.objects.create(name="Seljord", number="4022", county="Telemark")
    make_statsforvalter("Telemark", username="telemark", email="telemark@example.invalid")
    item = make_request(hamar)
    return services.request_submit(request=item, user=hamar_leader, expected_revision=1)


def test_a_new_request_mails_each_statsforvalter_of_the_county_once(client, sent):
    _send()
    assert sorted(m.to[0] for m in mail.outbox) == ["sf2@example.invalid", "statsforvalter@example.invalid"]
    message = mail.outbox[0]
    assert "Ny forespørsel om bistand fra Hamar" in message.subject
    assert reverse("prioritering:county_assistance_detail", args=[sent.pk]) in message.body
    assert "Smittesporing: 4 personer uten helseutdanning" in message.body
    assert "Hjelp fra: Nabokommuner\n" in message.body and "Periode: 10.01.2022–31.01.2022" in message.body
    _send()
    _send()
    assert len(mail.outbox) == 2
    assert Message.objects.filter(kind=MessageKind.NOTIFICATION, status=MessageStatus.SENT).count() == 2


def test_a_status_change_mails_the_municipalitys_leaders_with_the_status_and_note(hamar, hamar_leader, sent,
                                                                                 statsforvalter, lillehammer):
    contributor = make_member(hamar, "bidragsyter")
    contributor.email = "bidragsyter@example.invalid"
    contributor.save()
    _send()
    mail.outbox.clear()
    services.request_coordinate(request=sent, user=statsforvalter, action=RequestStatus.REFERRED,
                                referred_to=lillehammer, note="Lillehammer kan sende to.", expected_revision=2)
    _send()
    assert [m.to for m in mail.outbox] == [["leder@hamar.example.invalid"]]
    body = mail.outbox[0].body
    assert "Formidlet til Lillehammer" in mail.outbox[0].subject
    assert "Lillehammer kan sende to." in body
    assert reverse("prioritering:assistance_detail", args=[sent.pk]) in body


def test_a_withdrawal_of_a_sent_request_tells_statsforvalteren_and_a_draft_tells_nobody(hamar, hamar_leader, sent):
    _send()
    mail.outbox.clear()
    services.request_withdraw(request=sent, user=hamar_leader, expected_revision=2)
    draft = make_request(hamar, description="Utkast")
    services.request_withdraw(request=draft, user=hamar_leader, expected_revision=1)
    _send()
    assert len(mail.outbox) == 2 and all("har trukket en forespørsel" in m.subject for m in mail.outbox)


def test_a_refused_change_writes_no_e_mail(hamar, hamar_leader, statsforvalter):
    item = make_request(hamar)
    with pytest.raises(services.StaleEdit):
        services.request_submit(request=item, user=hamar_leader, expected_revision=7)
    assert not AssistanceNotification.objects.exists()


def test_two_runs_at_once_queue_a_notification_once(sent):
    notification = AssistanceNotification.objects.first()
    # Another run got there first and committed, but this run read the row as pending before that.
    Message.objects.create(recipient=notification.email, kind=MessageKind.NOTIFICATION, subject="x", body="x",
                           dedupe_key=f"bistand:{notification.pk}")
    assert notifications_enqueue() == 1  # only the other statsforvalter's
    assert notifications_enqueue() == 0
    assert Message.objects.filter(dedupe_key__startswith="bistand:").count() == 2
    assert not AssistanceNotification.objects.unqueued().exists()


def test_a_run_that_dies_before_committing_leaves_the_notification_pending(sent, monkeypatch):
    from prioritering.bistand.notifications import AssistanceNotificationSource

    def dies(self, *, ids, now):
        raise RuntimeError("killed")

    monkeypatch.setattr(AssistanceNotificationSource, "mark_queued", dies)
    with pytest.raises(RuntimeError):
        notifications_enqueue()
    assert not Message.objects.exists()  # rolled back with it
    monkeypatch.undo()
    assert notifications_enqueue() == 2


def test_submitting_through_the_page_mails_statsforvalteren(client, hamar, hamar_leader, statsforvalter):
    item = make_request(hamar)
    client.force_login(hamar_leader)
    client.post(reverse("prioritering:assistance_submit", args=[item.pk]), {"revision": "1"})
    _send()
    assert [m.to for m in mail.outbox] == [["statsforvalter@example.invalid"]]


def test_the_e_mails_carry_no_free_text_the_municipality_wrote_except_the_note_to_it(hamar, hamar_leader,
                                                                                      statsforvalter):
    item = make_request(hamar, description="Intern beskrivelse", tried_first="Intern tekst")
    item = services.request_submit(request=item, user=hamar_leader, expected_revision=1)
    services.request_coordinate(request=item, user=statsforvalter, action=RequestStatus.COVERED, note="Dekket.",
                                expected_revision=2)
    _send()
    for message in mail.outbox:
        assert "Intern" not in message.body


def test_a_membership_without_a_user_e_mail_is_skipped_not_an_error(hamar):
    leader = make_user(email="")
    Membership.objects.create(user=leader, municipality=hamar, role=Role.LEADER)
    item = services.request_submit(request=make_request(hamar), user=leader, expected_revision=1)
    assert item.status == RequestStatus.SUBMITTED and not AssistanceNotification.objects.exists()
