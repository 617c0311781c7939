"""Readers' state is stored on the document instead of worked out with subqueries on every read."""

import django.db.models.deletion
from django.db import migrations, models


def store_live_state(apps, schema_editor):
    """Frozen copy of VersionedDocument.refresh_live_state for the documents that exist."""
    from django.db.models import Max, Min, Q
    from django.utils import timezone

    Document = apps.get_model("guidance", "Article")
    now = timezone.now()
    published = Q(publish_at__isnull=False, publish_at__lte=now)
    for document in Document.objects.all():
        versions = document.versions.all()
        state = versions.aggregate(
            live_number=Max("number", filter=published),
            first_published_at=Min("publish_at", filter=published),
            last_major_at=Max("publish_at", filter=published & Q(change_type="major")),
            next_publish_at=Min("publish_at", filter=Q(publish_at__gt=now)),
        )
        live_number = state.pop("live_number")
        document.live_version = versions.get(number=live_number) if live_number else None
        for name, value in state.items():
            setattr(document, name, value)
        document.save(update_fields=["live_version", *state])


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0003_editorial_groups'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='first_published_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='først publisert'),
        ),
        migrations.AddField(
            model_name='article',
            name='last_major_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='sist vesentlig endret'),
        ),
        migrations.AddField(
            model_name='article',
            name='live_version',
            field=models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='live_of', to='guidance.articleversion', verbose_name='live versjon'),
        ),
        migrations.AddField(
            model_name='article',
            name='next_publish_at',
            field=models.DateTimeField(blank=True, db_index=True, editable=False, help_text='Når neste planlagte versjon skal bli synlig.', null=True, verbose_name='neste planlagte publisering'),
        ),
        migrations.RunPython(store_live_state, migrations.RunPython.noop),
    ]
