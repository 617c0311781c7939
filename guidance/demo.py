"""Demo content for the guidance app, built from the seeds (see guidance/demo_content/).

Idempotent: topics, issuers and links are matched by slug or title, and an article whose slug
already exists is skipped entirely, so running `load_demo` twice changes nothing. A database
loaded by an older demo keeps its articles as they are (versions are never rewritten); start from
an empty database to get the sourced content.
"""

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from guidance import demo_content
from guidance.models import Article, ArticleVersion, ExternalLink, Issuer, Topic

DEMO_PUBLISHER = "redaktor"


def load(stdout):
    publisher = get_user_model().objects.get(username=DEMO_PUBLISHER)
    topics = {item["slug"]: Topic.objects.get_or_create(
        slug=item["slug"], defaults={"name": item["name"], "description": item["description"], "position": position}
    )[0] for position, item in enumerate(demo_content.TOPICS)}
    issuers = {item["slug"]: Issuer.objects.get_or_create(slug=item["slug"], defaults={"name": item["name"]})[0]
               for item in demo_content.ISSUERS}
    for position, link in enumerate(demo_content.EXTERNAL_LINKS):
        ExternalLink.objects.get_or_create(title=link["title"], defaults={
            "description": link["description"], "url": link["url"], "issuer": issuers[link["issuer"]],
            "position": position, "links_to_front_page": True,
        })
    # The seed gives none of their addresses: say so on links an older demo loaded without the flag.
    ExternalLink.objects.filter(title__in=[link["title"] for link in demo_content.EXTERNAL_LINKS],
                                url__in=[link["url"] for link in demo_content.EXTERNAL_LINKS]).update(
        links_to_front_page=True)
    existing = set(Article.objects.values_list("slug", flat=True))
    created = 0
    # Last first: items whose source gives no day are published at loading time, one after the other,
    # so the newest-first order of their source page holds among them (lists tie-break on publication).
    for item in reversed(demo_content.ARTICLES):
        if item["slug"] not in existing:
            _create_article(item, topics, issuers, publisher)
            created += 1
    stdout.write(f"  Veiledning: {created} nye artikler ({len(existing)} fantes fra før).")
    unsourced = Article.objects.with_live_version(fetch=False).filter(slug__in=existing, live_version__source_title="").count()
    if unsourced:
        stdout.write(f"  Merk: {unsourced} artikler fra en eldre demo mangler kilde. Start med en tom database "
                     "for å få demoinnholdet med kilder.")


def _create_article(item, topics, issuers, publisher):
    first_date = _at(item["versions"][0])
    article = Article.objects.create(
        slug=item["slug"], kind=item["kind"], issuer=issuers[item["issuer"]], created_at=first_date,
    )
    article.topics.set([topics[slug] for slug in item["topics"]])
    # Demo history is in the past, so the rows are written directly with their real dates rather than
    # through version_publish (which stamps "now"). Each row is still a separate, immutable version.
    for number, version in enumerate(item["versions"], start=1):
        at = _at(version)
        source = version["source"]
        row = ArticleVersion(
            article=article, number=number, based_on_number=number - 1 or None,
            title=version["title"], summary=version["summary"], body=version["body"],
            source_title=source["title"], source_issuer=source["issuer"],
            source_date=date.fromisoformat(source["date"]) if source["date"] else None,
            source_date_is_approximate=source["approximate"], source_url=source["url"],
            editor_note=version["editor_note"], see_also=version["see_also"],
            change_type=version["change_type"], change_note=version["note"],
            author=publisher, created_at=at, publish_at=at, approved_by=publisher, approved_at=at,
        )
        row.full_clean(exclude=["article"])
        row.save()
    article.refresh_live_state()


def _at(version):
    """When the demo portal publishes a version: on the day its source gives (the demo's history), or,
    when the source gives no day, now: the demo invents no day on which the portal published it."""
    if version["date"] is None:
        return timezone.now()
    return timezone.make_aware(datetime.strptime(version["date"], "%Y-%m-%d %H:%M"))
