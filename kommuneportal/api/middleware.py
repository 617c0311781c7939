"""What every answer under /api/v1/ carries, and the rate limit per client address.

This runs before the content clock and the page cache (settings.MIDDLEWARE), so it sees every request,
answered from the cache or not:

- Too many requests from one address in the window (settings.API_RATE_LIMIT per API_RATE_LIMIT_WINDOW
  seconds) answer 429 with `Retry-After`, before anything reads the database. Counted in a cache every
  worker shares (settings.API_RATE_LIMIT_CACHE); a cache that is down lets requests through.
- The counting headers (`RateLimit-Limit/-Remaining/-Reset`) are only on the 429, which is
  `private, no-store`. A 200 is public: the page cache and proxies keep one copy for every client, so
  it carries nothing about the client that asked first, only the fixed policy (`RateLimit-Policy`).
- `Access-Control-Allow-Origin: *` (the API is public and reads no cookies) and the answer to a CORS
  preflight, and `Link` to the licence, the schema and the documentation.
"""

import logging
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import salted_hmac

from publishing.api import PROBLEM_CONTENT_TYPE, rate_limited
from publishing.api.serializers import NLOD

PREFIX = "/api/v1/"
EXPOSED = ("ETag, Last-Modified, Link, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, "
           "RateLimit-Policy")
logger = logging.getLogger(__name__)


class APIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = preflight()
        else:
            wait = seconds_to_wait(request)
            response = too_many(wait) if wait else self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED
        response["Link"] = (f'<{NLOD["url"]}>; rel="license", </api/v1/openapi.json>; rel="service-desc", '
                            '</api/>; rel="service-doc"')
        if settings.API_RATE_LIMIT > 0:
            response["RateLimit-Policy"] = f"{settings.API_RATE_LIMIT};w={settings.API_RATE_LIMIT_WINDOW}"
        return response


def preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def too_many(wait):
    problem = rate_limited(wait)
    response = JsonResponse(problem.body, status=429, content_type=PROBLEM_CONTENT_TYPE,
                            json_dumps_params={"ensure_ascii": False})
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "private, no-store"
    response["RateLimit-Limit"] = str(settings.API_RATE_LIMIT)
    response["RateLimit-Remaining"] = "0"
    response["RateLimit-Reset"] = str(wait)
    return response


def seconds_to_wait(request, now=None):
    """0 while the client's address is within the limit, else the seconds until its window ends.

    A fixed window per address: simple and one cache round trip per request, at the price of letting
    up to twice the limit through across the boundary of two windows."""
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_WINDOW
    if limit <= 0 or window <= 0:
        return 0
    now = time.time() if now is None else now
    slot = int(now // window)
    key = f"api-rate:{salted_hmac('kommuneportal.api.rate', client_address(request)).hexdigest()}:{slot}"
    try:
        store = caches[settings.API_RATE_LIMIT_CACHE]
        count = 1 if store.add(key, 1, window + 1) else store.incr(key)
    except ValueError:  # the key expired between add and incr
        count = 1
    except Exception:  # a cache that is down must not take the API with it
        logger.warning("Tellingen for API-ets grense svarer ikke; forespørselen slippes gjennom.", exc_info=True)
        return 0
    if count <= limit:
        return 0
    return max(1, math.ceil((slot + 1) * window - now))


def client_address(request):
    """The sender's address, read as the proposal form reads it (README): behind a proxy on the same
    host, the address that proxy appended last to X-Forwarded-For, which a client cannot forge."""
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and (address.startswith("127.") or address == "::1"):
        return forwarded.rsplit(",", 1)[-1].strip()[:64]
    return address
