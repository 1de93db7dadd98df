"""What a query asks for: its concepts, read once for both implementations.

A query's words are walked from the left. At each word the longest phrase starting there
is taken: a synonym group's (search/synonyms.txt), whose phrases all stand for it, or an
everyday phrase (search/everyday.txt, a tie going to it), which also stands for the need,
condition or category it names. A word no phrase starts at stands for itself. A product
matches a concept when it holds every word of one of its phrases, in any order and
anywhere, or is filed under one of its terms. Stop words and filler ("my", "can't") are
searched for only inside a phrase.
"""

from dataclasses import dataclass, field
from functools import cache
from itertools import product

from search.everyday import KINDS, WHOSE, load_everyday
from search.facets import FACETS
from search.text import meaningless, normalise, stem, synonym_rules, tokenize


@dataclass(frozen=True)
class Concept:
    """One thing a query asks for: any of `phrases` (tuples of index terms, every one of
    which a product must hold) or any of `terms` (search.everyday.Term)."""

    phrases: frozenset
    terms: frozenset = frozenset()
    # The words as typed that Elasticsearch matches for the phrases ("" when none): its
    # search analyzer finds the same phrases in them.
    typed: str = field(default="", compare=False)
    # An everyday phrase's words one by one, each as phrases: ranking weighs each word
    # found, as Elasticsearch's scoring does, though matching needs them all.
    words: tuple = field(default=(), compare=False)

    @property
    def weighed(self):
        """The phrases to weigh, [frozenset, ...]: each word's, or the concept's own."""
        return list(self.words) if self.words else [self.phrases]


# The document field holding each kind of term: the facet of the same name's.
TERM_FIELDS = {facet.name: facet.field for facet in FACETS if facet.name in KINDS}


def held(term):
    """(document field, value) of the products filed under a term, as its facet counts them:
    a category's slug "15-09" is indexed as its code "15 09"."""
    value = term.slug.replace("-", " ") if term.kind == "category" else term.slug
    return TERM_FIELDS[term.kind], value


def concepts(text):
    """The query's different concepts, in the order they first occur."""
    found = {}
    for concept in _walk(text):
        found.setdefault(concept, concept)
    return list(found)


def searchable(text):
    """The query's words without the stop words and filler that stand alone; all of them
    when nothing else is left. Both implementations search for this text."""
    kept = [span for span, concept in _spans(text) if concept is not None]
    return " ".join(kept) if kept else text


def everyday_terms(text):
    """The needs, conditions and categories the query's everyday phrases name, in order."""
    found = {}
    for concept in _walk(text):
        for term in sorted(concept.terms):
            found.setdefault(term, None)
    return list(found)


def _walk(text):
    return [concept for _, concept in _spans(text) if concept is not None]


def _spans(text):
    """(the words as typed, their Concept) for each phrase or word of the text; the concept
    is None for a stop word or filler standing alone."""
    tokens = tokenize(text)
    normalised = [normalise(token) for token in tokens]
    stems = [stem(word) for word in normalised]
    synonyms, everyday = _tables()
    at = 0
    while at < len(tokens):
        rule_length, rule = _longest(normalised, at, synonyms)
        term_length, term = _longest_everyday(tokens, stems, at, everyday)
        if term is not None and term_length >= rule_length:
            span = tokens[at : at + term_length]
            yield " ".join(span), _everyday_concept(span, term)
            at += term_length
        elif rule is not None:
            span = " ".join(tokens[at : at + rule_length])
            yield span, Concept(frozenset(rule), typed=span)
            at += rule_length
        else:
            word = tokens[at]
            alone = None if meaningless(word) else Concept(frozenset({(stems[at],)}), typed=word)
            yield word, alone
            at += 1


def _everyday_concept(span, term):
    """An everyday phrase's concept: its meaningful words, as they would be searched alone,
    or the term it names."""
    words = [token for token in span if not meaningless(token)]
    inner = _walk_synonyms(words)
    # Every word of the phrase must be held: one phrase from each inner concept, joined.
    phrases = frozenset(sum(choice, ()) for choice in product(*inner)) if inner else frozenset()
    return Concept(phrases, frozenset({term}), typed=" ".join(words), words=tuple(inner))


def _walk_synonyms(tokens):
    """The phrases of each synonym group or word of these words, as [frozenset, ...]."""
    normalised = [normalise(token) for token in tokens]
    synonyms, _ = _tables()
    found = []
    at = 0
    while at < len(tokens):
        length, rule = _longest(normalised, at, synonyms)
        found.append(frozenset(rule) if rule else frozenset({(stem(normalised[at]),)}))
        at += length or 1
    return found


@cache
def _tables():
    """(table, its longest key's length) for the synonym rules and the everyday phrases,
    made once per process, as both files are."""
    return tuple(
        (table, max((len(key) for key in table), default=0))
        for table in (synonym_rules(), load_everyday())
    )


def _longest_everyday(tokens, stems, at, table):
    """As _longest for the everyday phrases, which pass over words of search.everyday.WHOSE
    ("do up his buttons" holds "do up buttons"); the length counts the words passed over."""
    whose = [token.lower() in WHOSE for token in tokens]
    if whose[at]:
        return 0, None
    kept = [place for place in range(at, len(stems)) if not whose[place]]
    length, term = _longest([stems[place] for place in kept], 0, table)
    return (kept[length - 1] - at + 1, term) if term is not None else (0, None)


def _longest(words, at, table):
    """(length, value) of the longest key of a _tables() table that the words start with at
    `at`, or (0, None)."""
    table, longest = table
    for length in range(min(longest, len(words) - at), 0, -1):
        value = table.get(tuple(words[at : at + length]))
        if value is not None:
            return length, value
    return 0, None
