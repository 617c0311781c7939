import argparse

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from alerts import notifications, outbox, services


def _moment(value):
    moment = parse_datetime(value)
    if moment is None:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date and time: {value!r}")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Queue e-mail alerts for major versions that have become live, assemble daily digests, take the other "
        "apps' notifications (OUTBOX_SOURCES), send the outbox "
        "and purge unconfirmed subscriptions. Run every minute (cron or a systemd timer); safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", type=_moment, default=None,
                            help="Act as if it were this time (ISO 8601). For testing and catching up.")

    def handle(self, *args, now=None, **options):
        purged = services.subscriptions_purge_unconfirmed(now=now)
        changes = outbox.alerts_enqueue(now=now)
        digests = outbox.digests_enqueue(now=now)
        notified = notifications.notifications_enqueue(now=now)
        try:
            counts = outbox.outbox_deliver(now=now)
        except outbox.MailUnavailable as error:
            raise CommandError(
                f"Fikk ikke kontakt med e-posttjeneren ({error}). Ingen e-post er tatt fra utboksen; de sendes "
                "når send_alerts kjører etter at e-postoppsettet (EMAIL_*) er rettet."
            ) from error
        self.stdout.write(
            f"changes={changes} digests={digests} notifications={notified} sent={counts['sent']} "
            f"retry={counts['retry']} "
            f"failed={counts['failed']} uncertain={counts['uncertain']} released={counts['released']} purged={purged}"
        )
