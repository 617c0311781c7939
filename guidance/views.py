from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from guidance.changes import faq_counts, faq_keys, latest_news, live_articles, major_changes, withdrawal_events
from guidance.forms import ArticleFilterForm
from guidance.models import Article, ExternalLink, Issuer, Topic
from publishing.dates import MONTH, item_date
from publishing.diff import html_text
from publishing.history import published_version, version_history
from publishing.markdown import render_markdown
from publishing.cachetags import shows, tag_response
from publishing.numbers import parse_page_number
from publishing.paging import OpenPage, open_page

PAGE_SIZE = 20
# Lists are counted up to this many articles. A longer list says «Over 1 000 artikler» and its pages are
# read without counting, as the change log's are, so a page costs the same at 2 000 articles and at 10 000.
COUNT_UP_TO = 1000
CHANGELOG_PAGE_SIZE = 30
CHANGELOG_WITHDRAWALS = 10  # the latest withdrawals and reinstatements, above the first page of the log
FAQ_PAGE_SIZE = 25  # questions with their whole answers


class UncountedPage(OpenPage):
    """A page of a list of more than `more_than` articles: read as the change log's are (its rows and one
    more), and headed «Over 1 000 artikler» instead of a total that would cost counting them all."""

    def __init__(self, items, number, per_page, *, more_than):
        super().__init__(items, number, per_page)
        self.more_than = more_than


def _page(request, items, per_page=PAGE_SIZE, count=None):
    """The requested page (`?side=`); a page that does not exist is a clear 404, not the first page.
    `count`: the number of items when the caller has just counted them, so they are not counted twice;
    otherwise they are counted up to COUNT_UP_TO."""
    try:
        number = _page_number(request)
        if count is None:
            count = items.count_at_most(COUNT_UP_TO + 1)
            if count > COUNT_UP_TO:
                return UncountedPage(items, number, per_page, more_than=COUNT_UP_TO)
        paginator = Paginator(items, per_page)
        paginator.count = count  # a cached_property: this stands in for its query
        return paginator.page(number)
    except InvalidPage:
        raise Http404(gettext_lazy(
            "Sidenummeret er ikke et tall, eller listen har ikke så mange sider. Gå til første side av listen."))


def _page_number(request):
    number = parse_page_number(request.GET.get("side"))
    if number is None:
        raise InvalidPage
    return number


def _article_page(request, articles, template, context=None, status=200):
    page = _page(request, articles)
    return render(request, template, {"page": page, **(context or {})}, status=status)


@require_safe
@shows(Article, Topic, Issuer)
def article_list(request):
    form = ArticleFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _article_page(request, live_articles().none(), "guidance/article_list.html", {"form": form}, status=400)
    articles = form.filter(live_articles()) if form.is_bound else live_articles()
    return _article_page(request, articles, "guidance/article_list.html", {"form": form})


@require_safe
@shows(Topic)
def topic_list(request):
    return render(request, "guidance/topic_list.html", {"topics": Topic.objects.all()})


@require_safe
@shows(Article, Topic, Issuer)
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = live_articles().filter(topics=topic)
    return _article_page(request, articles, "guidance/topic_detail.html", {"topic": topic})


@require_safe
@shows(Article, Topic, Issuer)
def news_list(request):
    return _article_page(request, latest_news(), "guidance/news_list.html")


@require_safe
@shows(Article, Topic, Issuer)
def faq(request):
    counts = faq_counts()
    page = _page(request, faq_keys(), FAQ_PAGE_SIZE, count=sum(counts.values()))
    questions = live_articles(with_body=True).prefetch_related(None).in_bulk([pk for pk, _topic in page.object_list])
    topics = list(Topic.objects.filter(pk__in=[pk for pk in counts if pk is not None]).order_by("position", "name", "pk"))
    contents = _faq_contents(counts, topics)
    context = {"page": page, "contents": contents, "groups": _faq_groups(page, questions, contents)}
    return render(request, "guidance/faq.html", context)


def _faq_contents(counts, topics):
    """Each topic in the rows' order (questions without a topic last), with how many questions it has
    and where in the list they start, so its entry can link to the page it starts on."""
    contents, offset = [], 0
    for topic in topics + ([None] if None in counts else []):
        count = counts[topic.pk if topic else None]
        contents.append({"topic": topic, "count": count, "offset": offset, "page": offset // FAQ_PAGE_SIZE + 1})
        offset += count
    return contents


def _faq_groups(page, questions, contents):
    """This page's questions by topic; the first group is marked `continued` when its topic began on an earlier page."""
    entries = {(entry["topic"].pk if entry["topic"] else None): entry for entry in contents}
    first_row = page.start_index() - 1
    groups = []
    for topic_id, keys in groupby(page.object_list, key=itemgetter(1)):
        items = [questions[pk] for pk, _topic in keys if pk in questions]  # one withdrawn since is left out
        for item in items:
            item.summary_in_body, item.body_html = article_text(item.live_version)
        entry = entries.get(topic_id, {"topic": None, "offset": first_row})
        groups.append({"topic": entry["topic"], "continued": entry["offset"] < first_row, "items": items})
    return groups


@require_safe
@shows(ExternalLink, Issuer)
def link_list(request):
    return render(request, "guidance/link_list.html", {"links": ExternalLink.objects.select_related("issuer")})


@require_safe
@shows(Topic, Issuer)
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.with_live_version().select_related("issuer"), slug=slug)
    if article.is_withdrawn:
        return render(request, "guidance/article_withdrawn.html", {"article": article}, status=410)
    if article.live_version_id is None:
        raise Http404(_("Artikkelen er ikke publisert."))
    return tag_response(render_article(request, article, article.live_version), article)


def render_article(request, article, version, *, preview=False, status=200):
    """The article page for `version`. The admin's preview calls this with a draft and preview=True,
    so a draft is shown exactly as it will look once published."""
    # The live version is the newest published one, so when it is major it is also the latest change.
    latest_change = version if preview or version.is_major else (
        article.versions.published().major().order_by("-number").first()
    )
    summary_in_body, body_html = article_text(version)
    context = {"article": article, "version": version, "preview": preview, "latest_change": latest_change,
               "summary_in_body": summary_in_body, "body_html": body_html}
    return render(request, "guidance/article_detail.html", context, status=status)


def article_text(version):
    """(summary_in_body, body_html): the body as HTML, and whether it already begins with the
    summary's words (publishers often start the body with the summary), so the page says them once."""
    return _article_text(version.summary, version.body)


@lru_cache(maxsize=128)  # a pure function of the two texts, like render_markdown
def _article_text(summary, body):
    body_html = render_markdown(body)
    summary = _squashed(summary)
    return bool(summary) and _squashed(html_text(body_html)).startswith(summary), body_html


def _squashed(text):
    return " ".join((text or "").split())


@require_safe
@shows(Issuer)
def article_history(request, slug):
    article = get_object_or_404(Article.objects.with_live_version().select_related("issuer"), slug=slug)
    context, status = version_history(article, request.GET)
    response = render(request, "guidance/article_history.html", {**context, "article": article}, status=status)
    return tag_response(response, article)


@require_safe
@shows(Issuer)
def article_version(request, slug, number):
    """One published version, readable in full at its own address, with how it stands to the current one."""
    article = get_object_or_404(Article.objects.with_live_version().select_related("issuer"), slug=slug)
    context = published_version(article, number)
    summary_in_body, body_html = article_text(context["version"])
    context.update(article=article, summary_in_body=summary_in_body, body_html=body_html)
    return tag_response(render(request, "guidance/article_version.html", context), article)


@require_safe
@shows(Article, Issuer)
def changelog(request):
    # Never counted (publishing.paging): the log only grows, and a page of it should not.
    try:
        page = open_page(major_changes(), request.GET.get("side"), CHANGELOG_PAGE_SIZE)
    except InvalidPage:
        raise Http404(gettext_lazy("Sidenummeret er ikke et tall, eller endringsloggen har ikke så mange sider."))
    days = [(day, approximate, list(versions)) for (day, approximate), versions in
            groupby(page.object_list, key=_changelog_day)]
    withdrawals = withdrawal_events(CHANGELOG_WITHDRAWALS) if page.number == 1 else []
    return render(request, "guidance/changelog.html", {"page": page, "days": days, "withdrawals": withdrawals})


def _changelog_day(version):
    """(day, is_approximate): the changelog's heading for `version`, no more exact than its source: the
    day its source gives, or the month (its first day) when the source gives only that, or None when the
    source has no date. A version with no source at all is dated by the portal's publication and says so.
    The log is ordered by the same date (`sort_day`), so each heading comes once, «Uten dato i kilden» last."""
    day, precision = item_date(version)
    if precision == MONTH:
        return day.replace(day=1), True
    return day, False
