"""Recording and announcing changes to what readers see, and asking whether a cached page is current.

The writing side: `record_change(tags, …)` is called by every service in `publishing.services` (and,
for models without versions, by the signal receivers connected here, so a topic renamed in
`manage.py shell` counts as much as one renamed in the admin). In the caller's transaction it locks
the clock row, hands out the next generation, stores it on each tag and on the `PublicChange` row,
and notes when a scheduled change will happen by itself. After the transaction commits it announces
the change with the `content_changed` signal: a proxy purge, alerts and whatever else subscribes
react to that, and never change the documents.

The reading side (the page cache, `kommuneportal.middleware`). Each tag's generation is kept in two
places: in the database (`ChangeTag`, the record) and in the shared cache (`tag:<name>`, written by
`record_change` while it holds the clock's lock, so those writes happen in generation order and
before the change is committed). A cached copy is current while none of its tags has a generation
after the copy's and its own next scheduled change has not come:
- `generations_in_cache(tags)` answers that from the cache alone, with no query: for instances that
  share one cache (one host's workers with the default cache on disk, or Redis);
- `page_state(now, tags, …)`, one small query, answers it from the database: for instances that keep
  pages in caches they do not share (several hosts without Redis), and whenever the cache cannot
  answer (a tag it no longer holds, or a change it announced but whose transaction rolled back).
"""

import datetime
import logging
from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache as shared_cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import Signal
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from publishing.cachetags import EVERYTHING, FRAME
from publishing.models import (
    ChangeKind, ChangeTag, ContentClock, PublicChange, PublicContent, ScheduledChange, VersionedDocument,
)

CLOCK_PK = 1
# Scheduled moments are kept this long after they passed (they are only read for the future).
SCHEDULE_KEPT = datetime.timedelta(days=1)

# Sent after the transaction that made a change commits, with `change` (the PublicChange) and `tags`.
content_changed = Signal()
# The tags' generations in the shared cache, for page caches that check their copies there.
TAG_KEY = "tag:{}"
logger = logging.getLogger(__name__)


def record_change(tags, *, kind, obj=None, version=None, user=None, note="", effective_at=None, scheduled_for=()):
    """Record in the caller's transaction that what `tags` name has changed, announce it once committed.

    `scheduled_for`: moments after now at which what the tags name changes again by itself (a version
    approved for 08:00). Returns the `PublicChange`.
    """
    now = timezone.now()
    tags = frozenset(tags) | {EVERYTHING}
    with transaction.atomic():
        generation = _next_generation(now)
        # Before the commit (a copy rendered meanwhile shows the old state and is older than
        # `generation`) and under the clock's lock (so a later change never writes a lower one first).
        mirrored = _mirror_in_cache(tags, generation)
        if not mirrored:
            transaction.on_commit(lambda: _mirror_in_cache(tags, generation), robust=True)
        ChangeTag.objects.bulk_create([ChangeTag(name=name, generation=generation) for name in sorted(tags)],
                                      update_conflicts=True, unique_fields=["name"], update_fields=["generation"])
        ScheduledChange.objects.filter(at__lt=now - SCHEDULE_KEPT).delete()
        ScheduledChange.objects.bulk_create([ScheduledChange(tag=name, at=moment) for moment in scheduled_for
                                             if moment > now for name in sorted(tags)])
        change = PublicChange.objects.create(
            kind=kind, recorded_at=now, effective_at=effective_at or now, generation=generation,
            content_type=ContentType.objects.get_for_model(type(obj)) if obj is not None else None,
            object_id=obj.pk if obj is not None else None, object_repr=_describe(obj),
            version_number=version.number if version is not None else None, user=user, note=note,
            tags=sorted(tags),
        )
        sender = type(obj) if obj is not None else None
        transaction.on_commit(lambda: content_changed.send(sender=sender, change=change, tags=tags), robust=True)
    return change


def _describe(obj):
    """What the change was to, in words, for the record; a row saved with raw values may not print."""
    if obj is None:
        return ""
    if isinstance(obj, VersionedDocument):
        live = obj.version_live_at(timezone.now())  # the title readers saw (not a copy read earlier)
        if live is not None:
            return live.title[:250]
    try:
        return str(obj)[:250]
    except (TypeError, ValueError):
        return f"{obj._meta.verbose_name} {obj.pk}"[:250]


def everything_changed(*, note=""):
    """Every page starts afresh: after a migration, a bulk load or a repair that bypassed the services."""
    return record_change({FRAME, EVERYTHING}, kind=ChangeKind.EVERYTHING, note=note)


def _mirror_in_cache(tags, generation):
    """Write the tags' new generation to the shared cache; False if the cache did not take it."""
    try:
        shared_cache.set_many({TAG_KEY.format(name): generation for name in tags}, timeout=None)
    except Exception:  # a cache that is down keeps no pages either; the database keeps the record
        logger.warning("Sidebufferen tok ikke imot endringen av %s.", ", ".join(sorted(tags)), exc_info=True)
        return False
    return True


def generations_in_cache(tags):
    """{tag: generation} as the shared cache holds them; a tag it does not hold is left out."""
    stored = shared_cache.get_many([TAG_KEY.format(name) for name in tags])
    return {name: stored[TAG_KEY.format(name)] for name in tags if TAG_KEY.format(name) in stored}


def remember_generations_in_cache(generations):
    """Put generations read from the database into the cache where it holds none (never over a value
    `record_change` wrote, which may be newer than what this reader saw)."""
    held = generations_in_cache(generations)  # a read first: `add` takes a write lock even when it adds nothing
    for name, generation in generations.items():
        if name not in held:
            shared_cache.add(TAG_KEY.format(name), generation, timeout=None)


def _next_generation(now):
    clock, _created = ContentClock.objects.select_for_update().get_or_create(pk=CLOCK_PK)
    clock.generation = max(clock.generation + 1, int(now.timestamp() * 1_000_000))
    clock.changed_at = now
    clock.save(update_fields=["generation", "changed_at"])
    return clock.generation


# --- Reading: is a cached page still current? ------------------------------------------------------


class PageState(NamedTuple):
    generation: int  # the newest committed generation: a page rendered now is current as of it
    changed: bool  # whether the copy asked about is outdated
    next_scheduled_at: datetime.datetime | None  # the next scheduled change anywhere after now
    copy_seen: tuple | None  # (generation, rendered_at) of the copy asked about
    tag_generations: dict  # {tag: generation} of the copy's tags, as the database holds them


def page_state(now, tags=None, generation=None, valid_until=None, rendered_at=None):
    """What a page cache needs to know at `now`, in one query.

    With the `tags`, `generation` and `valid_until` of a cached copy: whether it is outdated, i.e. one
    of its tags changed after `generation`, its next scheduled change (`valid_until`) has come, or it
    was rendered at a generation the database has not reached (a database restored from an older
    backup). Without them: the generation a page rendered now is current as of, and the next
    scheduled change anywhere.
    """
    adapt = connection.ops.adapt_datetimefield_value
    tags = sorted(tags or ())
    with connection.cursor() as cursor:
        if tags:
            cursor.execute(_copy_sql(connection.vendor, len(tags)), [*tags])
            rows = cursor.fetchall()
            current = next((gen for name, gen in rows if name == ""), 0)
            found = {name: gen for name, gen in rows if name != ""}
            generations = {name: found.get(name, 0) for name in tags}
            changed = (generation > current or max(generations.values()) > generation
                       or (valid_until is not None and valid_until <= now))
            return PageState(current, changed, None, (generation, rendered_at), generations)
        cursor.execute(_state_sql(connection.vendor), [adapt(now)])
        current, next_at = cursor.fetchone() or (0, None)
    return PageState(current, True, _aware(next_at), None, {})


def next_change_of(tags, after):
    """The next scheduled change to any of `tags` after `after` (one query): a copy of a page that
    shows them is current until then, unless they change before."""
    return _aware(ScheduledChange.objects.filter(tag__in=sorted(tags), at__gt=after).order_by("at")
                  .values_list("at", flat=True).first())


def cache_lifetimes(now, next_scheduled_at):
    """(max_age, stale_while_revalidate) for a public answer: how long a browser or proxy may keep it,
    never past the next change it can know of in advance (a scheduled version, or midnight, when what
    applies "today" changes)."""
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(now) + datetime.timedelta(days=1),
                                                             datetime.time.min))
    moments = [midnight] + ([next_scheduled_at] if next_scheduled_at else [])
    until_change = max(0, int((min(moments) - now).total_seconds()))
    max_age = min(settings.PAGE_CACHE_MAX_AGE, until_change)
    return max_age, min(max_age, until_change - max_age)


def public_cache_control(now, next_scheduled_at):
    max_age, stale = cache_lifetimes(now, next_scheduled_at)
    return (f"public, max-age={max_age}, stale-while-revalidate={stale}, "
            f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}")


def next_scheduled_change(now):
    """The next scheduled change anywhere after `now` (one query), for answers made without the page cache."""
    return _aware(ScheduledChange.objects.filter(at__gt=now).order_by("at").values_list("at", flat=True).first())


def _aware(value):
    """A datetime from a plain query: SQLite gives text in UTC, PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.timezone.utc)
    return value


# Plain SQL written once (per number of tags): this runs on every cached page checked in the database,
# and composing it through the ORM costs more than the database takes to answer it.

@cache
def _state_sql(vendor):
    names = _names()
    return ("SELECT {gen}, (SELECT MIN({at}) FROM {sched} WHERE {at} > %s) FROM {clock} WHERE {pk} = {key:d}"
            .format(**names, key=CLOCK_PK))


@cache
def _copy_sql(vendor, count):
    """The generations of the tags asked for, and the clock's under the name ''."""
    names = _names()
    params = ", ".join(["%s"] * count)
    return ("SELECT {name}, {tag_gen} FROM {tags} WHERE {name} IN ({params}) "
            "UNION ALL SELECT '', {gen} FROM {clock} WHERE {pk} = {key:d}").format(**names, params=params, key=CLOCK_PK)


def _names():
    quote = connection.ops.quote_name
    clock, tags, sched = ContentClock._meta, ChangeTag._meta, ScheduledChange._meta
    return {
        "gen": quote(clock.get_field("generation").column), "clock": quote(clock.db_table), "pk": quote(clock.pk.column),
        "tags": quote(tags.db_table), "tag_gen": quote(tags.get_field("generation").column),
        "name": quote(tags.pk.column),
        "sched": quote(sched.db_table), "tag": quote(sched.get_field("tag").column), "at": quote(sched.get_field("at").column),
    }


# --- Changes made outside the services: models without versions, and document fields --------------


def connect():
    """Record saves, deletes and link changes of public models made anywhere (publishing.apps)."""
    from django.apps import apps

    for model in apps.get_models():
        if not issubclass(model, (PublicContent, VersionedDocument)):
            continue
        uid = f"{model._meta.label}:public-change"
        pre_save.connect(_remember_stored_row, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(_links_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}:{field.name}")


def _remember_stored_row(sender, instance, raw, update_fields, **kwargs):
    """Note whether a save changes anything readers could see, so a save that changes nothing records nothing."""
    if raw or instance.pk is None:
        return
    names = [field.attname for field in sender._meta.concrete_fields
             if update_fields is None or field.name in update_fields or field.attname in update_fields]
    stored = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._public_change = stored is None or any(stored[name] != getattr(instance, name) for name in names)


def _saved(sender, instance, created, raw, **kwargs):
    if raw:
        return
    if created:
        if issubclass(sender, VersionedDocument):
            return  # nothing to read until a version is published, which records its own change
    elif not instance.__dict__.pop("_public_change", True):
        return
    record_change(instance.change_tags(), kind=ChangeKind.CHANGED, obj=instance)


def _deleted(sender, instance, **kwargs):
    record_change(instance.change_tags(), kind=ChangeKind.DELETED, obj=instance)


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Topics added to or taken from an article (or articles to or from a topic): both sides change."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    tags = set(instance.change_tags()) if hasattr(instance, "change_tags") else set()
    if hasattr(model, "change_tags"):
        others = model._base_manager.filter(pk__in=pk_set) if pk_set else []
        for other in others:
            tags |= other.change_tags()
        if action == "post_clear":
            from publishing.cachetags import tag_for

            tags.add(tag_for(model))
    if tags:
        record_change(tags, kind=ChangeKind.CHANGED, obj=instance)


def migrated(sender, **kwargs):
    """After `migrate`: rows may have been changed by migrations, which send no signals of ours."""
    if ContentClock._meta.db_table in connection.introspection.table_names():
        everything_changed(note="migrate")
