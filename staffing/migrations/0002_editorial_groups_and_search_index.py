"""Publishers may edit and publish measures, and PostgreSQL gets a Norwegian full-text index on versions."""

from django.db import migrations

INDEX_NAME = "staffing_version_search_idx"
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
    "staffing.view_measure", "staffing.add_measure", "staffing.change_measure",
    "staffing.view_measureversion", "staffing.add_measureversion", "staffing.view_contactpoint",
]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [
    "staffing.publish_measureversion", "staffing.add_contactpoint", "staffing.change_contactpoint",
]


def create_groups(apps, schema_editor):
    grant(apps, {EDITOR_GROUP: EDITOR_PERMISSIONS, PUBLISHER_GROUP: PUBLISHER_PERMISSIONS})


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches without an index
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    # Frozen copy of the expression the search queries use (it must stay identical to it).
    config = "norwegian"
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("provider", "how_to_request", "conditions", "legal_basis", weight="C", config=config)
        + SearchVector("body", weight="D", config=config)
    )
    schema_editor.add_index(apps.get_model("staffing", "MeasureVersion"), GinIndex(vector, name=INDEX_NAME))


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("staffing", "0001_initial"),
        ("guidance", "0003_editorial_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
