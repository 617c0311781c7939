"""Builders for the publishing tests: articles with versions, and users in the two editorial roles."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from guidance.models import Article
from publishing.roles import EDITOR_GROUP, PUBLISHER_GROUP
from publishing.services import version_create, version_publish
from tests.factories import make_issuer, make_user, sequence_number


def make_staff(group_name, username=None):
    user = make_user(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_editor(username=None):
    return make_staff(EDITOR_GROUP, username)


def make_responsible_editor(username=None):
    return make_staff(PUBLISHER_GROUP, username)


def make_article(author, *, title="Legevaktarbeid under koronautbruddet", summary="Råd til legevaktene.",
                 body="Første tekst.", published=True, issuer=None, slug=None, publish_at=None, approver=None):
    article = Article.objects.create(slug=slug or f"artikkel-{sequence_number()}", issuer=issuer or make_issuer())
    version = version_create(document=article, author=author, based_on_number=0, change_type="major",
                             change_note="Første versjon.", title=title, summary=summary, body=body)
    if published:
        approver = approver or author
        version_publish(version=version, user=approver, publish_at=publish_at or timezone.now() - timezone.timedelta(days=1))
    return article


def add_version(article, author, *, change_type="major", change_note="Oppdatert.", **content):
    latest = article.latest_version()
    fields = {**latest.content(), **content}
    return version_create(document=article, author=author, based_on_number=latest.number,
                          change_type=change_type, change_note=change_note, **fields)


def change_url(article):
    return reverse("admin:guidance_article_change", args=[article.pk])


def edit_post(article, *, based_on_number, title, summary="Ingress.", body="Tekst.", change_type="major",
              change_note="Endret.", topics=()):
    """The POST the article change form sends."""
    return {
        "title": title, "summary": summary, "body": body,
        "slug": article.slug, "kind": article.kind, "issuer": article.issuer_id, "topics": [t.pk for t in topics],
        "change_type": change_type, "change_note": change_note, "based_on_number": based_on_number,
        "_continue": "1",
    }


def version_url(action, article, number):
    return reverse(f"admin:guidance_article_version_{action}", args=[article.pk, number])
