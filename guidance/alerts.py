"""Guidance articles as a source of e-mail alerts (registered in settings.ALERT_SOURCES)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alerts.sources import Change, Facet, Source, WithdrawalSource, absolute
from guidance.models import Article, ArticleVersion, Issuer, Topic


class ArticleAlertSource(Source):
    key = "guidance.article"

    def __init__(self):
        self.facets = (
            Facet("guidance.topic", _("Temaer"), lambda: [(str(t.pk), t.name) for t in Topic.objects.all()]),
            Facet("guidance.issuer", _("Avsendere"), lambda: [(str(i.pk), i.name) for i in Issuer.objects.all()]),
            # Thousands of articles: the form shows the ones asked for and those a title search finds.
            Facet("guidance.article", _("Enkeltartikler"),
                  lookup=self._articles_with_ids, search=self._articles_titled),
        )

    def _articles_with_ids(self, values):
        pks = {int(value) for value in values if value.isascii() and value.isdigit() and len(value) < 19}
        articles = Article.objects.live().filter(pk__in=pks).values_list("pk", "live_version__title")
        return [(str(pk), title) for pk, title in articles]

    def _articles_titled(self, words, limit):
        articles = Article.objects.live()
        for word in words:
            articles = articles.filter(live_version__title__icontains=word)
        found = articles.order_by("-live_version__listed_at", "-pk").values_list("pk", "live_version__title")[:limit]
        return [(str(pk), title) for pk, title in found]

    def new_versions(self, *, now, dispatched_ids):
        return (
            ArticleVersion.objects.published(now).major()
            .filter(article__withdrawn_at__isnull=True)
            .exclude(pk__in=dispatched_ids)
            .select_related("article__issuer")
            .prefetch_related("article__topics")
            .order_by("publish_at", "pk")
        )

    def describe(self, version):
        article = version.article
        previous = version.previous_major_number()
        compare = reverse("guidance:history", args=[article.slug])
        if previous:
            compare += f"?fra={previous}&til={version.number}"
        facets = {("guidance.article", str(article.pk)), ("guidance.issuer", str(article.issuer_id))}
        facets |= {("guidance.topic", str(topic.pk)) for topic in article.topics.all()}
        return Change(
            source=self.key, version_id=version.pk, title=version.title, kind_label=article.get_kind_display(),
            issuer=article.issuer.name, change_note=version.change_note, published_at=version.publish_at,
            url=absolute(article.get_absolute_url()), compare_url=absolute(compare), is_new=previous is None,
            facets=facets,
        )


class ArticleWithdrawalSource(WithdrawalSource):
    """An article withdrawn or reinstated, for those who follow it, its topics or its issuer (issue 24)."""

    key = "guidance.article.withdrawal"
    document_model = Article

    def describe(self, change):
        article = Article.objects.select_related("issuer").prefetch_related("topics").get(pk=change.object_id)
        facets = {("guidance.article", str(article.pk)), ("guidance.issuer", str(article.issuer_id))}
        facets |= {("guidance.topic", str(topic.pk)) for topic in article.topics.all()}
        return Change(
            source=self.key, version_id=change.pk, title=change.object_repr, kind_label=article.get_kind_display(),
            issuer=article.issuer.name, change_note=change.note, published_at=change.recorded_at,
            url=absolute(article.get_absolute_url()), compare_url=absolute(reverse("guidance:history", args=[article.slug])),
            facets=facets, event=change.kind,
        )
