"""Tasks and personnel kinds become JSON lists (["testing", "vaksinering"]) instead of ",testing,vaksinering,".

A text column cannot be cast to JSON in place (",a," is not JSON), so each list gets a new column,
the values are copied across, and the new column takes the old one's name. Reversible.
"""

from django.db import migrations, models

FIELDS = ("tasks", "personnel_kinds")


def copy(apps, convert, *, source, target):
    MeasureVersion = apps.get_model("staffing", "MeasureVersion")
    versions = list(MeasureVersion.objects.only("pk", *source))
    for version in versions:
        for from_name, to_name in zip(source, target):
            setattr(version, to_name, convert(getattr(version, from_name)))
    MeasureVersion.objects.bulk_update(versions, target, batch_size=500)


def text_to_lists(apps, schema_editor):
    copy(apps, lambda text: [code for code in (text or "").split(",") if code],
         source=FIELDS, target=[f"{name}_list" for name in FIELDS])


def lists_to_text(apps, schema_editor):
    copy(apps, lambda codes: f",{','.join(codes)}," if codes else "",
         source=[f"{name}_list" for name in FIELDS], target=FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("staffing", "0002_editorial_groups_and_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="measureversion",
            name="tasks_list",
            field=models.JSONField(blank=True, default=list, help_text="Oppgavene tiltaket kan hjelpe med. Kryss av alle som passer.", verbose_name="oppgaver"),
        ),
        migrations.AddField(
            model_name="measureversion",
            name="personnel_kinds_list",
            field=models.JSONField(blank=True, default=list, help_text="Hva slags personell tiltaket gir. Tomt for støttetiltak som ikke gir personell.", verbose_name="personell"),
        ),
        migrations.RunPython(text_to_lists, lists_to_text),
        migrations.RemoveField(model_name="measureversion", name="tasks"),
        migrations.RemoveField(model_name="measureversion", name="personnel_kinds"),
        migrations.RenameField(model_name="measureversion", old_name="tasks_list", new_name="tasks"),
        migrations.RenameField(model_name="measureversion", old_name="personnel_kinds_list", new_name="personnel_kinds"),
    ]
