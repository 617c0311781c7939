"""Each version stores whether its span is open (live now or later); the search reads a partial index
of the open versions instead of every version ever published (as guidance 0013 does for articles)."""

import datetime

from django.conf import settings
from django.db import migrations, models

MARGIN = datetime.timedelta(hours=1)  # frozen copy of publishing.models.versions.SPAN_OPEN_MARGIN
TABLE = "staffing_measureversion"


def forwards(apps, schema_editor):
    """Frozen copy of publishing.models.versions.span_is_open for every version; on PostgreSQL the GIN index
    of the open versions' vectors and the statistics of the open flag and the span's end together."""
    from django.db.models import Q
    from django.utils import timezone

    Version = apps.get_model("staffing", "MeasureVersion")
    ended_before = timezone.now() - MARGIN
    (Version.objects.filter(live_from__isnull=False).filter(Q(live_until__isnull=True) | Q(live_until__gt=ended_before))
     .update(span_open=True))
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS staffing_version_vector_idx")
    schema_editor.execute(f"CREATE INDEX staffing_version_vector_idx ON {TABLE} USING gin (search_vector) WHERE span_open")
    schema_editor.execute(f"CREATE STATISTICS IF NOT EXISTS staffing_version_span_stats (mcv) ON span_open, live_until "
                          f"FROM {TABLE}")
    schema_editor.execute(f"ANALYZE {TABLE}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP STATISTICS IF EXISTS staffing_version_span_stats")
    schema_editor.execute("DROP INDEX IF EXISTS staffing_version_vector_idx")
    schema_editor.execute(f"CREATE INDEX staffing_version_vector_idx ON {TABLE} USING gin (search_vector) "
                          "WHERE live_from IS NOT NULL")


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0012_measure_contact_where'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='measureversion',
            name='span_open',
            field=models.BooleanField(default=False, editable=False, verbose_name='synlig nå eller senere'),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AddIndex(
            model_name='measureversion',
            index=models.Index(condition=models.Q(('live_until__isnull', False), ('span_open', True)), fields=['live_until'], name='staffing_version_ended_idx'),
        ),
    ]
