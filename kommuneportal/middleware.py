"""Whole-page caching for anonymous readers, invalidated by what each page shows.

On the day a new rule goes out every municipality opens the portal at once while publishers keep
working. An anonymous GET is answered from the shared cache (Redis when REDIS_URL is set, else a
cache on this host's disk that every worker shares: settings.CACHES) under a key of its address and
the day. The cached copy remembers the tags of what it shows (`publishing.cachetags`: the article,
"any article", the site frame …), the generation it was rendered at, and its own next scheduled
change. It is served while none of those tags has changed since and that moment has not come, which
`publishing.changes` answers:
- with PAGE_CACHE_CHECK = "cache" (the default: every instance shares one cache) from the tags'
  generations that every change writes to the same cache before it commits, with no query;
- with PAGE_CACHE_CHECK = "database" (instances that keep pages in caches they do not share, e.g.
  several hosts without Redis) with one small query per request.
Either way a publish invalidates only the pages that show what changed, on every instance at once,
and nothing is served after what it shows has changed. When the cache cannot answer (a tag it no
longer holds) the database does.

When a page has just been invalidated, one worker renders it while the others wait for that copy
(a short lock in the shared cache, as nginx's proxy_cache_lock), and a waiting request takes the
new copy only if it is current too.

What is never cached here: requests carrying a session or message cookie (a signed-in user, or a
message waiting to be shown), anything but GET/HEAD, and responses that are not a plain 200, set a
cookie, use a CSRF token (forms), or say `Cache-Control: private/no-cache/no-store`. Those get
`Cache-Control: private, no-store`, and only cached public pages are compressed (so no page with a
secret in it is, which keeps BREACH out). Cached pages carry their tags to a proxy in front as
`Cache-Tag` and `Surrogate-Key`, and `kommuneportal.purge` purges them there when they change.
"""

import gzip
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language_from_request

from kommuneportal.database import bounded_wait, is_unresponsive
from publishing.cachetags import EVERYTHING, FRAME, response_tags
from publishing.changes import (
    cache_lifetimes, generations_in_cache, next_change_of, page_state, remember_generations_in_cache,
)

HEADERS_KEPT = ("Content-Type", "Content-Language", "Content-Security-Policy", "X-Frame-Options",
                "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options", "Vary")
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
MIN_COMPRESS_BYTES = 512
POLL_SECONDS = 0.01
logger = logging.getLogger(__name__)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        if not _cacheable_request(request):
            return _private(self.get_response(request))
        now = timezone.now()
        key = _key(request, now)
        page = _cache_call(cache.get, key)
        if page is not None and _current_in_cache(page, now):
            return _serve(request, page, now, status="HIT")
        try:
            state = _page_state(now, page)
        except DatabaseError:  # nothing can be published while the database is away: the copy is current
            if page is not None:
                return _serve(request, page, now, status="STALE", keep=False)
            return _private(self.get_response(request))
        if page is not None and not state.changed:
            if settings.PAGE_CACHE_CHECK == "cache":  # so the next request needs no query
                _cache_call(remember_generations_in_cache, state.tag_generations)
            return _serve(request, page, now, status="HIT")
        return self._render(request, key, state, now)

    def _render(self, request, key, state, now):
        request.page_state = state  # views that set their own caching headers read it (publishing.api)
        lock = f"{key}:lock"
        locked = _cache_call(cache.add, lock, 1, settings.PAGE_CACHE_LOCK_SECONDS)
        if not locked:
            page = _wait_for_copy(key, settings.PAGE_CACHE_LOCK_WAIT, seen=state.copy_seen)
            if page is not None:
                return _serve(request, page, timezone.now(), status="HIT, waited")
        try:
            response = self.get_response(request)
            if not _cacheable_response(request, response):
                return _private(response)
            page = _freeze(response, state.generation, now)
            _cache_call(cache.set, key, page, settings.PAGE_CACHE_SECONDS)
        finally:
            if locked:
                _cache_call(cache.delete, lock)
        return _serve(request, page, now, status="MISS")


def _current_in_cache(page, now):
    """Whether the shared cache alone shows `page` current: it holds every tag's generation and none
    is newer than the copy, and the copy's next scheduled change has not come. False sends the
    question to the database, which also answers it when the cache holds a change that never committed."""
    if settings.PAGE_CACHE_CHECK != "cache" or (page["valid_until"] is not None and page["valid_until"] <= now):
        return False
    generations = _cache_call(generations_in_cache, page["tags"])
    return (generations is not None and len(generations) == len(page["tags"])
            and max(generations.values()) <= page["generation"])


def _page_state(now, page):
    """Whether `page` (a cached copy, or None) is current, asked with a short wait: a database that does
    not answer at once has the copy served without waiting for it any longer."""
    if is_unresponsive():
        raise DatabaseError("The database did not answer a moment ago.")
    with bounded_wait(settings.PAGE_CACHE_DATABASE_WAIT):
        if page is None:
            return page_state(now)
        return page_state(now, page["tags"], page["generation"], page["valid_until"], page["rendered_at"])


def _wait_for_copy(key, seconds, *, seen):
    """The copy another worker is rendering, once it is stored and current; None after `seconds`.
    `seen`: (generation, rendered_at) of the outdated copy found before, which is not waited for."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        page = _cache_call(cache.get, key)
        if page is None or (page["generation"], page["rendered_at"]) == seen:
            continue
        if _current_in_cache(page, timezone.now()):
            return page
        try:
            state = _page_state(timezone.now(), page)
        except DatabaseError:
            return None
        if not state.changed:
            return page
    return None


def cached_copy(request):
    """The cached copy of this public page, for when the database cannot say whether it is current."""
    if settings.PAGE_CACHE_SECONDS <= 0 or not _cacheable_request(request):
        return None
    try:
        page = cache.get(_key(request, timezone.now()))
    except Exception:  # the cache may be down too; the caller answers 503
        return None
    if page is None:
        return None
    response = _serve(request, page, timezone.now(), status="STALE", keep=False)
    response["Warning"] = '110 - "Response is stale"'
    return response


def _cache_call(method, *args):
    """A cache that is down (Redis restarting) makes pages slower, never broken."""
    try:
        return method(*args)
    except Exception:
        logger.warning("Sidebufferen svarer ikke; siden lages uten.", exc_info=True)
        return None


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request, now):
    # With one language (bokmål) there is nothing to read from the request.
    language = settings.LANGUAGE_CODE if len(settings.LANGUAGES) == 1 else get_language_from_request(request)
    where = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    # The local date is part of the key: some pages say what applies today.
    return f"page5:{timezone.localdate(now).isoformat()}:{language}:{digest}"


def _cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def _freeze(response, generation, rendered_at):
    content = response.content
    compressed = len(content) >= MIN_COMPRESS_BYTES
    if compressed:  # worked out once here rather than on every hit, and kept compressed
        patch_vary_headers(response, ("Accept-Encoding",))
    tags = tuple(sorted((response_tags(response) or {EVERYTHING}) | {FRAME}))
    return {
        "generation": generation,
        "rendered_at": rendered_at,
        # Scheduled since it was rendered: the tags change, which makes the copy outdated anyway.
        "valid_until": next_change_of(tags, rendered_at),
        "tags": tags,
        "status": response.status_code,
        "headers": {name: response[name] for name in HEADERS_KEPT if response.has_header(name)},
        "body": gzip.compress(content, compresslevel=6, mtime=0) if compressed else content,
        "gzip": compressed,
        "etag": '"%s"' % hashlib.md5(content, usedforsecurity=False).hexdigest(),
    }


def _serve(request, page, now, *, status, keep=True):
    """The cached copy as a response; `keep`: whether browsers and proxies may keep it (a copy that
    could not be checked may not be kept)."""
    max_age, stale = cache_lifetimes(now, page["valid_until"]) if keep else (0, 0)
    send_compressed = page["gzip"] and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    body = page["body"] if send_compressed or not page["gzip"] else gzip.decompress(page["body"])
    response = HttpResponse(body, status=page["status"])
    for name, value in page["headers"].items():
        response[name] = value
    # A weak validator: the same page compressed or not is the same resource to the reader.
    response["ETag"] = "W/" + page["etag"]
    response["Cache-Control"] = (f"public, max-age={max_age}, stale-while-revalidate={stale}, "
                                 f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}")
    # What the page shows, for a proxy in front that purges by tag (Cloudflare, Fastly, Varnish xkey).
    response["Cache-Tag"] = ",".join(page["tags"])
    response["Surrogate-Key"] = " ".join(page["tags"])
    response["X-Cache"] = status  # for operators and tests: HIT, MISS (rendered now) or STALE
    if send_compressed:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(body))
    if not any(header in request.META for header in CONDITIONAL_HEADERS):
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


def _private(response):
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = "private, no-store"
    return response
