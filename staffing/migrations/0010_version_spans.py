"""Which version is live is a span stored on each version and read at read time; search vectors
move to the versions with it (issue 22)."""

import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations, models


def live_spans(versions):
    """Frozen copy of publishing.models.documents.live_spans: {number: (live_from, live_until, last_major_at)}."""
    approved = sorted((v for v in versions if v.publish_at is not None), key=lambda v: (v.publish_at, v.number))
    live = []
    for version in approved:
        if live and version.number < live[-1][0].number:
            continue
        if live:
            live[-1][2] = version.publish_at
            if live[-1][1] == version.publish_at:
                live.pop()
        live.append([version, version.publish_at, None])
    spans, last_major = {}, None
    for version, live_from, live_until in live:
        if version.change_type == "major":
            last_major = live_from
        spans[version.number] = (live_from, live_until, last_major)
    return spans


def store_spans(apps, schema_editor, app_label, document_name, version_name, parent):
    """Which version is live becomes a span on each version (read at read time), not a stored pointer."""
    Document = apps.get_model(app_label, document_name)
    Version = apps.get_model(app_label, version_name)
    fields = ["live_from", "live_until", "last_major_at", "listed_at"]
    by_document = {}
    for version in Version.objects.order_by(f"{parent}_id", "number"):
        by_document.setdefault(getattr(version, f"{parent}_id"), []).append(version)
    changed, firsts = [], {}
    for document_id, versions in by_document.items():
        spans = live_spans(versions)
        first = min((span[0] for span in spans.values()), default=None)
        firsts[document_id] = first
        for version in versions:
            live_from, live_until, last_major = spans.get(version.number, (None, None, None))
            version.live_from, version.live_until, version.last_major_at = live_from, live_until, last_major
            version.listed_at = (last_major or first) if live_from is not None else None
            changed.append(version)
    Version.objects.bulk_update(changed, fields, batch_size=1000)
    documents = list(Document.objects.only("pk", "first_published_at"))
    for document in documents:
        document.first_published_at = firsts.get(document.pk)
    Document.objects.bulk_update(documents, ["first_published_at"], batch_size=1000)


def store_search_vectors(apps, schema_editor):
    """Frozen copy of VersionedDocument.store_search_vectors for measure versions, and its GIN index."""
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches the live versions with icontains
    from django.contrib.postgres.search import SearchVector

    config = "norwegian"
    Version = apps.get_model("staffing", "MeasureVersion")
    title_summary = SearchVector("title", weight="A", config=config) + SearchVector("summary", weight="B", config=config)
    schema_editor.execute("SET LOCAL statement_timeout = 0")
    Version.objects.filter(publish_at__isnull=False).update(
        search_vector=title_summary + SearchVector("body", weight="C", config=config), search_rank_vector=title_summary)
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the spans' updates leave deferred checks pending
    # The versions' text was searched through an expression index (0002); the stored vector replaces it.
    schema_editor.execute("DROP INDEX IF EXISTS staffing_version_search_idx")
    schema_editor.execute("CREATE INDEX IF NOT EXISTS staffing_version_vector_idx ON staffing_measureversion "
                          "USING gin (search_vector) WHERE live_from IS NOT NULL")


def spans(apps, schema_editor):
    store_spans(apps, schema_editor, "staffing", "Measure", "MeasureVersion", "measure")


class Migration(migrations.Migration):

    dependencies = [
        ('staffing', '0009_search_rank_vector'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='measureversion',
            name='last_major_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='sist vesentlig endret'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='listed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='sortert etter'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='live_from',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='synlig fra'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='live_until',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='synlig til'),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='search_rank_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='measureversion',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='measureversion',
            index=models.Index(condition=models.Q(('live_from__isnull', False)), fields=['measure', 'live_from'], name='staffing_version_live_idx'),
        ),
        migrations.RunPython(spans, migrations.RunPython.noop),
        migrations.RunPython(store_search_vectors, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='measure',
            name='last_major_at',
        ),
        migrations.RemoveField(
            model_name='measure',
            name='live_version',
        ),
        migrations.RemoveField(
            model_name='measure',
            name='next_publish_at',
        ),
        migrations.RemoveField(
            model_name='measure',
            name='search_rank_vector',
        ),
        migrations.RemoveField(
            model_name='measure',
            name='search_vector',
        ),
    ]
