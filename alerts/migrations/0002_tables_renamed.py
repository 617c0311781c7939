"""Give the alert tables their own app's names, and move their content types (and so their
permissions and admin log entries) from the `kommuneportal` label to `alerts`."""

from django.db import migrations

MODELS = ["subscription", "subscriptioninterest", "alertdispatch", "message", "digestitem"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label="alerts", model=model).exists():
            ContentType.objects.filter(app_label="kommuneportal", model=model).update(app_label="alerts")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label="kommuneportal", model=model).exists():
            ContentType.objects.filter(app_label="alerts", model=model).update(app_label="kommuneportal")


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("kommuneportal", "0002_alerts_moved_to_their_own_app"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=model, table=None) for model in MODELS],
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
