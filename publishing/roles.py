"""The two editorial roles shared by every app that has versioned documents.

Each such app (and publishing itself, for the site search's synonyms) lists what the roles may do
in `editorial_permissions` on its AppConfig, so the groups can be completed from live code
(`editorial_groups_ensure`). Migrations keep a frozen copy of the same lists, because migrations
must not import live code.
"""

from django.apps import apps as live_apps

from publishing.permissions import permission_name

EDITOR_GROUP = "Redaktør"  # writes drafts
PUBLISHER_GROUP = "Ansvarlig redaktør"  # also publishes, schedules and withdraws


def editorial_groups_ensure():
    """Create or complete both groups from every installed app's `editorial_permissions`.

    Safe to call again, e.g. after someone edited the groups by hand.
    """
    for config in live_apps.get_app_configs():
        permissions = getattr(config, "editorial_permissions", None)
        if permissions:
            groups_grant_permissions({EDITOR_GROUP: permissions["editor"], PUBLISHER_GROUP: permissions["publisher"]})


def groups_grant_permissions(group_permissions, apps=live_apps):
    """Create the named groups if missing and give them permissions ("app_label.codename")."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, perms in group_permissions.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            _action, _sep, model_name = codename.partition("_")
            model = apps.get_model(app_label, model_name)
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model._meta.model_name)
            name = permission_name(model, codename) or codename
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)
