from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PublishingConfig(AppConfig):
    """The versioned-document core: abstract models, services, diff, markdown and the versioned admin,
    the record of public changes that the page caches read (`publishing.changes`), and the site
    search's synonyms (`SearchSynonym`).

    It imports none of the portal's other apps.
    """

    name = "publishing"
    verbose_name = "Publisering"
    # What the editorial roles may do here (publishing.roles); migration 0002 holds a frozen copy.
    # Publishers keep the search's synonym list; editors may read it.
    editorial_permissions = {
        "editor": ["publishing.view_searchsynonym"],
    }
    editorial_permissions["publisher"] = editorial_permissions["editor"] + [
        "publishing.add_searchsynonym", "publishing.change_searchsynonym", "publishing.delete_searchsynonym",
    ]

    def ready(self):
        from publishing import changes, checks, signals  # noqa: F401 (checks registers itself)
        from publishing.permissions import permissions_rename

        signals.connect()  # search vectors follow renamed topics and issuers (publishing.signals)
        changes.connect()  # changes to public models made anywhere are recorded (publishing.changes)
        post_migrate.connect(changes.migrated, sender=self, dispatch_uid="publishing.changes.migrated")

        # After django.contrib.auth's own handler (an earlier app), which creates the permissions in English.
        post_migrate.connect(permissions_rename, dispatch_uid="publishing.permissions_rename")
