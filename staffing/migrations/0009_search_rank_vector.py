"""A small ranking vector (title, summary) beside each measure's search vector."""

import django.contrib.postgres.search
from django.db import migrations


def store_rank_vectors(apps, schema_editor):
    """Frozen copy of VersionedDocument.store_search_vectors's ranking vector for measures."""
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches the live versions with icontains
    from django.contrib.postgres.search import SearchVector, SearchVectorField
    from django.db.models import OuterRef, Subquery

    config = "norwegian"
    Measure = apps.get_model("staffing", "Measure")
    Version = apps.get_model("staffing", "MeasureVersion")
    title_summary = SearchVector("title", weight="A", config=config) + SearchVector("summary", weight="B", config=config)
    live = Version.objects.filter(pk=OuterRef("live_version_id")).annotate(v=title_summary).values("v")[:1]
    Measure.objects.update(search_rank_vector=Subquery(live, output_field=SearchVectorField()))


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0008_version_see_also'),
    ]

    operations = [
        migrations.AddField(
            model_name='measure',
            name='search_rank_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(store_rank_vectors, migrations.RunPython.noop),
    ]
