"""Differences between versions, word by word, as readers see the values."""

import datetime
import difflib
import html
import re

from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


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
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "d.m.Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "d.m.Y")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(display_value(item) for item in value)
    return str(value)


def diff_versions(old, new):
    """Field-by-field difference between two versions of the same document, changed fields only flagged."""
    rows = []
    for name in new.content_fields:
        before = display_value(getattr(old, name)) if old else ""
        after = display_value(getattr(new, name))
        rows.append({
            "field": name,
            "label": new._meta.get_field(name).verbose_name,
            "changed": before != after,
            "html": diff_html(before, after),
        })
    return rows


