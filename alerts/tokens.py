"""Signed tokens in alert links.

The confirmation token expires (ALERTS_CONFIRM_MAX_AGE) and carries a nonce that is replaced on
confirmation, so the link works once. The subscriber token in every alert (manage, unsubscribe)
does not expire — an old e-mail's unsubscribe link must keep working — and is bound to the
subscription's secret key.
"""

from django.conf import settings
from django.core import signing

from alerts.models import Subscription

# The salts keep the names from when alerts lived in the site package: links already sent must keep working.
CONFIRM_SALT = "kommuneportal.alerts.confirm"
SUBSCRIBER_SALT = "kommuneportal.alerts.subscriber"


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    pass


class UnknownSubscription(InvalidToken):
    """A genuine link whose subscription no longer exists (unsubscribed or purged)."""


def confirm_token(subscription):
    return signing.dumps({"s": subscription.pk, "n": subscription.confirm_nonce}, salt=CONFIRM_SALT)


def read_confirm_token(token):
    """Return (subscription id, nonce); raises ExpiredToken or InvalidToken."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.ALERTS_CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    return data["s"], data["n"]


def subscriber_token(subscription):
    return signing.dumps({"s": subscription.pk, "k": subscription.key}, salt=SUBSCRIBER_SALT)


def subscription_for_token(token):
    try:
        data = signing.loads(token, salt=SUBSCRIBER_SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    subscription = Subscription.objects.filter(pk=data["s"], key=data["k"]).first()
    if subscription is None:
        raise UnknownSubscription
    return subscription
