"""Everyday phrases for needs, conditions and ISO 9999 classes (issue 19, item 3).

People describe a problem ("can't get up from the sofa") rather than name the need it
belongs to ("Transfers and positioning"). search/everyday.txt lists, for each term, the
phrases people use for it; a query holding one of them is offered the term as a filter and
logged with it, and products filed under the term match the phrase (search.concepts).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from search.analysis import data_lines
from search.text import STOP_WORDS, analyse, tokenize

EVERYDAY_FILE = Path(__file__).with_name("everyday.txt")

# As synonyms.txt: lowercase ASCII words, but an apostrophe is allowed ("can't reach").
PHRASE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?(?:[ -][a-z0-9]+(?:'[a-z]+)?)*")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CATEGORY_SLUG = re.compile(r"\d\d(?:-\d\d){0,2}")
# Whose it is does not change what it is: "do up his buttons" is "do up buttons"; nor do
# stop words: "bath is too high" is "bath too high". These words are left out of phrases
# and queries alike before they are compared.
WHOSE = frozenset({"my", "his", "her", "their", "your", "our", "me", "him", "them", "us"})
PASSED_OVER = WHOSE | STOP_WORDS
# The kind of term, and the search filter (search.facets) that chooses it.
KINDS = ("need", "condition", "category")


class EverydayFileError(ValueError):
    """A line of the everyday phrases file that is not phrases mapped to one term."""


@dataclass(frozen=True, order=True)
class Term:
    """A need, condition or category as the search filters name it: kind and slug."""

    kind: str
    slug: str

    def __str__(self):
        return f"{self.kind}:{self.slug}"


def parse_everyday(lines: Iterable[str], source: str = "everyday") -> dict[tuple, Term]:
    """{analysed phrase: term} from lines of `phrase, phrase => kind:slug`; comments and
    blank lines are skipped.

    Raises EverydayFileError naming the line when a line is malformed, names an unknown
    kind or a malformed slug, or repeats a phrase of an earlier line (two phrases with the
    same analysed words are the same phrase: "tablet" and "tablets").
    """
    phrases = {}
    first_seen = {}
    for number, line, where in data_lines(lines, source):
        if line.count("=>") != 1:
            raise EverydayFileError(f"{where}: write phrases, then '=>', then one term")
        left, right = (part.strip() for part in line.split("=>"))
        kind, _, slug = right.partition(":")
        if kind not in KINDS:
            raise EverydayFileError(
                f"{where}: the term must start with {', '.join(k + ':' for k in KINDS)}"
            )
        pattern = CATEGORY_SLUG if kind == "category" else SLUG
        if not pattern.fullmatch(slug):
            raise EverydayFileError(f"{where}: [{slug}] is not a {kind} slug")
        terms = [" ".join(term.split()) for term in left.split(",")]
        for term in terms:
            if not term:
                raise EverydayFileError(f"{where}: empty phrase (a stray comma)")
            if not PHRASE.fullmatch(term):
                raise EverydayFileError(
                    f"{where}: phrase [{term}] must be lowercase ASCII letters or digits, "
                    "words separated by single spaces or hyphens"
                )
            words = tokenize(term)
            kept = [word for word in words if word not in PASSED_OVER]
            if len(kept) < min(2, len(words)):
                raise EverydayFileError(
                    f"{where}: phrase [{term}] is [{' '.join(kept)}] once words like "
                    f"{', '.join(sorted(set(words) - set(kept))[:3])} are passed over: write "
                    "it alone if that word names no product, or add a word that says more"
                )
            key = tuple(analyse(" ".join(kept)))
            if key in first_seen:
                raise EverydayFileError(
                    f"{where}: phrase [{term}] is already on line {first_seen[key]}"
                )
            first_seen[key] = number
            phrases[key] = Term(kind, slug)
    return phrases


@cache
def load_everyday() -> dict[tuple, Term]:
    """The phrases of search/everyday.txt, read once per process."""
    with EVERYDAY_FILE.open(encoding="utf-8") as lines:
        return parse_everyday(lines, source=EVERYDAY_FILE.name)
