"""The two publishing roles: Redaktør writes drafts, Ansvarlig redaktør also publishes and schedules."""

from django.db import migrations

from kommuneportal.versioning import EDITOR_GROUP, PUBLISHER_GROUP, groups_grant_permissions

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
    groups_grant_permissions({EDITOR_GROUP: EDITOR_PERMISSIONS, PUBLISHER_GROUP: PUBLISHER_PERMISSIONS}, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0002_version_search_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
