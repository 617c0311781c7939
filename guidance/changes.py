"""Reads shared by the public pages, the front page and the feeds: what changed, and when."""

from django.db.models import Exists, F, OuterRef

from guidance.models import Article, ArticleKind, ArticleVersion


def major_changes(at=None):
    """Published major versions of articles that are not withdrawn, newest first.

    Each version carries `is_first` (no earlier published version: a new article, not a change).
    Minor versions (typos) never appear here, so they never reach the changelog or the feeds.
    """
    earlier = ArticleVersion.objects.published(at).filter(article=OuterRef("article"), number__lt=OuterRef("number"))
    return (
        ArticleVersion.objects.published(at).major()
        .filter(article__withdrawn_at__isnull=True)
        .annotate(is_first=~Exists(earlier))
        .select_related("article", "article__issuer")
        .order_by("-publish_at", "-pk")
    )


def live_articles(at=None):
    """Live articles, the newest substantive change first, with what list pages show."""
    return (
        Article.objects.live(at)
        .select_related("issuer")
        .prefetch_related("topics")
        .order_by(F("last_major_at").desc(nulls_last=True), F("first_published_at").desc(), "slug")
    )


def latest_news(at=None):
    return live_articles(at).of_kind(ArticleKind.NEWS).order_by(F("first_published_at").desc(), "slug")
