from django.apps import AppConfig


class KommuneportalConfig(AppConfig):
    name = "kommuneportal"
    verbose_name = "Kommuneportal"
