from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """The versioned-document core: abstract models, services, diff, markdown and the versioned admin.

    It has no tables of its own and imports none of the portal's other apps.
    """

    name = "publishing"
    verbose_name = "Publisering"
