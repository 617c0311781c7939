"""Full-text search over live documents, shared by every app that offers a search provider.

A provider (`guidance.search.search_articles`, `staffing.search.search_measures`) hands
`search_documents` its live documents and the reader's query and returns `SearchHits`, which turn
matches into `SearchResult`s; the site's `/sok/` page counts, pages and lists them.

What the reader typed becomes `SearchTerms` once per search (`search_terms`): its words, each with
the alternatives publishers listed for it (`SearchSynonym`: "sykepleier" also looks for
"helsepersonell"), the words to leave out ("-influensa") and phrases in quotes, and whether a
document must match every word (the default) or any of them (`SearchTerms.any_word`, best first).

A document matches a word when its live text does, or when the name of something it belongs to
does: any ForeignKey or ManyToMany of the document to a model with a `name` (guidance: its topics
and its issuer), so "legevakt" finds every article in the topic Legevakt.

On PostgreSQL each version stores its text and those names as a Norwegian full-text vector
(`DocumentVersion.search_vector`, GIN-indexed, rewritten when a name or a link changes:
`publishing.signals`), so a search is one indexed condition on the live versions,
and "smittesporingen" finds "smittesporing". The total and the first ids come from one query. SQLite
has no full-text search here: it falls back to `icontains` over the live version's fields, with
the names matched in their own small tables as lists of ids.
"""

import difflib
import html
import operator
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache, reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, TextField, Value, When, Window
from django.db.models.functions import Concat, Greatest
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from publishing.models import SEARCH_CONFIG, SearchSynonym, named_relations

EXCERPT_CHARS = 240
MAX_WORDS = 10
SUGGEST_WORDS = 4           # "Mente du …?" corrects at most this many words
SUGGEST_SIMILARITY = 0.45   # pg_trgm word similarity a string needs to be a candidate
SUGGEST_CANDIDATES = 20     # strings read per vocabulary on PostgreSQL
SUGGEST_SCAN_LIMIT = 2000   # strings difflib reads per vocabulary elsewhere
SUGGEST_RATIO = 0.75        # difflib ratio a word needs to replace what was typed
SUGGEST_MIN_LENGTH = 5      # shorter words ("natt", "helg") have too many near neighbours to correct

# A document's place in the lists (its live version's `listed_at`: the last substantive change, or
# the date its source gives, as the document model decides): the tie-breaker.
_RECENT = F("live_version__listed_at")

# Private-use characters mark the highlight inside PostgreSQL's headline, so that everything else
# can be escaped before our own <mark> tags are put in.
_START, _STOP = "\ue000", "\ue001"

# PostgreSQL's Norwegian stop words (Snowball's list, tsearch_data/norwegian.stop). They are left out
# of every search, so "smittesporing og legevakt" is two words on either database and "og" never
# matches a topic called "NAV og sosiale tjenester".
STOP_WORDS = frozenset("""
og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men ett har om vi
min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv
sjøl her alle vil bli ble blei blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned
skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir
samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik
vært båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå ho hoe
henne hennar hennes hoss hossen ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor me medan
mi mine mykje no nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore verte vort
varte vart
""".split())

# A phrase in quotes, or a word (with inner hyphens or dots: "covid-19"); either may start with "-".
_TOKEN = re.compile(r'(-?)["«]([^"»]+)["»]|(-?)(\w+(?:[-.]\w+)*)')
# Norwegian endings, so "legevakten" and "fastlegene" match the topics Legevakt and Fastleger.
_ENDINGS = ("enes", "ene", "ets", "ens", "ane", "er", "en", "et", "s", "a", "e")


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    kind_label: str
    date: datetime | None
    excerpt_html: str  # safe HTML: escaped text with <mark> around the matched words
    date_is_approximate: bool = False  # `date` is a source's approximate date: shown as its month (issue 12)
    date_is_portal: bool = False  # `date` is when the portal published a text with no source: labelled so


@dataclass(frozen=True)
class Word:
    text: str                      # lower-cased, as typed (a phrase if it has spaces)
    alternatives: tuple = ()       # what publishers listed for it (SearchSynonym)

    @property
    def forms(self):
        return (self.text, *self.alternatives)


@dataclass(frozen=True)
class SearchTerms:
    """A parsed query: build it once per search with `search_terms`, hand it to every provider."""

    text: str
    words: tuple = ()
    excluded: tuple = ()
    match_any: bool = False
    # Ids of related things whose names match, per document model: filled by the first provider
    # that needs them and shared with `any_word()`, so a second pass costs no extra queries.
    names_found: dict = field(default_factory=dict, compare=False, repr=False)

    def __str__(self):
        return self.text

    def any_word(self):
        """The same search, matching documents with any of the words, best first."""
        return replace(self, match_any=True, names_found=self.names_found)

    def highlighted(self):
        """Every word and alternative, for marking in an excerpt."""
        return [form for word in self.words for form in word.forms]


def search_terms(query):
    """`SearchTerms` for the text a reader typed, with the synonyms publishers listed (one query)."""
    words, excluded = [], []
    for minus, phrase, word_minus, word in _TOKEN.findall(query or ""):
        text = " ".join((phrase or word).lower().split())
        if len(text) < 2 or text in STOP_WORDS:
            continue
        (excluded if (minus or word_minus) else words).append(text)
    words = list(dict.fromkeys(words))[:MAX_WORDS]
    synonyms = {}
    single = [word for word in words if " " not in word]
    if single:
        synonyms = {synonym.word: synonym.alternative_list() for synonym in SearchSynonym.objects.filter(word__in=single)}
    return SearchTerms(
        text=query or "",
        words=tuple(Word(word, tuple(synonyms.get(word, ()))) for word in words),
        excluded=tuple(dict.fromkeys(excluded))[:MAX_WORDS],
    )


class SearchHits:
    """One provider's matches for a query: counted and sliced lazily, so the site can paginate
    across providers and only the page shown is turned into results."""

    # On PostgreSQL `count()` reads the first ids with the total in the same query (one pass over
    # the matches instead of two); the first page is then read from these ids.
    FIRST_IDS = 50

    def __init__(self, documents, to_result):
        self.documents = documents
        self.to_result = to_result
        self._count = self._first_ids = None

    def count(self):
        if self._count is None:
            if isinstance(self.documents, QuerySet) and connection.vendor == "postgresql":
                rows = list(self.documents.annotate(total=Window(Count("pk")))
                            .values_list("pk", "total")[:self.FIRST_IDS])
                self._first_ids = [pk for pk, _total in rows]
                self._count = rows[0][1] if rows else 0
            else:
                self._count = self.documents.count()
        return self._count

    def results(self, start, stop):
        return [self.to_result(document) for document in self.page(start, stop)]

    def page(self, start, stop):
        """The documents from `start` to `stop`, best first. The order is read from the documents' own
        table; only the page's rows are then read with their live version, the names of what they
        belong to (topics, issuer) and the highlighted headline, so a search that matches thousands
        of documents never joins thousands of versions."""
        if not isinstance(self.documents, QuerySet):
            return list(self.documents[start:stop])
        if self._first_ids is not None and (stop <= len(self._first_ids) or len(self._first_ids) == self._count):
            ids = self._first_ids[start:stop]
        else:
            ids = list(self.documents.values_list("pk", flat=True)[start:stop])
        if not ids:
            return []
        many = [relation.name for relation in named_relations(self.documents.model) if relation.many_to_many]
        rows = self.documents.filter(pk__in=ids).order_by().prefetch_related(*many)
        headline = getattr(self.documents, "search_headline", None)
        if headline is not None:
            rows = rows.annotate(headline=headline)
        by_pk = {document.pk: document for document in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]


def search_documents(documents, query, *, text_fields, excerpt_fields):
    """Live documents matching `query` (`SearchTerms`, or text to parse), best first.

    On PostgreSQL: one condition on the stored, GIN-indexed vector, which holds the live version's
    text and the names of what the document belongs to, ranked on the documents' own table;
    `SearchHits.page` adds the highlighted `headline` (see `excerpt`) to the page's rows only.
    Elsewhere: every word (or any, with `match_any`) in one of the live version's `text_fields` or in
    a related name.
    """
    terms = query if isinstance(query, SearchTerms) else search_terms(query)
    if not terms.words:
        return documents.none()
    if connection.vendor != "postgresql":
        return _search_icontains(documents, terms, _named_matches(documents.model, terms), text_fields)
    return _search_postgres(documents, terms, excerpt_fields)


def _search_postgres(documents, terms, excerpt_fields):
    word_queries = [_word_query(word) for word in terms.words]
    any_query = reduce(operator.or_, word_queries)
    found = documents.filter(live_version__search_vector=any_query if terms.match_any
                             else reduce(operator.and_, word_queries))
    for word in terms.excluded:
        found = found.exclude(live_version__search_vector=_form_query(word))
    # Ranked on the small vector of the live version's title, summary and names (a match in the body
    # alone ranks by date), newest substantive change next.
    found = found.alias(rank=SearchRank(F("live_version__search_rank_vector"), any_query)).order_by(
        "-rank", _RECENT.desc(), "pk")
    # What `SearchHits.page` adds to the page's rows only: PostgreSQL's highlighted headline.
    excerpt_source = []
    for name in excerpt_fields:
        excerpt_source += [f"live_version__{name}", Value(" ")]
    found.search_headline = SearchHeadline(
        Concat(*excerpt_source[:-1], output_field=TextField()), any_query, config=SEARCH_CONFIG,
        start_sel=_START, stop_sel=_STOP, max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ",
    )
    return found


def _word_query(word):
    return reduce(operator.or_, [_form_query(form) for form in word.forms])


def _form_query(text):
    return SearchQuery(text, config=SEARCH_CONFIG, search_type="phrase" if " " in text else "plain")


def _search_icontains(documents, terms, named, text_fields):
    def contains(text):
        return reduce(operator.or_, [Q(**{f"live_version__{name}__icontains": text}) for name in text_fields])

    per_word = [reduce(operator.or_, [contains(form) for form in word.forms], name)
                for word, name in zip(terms.words, named)]
    for word in terms.excluded:
        documents = documents.exclude(contains(word))
    if not terms.match_any:
        return documents.filter(reduce(operator.and_, per_word)).order_by(_RECENT.desc(), "pk")
    # Best first: the documents with the most of the words.
    score = reduce(operator.add, [Case(When(match, then=Value(1)), default=Value(0), output_field=IntegerField())
                                  for match in per_word])
    return (
        documents.filter(reduce(operator.or_, per_word)).annotate(words_found=score)
        .order_by("-words_found", _RECENT.desc(), "pk")
    )


# --- Names of related things (topics, issuers) -------------------------------------------------


@dataclass(frozen=True)
class NameMatches:
    """What one relation (an article's topics, its issuer) contributes to a search on SQLite."""

    attname: str        # how a document names its match: "pk" (ManyToMany) or e.g. "issuer_id"
    ids: tuple          # per word: the ids to filter documents on (documents' or the ForeignKey's)

    def lookup(self):
        return "pk__in" if self.attname == "pk" else f"{self.attname}__in"


def _named_matches(model, terms):
    """Per word, a Q for the documents whose topic, issuer … has the word in its name (Q() if none).

    SQLite only: on PostgreSQL the names are part of each document's stored search vector."""
    matches = [Q() for _word in terms.words]
    for relation in named_relations(model):
        key = (model._meta.label, relation.name)
        if key not in terms.names_found:
            terms.names_found[key] = _match_names(relation, terms.words)
        found = terms.names_found[key]
        for index, ids in enumerate(found.ids):
            if ids:
                matches[index] |= Q(**{found.lookup(): ids})
    return matches


def _match_names(relation, words):
    """For each word, the ids to filter documents on: a ForeignKey's targets, or for a ManyToMany the
    documents linked to the targets (read from the link table, so the documents' query needs no join)."""
    names = dict(relation.related_model._default_manager.order_by().values_list("pk", "name"))
    targets = [{pk for pk, name in names.items() if name_matches(word, name)} for word in words]
    if not relation.many_to_many:
        return NameMatches(relation.attname, tuple(sorted(ids) for ids in targets))
    documents = [set() for _word in words]
    if any(targets):
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        links = through.objects.filter(**{f"{target}__in": set().union(*targets)}).values_list(
            f"{source}_id", f"{target}_id")
        for document_id, target_id in links:
            for index, ids in enumerate(targets):
                if target_id in ids:
                    documents[index].add(document_id)
    return NameMatches("pk", tuple(sorted(ids) for ids in documents))


def name_reasons(document, terms):
    """Why a document matched by name, as safe HTML ("Tema: <mark>Legevakt</mark>"), or "".

    Read from the document's own relations (`SearchHits.page` prefetches them for the page's rows)."""
    reasons = []
    for relation in named_relations(type(document)):
        if relation.many_to_many:
            names = [related.name for related in getattr(document, relation.name).all()]
        else:
            related = getattr(document, relation.name) if getattr(document, relation.attname) else None
            names = [related.name] if related is not None else []
        label = capfirst(relation.related_model._meta.verbose_name)
        reasons += [f"{html.escape(label)}: <mark>{html.escape(name)}</mark>" for name in sorted(names)
                    if any(name_matches(word, name) for word in terms.words)]
    return mark_safe(" · ".join(reasons))


def name_matches(word, name):
    """Whether a word (or any of its alternatives) is one of the words of a name, give or take an ending."""
    name_words = {_stem(part) for part in re.findall(r"\w+", name.lower())}
    return any(_stem(form) in name_words if " " not in form else form in name.lower() for form in word.forms)


def _stem(word):
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word


# --- "Mente du …?" ------------------------------------------------------------------------------


def suggest(terms, vocabularies):
    """A corrected query ("smitesporing" → "smittesporing") from the words in `vocabularies`, pairs
    of (queryset, name of a text field) such as live titles and topic names; None when nothing is closer.

    PostgreSQL reads the strings nearest each word by trigram word similarity (pg_trgm), one query
    per vocabulary; elsewhere difflib looks through the first strings of each vocabulary.
    """
    words = [word.text for word in terms.words if " " not in word.text][:SUGGEST_WORDS]
    if not words:
        return None
    candidates = set()
    for queryset, name in vocabularies:
        if connection.vendor == "postgresql":
            candidates.update(_near_strings(queryset, name, words))
        else:
            candidates.update(queryset.values_list(name, flat=True)[:SUGGEST_SCAN_LIMIT])
    vocabulary = {token for text in candidates for token in re.findall(r"\w+", text.lower()) if len(token) > 2}
    corrected = [_closest(word, vocabulary) for word in words]
    return " ".join(corrected) if corrected != words else None


def _near_strings(queryset, name, words):
    """The strings with a part most like any of `words` (pg_trgm's word_similarity), best first."""
    similarity = {f"similarity_{index}": TrigramWordSimilarity(word, name) for index, word in enumerate(words)}
    near = reduce(operator.or_, [Q(**{f"{alias}__gte": SUGGEST_SIMILARITY}) for alias in similarity])
    best = Greatest(*similarity) if len(similarity) > 1 else F(next(iter(similarity)))
    return list(queryset.annotate(**similarity).filter(near).order_by(best.desc())
                .values_list(name, flat=True)[:SUGGEST_CANDIDATES])


def _closest(word, vocabulary):
    if word in vocabulary or len(word) < SUGGEST_MIN_LENGTH:
        return word
    matches = difflib.get_close_matches(word, vocabulary, n=1, cutoff=SUGGEST_RATIO)
    return matches[0] if matches else word


# --- Excerpts ----------------------------------------------------------------------------------


def excerpt(document, query, excerpt_fields):
    """PostgreSQL's highlighted headline when there is one, else an excerpt with the query's words marked."""
    headline = getattr(document, "headline", None)
    if headline is not None:
        text = highlight_headline(headline)
    else:
        version = document.live_version
        words = query.highlighted() if isinstance(query, SearchTerms) else re.findall(r"\w+", str(query))
        text = highlight_words(" ".join(getattr(version, name) for name in excerpt_fields), words)
    if "<mark>" in text or not isinstance(query, SearchTerms):
        return text
    # Found by a topic's or issuer's name only: say so, or the reader cannot see why it is here.
    reasons = name_reasons(document, query)
    return mark_safe(f"{reasons} – {text}") if reasons else text


def highlight_headline(headline):
    """Escape PostgreSQL's headline and turn its private markers into <mark> tags, nothing else."""
    escaped = html.escape(_plain(headline))
    marked = re.sub(f"{_START}(.*?){_STOP}", r"<mark>\1</mark>", escaped, flags=re.DOTALL)
    return mark_safe(marked.replace(_START, "").replace(_STOP, ""))


def highlight_words(text, words):
    """An excerpt around the first matched word, escaped, with every matched word in <mark>."""
    text = _plain(text)
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words if word.lower() in lowered]
    start = max(0, min(positions) - EXCERPT_CHARS // 3) if positions else 0
    excerpt = ("… " if start else "") + text[start:start + EXCERPT_CHARS]
    excerpt += " …" if start + EXCERPT_CHARS < len(text) else ""
    if not words:
        return mark_safe(html.escape(excerpt))
    # Split on the words first and escape each piece, so a word never matches inside an entity.
    # Longer words first, so "sykepleiere" is marked whole rather than as "sykepleier" + "e".
    ordered = sorted(set(words), key=len, reverse=True)
    pieces = re.split("(" + "|".join(re.escape(word) for word in ordered) + ")", excerpt, flags=re.IGNORECASE)
    return mark_safe("".join(
        f"<mark>{html.escape(piece)}</mark>" if index % 2 else html.escape(piece)
        for index, piece in enumerate(pieces)
    ))


def _plain(text):
    """Markdown source reads better without its markup in a one-line excerpt."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text or "")
    text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()
