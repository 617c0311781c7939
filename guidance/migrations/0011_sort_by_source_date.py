"""Lists sort by the date the source gives (issue 24): each version's `sort_day`, and a live version's
place in the lists (`listed_at`, issue 22) is its sort day, or for a text with no source its last
substantive change in the portal, so an undated item never comes before a dated one."""

import datetime

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

UNDATED = datetime.date(1, 1, 1)


def _sort_day(version):
    """Frozen copy of publishing.dates.sort_day."""
    if not version.source_title:
        return timezone.localdate(version.publish_at) if version.publish_at else UNDATED
    if version.source_date is None:
        return UNDATED
    return version.source_date.replace(day=1) if version.source_date_is_approximate else version.source_date


def _listed_at(version):
    """Frozen copy of Article.listed_at: the day as a moment, UTC midnight, so day and order agree."""
    if not version.source_title:
        day = timezone.localdate(version.last_major_at or version.article.first_published_at)
    else:
        day = version.sort_day
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.timezone.utc)


def fill_sort_days(apps, schema_editor):
    ArticleVersion = apps.get_model("guidance", "ArticleVersion")
    fields = ("id", "source_title", "source_date", "source_date_is_approximate", "publish_at", "live_from",
              "last_major_at", "article__first_published_at", "sort_day", "listed_at")
    batch = []
    for version in ArticleVersion.objects.select_related("article").only(*fields).iterator(chunk_size=2000):
        version.sort_day = _sort_day(version)
        version.listed_at = _listed_at(version) if version.live_from is not None else None
        batch.append(version)
        if len(batch) == 2000:
            ArticleVersion.objects.bulk_update(batch, ["sort_day", "listed_at"])
            batch = []
    ArticleVersion.objects.bulk_update(batch, ["sort_day", "listed_at"])


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0010_version_publication_order_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='article',
            name='guidance_article_kind_idx',
        ),
        migrations.RemoveIndex(
            model_name='articleversion',
            name='guidance_version_major_idx',
        ),
        migrations.AddField(
            model_name='articleversion',
            name='sort_day',
            field=models.DateField(default=datetime.date(1, 1, 1), editable=False, help_text='Versjonens dato etter kilden, som endringsloggen og strømmene sorterer etter.', verbose_name='dato i lister'),
        ),
        migrations.AddIndex(
            model_name='articleversion',
            index=models.Index(models.OrderBy(models.F('sort_day'), descending=True), models.OrderBy(models.F('publish_at'), descending=True), models.OrderBy(models.F('id'), descending=True), condition=models.Q(('change_type', 'major')), name='guidance_version_dated_idx'),
        ),
        migrations.RunPython(fill_sort_days, migrations.RunPython.noop),
    ]
