from django.apps import AppConfig


class KommuneportalConfig(AppConfig):
    name = "kommuneportal"
    verbose_name = "Kommuneportal"

    def ready(self):
        from django.conf import settings

        from kommuneportal import database
        from kommuneportal.purge import purge_changed
        from publishing.changes import content_changed

        if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
            database.install()  # a hung database costs a request seconds, never a worker

        # A proxy in front forgets the pages that show what changed (settings.PAGE_CACHE_PURGE).
        content_changed.connect(purge_changed, dispatch_uid="kommuneportal.purge")
