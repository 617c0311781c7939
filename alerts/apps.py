from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """E-mail alerts ("Få nyhetsvarsel"): subscriptions, the outbox and `send_alerts`.

    The documents one can be alerted about come from the sources listed in settings.ALERT_SOURCES.
    """

    name = "alerts"
    verbose_name = "Varsler"
