"""«Mente du …?»: a nearby spelling of words the search found nothing for (issues 13 and 28).

Only a small slip is corrected — one letter wrong, missing, extra or two swapped in a word of five to
seven letters, two in a longer one (`edit_distance`) — so "smitesporing" becomes "smittesporing" but
"permisjon" never becomes "pensjon". The site offers a correction only when its own search finds
nothing, or clearly less than the corrected one would (`kommuneportal.search`).
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Greatest

SUGGEST_WORDS = 4           # "Mente du …?" corrects at most this many words
SUGGEST_SIMILARITY = 0.45   # pg_trgm word similarity a string needs to be a candidate
SUGGEST_CANDIDATES = 20     # strings read per vocabulary on PostgreSQL
SUGGEST_SCAN_LIMIT = 2000   # strings read per vocabulary elsewhere
SUGGEST_MIN_LENGTH = 5      # shorter words ("natt", "helg") have too many near neighbours to correct


def corrections(words, vocabularies):
    """{word: its correction} for those of `words` that are a small slip away from a word of
    `vocabularies` (pairs of a queryset and a text field, such as live titles and topic names)."""
    words = [word for word in words if " " not in word and len(word) >= SUGGEST_MIN_LENGTH][:SUGGEST_WORDS]
    if not words:
        return {}
    candidates = set()
    for queryset, name in vocabularies:
        if connection.vendor == "postgresql":
            candidates.update(_near_strings(queryset, name, words))
        else:
            candidates.update(queryset.values_list(name, flat=True)[:SUGGEST_SCAN_LIMIT])
    vocabulary = {token for text in candidates for token in re.findall(r"\w+", (text or "").lower()) if len(token) > 2}
    found = {word: _closest(word, vocabulary) for word in words}
    return {word: correction for word, correction in found.items() if correction}


def _near_strings(queryset, name, words):
    """The strings with a part most like any of `words` (pg_trgm's word_similarity), best first."""
    similarity = {f"similarity_{index}": TrigramWordSimilarity(word, name) for index, word in enumerate(words)}
    near = reduce(operator.or_, [Q(**{f"{alias}__gte": SUGGEST_SIMILARITY}) for alias in similarity])
    best = Greatest(*similarity) if len(similarity) > 1 else F(next(iter(similarity)))
    return list(queryset.annotate(**similarity).filter(near).order_by(best.desc())
                .values_list(name, flat=True)[:SUGGEST_CANDIDATES])


def _closest(word, vocabulary):
    if word in vocabulary:
        return None
    allowed = 1 if len(word) <= 7 else 2
    near = [(edit_distance(word, candidate), candidate) for candidate in vocabulary
            if abs(len(candidate) - len(word)) <= allowed]
    near = sorted((distance, candidate) for distance, candidate in near if distance <= allowed)
    return near[0][1] if near else None


def edit_distance(a, b):
    """Letters inserted, deleted, replaced or two neighbours swapped to turn `a` into `b`
    (optimal string alignment distance)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]
