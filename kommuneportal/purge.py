"""Purging pages from a proxy or CDN in front of the portal when what they show changes.

Cached pages carry their tags as `Cache-Tag` and `Surrogate-Key` (kommuneportal.middleware). When
`publishing.changes` announces a committed change, every backend in settings.PAGE_CACHE_PURGE is told
its tags, as Wagtail's frontend_cache purges on `page_published`:

    PAGE_CACHE_PURGE = [
        {"BACKEND": "kommuneportal.purge.HTTPPurgeBackend", "LOCATION": "http://127.0.0.1:6081/",
         "HEADER": "xkey-purge"},          # Varnish with vmod xkey; "Surrogate-Key" for Fastly-like
    ]

(settings reads one such backend from PAGE_CACHE_PURGE_URL and PAGE_CACHE_PURGE_HEADER.) A purge that
fails is logged and never breaks the publish: the proxy then keeps the page at most its max-age.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

from publishing.cachetags import EVERYTHING

logger = logging.getLogger(__name__)


class HTTPPurgeBackend:
    """`PURGE <LOCATION>` with the tags in one header, space separated (Varnish xkey, Fastly keys)."""

    def __init__(self, LOCATION, HEADER="xkey-purge", TIMEOUT=2):  # noqa: N803 (settings' own spelling)
        self.location, self.header, self.timeout = LOCATION, HEADER, TIMEOUT

    def purge(self, tags):
        request = urllib.request.Request(self.location, method="PURGE", headers={self.header: " ".join(sorted(tags))})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (an operator's URL)
            response.read()


class RecordingBackend:
    """Remembers the purges instead of sending them: for tests and for trying a configuration."""

    purged = []

    def __init__(self, **options):
        pass

    def purge(self, tags):
        type(self).purged.append(frozenset(tags))


def backends():
    return [import_string(config["BACKEND"])(**{k: v for k, v in config.items() if k != "BACKEND"})
            for config in getattr(settings, "PAGE_CACHE_PURGE", [])]


def purge_changed(sender, change, tags, **kwargs):
    """Receiver of publishing.changes.content_changed (connected in kommuneportal.apps)."""
    # Every page names at least one tag besides "all"; a change of everything names the frame too.
    tags = set(tags) - {EVERYTHING} or {EVERYTHING}
    for backend in backends():
        try:
            backend.purge(tags)
        except (OSError, urllib.error.URLError):
            logger.warning("Kunne ikke tømme mellomlageret foran portalen for %s.", sorted(tags), exc_info=True)
