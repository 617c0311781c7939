from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PublishingConfig(AppConfig):
    """The versioned-document core: abstract models, services, diff, markdown and the versioned admin,
    and the site search's synonyms (`SearchSynonym`), its only table besides the content clock.

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
        from publishing import signals
        from publishing.permissions import permissions_rename

        signals.connect()  # search vectors follow renamed topics and issuers (publishing.signals)

        # After django.contrib.auth's own handler (an earlier app), which creates the permissions in English.
        post_migrate.connect(permissions_rename, dispatch_uid="publishing.permissions_rename")
