from django.apps import AppConfig


class PrioriteringConfig(AppConfig):
    name = "prioritering"
    verbose_name = "Prioritering"
