"""Differences between versions, word by word, as readers see the values."""

import datetime
import difflib
import html
import re
from dataclasses import dataclass
from functools import lru_cache
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


# --- Readers' compact comparison (issue 28) ----------------------------------------------------
#
# A reader who follows "Se endringene" wants the changed passages, not every field in full: the
# changed paragraphs of the body in the order they stand, each under the heading it belongs to, the
# other changed fields beside them, and the unchanged fields named in one line. The full comparison,
# every field side by side, is one link away (`side_by_side`).

PAIR_RATIO = 0.4  # a changed paragraph is shown as an edit of the old one when this much of it is kept


@dataclass(frozen=True)
class Block:
    kind: str   # "heading", "item" (a list item or table row) or "paragraph"
    text: str


def compact_comparison(old, new):
    """What changed between two versions as readers see them: {"changed": [{"label", "note",
    "passages"}], "unchanged": [labels]}. A passage is {"heading": the heading it stands under or "",
    "blocks": [(kind, safe HTML with <ins>/<del>)]}."""
    changed, unchanged = [], []
    for row in diff_versions(old, new, as_read=True):
        if not row["changed"]:
            unchanged.append(row["label"])
            continue
        name = row["field"]
        before = display_value(getattr(old, name)) if old else ""
        after = display_value(getattr(new, name))
        if row["formatting_only"]:
            passages = []
        elif name in MARKDOWN_FIELDS:
            passages = changed_passages(reader_blocks(before), reader_blocks(after))
        else:
            passages = [{"heading": "", "blocks": [("paragraph", diff_html(before, after))]}]
        changed.append({"label": row["label"], "formatting_only": row["formatting_only"], "passages": passages})
    return {"changed": changed, "unchanged": unchanged}


def changed_passages(old_blocks, new_blocks):
    """The blocks that differ, grouped where they stand: an edited paragraph word by word, a removed
    one in <del>, an added one in <ins>, each group under its nearest heading."""
    matcher = difflib.SequenceMatcher(a=[block.text for block in old_blocks], b=[block.text for block in new_blocks],
                                      autojunk=False)
    passages = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        heading = _heading_before(new_blocks, b1) or _heading_before(old_blocks, a1)
        passages.append({"heading": heading, "blocks": _changed_blocks(old_blocks[a1:a2], new_blocks[b1:b2])})
    return passages


def _changed_blocks(removed, added):
    shown, added = [], list(added)
    for block in removed:
        partner = next((candidate for candidate in added[:2] if _alike(block.text, candidate.text)), None)
        if partner is None:
            shown.append((block.kind, _whole(block.text, "del")))
            continue
        for earlier in added[:added.index(partner)]:
            shown.append((earlier.kind, _whole(earlier.text, "ins")))
        added = added[added.index(partner) + 1:]
        shown.append((partner.kind, diff_html(block.text, partner.text)))
    shown += [(block.kind, _whole(block.text, "ins")) for block in added]
    return shown


def _alike(old, new):
    return difflib.SequenceMatcher(a=_tokens(old), b=_tokens(new), autojunk=False).ratio() >= PAIR_RATIO


def _whole(text, tag):
    label = _("Fjernet:") if tag == "del" else _("Lagt til:")
    return mark_safe(f'<{tag}><span class="kp-diff-label">{label}</span> {html.escape(text)}</{tag}>')


def _heading_before(blocks, index):
    return next((block.text for block in reversed(blocks[:index]) if block.kind == "heading"), "")


def reader_blocks(markdown_source):
    """Markdown as the blocks readers see: headings, paragraphs, list items and table rows as plain
    text (a link's address after its text, as in `reader_text`)."""
    blocks = []
    for paragraph in reader_text(markdown_source).split("\n\n"):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if len(lines) > 1 or (lines and _ITEM.match(lines[0])):
            blocks += [Block("item", line) for line in lines]
        elif lines:
            blocks.append(Block("heading" if _is_heading(markdown_source, lines[0]) else "paragraph", lines[0]))
    return blocks


_ITEM = re.compile(r"^(?:•|\d+\.)\s")


def _is_heading(markdown_source, line):
    """Whether `line` is one of the Markdown's headings (`#`–`######`), compared as readers see it."""
    headings = _headings(markdown_source)
    return line in headings


@lru_cache(maxsize=64)
def _headings(markdown_source):
    return frozenset(html_text(render_markdown(match)) for match in
                     re.findall(r"^#{1,6}[ \t]+.*$", markdown_source, flags=re.MULTILINE))


def side_by_side(old, new):
    """Every content field of two versions in full, the old text with its deletions marked and the new
    with its insertions: [{"label", "changed", "old", "new"}]."""
    rows = []
    for name in new.content_fields:
        before = display_value(getattr(old, name)) if old else ""
        after = display_value(getattr(new, name))
        if name in MARKDOWN_FIELDS:
            before, after = reader_text(before), reader_text(after)
        old_html, new_html = diff_sides(before, after)
        rows.append({"label": new._meta.get_field(name).verbose_name, "changed": before != after,
                     "old": old_html, "new": new_html})
    return rows


def diff_sides(old, new):
    """(old, new) as HTML: the old text with what was removed in <del>, the new with what was added in <ins>."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    left, right = [], []
    for op, a1, a2, b1, b2 in _group_changes(matcher.get_opcodes(), old_tokens):
        removed, added = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        if op == "equal":
            left.append(html.escape(removed))
            right.append(html.escape(added))
            continue
        if removed.strip():
            left.append(_whole(removed.strip(), "del"))
        if added.strip():
            right.append(_whole(added.strip(), "ins"))
    return mark_safe("".join(map(str, left))), mark_safe("".join(map(str, right)))


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
