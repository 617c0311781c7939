"""The two publishing roles: Redaktør writes drafts, Ansvarlig redaktør also publishes and schedules."""

from django.db import migrations

EDITOR_GROUP = "Redaktør"
PUBLISHER_GROUP = "Ansvarlig redaktør"


def grant(apps, group_permissions):
    """Frozen copy of publishing.roles.groups_grant_permissions for the historical `apps`.

    Permissions are not created until after migrating, so missing ones are made here with the
    name Django would give them.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, perms in group_permissions.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            action, _sep, model_name = codename.partition("_")
            model = apps.get_model(app_label, model_name)
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model._meta.model_name)
            name = dict(model._meta.permissions).get(codename) or f"Can {action} {model._meta.verbose_name_raw}"
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": str(name)[:255]}
            )
            group.permissions.add(permission)


EDITOR_PERMISSIONS = [
    "guidance.view_article", "guidance.add_article", "guidance.change_article",
    "guidance.view_articleversion", "guidance.add_articleversion",
    "guidance.view_topic", "guidance.view_issuer",
    "guidance.view_externallink", "guidance.add_externallink", "guidance.change_externallink",
]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [
    "guidance.publish_articleversion",
    "guidance.add_topic", "guidance.change_topic",
    "guidance.add_issuer", "guidance.change_issuer",
    "guidance.delete_externallink",
]


def create_groups(apps, schema_editor):
    grant(apps, {EDITOR_GROUP: EDITOR_PERMISSIONS, PUBLISHER_GROUP: PUBLISHER_PERMISSIONS})


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0002_version_search_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
