"""Excerpts for search results (issue 28): plain text around the words found, cut between words.

Publishers write Markdown, so the text is first read as a reader sees it, without its markup
(`plain_units`: no «##», «{#anker}», «*», link addresses or table pipes). A sentence said twice
(a body that begins with the summary, as many do) and the title are said once. Of that text the
excerpt shows the stretch of about `EXCERPT_CHARS` characters with most of the query's words, from
the start of its sentence when that is near, cut at word boundaries, with every form of the words
marked. A document found only by a topic's or issuer's name says so before its first sentences.
Made in Python from the page's rows: cheaper than PostgreSQL's headline, which parses every text
it is given, and the same on every database.
"""

import html
import re

from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from publishing.models import named_relations
from publishing.search import SearchTerms, name_matches, word_root

EXCERPT_CHARS = 240
LEAD_CHARS = 70  # a sentence that starts at most this far before the first word found is shown from its start

_ATTRIBUTES = re.compile(r"\s*\{[:#.][^}]*\}\s*$")         # «## Fasene {#faser}»
_RULE_OR_TABLE_LINE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{2,}")
_BLOCK_MARKERS = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),           # images: their text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),            # links: their text, not the address
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),                           # HTML tags
    (re.compile(r"`+([^`]*)`+"), r"\1"),
    (re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),
]
_MARKUP = re.compile(r"[\[\]<>`*_\\]")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[«\"(\[]?[A-ZÆØÅ0-9])")


def plain_units(*texts):
    """The sentences and headings of Markdown `texts` as plain text, in order: (text, is_heading)."""
    units = []
    for text in texts:
        for block, is_heading in _blocks(text or ""):
            parts = [block] if is_heading else _SENTENCE_END.split(block)
            units += [(part.strip(), is_heading) for part in parts if part.strip()]
    return units


def _blocks(text):
    block, blocks = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _RULE_OR_TABLE_LINE.match(line) or line.strip().startswith("```"):
            line = ""
        is_heading = bool(re.match(r"\s*#{1,6}\s", line))
        starts_item = bool(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line))
        if not line.strip() or is_heading or starts_item:
            if block:
                blocks.append((" ".join(block), False))
            block = []
        if not line.strip():
            continue
        line = _ATTRIBUTES.sub("", _BLOCK_MARKERS.sub("", line, count=1)).replace("|", " ")
        if _MARKUP.search(line):
            for pattern, replacement in _INLINE:
                line = pattern.sub(replacement, line)
        line = " ".join((html.unescape(line) if "&" in line else line).split())
        if is_heading:
            blocks.append((line, True))
        elif line:
            block.append(line)
    if block:
        blocks.append((" ".join(block), False))
    return blocks


def _key(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def without_repeated_lead(units, lead):
    """`units` without what says `lead` again: first units that repeat it (a body that begins with the
    summary, perhaps as a list that a sentence-by-sentence comparison would miss), and sentences that
    say one of its sentences again in nearly the same words."""
    wanted, said = _key(" ".join(text for text, _heading in lead)), ""
    for index, (text, _heading) in enumerate(units):
        said = f"{said} {_key(text)}".strip()
        if said == wanted:
            units = units[index + 1:]
            break
        if not wanted.startswith(said):
            break
    lead_words = [set(_key(text).split()) for text, _heading in lead]
    kept = []
    for unit in units:
        words = set(_key(unit[0]).split())
        if len(words) < 5 or not any(_alike(words, other) for other in lead_words):
            kept.append(unit)
    return kept


def _alike(words, lead):
    """A sentence of five words or more that says the lead's sentence again: four in five of its words are there."""
    return len(words) >= 5 and len(words & lead) >= 0.8 * len(words)


def readable_text(units, *, skip=()):
    """The units as one text, each sentence once and none of `skip` (the title): (text, unit starts)."""
    seen = {_key(text) for text in skip}
    parts, starts, length = [], [], 0
    for text, is_heading in units:
        key = _key(text)
        if not key or key in seen:
            continue
        seen.add(key)
        piece = text + (":" if is_heading and text[-1] not in ".:!?" else "")
        starts.append(length + (1 if parts else 0))
        length += len(piece) + (1 if parts else 0)
        parts.append(piece)
    return " ".join(parts), starts


def word_patterns(words):
    """One regular expression per word (with its alternatives) that finds its forms and compounds in
    text: "legevakt" marks «Legevaktarbeid», "sykepleiere" marks «sykepleier»."""
    patterns = []
    for forms in words:
        alternatives = []
        for form in forms:
            if " " in form:
                alternatives.append(r"\s+".join(re.escape(part) for part in form.split()) + r"\w*")
            else:
                root = word_root(form)
                alternatives.append(re.escape(root) + r"\w*" if root else re.escape(form) + r"\w{0,4}\b")
        patterns.append(re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE))
    return patterns


def excerpt_html(text, starts, patterns):
    """The stretch of `text` with most of the words (then most matches), escaped, the words in <mark>."""
    found = sorted((match.start(), match.end(), index) for index, pattern in enumerate(patterns)
                   for match in pattern.finditer(text))
    start = 0
    if found:
        start = max((_window_start(text, starts, position) for position, _end, _index in found),
                    key=lambda candidate: _window_score(found, candidate))
    stop = _word_end(text, start + EXCERPT_CHARS)
    shown = [(max(a, start), min(b, stop)) for a, b, _index in found if a >= start and b <= stop]
    pieces, at = [], start
    for a, b in _merged(shown):
        pieces += [html.escape(text[at:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        at = b
    pieces.append(html.escape(text[at:stop]))
    return mark_safe(("… " if start else "") + "".join(pieces).strip() + (" …" if stop < len(text) else ""))


def _window_start(text, starts, position):
    sentence = max((start for start in starts if start <= position), default=0)
    if position - sentence <= LEAD_CHARS:
        return sentence
    earlier = text.rfind(" ", 0, max(0, position - LEAD_CHARS // 2))
    return earlier + 1 if earlier >= 0 else 0


def _window_score(found, start):
    inside = [index for a, b, index in found if start <= a and b <= start + EXCERPT_CHARS]
    return len(set(inside)), len(inside), -start


def _word_end(text, stop):
    if stop >= len(text):
        return len(text)
    space = text.rfind(" ", 0, stop + 1)
    return space if space > 0 else stop


def _merged(spans):
    merged = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def excerpt(document, query, fields, *, title=""):
    """The excerpt of a search result: `fields` of the document's live version, in this order."""
    version = document.live_version
    if isinstance(query, SearchTerms):
        words = [word.forms for word in query.words]
    else:
        words = [(word.lower(),) for word in re.findall(r"\w+", str(query))]
    patterns = word_patterns(words)
    first, *others = [plain_units(_where_found(getattr(version, name) or "", patterns)) for name in fields]
    units = first + [unit for more in others for unit in without_repeated_lead(more, first)]
    text, starts = readable_text(units, skip=[title or version.title])
    shown = excerpt_html(text, starts, patterns)
    if not isinstance(query, SearchTerms) or any(pattern.search(text) for pattern in patterns):
        return shown
    # Found by a topic's or issuer's name only: say so, or the reader cannot see why it is here.
    reasons = name_reasons(document, query)
    return mark_safe(f"{reasons} – {shown}") if reasons else shown


def _where_found(markdown, patterns):
    """The paragraphs of `markdown` an excerpt can come from: the first two (they may repeat the summary,
    or be all there is to show) and the two after them with most of the words, in their order. A long
    text (the prioritisation note) is never read whole for one line of it."""
    paragraphs = _PARAGRAPH_BREAK.split(markdown)
    if len(paragraphs) <= LEAD_PARAGRAPHS + FOUND_PARAGRAPHS:
        return markdown
    found = []
    for index, paragraph in enumerate(paragraphs[LEAD_PARAGRAPHS:], LEAD_PARAGRAPHS):
        words = sum(1 for pattern in patterns if pattern.search(paragraph))
        if words:
            found.append((-words, index))
    best = sorted(index for _words, index in sorted(found)[:FOUND_PARAGRAPHS])
    return "\n\n".join(paragraphs[:LEAD_PARAGRAPHS] + [paragraphs[index] for index in best])


LEAD_PARAGRAPHS = 2
FOUND_PARAGRAPHS = 2
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def name_reasons(document, terms):
    """Why a document matched by name, as safe HTML ("Tema: <mark>Legevakt</mark>"), or "".

    Read from the document's own relations (`SearchHits.results_for` prefetches them for the page's rows)."""
    reasons = []
    for relation in named_relations(type(document)):
        if relation.many_to_many:
            names = [related.name for related in getattr(document, relation.name).all()]
        else:
            related = getattr(document, relation.name) if getattr(document, relation.attname) else None
            names = [related.name] if related is not None else []
        label = capfirst(relation.related_model._meta.verbose_name)
        reasons += [(label, name) for name in sorted(names) if any(name_matches(word, name) for word in terms.words)]
    return format_html_join(" · ", "{}: <mark>{}</mark>", reasons)
