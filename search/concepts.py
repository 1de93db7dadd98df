"""What a query asks for: its concepts, read once for both implementations.

A query's words are cut into phrases and single words so that phrases cover as many words
as they can: a synonym group's (search/synonyms.txt), whose phrases all stand for it, or an
everyday phrase (search/everyday.txt, a tie going to it), which also stands for the need,
condition or category it names. A word no phrase covers stands for itself. A product
matches a concept when it holds every word of one of its phrases, in any order and
anywhere, or is filed under one of its terms. Stop words and filler ("my", "can't") are
searched for only inside a phrase.
"""

from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import product

from search.everyday import KINDS, PASSED_OVER, load_everyday
from search.facets import BY_NAME
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
TERM_FIELDS = {kind: BY_NAME[kind].field for kind in KINDS}


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
    kept = [span for span, concept in _pieces(text) if concept is not None]
    return " ".join(kept) if kept else text


def everyday_terms(text):
    """The needs, conditions and categories the query's everyday phrases name, in order."""
    found = {}
    for concept in _walk(text):
        for term in sorted(concept.terms):
            found.setdefault(term, None)
    return list(found)


def _walk(text):
    return [concept for _, concept in _pieces(text) if concept is not None]


@lru_cache(maxsize=1024)
def _pieces(text):
    """_spans(text), kept: one search reads the same words several times (the words to
    search, whether to relax, each backend's query, highlights, the log)."""
    return tuple(_spans(text))


def _spans(text):
    """(the words as typed, their Concept) for each phrase or word of the text; the concept
    is None for a stop word or filler standing alone."""
    tokens = tokenize(text)
    normalised = [normalise(token) for token in tokens]
    stems = [stem(word) for word in normalised]
    at = 0
    for length, kind, value in _segments(tokens, normalised, stems):
        span = tokens[at : at + length]
        if kind == "everyday":
            yield " ".join(span), _everyday_concept(span, value)
        elif kind == "synonym":
            yield " ".join(span), Concept(frozenset(value), typed=" ".join(span))
        else:
            word = span[0]
            alone = None if meaningless(word) else Concept(frozenset({(stems[at],)}), typed=word)
            yield word, alone
        at += length


def _segments(tokens, normalised, stems):
    """[(length, kind, value)] cutting the words into phrases and single words so that
    phrases cover as many words as they can, in as few pieces as they can: "stand from the
    sofa" is "stand" and "from the sofa", not "stand from", "the" and "sofa". At each word
    the longest synonym and every everyday phrase starting there are candidates; an everyday
    phrase wins a tie with a synonym."""
    synonyms, everyday = _tables()
    count = len(tokens)
    # The words everyday phrases are compared on: all but those passed over.
    compared = [at for at, token in enumerate(tokens) if token.lower() not in PASSED_OVER]
    place = {at: index for index, at in enumerate(compared)}
    # best[at]: ((words covered by phrases, -pieces), first piece) for the words from `at`.
    best = [None] * count + [((0, 0), None)]
    for at in range(count - 1, -1, -1):
        candidates = [(1, "word", None)]
        rule_length, rule = _longest(normalised, at, synonyms)
        if rule is not None:
            candidates.append((rule_length, "synonym", rule))
        phrases = _everyday_at(stems, compared, place.get(at), everyday)
        candidates += [(length, "everyday", term) for length, term in phrases]
        scored = []
        for order, (length, kind, value) in enumerate(candidates):
            (covered, pieces), _ = best[at + length]
            covered += length if kind != "word" else 0
            # Ties: the everyday phrase, then the longer piece (listed later, so -order).
            scored.append(((covered, pieces - 1), kind == "everyday", length, -order,
                           (length, kind, value)))  # fmt: skip
        top = max(scored, key=lambda option: option[:4])
        best[at] = (top[0], top[4])
    pieces, at = [], 0
    while at < count:
        piece = best[at][1]
        pieces.append(piece)
        at += piece[0]
    return pieces


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


def _everyday_at(stems, compared, start, table):
    """(length, term) of every everyday phrase the compared words start with at their
    `start`th (None for a word passed over: search.everyday.PASSED_OVER, so "do up his
    buttons" holds "do up buttons"); the length counts the words passed over."""
    if start is None:
        return []
    table, longest = table
    kept = compared[start : start + longest]
    found = []
    for length in range(1, len(kept) + 1):
        term = table.get(tuple(stems[at] for at in kept[:length]))
        if term is not None:
            found.append((kept[length - 1] - kept[0] + 1, term))
    return found


def _longest(words, at, table):
    """(length, value) of the longest key of a _tables() table that the words start with at
    `at`, or (0, None)."""
    table, longest = table
    for length in range(min(longest, len(words) - at), 0, -1):
        value = table.get(tuple(words[at : at + length]))
        if value is not None:
            return length, value
    return 0, None
