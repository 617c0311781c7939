"""E-mail alerts ("Få nyhetsvarsel"): subscriptions, what has been alerted about, and the outbox.

Versions are immutable, so what has been alerted about is recorded here (`AlertDispatch`),
never on the version. Subscribers' interests are stored generically as (facet, value) pairs,
so a new kind of document (staffing measures) needs a source in `alerts.sources`
and no migration.
"""

import secrets
from functools import partial

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


# A partial of a library function, so migrations can name the default without importing this module.
new_key = partial(secrets.token_urlsafe, 18)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Straks")
    DAILY = "daily", _("Daglig sammendrag")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment):
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)

    def matching(self, *, facets, published_at):
        """Confirmed subscribers who want to hear about a change touching `facets`.

        Only those confirmed before the change went live: nobody is sent the backlog.
        """
        wanted = Q(everything=True)
        for facet, value in facets:
            wanted |= Q(interests__facet=facet, interests__value=value)
        return self.confirmed().filter(confirmed_at__lte=published_at).filter(wanted).distinct()


class Subscription(models.Model):
    email = models.EmailField(_("e-postadresse"), unique=True, help_text=_("Lagres med små bokstaver."))
    frequency = models.CharField(_("hyppighet"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    everything = models.BooleanField(_("alle endringer"), default=False)
    key = models.CharField(_("hemmelig nøkkel"), max_length=40, default=new_key, editable=False,
                           help_text=_("Inngår i lenkene for å endre og melde seg av."))
    confirm_nonce = models.CharField(max_length=40, default=new_key, editable=False)
    created_at = models.DateTimeField(_("registrert"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("bekreftet"), null=True, blank=True, editable=False)
    last_request_mail_at = models.DateTimeField(
        _("siste bekreftelses-e-post"), null=True, blank=True, editable=False,
        help_text=_("Brukes for å sende høyst én bekreftelse i timen til samme adresse."),
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement på varsler")
        verbose_name_plural = _("abonnementer på varsler")
        ordering = ["-created_at"]

    def __str__(self):
        return masked_email(self.email)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class SubscriptionInterest(models.Model):
    """One thing a subscriber follows: a topic, an issuer, an article, a measure …"""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="interests",
                                     verbose_name=_("abonnement"))
    facet = models.CharField(_("type"), max_length=40, help_text=_("For eksempel guidance.topic."))
    value = models.CharField(_("verdi"), max_length=40, help_text=_("Primærnøkkelen til det som følges."))

    class Meta:
        verbose_name = _("interesse")
        verbose_name_plural = _("interesser")
        constraints = [models.UniqueConstraint(fields=["subscription", "facet", "value"], name="alerts_unique_interest")]
        indexes = [models.Index(fields=["facet", "value"], name="alerts_interest_lookup_idx")]


class AlertDispatch(models.Model):
    """A major version that has been turned into alerts. Unique, so it is handled once."""

    source = models.CharField(_("kilde"), max_length=40)
    version_id = models.PositiveBigIntegerField(_("versjon"))
    title = models.CharField(_("tittel"), max_length=250)
    published_at = models.DateTimeField(_("publisert"))
    created_at = models.DateTimeField(_("behandlet"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("mottakere"), default=0)

    class Meta:
        verbose_name = _("varslet endring")
        verbose_name_plural = _("varslede endringer")
        ordering = ["-published_at"]
        constraints = [models.UniqueConstraint(fields=["source", "version_id"], name="alerts_unique_dispatch")]

    def __str__(self):
        return self.title


class MessageKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Bekreftelse")
    MANAGE_LINK = "manage", _("Lenke for å endre")
    ALERT = "alert", _("Varsel")
    DIGEST = "digest", _("Daglig sammendrag")
    NOTIFICATION = "notification", _("Melding til en bruker")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Venter")
    CLAIMED = "claimed", _("Tatt av en sender")
    SENDING = "sending", _("Sendes")
    SENT = "sent", _("Sendt")
    FAILED = "failed", _("Feilet")
    UNCERTAIN = "uncertain", _("Usikker (avbrutt under sending)")


class Message(models.Model):
    """One e-mail in the outbox. See `alerts.outbox` for the delivery protocol.

    Alerts, digests and the subscription e-mails go to a subscription; a notification another app
    hands over (settings.OUTBOX_SOURCES, `alerts.notifications`) goes to its `recipient` instead.
    """

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="messages",
                                     verbose_name=_("abonnement"), null=True, blank=True)
    recipient = models.EmailField(_("mottaker"), blank=True,
                                  help_text=_("Bare for meldinger uten abonnement, for eksempel om bistand."))
    kind = models.CharField(_("type"), max_length=20, choices=MessageKind.choices)
    dedupe_key = models.CharField(_("unik nøkkel"), max_length=120, unique=True,
                                  help_text=_("Hindrer at samme e-post legges i køen to ganger."))
    subject = models.CharField(_("emne"), max_length=250)
    body = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("forsøk"), default=0)
    next_attempt_at = models.DateTimeField(_("neste forsøk"), default=timezone.now)
    claim_id = models.CharField(max_length=40, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("tatt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    last_error = models.TextField(_("siste feil"), blank=True)
    created_at = models.DateTimeField(_("lagt i kø"), default=timezone.now)

    class Meta:
        verbose_name = _("e-post i utboksen")
        verbose_name_plural = _("utboks")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="alerts_outbox_due_idx")]
        constraints = [models.CheckConstraint(
            condition=Q(subscription__isnull=False, recipient="") | Q(subscription__isnull=True) & ~Q(recipient=""),
            name="alerts_message_subscription_or_recipient")]

    def __str__(self):
        return self.subject

    @property
    def to(self):
        return self.recipient or self.subscription.email


class DigestItem(models.Model):
    """A change waiting for a daily-digest subscriber's next digest."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digest_items")
    dispatch = models.ForeignKey(AlertDispatch, on_delete=models.CASCADE, related_name="digest_items")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    message = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="digest_items")

    class Meta:
        verbose_name = _("endring til sammendrag")
        verbose_name_plural = _("endringer til sammendrag")
        constraints = [models.UniqueConstraint(fields=["subscription", "dispatch"], name="alerts_unique_digest_item")]


def masked_email(email):
    local, _sep, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"
