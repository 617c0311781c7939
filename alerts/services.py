"""Subscribing, confirming, changing and ending e-mail alerts.

The public page must never reveal whether an address is subscribed, so `subscription_request`
returns nothing and the view always answers the same. What the owner of the address receives
differs: a confirmation link for a new or unconfirmed address, a "manage your alerts" link for a
confirmed one — and at most one such e-mail per address per hour.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from alerts import emails, outbox, tokens
from alerts.models import Frequency, Message, MessageKind, Subscription, SubscriptionInterest, masked_email
from alerts.sources import all_facets

logger = logging.getLogger(__name__)

REQUEST_MAIL_INTERVAL = timedelta(hours=1)


class AlreadyUsed(tokens.InvalidToken):
    pass


def normalise_email(email):
    return email.strip().lower()


def subscription_request(*, email, frequency, everything, interests, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        subscription, _created = Subscription.objects.get_or_create(email=normalise_email(email))
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if not subscription.is_confirmed:
            # An unconfirmed request changes nothing anyone receives, so it may overwrite choices.
            _set_choices(subscription, frequency=frequency, everything=everything, interests=interests)
        message = _queue_request_mail(subscription, now=now)
    if message is not None:
        try:
            outbox.outbox_deliver(only_ids=[message.pk])
        except outbox.MailUnavailable as error:  # the reader sees the same page; send_alerts sends it later
            logger.warning("Confirmation e-mail %s left in the outbox: %s", message.pk, error)


def _queue_request_mail(subscription, *, now):
    last = subscription.last_request_mail_at
    if last is not None and now - last < REQUEST_MAIL_INTERVAL:
        return None
    subscription.last_request_mail_at = now
    subscription.save(update_fields=["last_request_mail_at"])
    if subscription.is_confirmed:
        kind, (subject, body) = MessageKind.MANAGE_LINK, emails.manage_link(subscription)
    else:
        kind, (subject, body) = MessageKind.CONFIRMATION, emails.confirmation(subscription)
    return Message.objects.create(
        subscription=subscription, kind=kind, subject=subject, body=body, created_at=now, next_attempt_at=now,
        dedupe_key=f"{kind}:{subscription.pk}:{now.isoformat()}",
    )


def _set_choices(subscription, *, frequency, everything, interests):
    subscription.frequency = frequency
    subscription.everything = everything
    subscription.save(update_fields=["frequency", "everything"])
    subscription.interests.all().delete()
    # A set, because (subscription, facet, value) is unique and callers may repeat a value.
    wanted = {(facet, str(value)) for facet, values in interests.items() for value in values}
    SubscriptionInterest.objects.bulk_create(
        SubscriptionInterest(subscription=subscription, facet=facet, value=value) for facet, value in sorted(wanted)
    )


def subscription_for_confirmation(*, token):
    """The unconfirmed subscription a confirmation link is for; raises if expired, used or forged."""
    subscription_id, nonce = tokens.read_confirm_token(token)
    subscription = Subscription.objects.filter(pk=subscription_id, confirm_nonce=nonce, confirmed_at__isnull=True).first()
    if subscription is None:
        raise AlreadyUsed
    return subscription


def subscription_confirm(*, token, now=None):
    """Activate the subscription. The nonce is replaced, so the same link cannot be used again."""
    subscription_id, nonce = tokens.read_confirm_token(token)
    with transaction.atomic():
        updated = Subscription.objects.filter(pk=subscription_id, confirm_nonce=nonce, confirmed_at__isnull=True).update(
            confirmed_at=now or timezone.now(), confirm_nonce=secrets.token_urlsafe(18)
        )
        if not updated:
            raise AlreadyUsed
        subscription = Subscription.objects.get(pk=subscription_id)
        _log(subscription, CHANGE, f"Eieren bekreftet abonnementet ({masked_email(subscription.email)}).")
    return subscription


def subscription_update(*, subscription, frequency, everything, interests):
    with transaction.atomic():
        _set_choices(subscription, frequency=frequency, everything=everything, interests=interests)
        _log(subscription, CHANGE, f"Eieren endret varslene ({masked_email(subscription.email)}): "
                                   f"{_describe_choices(frequency, everything, interests)}.")
    return subscription


def subscription_delete(*, subscription):
    """Unsubscribing deletes the address and everything queued for it."""
    with transaction.atomic():
        _log(subscription, DELETION, f"Eieren meldte seg av ({masked_email(subscription.email)}). "
                                     "Adressen og e-post i kø er slettet.")
        subscription.delete()


# --- The admin's change log -----------------------------------------------------------------
# Subscribers have no user account, but LogEntry needs a user: their changes are recorded under
# one inactive account that cannot sign in.

SUBSCRIBER_USERNAME = "abonnent"


def _log(subscription, action_flag, message):
    LogEntry.objects.create(
        user=_subscriber_user(), content_type=ContentType.objects.get_for_model(Subscription),
        object_id=str(subscription.pk), object_repr=str(subscription)[:200], action_flag=action_flag,
        change_message=message,
    )


def _subscriber_user():
    user, _created = get_user_model().objects.get_or_create(
        username=SUBSCRIBER_USERNAME,
        defaults={"is_active": False, "password": make_password(None), "first_name": "Abonnent (eieren av adressen)"},
    )
    return user


def _describe_choices(frequency, everything, interests):
    parts = [str(Frequency(frequency).label)]
    if everything:
        parts.append("alle vesentlige endringer")
    labels = {facet.key: facet.label for facet in all_facets()}
    parts += [f"{labels.get(key, key)}: {len(set(values))}" for key, values in interests.items() if values]
    return ", ".join(parts)


def subscriptions_purge_unconfirmed(*, now=None):
    cutoff = (now or timezone.now()) - timedelta(days=settings.ALERTS_PURGE_UNCONFIRMED_DAYS)
    _total, details = Subscription.objects.unconfirmed_before(cutoff).delete()
    return details.get("alerts.Subscription", 0)


def current_choices(subscription):
    interests = {}
    for facet, value in subscription.interests.values_list("facet", "value"):
        interests.setdefault(facet, []).append(value)
    return {"frequency": subscription.frequency, "everything": subscription.everything, "interests": interests}


def subscription_summary(subscription):
    """What a subscription follows, in words, for the pages that confirm it (issue 28): how often, and
    «Alle vesentlige endringer» or each followed topic, issuer, article and measure by name, in the
    order of the form. What has since been withdrawn or deleted is left out."""
    choices = current_choices(subscription)
    groups = []
    for facet in all_facets():
        values = choices["interests"].get(facet.key)
        if not values:
            continue
        names = dict(facet.lookup(values) if facet.is_long else facet.choices())
        labels = [names[value] for value in names if value in set(values)]
        if labels:
            groups.append({"label": facet.label, "names": labels})
    return {"frequency": Frequency(choices["frequency"]).label, "everything": choices["everything"], "groups": groups}
