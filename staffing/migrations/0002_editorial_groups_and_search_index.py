"""Publishers may edit and publish measures, and PostgreSQL gets a Norwegian full-text index on versions."""

from django.db import migrations

from kommuneportal.versioning import EDITOR_GROUP, PUBLISHER_GROUP, groups_grant_permissions

INDEX_NAME = "staffing_version_search_idx"
EDITOR_PERMISSIONS = [
    "staffing.view_measure", "staffing.add_measure", "staffing.change_measure",
    "staffing.view_measureversion", "staffing.add_measureversion", "staffing.view_contactpoint",
]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [
    "staffing.publish_measureversion", "staffing.add_contactpoint", "staffing.change_contactpoint",
]


def create_groups(apps, schema_editor):
    groups_grant_permissions({EDITOR_GROUP: EDITOR_PERMISSIONS, PUBLISHER_GROUP: PUBLISHER_PERMISSIONS}, apps=apps)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches without an index
    from django.contrib.postgres.indexes import GinIndex

    from staffing.search_index import measure_search_vector

    schema_editor.add_index(apps.get_model("staffing", "MeasureVersion"), GinIndex(measure_search_vector(), name=INDEX_NAME))


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
