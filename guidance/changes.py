"""Reads shared by the public pages, the front page and the feeds: what changed, and when."""

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q

from guidance.models import Article, ArticleKind, ArticleVersion


def major_changes():
    """Published major versions of articles that are not withdrawn, the newest date their source gives
    first (`sort_day`: a month-only source at the start of its month, an undated one last), then the
    newest publication in the portal.

    Each version carries `is_first` (it is the article's first publication: a new article, not a
    change), read from the article's stored state rather than a subquery per row. Minor versions
    (typos) never appear here, so they never reach the changelog or the feeds.
    """
    return (
        ArticleVersion.objects.published().major()
        .filter(article__withdrawn_at__isnull=True)
        .annotate(is_first=ExpressionWrapper(Q(publish_at=F("article__first_published_at")), output_field=BooleanField()))
        .select_related("article", "article__issuer")
        # Lists of changes show titles and change notes, never the text: leave the long bodies behind.
        .defer("body")
        .order_by("-sort_day", "-publish_at", "-pk")
    )


# The order of guidance_version_listed_idx (the live version's place in the lists: the date its source
# gives, an undated one last; Article.listed_at), so a page of a list is read from the index.
NEWEST_CHANGE_FIRST = (F("live_version__listed_at").desc(), F("first_published_at").desc(), "slug")


def live_articles(*, with_body=False):
    """Live articles, the newest substantive change first, with what list pages show: the live
    version's title and summary, not its body unless asked for (the questions-and-answers page)."""
    articles = Article.objects.live() if with_body else Article.objects.live().defer("live_version__body")
    return (
        articles
        .select_related("issuer")
        .prefetch_related("topics")
        .order_by(*NEWEST_CHANGE_FIRST)
    )


def faq_keys():
    """The questions and answers page's rows as (question id, topic id): one per live question and
    topic, so a question under two topics is listed under both and one without a topic (None) comes
    last, in the order of the topic index, then the newest substantive change first.

    Only the two ids are sorted: the page then reads its own rows' text (`live_articles(...).in_bulk`),
    where sorting whole rows would carry every answer's text through the sort.
    """
    return (
        Article.objects.live().of_kind(ArticleKind.FAQ)
        .order_by(F("topics__position").asc(nulls_last=True), F("topics__name").asc(nulls_last=True),
                  F("topics").asc(nulls_last=True), *NEWEST_CHANGE_FIRST)
        .values_list("pk", "topics")
    )


def faq_counts():
    """{topic id, or None for questions without a topic: how many live questions it has}, in one query."""
    rows = (Article.objects.live().of_kind(ArticleKind.FAQ)
            .values("topics").annotate(questions=Count("pk")).order_by())
    return {row["topics"]: row["questions"] for row in rows}


def latest_news():
    return live_articles().of_kind(ArticleKind.NEWS).order_by(*NEWEST_CHANGE_FIRST)


def withdrawal_events(limit):
    """The latest withdrawals and reinstatements of articles, newest first, each with its `article`:
    public events recorded by the publishing services (issue 24), dated by the portal (they are its acts)."""
    from django.contrib.contenttypes.models import ContentType

    from publishing.models import PublicChange

    events = list(PublicChange.objects.withdrawals().filter(content_type=ContentType.objects.get_for_model(Article))
                  .order_by("-recorded_at", "-pk")[:limit])
    articles = Article.objects.select_related("issuer").in_bulk({event.object_id for event in events})
    for event in events:
        event.article = articles.get(event.object_id)
    return [event for event in events if event.article is not None]
