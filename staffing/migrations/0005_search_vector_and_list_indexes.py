"""Search reads one GIN index over live documents; list pages read their order from an index."""

import django.contrib.postgres.search
from django.db import migrations


INDEX_NAME = "staffing_measure_search_idx"


def store_search_vectors(apps, schema_editor):
    """Frozen copy of VersionedDocument._store_search_vectors, and the GIN index it is searched by."""
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches the live versions with icontains
    from django.contrib.postgres.search import SearchVector, SearchVectorField
    from django.db.models import OuterRef, Subquery

    config = "norwegian"
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("provider", "how_to_request", "conditions", "legal_basis", weight="C", config=config)
        + SearchVector("body", weight="D", config=config)
    )
    Document = apps.get_model("staffing", "Measure")
    Version = apps.get_model("staffing", "MeasureVersion")
    live_text = Version.objects.filter(pk=OuterRef("live_version_id")).annotate(vector=vector).values("vector")[:1]
    Document.objects.update(search_vector=Subquery(live_text, output_field=SearchVectorField()))
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON staffing_measure USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0004_stored_live_state'),
    ]

    operations = [
        migrations.AddField(
            model_name='measure',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(store_search_vectors, drop_index),
    ]
