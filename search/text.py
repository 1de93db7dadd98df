"""Text analysis in Python that gives the tokens Elasticsearch's analyzers give.

The database implementation of search matches words as the Elasticsearch index does: the
same tokens (search.analysis: standard tokenizer, lowercase, ASCII folding, English
possessive, plurals, porter2) and the same synonym file, expanded the way its
`synonym_graph` filter expands a query. tests/elasticsearch/test_contract.py holds the two
side by side on the whole demo catalogue, so a difference shows up as a failing test rather
than as different answers.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from search.analysis import data_lines, load_synonyms

# Unicode's word boundaries (UAX #29), as Lucene's standard tokenizer applies them, for the
# text we have: letters and digits run together; an apostrophe, full stop or colon between
# letters, or a full stop, comma or apostrophe between digits, does not split a word.
TOKEN = re.compile(r"\w+(?:(?:(?<=[^\W\d_])[.:'’](?=[^\W\d_])|(?<=\d)[.,;'’](?=\d))\w+)*")
MAX_TOKEN_LENGTH = 255

# Folds that Unicode decomposition does not give; after Lucene's ASCIIFoldingFilter.
FOLDS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "＇": "'",
    }
)

# A Snowball stemmer keeps the word it works on in its own fields, so one shared by threads
# mixes their words up: each thread has its own.
_local = threading.local()


def tokenize(text):
    """Words as the standard tokenizer finds them, before any filter."""
    return [token[:MAX_TOKEN_LENGTH] for token in TOKEN.findall(text)]


def fold(token):
    """Accents off and ligatures spelt out, as ASCII folding does; other scripts kept."""
    token = token.translate(FOLDS)
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def drop_possessive(token):
    if len(token) > 2 and token.endswith("s") and token[-2] == "'":
        return token[:-2]
    return token


def drop_plural(token):
    """English plurals, as Lucene's minimal English stemmer (an "S" stemmer) drops them."""
    if len(token) < 3 or token[-1] != "s" or token[-2] in "us":
        return token
    if token[-2] == "e":
        if len(token) > 3 and token[-3] == "i" and token[-4] not in "ae":
            return token[:-3] + "y"
        if token[-3] in "iaoe":
            return token
    return token[:-1]


@lru_cache(maxsize=200_000)
def stem(token):
    # Catalogue text repeats its words; the pure-Python stemmer is the slow part of indexing.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(token)


def normalise(token):
    """A word as the synonym filter sees it: before the stemmer."""
    return drop_plural(drop_possessive(fold(token.lower())))


def analyse(text):
    """The index's terms for a text, in order: what a document is matched on."""
    return [stem(normalise(token)) for token in tokenize(text)]


# == Synonyms ==


@cache
def synonym_rules():
    """{phrase: the stemmed phrases of its group}, from the site's synonym file.

    The plugin reads a rule's words with the standard tokenizer and lowercase alone, and the
    words a rule puts in the query go on through the filters after it: the stemmer.
    """
    rules = {}
    for group in load_synonyms():
        phrases = [tuple(word.lower() for word in tokenize(term)) for term in group]
        stemmed = {tuple(stem(word) for word in phrase) for phrase in phrases if phrase}
        for phrase in phrases:
            rules.setdefault(phrase, set()).update(stemmed)
    return rules


# Lucene's English stop words. The index keeps them, so phrases match as written; a query
# drops those that are not part of a synonym, so "rails for the bath" needs no "for".
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)


# == Filler ==

FILLER_FILE = Path(__file__).with_name("filler.txt")
# A lowercase word, with at most one straight apostrophe between letters: "can't".
FILLER_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class FillerFileError(ValueError):
    """A line of the filler file that is not one word, or a word already listed."""


def parse_filler(lines: Iterable[str], source: str = "filler") -> frozenset[str]:
    """The words of a filler file, one a line; comments and blank lines are skipped.

    Raises FillerFileError naming the line when a line is not one well-formed word, or
    repeats a word of an earlier line.
    """
    words = {}
    for number, line, where in data_lines(lines, source):
        if len(line.split()) > 1 or "," in line:
            raise FillerFileError(f"{where}: one word a line")
        if not FILLER_WORD.fullmatch(line):
            raise FillerFileError(
                f"{where}: a word must be lowercase ASCII letters, with at most one straight "
                "apostrophe (') between letters"
            )
        if line in words:
            raise FillerFileError(f"{where}: [{line}] is already on line {words[line]}")
        words[line] = number
    return frozenset(words)


@cache
def load_filler() -> frozenset[str]:
    """The words of search/filler.txt, read once per process."""
    with FILLER_FILE.open(encoding="utf-8") as lines:
        return parse_filler(lines, source=FILLER_FILE.name)


def meaningless(token):
    """Whether a word is a stop word or filler: "the", "my", "can't" or "can’t"."""
    word = fold(token.lower())
    return word in STOP_WORDS or word in load_filler()
