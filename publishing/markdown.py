"""Markdown for publishers' text, rendered to HTML that is safe to show to readers.

Publishers write Markdown in the admin; anything HTML in it (pasted from Word, or hostile) is
sanitised with nh3 after rendering, so only the tags below reach a page, links only point to
http, https, mailto or tel (or a path on this site) and always carry rel="noopener noreferrer".
A protocol-relative link (`//host/x`, which nh3 takes for a path) goes to another site, so it is
rewritten to `https://host/x`; one without a host is dropped and its text kept.
"""

import re
from functools import lru_cache
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",
    "a", "abbr",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
})
ALLOWED_ATTRIBUTES = {
    # Headings may carry a plain anchor (`## Fasene {#faser}`), so chapters can be linked to.
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Tags whose content is dropped with the tag, not shown as text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript"})

_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)
_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
# What a browser ignores in an address: C0 controls and spaces around it, tabs and newlines inside it.
_URL_EDGES = "".join(map(chr, range(0x21)))
_URL_INSIDE = re.compile(r"[\t\n\r]")


# A pure function of the text, so remembering recent results can never show anything stale: a
# published version's text never changes, and rendering it again cost more than the rest of its page.
# The most read texts at a time are few; 128 keeps memory to a few megabytes per worker.
@lru_cache(maxsize=128)
def render_markdown(text):
    """Markdown source → sanitised HTML (a SafeString), ready for `{{ html }}` in a template.

    A `#` heading becomes <h2>: the page's own <h1> is the article title.
    """
    if not text:
        return mark_safe("")
    rendered = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    rendered = _H1.sub(r"<\1h2", rendered)
    cleaned = nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_filter_attribute,
    )
    return mark_safe(cleaned)


def _filter_attribute(tag, attribute, value):
    if attribute == "id":  # plain anchors only: lowercase letters, digits and hyphens
        return value if _ANCHOR.match(value) else None
    if tag == "a" and attribute == "href":
        return _external_protocol_relative_link(value)
    return value


def _external_protocol_relative_link(value):
    """`//host/x` → `https://host/x`, read the way a browser reads it (`/\\host`, ` //host`)."""
    url = _URL_INSIDE.sub("", value.strip(_URL_EDGES)).replace("\\", "/")
    if not url.startswith("//"):
        return value
    absolute = "https:" + url
    try:
        return absolute if urlsplit(absolute).hostname else None
    except ValueError:  # e.g. an unclosed IPv6 literal: not a place anyone can go
        return None
