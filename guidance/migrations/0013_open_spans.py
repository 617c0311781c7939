"""Each version stores whether its span is open (live now or later); the lists and the search read
partial indexes of the open versions instead of every version ever published."""

import datetime

from django.conf import settings
from django.db import migrations, models

MARGIN = datetime.timedelta(hours=1)  # frozen copy of publishing.models.versions.SPAN_OPEN_MARGIN


def open_spans(apps, schema_editor, app_label, version_name):
    """Frozen copy of publishing.models.versions.span_is_open, for every version at once."""
    from django.db.models import Q
    from django.utils import timezone

    Version = apps.get_model(app_label, version_name)
    ended_before = timezone.now() - MARGIN
    (Version.objects.filter(live_from__isnull=False).filter(Q(live_until__isnull=True) | Q(live_until__gt=ended_before))
     .update(span_open=True))


def search_index_and_statistics(schema_editor, table, prefix):
    """PostgreSQL: the GIN index a search reads holds the open versions' vectors only (it held every version
    ever live); and statistics of the open flag and the span's end together. Alone, each says one version
    in ten (with ten versions each): PostgreSQL then guessed that one open version in ten is live, when
    nearly all are, and planned a count of a thousand as a scan of every article."""
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches the live versions with icontains
    schema_editor.execute(f"DROP INDEX IF EXISTS {prefix}_vector_idx")
    schema_editor.execute(f"CREATE INDEX {prefix}_vector_idx ON {table} USING gin (search_vector) WHERE span_open")
    schema_editor.execute(f"CREATE STATISTICS IF NOT EXISTS {prefix}_span_stats (mcv) ON span_open, live_until FROM {table}")
    schema_editor.execute(f"ANALYZE {table}")


def search_index_of_every_live_version(schema_editor, table, prefix):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP STATISTICS IF EXISTS {prefix}_span_stats")
    schema_editor.execute(f"DROP INDEX IF EXISTS {prefix}_vector_idx")
    schema_editor.execute(f"CREATE INDEX {prefix}_vector_idx ON {table} USING gin (search_vector) WHERE live_from IS NOT NULL")


def forwards(apps, schema_editor):
    open_spans(apps, schema_editor, "guidance", "ArticleVersion")
    search_index_and_statistics(schema_editor, "guidance_articleversion", "guidance_version")


def backwards(apps, schema_editor):
    search_index_of_every_live_version(schema_editor, "guidance_articleversion", "guidance_version")


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0012_external_link_to_front_page'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='articleversion',
            name='span_open',
            field=models.BooleanField(default=False, editable=False, verbose_name='synlig nå eller senere'),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveIndex(
            model_name='articleversion',
            name='guidance_version_listed_idx',
        ),
        migrations.AddIndex(
            model_name='articleversion',
            index=models.Index(models.OrderBy(models.F('listed_at'), descending=True), condition=models.Q(('span_open', True)), include=('article', 'live_from', 'live_until', 'id'), name='guidance_version_listed_idx'),
        ),
        migrations.AddIndex(
            model_name='articleversion',
            index=models.Index(condition=models.Q(('live_until__isnull', False), ('span_open', True)), fields=['live_until'], name='guidance_version_ended_idx'),
        ),
    ]
