"""Render alert e-mails. Bodies are rendered when a message is queued and stored in the outbox."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alerts import tokens
from alerts.sources import absolute


def subscriber_links(subscription):
    token = tokens.subscriber_token(subscription)
    return {
        "manage_url": absolute(reverse("alerts:manage", args=[token])),
        "unsubscribe_url": absolute(reverse("alerts:unsubscribe", args=[token])),
    }


def confirmation(subscription):
    url = absolute(reverse("alerts:confirm", args=[tokens.confirm_token(subscription)]))
    hours = settings.ALERTS_CONFIRM_MAX_AGE // 3600
    body = render_to_string("alerts/email/confirmation.txt", {"confirm_url": url, "hours": hours})
    return _("Bekreft at du vil ha varsler fra Kommuneportal"), body


def manage_link(subscription):
    body = render_to_string("alerts/email/manage_link.txt", subscriber_links(subscription))
    return _("Lenke for å endre varslene dine fra Kommuneportal"), body


def change_text(change):
    return render_to_string("alerts/email/change.txt", {"change": change}).strip()


def one_line(text):
    """A subject on one line: a title saved before titles refused line breaks would otherwise make every
    attempt to send its alert fail (BadHeaderError)."""
    return " ".join("".join(char if char.isprintable() else " " for char in text).split())


SUBJECTS = {
    "": gettext_lazy("Vesentlig endring: %(title)s"),
    "withdrawn": gettext_lazy("Trukket tilbake: %(title)s"),
    "reinstated": gettext_lazy("Gjeninnført: %(title)s"),
}


def alert(subscription, change):
    context = {"change_text": change_text(change), **subscriber_links(subscription)}
    body = render_to_string("alerts/email/alert.txt", context)
    return str(SUBJECTS[change.event]) % {"title": one_line(change.title)}, body


def digest(subscription, texts, day):
    context = {"texts": texts, "day": day, "count": len(texts), **subscriber_links(subscription)}
    body = render_to_string("alerts/email/digest.txt", context)
    return _("Endringer i Kommuneportal siste døgn (%(count)s)") % {"count": len(texts)}, body


def message_id(message):
    domain = urlsplit(settings.SITE_URL).hostname or "kommuneportal.localhost"
    return f"<varsel-{message.pk}-{message.kind}@{domain}>"


def build(message, connection=None):
    """The e-mail for an outbox row. Alerts carry one-click unsubscribe headers (RFC 2369, RFC 8058)."""
    headers = {"Message-ID": message_id(message), "Auto-Submitted": "auto-generated"}
    if message.kind in ("alert", "digest"):
        links = subscriber_links(message.subscription)
        headers["List-Unsubscribe"] = f"<{links['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["List-Id"] = f"Kommuneportal varsler <varsler.{urlsplit(settings.SITE_URL).hostname or 'localhost'}>"
    return EmailMessage(
        subject=one_line(message.subject), body=message.body, from_email=settings.ALERTS_FROM_EMAIL,
        to=[message.to], headers=headers, connection=connection,
    )
