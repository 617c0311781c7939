"""Addresses and form posts for the article admin screens. The data builders are in tests/factories.py."""

from django.urls import reverse


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
