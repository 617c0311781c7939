"""Names for what a page shows, so a change invalidates only the pages that show it.

A *tag* names a document ("guidance.article:42"), a collection ("guidance.article": every list,
count or search over articles), or a part of the site every page shows ("frame"). A view names
what its response shows with `tag_response(response, article, Topic, "search")`; the page cache
keeps the names with the cached copy, sends them to a proxy in front as `Cache-Tag` and
`Surrogate-Key`, and the services announce changes by the same names (`publishing.changes`).

A response that names nothing is treated as showing everything: it is safe, only less precise.
"""

from functools import wraps

from django.db import models

# Shown on every page (header, footer, the contact banner): a change to it invalidates every page.
FRAME = "frame"
# Every response that names nothing, and whatever changed in a way nobody described (a migration,
# a bulk load): a change to it invalidates every page.
EVERYTHING = "all"


def tag_for(thing):
    """The tag of a model instance ("app.model:pk"), a model class ("app.model") or a string (itself)."""
    if isinstance(thing, str):
        return thing
    if isinstance(thing, type) and issubclass(thing, models.Model):
        return thing._meta.label_lower
    if isinstance(thing, models.Model):
        return f"{thing._meta.label_lower}:{thing.pk}"
    raise TypeError(f"Cannot name {thing!r} as a cache tag: give a model instance, a model class or a string.")


def tag_response(response, *things):
    """Add the tags of `things` to what `response` shows. Returns the response, for chaining."""
    tags = getattr(response, "cache_tags", None)
    if tags is None:
        tags = response.cache_tags = set()
    tags.update(tag_for(thing) for thing in things)
    return response


def shows(*things):
    """A view decorator: every response of the view shows `things` (models, instances or tags).
    Views that show one document name it with `tag_response` as well."""
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return tag_response(view(request, *args, **kwargs), *things)
        return wrapper
    return decorator


def response_tags(response):
    """The tags a response named, or None when it named none (it then counts as showing everything)."""
    tags = getattr(response, "cache_tags", None)
    return frozenset(tags) if tags else None
