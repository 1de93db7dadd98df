"""How product text is analysed in Elasticsearch: the site's analyzers, in one place.

Four analyzers and a normaliser, each named once and never renamed (an index keeps the names it
was built with):

- ``enabled_text`` (index) and ``enabled_text_search`` (query) for full-text fields: lowercase,
  ASCII folding ("crème" finds "creme"), English possessives, plurals and stems; the search side
  adds the synonyms of ``search/synonyms.txt`` ("grab bar" finds "grab rail").
- ``enabled_autocomplete`` (index) and ``enabled_autocomplete_search`` (query) for an
  as-you-type sub-field: word prefixes of 2 to 20 letters, so "ket" finds "Kettle tipper".
- ``enabled_keyword``, a normaliser for keyword fields: lowercase only (see KEYWORD below).

In the product Document (elasticsearch-dsl), give the fields these objects rather than their
names; elasticsearch-dsl then writes their definitions into the index settings itself::

    name = Text(
        analyzer=analysis.TEXT,
        search_analyzer=analysis.TEXT_SEARCH,
        fields={
            "autocomplete": Text(
                analyzer=analysis.AUTOCOMPLETE, search_analyzer=analysis.AUTOCOMPLETE_SEARCH
            ),
        },
    )
    brand = Keyword(normalizer=analysis.KEYWORD)

Do not also pass ``ANALYSIS`` to ``Index.settings()``: elasticsearch-dsl replaces
``settings["analysis"]`` with what it collects from the fields. ``ANALYSIS`` is the same
definition as a plain dict, for code that creates an index with the client alone (the tests).

Queries may add ``fuzziness: "AUTO"`` for typos: the analyzers produce whole, plainly stemmed
words, so a misspelt query term is still one edit or two from the indexed one.

Every component exists both in production's analysis-common and in the development node's
enabled-analysis plugin (es-analysis-plugin/), under the same names and settings.
"""

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from elasticsearch.dsl import analyzer, normalizer, token_filter

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")

# Lowercase ASCII words joined by single spaces or hyphens. The plugin reads synonym rules with
# only the standard tokenizer and lowercase, analysis-common with every filter before the
# synonyms: on such terms both read the same words.
TERM = re.compile(r"[a-z0-9]+(?:[ -][a-z0-9]+)*")


class SynonymFileError(ValueError):
    """A line of the synonyms file that is not a group of equivalent terms."""


def data_lines(lines, source):
    """(number, text, where) for each line of a data file (synonyms, filler, everyday
    phrases) that is not blank or a comment; `where` names the line for an error."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line, f"{source}, line {number} [{line}]"


def parse_synonyms(lines: Iterable[str], source: str = "synonyms") -> tuple[tuple[str, ...], ...]:
    """The groups of equivalent terms in Solr format lines; comments and blank lines are skipped.

    Raises SynonymFileError naming the line when a line is not a group of two or more
    well-formed terms, or repeats a term of an earlier group.
    """
    groups = []
    first_seen = {}
    for number, line, where in data_lines(lines, source):
        if "=>" in line:
            raise SynonymFileError(
                f"{where}: '=>' mappings are not allowed; list equivalent terms separated by commas"
            )
        terms = tuple(" ".join(term.split()) for term in line.split(","))
        if len(terms) < 2:
            raise SynonymFileError(f"{where}: a group needs at least two terms separated by commas")
        for term in terms:
            if not term:
                raise SynonymFileError(f"{where}: empty term (a stray comma)")
            if not TERM.fullmatch(term):
                raise SynonymFileError(
                    f"{where}: term [{term}] must be lowercase ASCII letters or digits, "
                    "words separated by single spaces or hyphens"
                )
            # "pick-up stick" and "pick up stick" are the same words to the tokenizer.
            key = term.replace("-", " ")
            if key in first_seen:
                raise SynonymFileError(
                    f"{where}: term [{term}] is already in the group on line {first_seen[key]}"
                )
            first_seen[key] = number
        groups.append(terms)
    return tuple(groups)


@cache
def load_synonyms() -> tuple[tuple[str, ...], ...]:
    """The groups of search/synonyms.txt, read once per process."""
    with SYNONYMS_FILE.open(encoding="utf-8") as lines:
        return parse_synonyms(lines, source=SYNONYMS_FILE.name)


def synonym_rules() -> list[str]:
    """The groups as the synonym_graph filter's inline rules."""
    return [", ".join(group) for group in load_synonyms()]


POSSESSIVE = token_filter("enabled_possessive", "stemmer", language="possessive_english")
# Plurals go before the synonyms, so "grab bars" meets the rule "grab bar"; it leaves the
# singular terms of the file unchanged, so the rules read the same in production.
PLURALS = token_filter("enabled_plurals", "stemmer", language="minimal_english")
# porter2 joins the activity words people search with the nouns products are named by
# (bathing/bath, toileting/toilet, walking frames/walking frame, rails/rail); KStem leaves
# "rails" and "frames" alone and makes "grabber" "grab", and Porter also merges community with
# communication.
STEMMER = token_filter("enabled_stemmer", "stemmer", language="porter2")
# After lowercase and asciifolding, before the stemmer: multi-word rules match whole words.
SYNONYMS = token_filter("enabled_synonyms", "synonym_graph", synonyms=synonym_rules())
# preserve_original keeps words longer than max_gram findable by their whole spelling.
PREFIXES = token_filter(
    "enabled_prefixes", "edge_ngram", min_gram=2, max_gram=20, preserve_original=True
)

FOLDED = ["lowercase", "asciifolding"]

TEXT = analyzer(
    "enabled_text",
    tokenizer="standard",
    filter=[*FOLDED, POSSESSIVE, PLURALS, STEMMER],
)
TEXT_SEARCH = analyzer(
    "enabled_text_search",
    tokenizer="standard",
    filter=[*FOLDED, POSSESSIVE, PLURALS, SYNONYMS, STEMMER],
)
AUTOCOMPLETE = analyzer("enabled_autocomplete", tokenizer="standard", filter=[*FOLDED, PREFIXES])
AUTOCOMPLETE_SEARCH = analyzer("enabled_autocomplete_search", tokenizer="standard", filter=FOLDED)
# Lowercase only: Elasticsearch refuses a plugin's filter (the development node's asciifolding)
# in a normaliser. Fold accents in an analysed sub-field where a keyword needs it.
KEYWORD = normalizer("enabled_keyword", filter=["lowercase"])

COMPONENTS = (TEXT, TEXT_SEARCH, AUTOCOMPLETE, AUTOCOMPLETE_SEARCH, KEYWORD)


def _definition(components) -> dict:
    analysis: dict = {}
    for component in components:
        for section, definitions in component.get_analysis_definition().items():
            for name, definition in definitions.items():
                existing = analysis.setdefault(section, {}).setdefault(name, definition)
                if existing != definition:
                    raise ValueError(f"Two definitions of the analysis {section} [{name}]")
    return analysis


# settings.analysis of every index that uses the components above. Not to be modified.
ANALYSIS = _definition(COMPONENTS)
