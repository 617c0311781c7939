"""Topic and issuer names join each article's stored search vector; a small ranking vector (title,
summary, names) ranks the matches; lists count from a small partial index."""

import django.contrib.postgres.search
from django.db import migrations, models


def store_search_vectors(apps, schema_editor):
    """Frozen copy of VersionedDocument.store_search_vectors for articles (topics and issuer named)."""
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches the live versions with icontains
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchVector, SearchVectorField
    from django.db.models import Func, OuterRef, Subquery, TextField

    config = "norwegian"
    Article = apps.get_model("guidance", "Article")
    Version = apps.get_model("guidance", "ArticleVersion")
    Issuer = apps.get_model("guidance", "Issuer")
    Links = Article.topics.through
    title_summary = SearchVector("title", weight="A", config=config) + SearchVector("summary", weight="B", config=config)
    live = Version.objects.filter(pk=OuterRef("live_version_id"))
    text = Subquery(live.annotate(v=title_summary + SearchVector("body", weight="C", config=config)).values("v")[:1],
                    output_field=SearchVectorField())
    rank_text = Subquery(live.annotate(v=title_summary).values("v")[:1], output_field=SearchVectorField())
    topics = (Links.objects.filter(article=OuterRef("pk")).order_by().values("article")
              .annotate(names=StringAgg("topic__name", " ")).values("names"))
    issuer = Issuer.objects.filter(pk=OuterRef("issuer_id")).values("name")
    names = SearchVector(Subquery(topics[:1], output_field=TextField()), Subquery(issuer[:1], output_field=TextField()),
                         weight="B", config=config)

    def joined(vector):
        return Func(vector, names, arg_joiner=" || ", template="(%(expressions)s)", output_field=SearchVectorField())

    schema_editor.execute("SET LOCAL statement_timeout = 0")
    Article.objects.update(search_vector=joined(text), search_rank_vector=joined(rank_text))


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0007_version_see_also'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_rank_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(condition=models.Q(('live_version__isnull', False), ('withdrawn_at__isnull', True)), fields=['kind', 'issuer'], name='guidance_article_live_idx'),
        ),
        migrations.RunPython(store_search_vectors, migrations.RunPython.noop),
    ]
