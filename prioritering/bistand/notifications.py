"""The coordination e-mails, offered to the alerts app's outbox (settings.OUTBOX_SOURCES).

prioritering may not import alerts: the services write AssistanceNotification rows in the same
transaction as the change, and `send_alerts` takes them from here (see alerts/notifications.py).
"""

from prioritering.models import AssistanceNotification


class AssistanceNotificationSource:
    key = "bistand"

    def pending(self, *, limit):
        return list(AssistanceNotification.objects.unqueued().order_by("pk")[:limit])

    def mark_queued(self, *, ids, now):
        AssistanceNotification.objects.filter(pk__in=ids, queued_at__isnull=True).update(queued_at=now)
