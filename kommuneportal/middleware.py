"""Whole-page caching for anonymous readers, and the HTTP caching headers that go with it.

On the day a new rule goes out every municipality opens the same few pages. An anonymous GET is
answered from the shared cache (Redis when REDIS_URL is set, else this process's memory) under a
key that holds the *content generation* and the moment it began (`publishing.clock.content_stamp`):
one small database read per request tells every instance whether anything has been published,
withdrawn or has fallen due since, so a page is never served after what it shows has changed, with
or without Redis.

What is never cached here: requests carrying a session or message cookie (a signed-in user, or a
message waiting to be shown), anything but GET/HEAD, and responses that are not a plain 200, set a
cookie, use a CSRF token (forms), or say `Cache-Control: private/no-cache/no-store`. Those get
`Cache-Control: private, no-store`, and only cached public pages are compressed (so no page with a
secret in it is, which keeps BREACH out).
"""

import gzip
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language_from_request

from publishing.clock import content_stamp, seconds_until_next_change

LAST_STAMP_KEY = "page:last-stamp"
HEADERS_KEPT = ("Content-Type", "Content-Language", "Content-Security-Policy", "X-Frame-Options",
                "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options", "Vary")
MIN_COMPRESS_BYTES = 512
logger = logging.getLogger(__name__)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        clock = getattr(request, "content_clock", None)  # read by publishing.middleware.ContentClockMiddleware
        if not _cacheable_request(request):
            return _private(self.get_response(request))
        if clock is None:  # the database did not answer: the last copy beats an error page
            return cached_copy(request) or _private(self.get_response(request))
        now = timezone.now()
        stamp = content_stamp(clock)
        _remember_stamp(stamp)
        key = _key(request, stamp, now)
        page = _cache_call(cache.get, key)
        if page is None:
            response = self.get_response(request)
            if not _cacheable_response(request, response):
                return _private(response)
            page = _freeze(response)
            _cache_call(cache.set, key, page, seconds_until_next_change(clock, now, limit=settings.PAGE_CACHE_SECONDS) or 1)
        until_change = seconds_until_next_change(clock, now, limit=2 * settings.PAGE_CACHE_MAX_AGE)
        max_age = min(settings.PAGE_CACHE_MAX_AGE, until_change)
        # Neither max-age nor the stale window of a proxy in front may reach past the next scheduled change.
        return _serve(request, page, max_age=max_age, stale=until_change - max_age)



def cached_copy(request):
    """The last cached copy of this public page, for when the database cannot say whether it is current."""
    if settings.PAGE_CACHE_SECONDS <= 0 or not _cacheable_request(request):
        return None
    try:
        stamp = cache.get(LAST_STAMP_KEY)
        page = cache.get(_key(request, stamp, timezone.now())) if stamp else None
    except Exception:  # the cache may be down too; the caller answers 503
        return None
    if page is None:
        return None
    response = _serve(request, page, max_age=0, stale=0)
    response["Warning"] = '110 - "Response is stale"'
    return response


_remembered_stamp = None


def _remember_stamp(stamp):
    """Keep the newest content stamp in the cache, written only when it changes, for `cached_copy`."""
    global _remembered_stamp
    if stamp != _remembered_stamp:
        _cache_call(cache.set, LAST_STAMP_KEY, stamp, None)
        _remembered_stamp = stamp


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


def _key(request, stamp, now):
    # With one language (bokmål) there is nothing to read from the request.
    language = settings.LANGUAGE_CODE if len(settings.LANGUAGES) == 1 else get_language_from_request(request)
    where = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    # The local date is part of the key: some pages say what applies today.
    return f"page3:{stamp}:{timezone.localdate(now).isoformat()}:{language}:{digest}"


def _cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def _freeze(response):
    content = response.content
    compressed = gzip.compress(content, compresslevel=6, mtime=0) if len(content) >= MIN_COMPRESS_BYTES else None
    if compressed is not None:  # worked out once here rather than on every hit
        patch_vary_headers(response, ("Accept-Encoding",))
    return {
        "status": response.status_code,
        "headers": {name: response[name] for name in HEADERS_KEPT if response.has_header(name)},
        "content": content,
        "gzip": compressed,
        "etag": '"%s"' % hashlib.md5(content, usedforsecurity=False).hexdigest(),
    }


def _serve(request, page, *, max_age, stale):
    compressed = page["gzip"] is not None and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    response = HttpResponse(page["gzip"] if compressed else page["content"], status=page["status"])
    for name, value in page["headers"].items():
        response[name] = value
    # A weak validator: the same page compressed or not is the same resource to the reader.
    response["ETag"] = "W/" + page["etag"]
    response["Cache-Control"] = (f"public, max-age={max_age}, stale-while-revalidate={stale}, "
                                 f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}")
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


def _private(response):
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = "private, no-store"
    return response
