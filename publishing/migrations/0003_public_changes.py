"""The record of public changes that page caches read (publishing.changes), replacing the one global
content generation and its "next change" moment."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('publishing', '0002_search_synonyms_and_trigrams'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ChangeTag',
            fields=[
                ('name', models.CharField(max_length=200, primary_key=True, serialize=False, verbose_name='navn')),
                ('generation', models.PositiveBigIntegerField()),
            ],
            options={
                'verbose_name': 'endringsmerke',
                'verbose_name_plural': 'endringsmerker',
            },
        ),
        migrations.RemoveField(
            model_name='contentclock',
            name='next_change_at',
        ),
        migrations.CreateModel(
            name='ScheduledChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tag', models.CharField(max_length=200, verbose_name='merke')),
                ('at', models.DateTimeField(verbose_name='tidspunkt')),
            ],
            options={
                'verbose_name': 'planlagt endring',
                'verbose_name_plural': 'planlagte endringer',
                'indexes': [models.Index(fields=['tag', 'at'], name='publishing_scheduled_tag_idx'), models.Index(fields=['at'], name='publishing_scheduled_at_idx')],
            },
        ),
        migrations.CreateModel(
            name='PublicChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('published', 'Publisert'), ('scheduled', 'Planlagt'), ('withdrawn', 'Trukket tilbake'), ('reinstated', 'Gjeninnført'), ('changed', 'Endret'), ('deleted', 'Slettet'), ('everything', 'Alt innhold er lest inn på nytt')], max_length=20, verbose_name='type')),
                ('recorded_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='registrert')),
                ('effective_at', models.DateTimeField(help_text='Når leserne ser endringen.', verbose_name='gjelder fra')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='objekt')),
                ('object_repr', models.CharField(blank=True, max_length=250, verbose_name='hva')),
                ('version_number', models.PositiveIntegerField(blank=True, null=True, verbose_name='versjon')),
                ('note', models.TextField(blank=True, help_text='Begrunnelsen for en tilbaketrekking.', verbose_name='merknad')),
                ('generation', models.PositiveBigIntegerField(verbose_name='generasjon')),
                ('tags', models.JSONField(default=list, verbose_name='merker')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='contenttypes.contenttype', verbose_name='innholdstype')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='av')),
            ],
            options={
                'verbose_name': 'offentlig endring',
                'verbose_name_plural': 'offentlige endringer',
                'ordering': ['-generation'],
                'indexes': [models.Index(fields=['content_type', 'object_id', 'recorded_at'], name='publishing_change_obj_idx')],
            },
        ),
    ]
