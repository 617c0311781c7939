"""Differences between versions, word by word, as readers see the values."""

import datetime
import difflib
import html
import re
from html.parser import HTMLParser

from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from publishing.markdown import render_markdown

# Fields publishers write in Markdown (DocumentVersion.body): readers see them rendered.
MARKDOWN_FIELDS = frozenset({"body"})


def diff_html(old, new):
    """Word-level difference as HTML: <ins>/<del> with a visible text label, not colour alone.

    Whitespace is kept, so line breaks survive (show it with white-space: pre-wrap).
    """
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in _group_changes(matcher.get_opcodes(), old_tokens):
        if op == "equal":
            parts.append(html.escape("".join(old_tokens[a1:a2])))
            continue
        removed, added = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        # Whitespace around a change stays outside the markers, as plain text.
        kept = added if added.strip() or not removed.strip() else removed
        parts.append(html.escape(kept[:len(kept) - len(kept.lstrip())]))
        if removed.strip():
            parts.append(f'<del><span class="kp-diff-label">{_("Fjernet:")}</span> {html.escape(removed.strip())}</del>')
        if added.strip():
            parts.append(f'<ins><span class="kp-diff-label">{_("Lagt til:")}</span> {html.escape(added.strip())}</ins>')
        parts.append(html.escape(kept[len(kept.rstrip()):]))
    return mark_safe("".join(parts))


def _tokens(text):
    # Words (dates like 31.07.2022 and e-post stay whole), spaces and punctuation are separate
    # tokens, so "ingress." still matches "ingress".
    return re.findall(r"\s+|\w+(?:[.:/-]\w+)*|[^\w\s]", text or "")


def _group_changes(opcodes, old_tokens):
    """Fold spaces between two changes, and punctuation next to a change, into the change, so a
    rewritten phrase reads as one deletion and one insertion instead of alternating word by word."""
    grouped = []
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        text = "".join(old_tokens[a1:a2])
        if op == "equal" and not re.search(r"\w", text):
            after_change = index > 0 and opcodes[index - 1][0] != "equal"
            before_change = index + 1 < len(opcodes) and opcodes[index + 1][0] != "equal"
            punctuation = bool(text.strip())
            if (after_change and before_change) or (punctuation and (after_change or before_change)):
                op = "replace"
        if op != "equal" and grouped and grouped[-1][0] != "equal":
            _, first_a, _, first_b, _ = grouped.pop()
            op, a1, b1 = "replace", first_a, first_b
        grouped.append((op, a1, a2, b1, b2))
    return grouped


def display_value(value):
    """Content values as readers see them, so any field type can be compared as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nei"))
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "d.m.Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "d.m.Y")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(display_value(item) for item in value)
    return str(value)


def diff_versions(old, new, *, as_read=False):
    """Field-by-field difference between two versions of the same document, changed fields flagged.

    With `as_read` (the readers' history), Markdown fields are compared as the text readers see
    (`reader_text`): no `##` or `**`, and a change of formatting alone is flagged as such.
    """
    rows = []
    for name in new.content_fields:
        before = display_value(getattr(old, name)) if old else ""
        after = display_value(getattr(new, name))
        changed = before != after
        if as_read and name in MARKDOWN_FIELDS:
            before, after = reader_text(before), reader_text(after)
        rows.append({
            "field": name,
            "label": new._meta.get_field(name).verbose_name,
            "changed": changed,
            "formatting_only": changed and before == after,
            "html": diff_html(before, after),
        })
    return rows


def reader_text(markdown_source):
    """Markdown as readers see it, as plain text: paragraphs and headings on lines of their own,
    list items as "•" or "1.", table cells between "|", and a link's address after its text (a new
    address is a change even when the words stay)."""
    return html_text(render_markdown(markdown_source))


def html_text(html_source):
    """Sanitised HTML (`render_markdown`'s) as the plain text `reader_text` describes."""
    extractor = _ReaderText()
    extractor.feed(str(html_source))
    extractor.close()
    return extractor.text()


class _ReaderText(HTMLParser):
    BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "hr"}
    LINES = {"li", "tr", "dt", "dd", "caption", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.lists, self.links, self.in_pre, self.cells = [], [], [], False, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS:
            self._break("\n\n")
        elif tag in self.LINES:
            self._break("\n")
        if tag in ("ul", "ol"):
            self.lists.append(int(attrs.get("start") or 1) if tag == "ol" else None)
        elif tag == "li" and self.lists:
            number = self.lists[-1]
            self.parts.append("• " if number is None else f"{number}. ")
            if number is not None:
                self.lists[-1] += 1
        elif tag == "tr":
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self.parts.append("| " if self.parts and self.parts[-1].endswith(" ") else " | ")
            self.cells += 1
        elif tag == "a":
            self.links.append((attrs.get("href") or "", len(self.parts)))
        elif tag == "pre":
            self.in_pre = True

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            if href and href != "".join(self.parts[start:]).strip():
                self.parts.append(f" ({href})")
        elif tag == "pre":
            self.in_pre = False
        if tag in self.BLOCKS:
            self._break("\n\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if not self.in_pre:
            data = re.sub(r"\s+", " ", data)
            if data.startswith(" ") and (not self.parts or self.parts[-1][-1:].isspace()):
                data = data[1:]  # spaces run together in HTML
        if data:
            self.parts.append(data)

    def _break(self, newlines):
        self.parts.append(newlines)

    def text(self):
        text = "".join(self.parts)
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)       # no spaces at either end of a line
        return re.sub(r"\n{3,}", "\n\n", text).strip()
