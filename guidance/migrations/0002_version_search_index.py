from django.db import migrations

INDEX_NAME = "guidance_version_search_idx"


def create_index(apps, schema_editor):
    # A GIN index on the Norwegian full-text vector exists on PostgreSQL only; SQLite searches without it.
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    # Frozen copy of the expression the search queries use (it must stay identical to it).
    config = "norwegian"
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )
    model = apps.get_model("guidance", "ArticleVersion")
    schema_editor.add_index(model, GinIndex(vector, name=INDEX_NAME))


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("guidance", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
