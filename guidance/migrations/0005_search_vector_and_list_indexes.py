"""Search reads one GIN index over live documents; list pages read their order from an index."""

import django.contrib.postgres.search
import django.db.models.functions.comparison
from django.conf import settings
from django.db import migrations, models


INDEX_NAME = "guidance_article_search_idx"


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
        + SearchVector("body", weight="C", config=config)
    )
    Document = apps.get_model("guidance", "Article")
    Version = apps.get_model("guidance", "ArticleVersion")
    live_text = Version.objects.filter(pk=OuterRef("live_version_id")).annotate(vector=vector).values("vector")[:1]
    Document.objects.update(search_vector=Subquery(live_text, output_field=SearchVectorField()))
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON guidance_article USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0004_stored_live_state'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(models.OrderBy(django.db.models.functions.comparison.Coalesce('last_major_at', 'first_published_at'), descending=True), models.OrderBy(models.F('first_published_at'), descending=True), models.F('slug'), name='guidance_article_recent_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(models.F('kind'), models.OrderBy(models.F('first_published_at'), descending=True), models.F('slug'), name='guidance_article_kind_idx'),
        ),
        migrations.AddIndex(
            model_name='articleversion',
            index=models.Index(models.OrderBy(models.F('publish_at'), descending=True), models.F('id'), condition=models.Q(('change_type', 'major')), name='guidance_version_major_idx'),
        ),
        migrations.RunPython(store_search_vectors, drop_index),
    ]
