"""The address of the client behind a request, as the sign-in lock-out and the rate limits see it.

Behind the README's nginx on the same host every request reaches gunicorn from 127.0.0.1, so the
connection's own address (REMOTE_ADDR) names the proxy, not the client. The proxy appends the
address it saw to `X-Forwarded-For`; a client can put anything before that entry, never after it.
So the header is believed only when the connection comes from a trusted proxy
(`settings.TRUSTED_PROXIES`, read from `GUNICORN_FORWARDED_ALLOW_IPS` like gunicorn's own setting),
and then read from the right: the first entry that is not itself a trusted proxy is the client.

Settings name this function by its dotted path (`AXES_CLIENT_IP_CALLABLE`, `RATELIMIT_IP_META_KEY`),
so every app's limits use it without importing the site.
"""

import hashlib
import hmac
import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# gunicorn bound to a Unix socket passes no peer address: only a proxy on this host can reach it.
UNIX_SOCKET_PEER = "127.0.0.1"


def client_address(request):
    peer = _ip(request.META.get("REMOTE_ADDR", "")) or ipaddress.ip_address(UNIX_SOCKET_PEER)
    client = peer
    if _trusted(peer):
        for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-20:]):
            hop = _ip(entry)
            if hop is None:  # garbage can only come from the client's side of the header: stop before it
                break
            client = hop
            if not _trusted(hop):
                break
    return str(client)


def _ip(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _trusted(address):
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    return networks == "*" or any(address in network for network in networks)


@lru_cache(maxsize=4)
def trusted_networks(entries):
    """The proxies' addresses and networks (`10.0.0.0/8`); `*` trusts every peer, as in gunicorn."""
    if "*" in entries:
        return "*"
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(f"GUNICORN_FORWARDED_ALLOW_IPS: {error}") from error


def keyed_hash(data):
    """The rate limits' key hash (RATELIMIT_HASH_ALGORITHM): keyed with the secret key, so the counts'
    keys name no client address or e-mail address that could be recovered by hashing every candidate."""
    key = hashlib.sha256(b"kommuneportal.rate-limits" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, data, hashlib.sha256)
