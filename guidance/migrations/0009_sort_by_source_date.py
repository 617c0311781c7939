import datetime

from django.conf import settings
from django.db import migrations, models
from django.db.models import Case, Exists, OuterRef, Subquery, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

UNDATED = datetime.date(1, 1, 1)


def _sort_day(version):
    """Frozen copy of publishing.dates.sort_day."""
    if not version.source_title:
        return timezone.localdate(version.publish_at) if version.publish_at else UNDATED
    if version.source_date is None:
        return UNDATED
    return version.source_date.replace(day=1) if version.source_date_is_approximate else version.source_date


def fill_sort_days(apps, schema_editor):
    Article, ArticleVersion = apps.get_model("guidance", "Article"), apps.get_model("guidance", "ArticleVersion")
    fields = ("id", "source_title", "source_date", "source_date_is_approximate", "publish_at", "sort_day")
    batch = []
    for version in ArticleVersion.objects.only(*fields).iterator(chunk_size=2000):
        version.sort_day = _sort_day(version)
        batch.append(version)
        if len(batch) == 2000:
            ArticleVersion.objects.bulk_update(batch, ["sort_day"])
            batch = []
    ArticleVersion.objects.bulk_update(batch, ["sort_day"])
    # Frozen copy of Article.refresh_all_live_state's sort day: an article with no source by its last major change.
    live = ArticleVersion.objects.filter(pk=OuterRef("live_version_id"))
    changed = TruncDate(Coalesce("last_major_at", "first_published_at"), tzinfo=timezone.get_current_timezone())
    Article.objects.filter(live_version__isnull=False).update(sort_day=Case(
        When(Exists(live.filter(source_title="")), then=changed),
        default=Subquery(live.values("sort_day")[:1]),
    ))


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0008_search_rank_vector_and_live_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='article',
            name='guidance_article_recent_idx',
        ),
        migrations.RemoveIndex(
            model_name='article',
            name='guidance_article_kind_idx',
        ),
        migrations.RemoveIndex(
            model_name='articleversion',
            name='guidance_version_major_idx',
        ),
        migrations.AddField(
            model_name='article',
            name='sort_day',
            field=models.DateField(default=datetime.date(1, 1, 1), editable=False, help_text='Den live versjonens dato etter kilden, som listene sorterer etter (publishing.dates.sort_day).', verbose_name='dato i lister'),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='sort_day',
            field=models.DateField(default=datetime.date(1, 1, 1), editable=False, help_text='Versjonens dato etter kilden, som endringsloggen og strømmene sorterer etter.', verbose_name='dato i lister'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(models.OrderBy(models.F('sort_day'), descending=True), models.OrderBy(models.F('first_published_at'), descending=True), models.F('slug'), name='guidance_article_dated_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(models.F('kind'), models.OrderBy(models.F('sort_day'), descending=True), models.OrderBy(models.F('first_published_at'), descending=True), models.F('slug'), name='guidance_article_kinddate_idx'),
        ),
        migrations.AddIndex(
            model_name='articleversion',
            index=models.Index(models.OrderBy(models.F('sort_day'), descending=True), models.OrderBy(models.F('publish_at'), descending=True), models.OrderBy(models.F('id'), descending=True), condition=models.Q(('change_type', 'major')), name='guidance_version_dated_idx'),
        ),
        migrations.RunPython(fill_sort_days, migrations.RunPython.noop),
    ]
