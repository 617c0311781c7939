"""Full-text search over live documents, shared by every app that offers a search provider.

A provider (`guidance.search.search_articles`, `staffing.search.search_measures`) hands
`search_documents` its live documents and the reader's query and returns `SearchHits`, which turn
matches into `SearchResult`s; the site's `/sok/` page merges every provider's hits by score, counts,
pages and lists them.

What the reader typed becomes `SearchTerms` once per search (`search_terms`): its words, each with
the alternatives publishers listed for it (`SearchSynonym`: "sykepleier" also looks for
"helsepersonell"), the words to leave out ("-influensa") and phrases in quotes, and whether a
document must match every word (the default) or any of them (`SearchTerms.any_word`, best first).

A word matches a document's text in its inflected forms (PostgreSQL's Norwegian stemming:
"smittesporingen" finds "smittesporing") and at the start of longer words: Norwegian writes
compounds as one word, so "legevakt" finds "legevaktarbeid" and "sykepleiere" finds "sykepleier"
and "sykepleierne" (`word_root`). It also matches when the name of something the document belongs to
does: any ForeignKey or ManyToMany of the document to a model with a `name` (guidance: its topics
and its issuer), so "legevakt" finds every article in the topic Legevakt.

Ranking (PostgreSQL), best first: the query as typed in the title; every word in the title; the
query as typed in the summary or a name; every word there; then PostgreSQL's rank of all the words
and their alternatives on the title, summary and names, and last the newest substantive change. A
synonym never lifts a document above one with the reader's own words.

On PostgreSQL each version stores its text and those names as a Norwegian full-text vector
(`DocumentVersion.search_vector`, rewritten when a name or a link changes: `publishing.signals`),
and its title, summary and names as a small second vector (`search_rank_vector`) that the ranking
reads, so a search is one indexed condition on the live versions and never unpacks the long vectors
of thousands of matches. The GIN index holds the open versions' vectors only (`span_open`: one or
two per document, not every version ever published), so PostgreSQL reads it by itself and finds the
live matches, no others. The total, the first ids and their scores come from one query; its cost
grows with the number of matches (a few microseconds each), not with the versions behind them. SQLite has no full-text search here: it
falls back to `icontains` over the live version's fields, with the names matched in their own small
tables as lists of ids, and ranks a title with every word first.
"""

import operator
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import reduce

from django.db import connection
from django.db.models import (BooleanField, Case, Count, Expression, F, FloatField, IntegerField, Q, QuerySet, Value,
                              When, Window)

from publishing.models import SEARCH_CONFIG, SearchSynonym, named_relations

MAX_WORDS = 10
MIN_ROOT = 5  # a shorter start ("lege", "test") would also find many unrelated compounds

# A document's place in the lists (its live version's `listed_at`: the last substantive change, or the
# date its source gives, as the document model decides): the tie-breaker.
RECENT = F("live_version__listed_at")

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
# Norwegian endings, longest first: what is left is the start that a word's forms and compounds share.
_ENDINGS = ("ernes", "erne", "enes", "ene", "ere", "ers", "ets", "ens", "ane", "er", "en", "et", "es", "a", "e", "s")
_LETTERS = re.compile(r"[^\W\d_]+")


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
    sequence: str = ""  # the words as typed, in order, stop words included: the phrase that ranks first
    # What providers work out once and share (names that match, the database's query strings), so a
    # second provider and a second pass (`any_word()`) cost no extra queries.
    shared: dict = field(default_factory=dict, compare=False, repr=False)

    def __str__(self):
        return self.text

    def any_word(self):
        """The same search, matching documents with any of the words, best first."""
        return replace(self, match_any=True, shared=self.shared)

    def highlighted(self):
        """Every word and alternative, for marking in an excerpt."""
        return [form for word in self.words for form in word.forms]


def search_terms(query, *, synonyms=True):
    """`SearchTerms` for the text a reader typed, with the synonyms publishers listed (one query)."""
    words, excluded, sequence = [], [], []
    for minus, phrase, word_minus, word in _TOKEN.findall(query or ""):
        text = " ".join((phrase or word).lower().split())
        if not (minus or word_minus):
            sequence.append(text)
        if len(text) < 2 or text in STOP_WORDS:
            continue
        (excluded if (minus or word_minus) else words).append(text)
    words = list(dict.fromkeys(words))[:MAX_WORDS]
    found = {}
    single = [word for word in words if " " not in word]
    if single and synonyms:
        found = {synonym.word: synonym.alternative_list() for synonym in SearchSynonym.objects.filter(word__in=single)}
    return SearchTerms(
        text=query or "",
        words=tuple(Word(word, tuple(found.get(word, ()))) for word in words),
        excluded=tuple(dict.fromkeys(excluded))[:MAX_WORDS],
        sequence=" ".join(sequence[:3 * MAX_WORDS]),
    )


def word_root(word):
    """The start that a word's forms and compounds share ("sykepleiere" → "sykeplei", "legevakten" →
    "legevakt"), or None for a word too short or not all letters to be matched by its start."""
    if not _LETTERS.fullmatch(word):
        return None
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_ROOT:
            return word[:-len(ending)]
    return word if len(word) >= MIN_ROOT else None


class SearchHits:
    """One provider's matches for a query: counted and sliced lazily, so the site can merge and page
    across providers and only the page shown is turned into results."""

    # On PostgreSQL `count()` reads the first ids, scores and dates with the total in the same query
    # (one pass over the matches instead of two); the first pages are then read from these.
    FIRST_IDS = 50

    def __init__(self, documents, to_result):
        self.documents = documents
        self.to_result = to_result
        self._count = self._first = None

    def count(self):
        if self._count is None:
            if isinstance(self.documents, QuerySet) and connection.vendor == "postgresql":
                rows = list(self.documents.annotate(total=Window(Count("pk")))
                            .values_list("pk", "score", "recent", "total")[:self.FIRST_IDS])
                self._first = [row[:3] for row in rows]
                self._count = rows[0][3] if rows else 0
            else:
                self._count = self.documents.count()
        return self._count

    def ranked(self, stop):
        """(pk, score, recent) of the first `stop` documents, best first, for merging with other providers."""
        if not isinstance(self.documents, QuerySet):
            return [(document, 0.0, None) for document in self.documents[:stop]]
        if self._first is not None and (stop <= len(self._first) or len(self._first) == self._count):
            return self._first[:stop]
        return list(self.documents.values_list("pk", "score", "recent")[:stop])

    def results(self, start, stop):
        ranked = self.ranked(stop)[start:stop]
        return [result for _key, result in self.results_for([pk for pk, _score, _recent in ranked])]

    def results_for(self, keys):
        """(key, result) for these documents (keys from `ranked`), in this order; one withdrawn since it
        was counted is left out. Only these rows are read with their live version and the names of what
        they belong to (topics, issuer)."""
        if not isinstance(self.documents, QuerySet):
            return [(document, self.to_result(document)) for document in keys]
        if not keys:
            return []
        many = [relation.name for relation in named_relations(self.documents.model) if relation.many_to_many]
        rows = self.documents.filter(pk__in=keys).order_by().prefetch_related(*many)
        by_pk = {document.pk: document for document in rows}
        return [(pk, self.to_result(by_pk[pk])) for pk in keys if pk in by_pk]


def search_documents(documents, query, *, text_fields, excerpt_fields=None):
    """Live documents matching `query` (`SearchTerms`, or text to parse), best first, each with
    `score` and `recent` (see `SearchHits.ranked`).

    On PostgreSQL: one condition on the stored, GIN-indexed vector, which holds the live version's
    text and the names of what the document belongs to, ranked on the documents' own table (see the
    module's docstring). Elsewhere: every word (or any, with `match_any`) in one of the live
    version's `text_fields` or in a related name. `excerpt_fields` is no longer used here: excerpts
    are made from the page's rows (`publishing.snippets`).
    """
    terms = query if isinstance(query, SearchTerms) else search_terms(query)
    documents = documents.annotate(recent=RECENT)
    if not terms.words:
        return _nothing(documents)
    if connection.vendor != "postgresql":
        return _search_icontains(documents, terms, _named_matches(documents.model, terms), text_fields)
    return _search_postgres(documents, terms)


def _nothing(documents):
    return documents.annotate(score=Value(0.0, output_field=FloatField())).none()


# --- PostgreSQL ----------------------------------------------------------------------------------


class VectorSQL(Expression):
    """SQL over one stored vector column: `template` with {vector} where the column goes and %s for
    `params` (tsquery strings cast with ::tsquery, so PostgreSQL parses them once, not per row)."""

    def __init__(self, column, template, params, output_field):
        super().__init__(output_field=output_field)
        self.column, self.template, self.params = F(column), template, tuple(params)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        column_sql, column_params = compiler.compile(self.column)
        return self.template.replace("{vector}", column_sql), [*column_params, *self.params]


@dataclass(frozen=True)
class TsQueries:
    """The database's query strings for one search (`tsqueries`)."""

    match: str          # what a document must match: every word (or any), each in any of its forms
    typed: str          # every word as the reader typed it (no synonyms): all of them, or any with match_any
    phrase: str         # the words in their order, next to each other (one word: that word, not a compound)
    every_form: str     # every form of every word, for PostgreSQL's rank
    excluded: tuple     # one string per word to leave out


def tsqueries(terms):
    """`TsQueries` for `terms`: the words stemmed by PostgreSQL in one query, compounds by their start."""
    key = ("tsqueries", terms.match_any)
    if key not in terms.shared:
        forms = sorted({form for word in terms.words for form in word.forms} | set(terms.excluded) | {terms.sequence})
        with connection.cursor() as cursor:
            cursor.execute("SELECT x, phraseto_tsquery(%s::regconfig, x)::text FROM unnest(%s::text[]) AS x",
                           [SEARCH_CONFIG, forms])
            stemmed = dict(cursor.fetchall())
        terms.shared[key] = _compose(terms, stemmed)
    return terms.shared[key]


def _compose(terms, stemmed):
    def either(*queries):
        queries = [query for query in queries if query]
        return "(" + " | ".join(f"({query})" for query in queries) + ")" if queries else ""

    def join(queries, operator_):
        queries = [query for query in queries if query]
        return f" {operator_} ".join(queries)

    typed, every = [], []
    for word in terms.words:
        root = word_root(word.text)
        as_typed = either(stemmed.get(word.text), f"'{root}':*" if root else "")
        typed.append(as_typed)
        every.append(either(as_typed, *[stemmed.get(alternative) for alternative in word.alternatives]))
    all_or_any = "|" if terms.match_any else "&"
    first = terms.words[0].text if terms.words else ""
    phrase = stemmed.get(terms.sequence) if len(terms.words) > 1 or " " in first else stemmed.get(first)
    return TsQueries(
        match=join(every, all_or_any), typed=join(typed, all_or_any), phrase=phrase or "",
        every_form=join(every, "|"), excluded=tuple(stemmed[word] for word in terms.excluded if stemmed.get(word)),
    )


def _search_postgres(documents, terms):
    queries = tsqueries(terms)
    if not queries.match:
        return _nothing(documents)
    # The live version's vectors as aliases, so every condition reads the one join to it.
    documents = documents.alias(text_vector=F("live_version__search_vector"),
                                rank_vector=F("live_version__search_rank_vector"))
    found = documents.filter(VectorSQL("text_vector", "{vector} @@ %s::tsquery", [queries.match], BooleanField()))
    for excluded in queries.excluded:
        found = found.exclude(VectorSQL("text_vector", "{vector} @@ %s::tsquery", [excluded], BooleanField()))
    return found.annotate(score=_score(queries)).order_by("-score", F("recent").desc(nulls_last=True), "pk")


def _score(queries):
    """The rank (see the module's docstring) on the small vector of title (weight A), summary and names:
    4 for every word in the title and 8 more for the query as typed there (one word: itself, not a
    compound), 1 for every word in the summary or a name and 2 more for the query as typed there; plus
    PostgreSQL's rank (below 1). Written as nested cases: a match in the body alone costs one test."""
    phrase = queries.phrase or queries.typed
    head = ("CASE WHEN NOT {vector} @@ %s::tsquery THEN 0"
            " WHEN {vector} @@ %s::tsquery THEN 5 + 8 * ({vector} @@ %s::tsquery)::int"
            " + 2 * ({vector} @@ %s::tsquery)::int"
            " ELSE 1 + 2 * ({vector} @@ %s::tsquery)::int END")
    params = [queries.typed, in_title(queries.typed), in_title(phrase), phrase, phrase]
    # Normalisation 32 keeps PostgreSQL's rank below 1, so it only orders documents within a step.
    template = "CASE WHEN {vector} @@ %s::tsquery THEN ts_rank({vector}, %s::tsquery, 32) + " + head + " ELSE 0 END"
    return VectorSQL("rank_vector", template, [queries.every_form, queries.every_form, *params], FloatField())


_OPERAND = re.compile(r"'((?:[^']|'')*)'(?::(\*?)[A-D]*)?")


def in_title(tsquery):
    """`tsquery` (PostgreSQL's text form) matching the title only: every word restricted to weight A."""
    return _OPERAND.sub(lambda match: f"'{match[1]}':{match[2] or ''}A", tsquery)


# --- SQLite and other databases without the stored vectors ---------------------------------------


def _search_icontains(documents, terms, named, text_fields):
    def contains(text, names=text_fields):
        return reduce(operator.or_, [Q(**{f"live_version__{name}__icontains": text}) for name in names])

    per_word = [reduce(operator.or_, [contains(form) for form in word.forms], name)
                for word, name in zip(terms.words, named)]
    for word in terms.excluded:
        documents = documents.exclude(contains(word))
    in_title = [contains(word.text, ["title"]) for word in terms.words]
    score = _points(reduce(operator.and_, in_title), 4) + _points(reduce(operator.or_, in_title), 1)
    if not terms.match_any:
        found = documents.filter(reduce(operator.and_, per_word))
    else:
        found = documents.filter(reduce(operator.or_, per_word))
        score = score + reduce(operator.add, [_points(match, 1) for match in per_word])  # the most words first
    return found.annotate(score=score).order_by("-score", F("recent").desc(nulls_last=True), "pk")


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


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
        key = ("names", model._meta.label, relation.name)
        if key not in terms.shared:
            terms.shared[key] = _match_names(relation, terms.words)
        found = terms.shared[key]
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


def name_matches(word, name):
    """Whether a word (or any of its alternatives) is one of the words of a name, give or take an ending."""
    name_words = {_stem(part) for part in re.findall(r"\w+", name.lower())}
    return any(_stem(form) in name_words if " " not in form else form in name.lower() for form in word.forms)


def _stem(word):
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word
