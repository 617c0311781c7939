"""The content clock (see publishing.clock), with its one row."""

import django.utils.timezone
from django.db import migrations, models


def create_clock(apps, schema_editor):
    apps.get_model("publishing", "ContentClock").objects.get_or_create(pk=1)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='ContentClock',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('generation', models.PositiveBigIntegerField(default=1)),
                ('next_change_at', models.DateTimeField(blank=True, null=True)),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'innholdsklokke',
                'verbose_name_plural': 'innholdsklokke',
            },
        ),
        migrations.RunPython(create_clock, migrations.RunPython.noop),
    ]
