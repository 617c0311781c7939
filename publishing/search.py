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
and its issuer), so "legevakt" finds every article in the topic Legevakt. Those names are matched
in their own small tables and become lists of ids, so the documents' query stays one flat,
indexed filter, and renaming a topic or moving an article counts at once.

On PostgreSQL each document stores its live version's text as a Norwegian full-text vector
(`VersionedDocument.search_vector`, GIN-indexed), so a search reads live documents only and
"smittesporingen" finds "smittesporing". SQLite has no full-text search here: it falls back to
`icontains` over the live version's fields.
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
from django.db.models import Case, F, FloatField, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce, Concat, Greatest
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from publishing.models import SEARCH_CONFIG, SearchSynonym

EXCERPT_CHARS = 240
MAX_WORDS = 10
NAME_MATCH_BONUS = 0.2  # per word in a topic's or issuer's name: above a mention in the body, below one in the summary
SUGGEST_WORDS = 4           # "Mente du …?" corrects at most this many words
SUGGEST_SIMILARITY = 0.45   # pg_trgm word similarity a string needs to be a candidate
SUGGEST_CANDIDATES = 20     # strings read per vocabulary on PostgreSQL
SUGGEST_SCAN_LIMIT = 2000   # strings difflib reads per vocabulary elsewhere
SUGGEST_RATIO = 0.75        # difflib ratio a word needs to replace what was typed
SUGGEST_MIN_LENGTH = 5      # shorter words ("natt", "helg") have too many near neighbours to correct

# A document's last substantive change (VersionedDocument's stored live state): the tie-breaker.
_RECENT = Coalesce("last_major_at", "first_published_at")

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

    def __init__(self, documents, to_result):
        self.documents = documents
        self.to_result = to_result

    def count(self):
        return self.documents.count()

    def results(self, start, stop):
        return [self.to_result(document) for document in self.page(start, stop)]

    def page(self, start, stop):
        """The documents from `start` to `stop`, best first. The order is read from the documents' own
        table; only the page's rows are then read with their live version and highlighted headline,
        so a search that matches thousands of documents never joins thousands of versions."""
        if not isinstance(self.documents, QuerySet):
            return list(self.documents[start:stop])
        ids = list(self.documents.values_list("pk", flat=True)[start:stop])
        rows = self.documents.filter(pk__in=ids).order_by()
        headline = getattr(self.documents, "search_headline", None)
        if headline is not None:
            rows = rows.annotate(headline=headline)
        by_pk = {document.pk: document for document in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]


def search_documents(documents, query, *, text_fields, excerpt_fields):
    """Live documents matching `query` (`SearchTerms`, or text to parse), best first.

    On PostgreSQL: one filter on the stored, GIN-indexed vector (or'ed with id lists from matching
    names), ranked on the documents' own table; `SearchHits.page` adds the highlighted `headline`
    (see `excerpt`) to the page's rows only. Elsewhere: every word (or any, with `match_any`) in one
    of the live version's `text_fields`.
    """
    terms = query if isinstance(query, SearchTerms) else search_terms(query)
    if not terms.words:
        return documents.none()
    named = _named_matches(documents.model, terms)
    if connection.vendor != "postgresql":
        return _search_icontains(documents, terms, named, text_fields)
    return _search_postgres(documents, terms, named, excerpt_fields)


def _search_postgres(documents, terms, named, excerpt_fields):
    word_queries = [_word_query(word) for word in terms.words]
    any_query = reduce(operator.or_, word_queries)
    if terms.match_any:
        matches = reduce(operator.or_, named, Q(search_vector=any_query))
    elif not any(named):
        matches = Q(search_vector=reduce(operator.and_, word_queries))  # one condition on the GIN index
    else:
        matches = reduce(operator.and_, [Q(search_vector=query) | name for query, name in zip(word_queries, named)])
    for word in terms.excluded:
        documents = documents.exclude(search_vector=_form_query(word))
    rank = SearchRank(F("search_vector"), any_query)
    for name in filter(None, named):
        rank = rank + Case(When(name, then=Value(NAME_MATCH_BONUS)), default=Value(0.0), output_field=FloatField())
    # Ranked on the documents' own columns (no join to the versions), newest substantive change next.
    found = documents.filter(matches).alias(rank=rank).order_by("-rank", _RECENT.desc(), "pk")
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


@cache
def named_relations(model):
    """The document's ForeignKeys and ManyToManys to models with a `name` (guidance: issuer, topics)."""
    return tuple(
        relation for relation in model._meta.get_fields()
        if relation.is_relation and not relation.auto_created and (relation.many_to_one or relation.many_to_many)
        and any(target_field.name == "name" for target_field in relation.related_model._meta.concrete_fields)
    )


@dataclass(frozen=True)
class NameMatches:
    """What one relation (an article's topics, its issuer) contributes to a search."""

    label: str          # the related model's name, e.g. "tema"
    attname: str        # how a document names its match: "pk" (ManyToMany) or e.g. "issuer_id"
    ids: tuple          # per word: the ids to filter documents on (documents' or the ForeignKey's)
    names: dict         # document pk or ForeignKey target → the matching names

    def lookup(self):
        return "pk__in" if self.attname == "pk" else f"{self.attname}__in"

    def names_for(self, document):
        return self.names.get(getattr(document, self.attname), ())


def _named_matches(model, terms):
    """Per word, a Q for the documents whose topic, issuer … has the word in its name (Q() if none)."""
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
    label = str(relation.related_model._meta.verbose_name)
    names = dict(relation.related_model._default_manager.order_by().values_list("pk", "name"))
    targets = [{pk for pk, name in names.items() if name_matches(word, name)} for word in words]
    if not relation.many_to_many:
        return NameMatches(label, relation.attname, tuple(sorted(ids) for ids in targets),
                           {pk: (names[pk],) for pk in set().union(*targets)})
    documents, document_names = [set() for _word in words], {}
    if any(targets):
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        links = through.objects.filter(**{f"{target}__in": set().union(*targets)}).values_list(
            f"{source}_id", f"{target}_id")
        for document_id, target_id in links:
            document_names.setdefault(document_id, []).append(names[target_id])
            for index, ids in enumerate(targets):
                if target_id in ids:
                    documents[index].add(document_id)
    return NameMatches(label, "pk", tuple(sorted(ids) for ids in documents),
                       {pk: tuple(sorted(found)) for pk, found in document_names.items()})


def name_reasons(document, terms):
    """Why a document matched by name, as safe HTML ("Tema: <mark>Legevakt</mark>"), or ""."""
    reasons = []
    for (model_label, _relation), found in terms.names_found.items():
        if model_label == document._meta.label:
            reasons += [f"{html.escape(capfirst(found.label))}: <mark>{html.escape(name)}</mark>"
                        for name in found.names_for(document)]
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
