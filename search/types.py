"""What a search asks and answers, whichever backend runs it (search.backends).

`Query` is what someone asked for, already checked; `Results` is the answer. Both backends
take a Query and give Results with the same hits and the same facet counts;
tests/elasticsearch/test_contract.py holds them to that.
"""

from dataclasses import dataclass, field

from products.models import PRODUCTS_PER_PAGE
from search.concepts import concepts, searchable
from search.faceted import ProductSearch, required_matches
from search.text import analyse, meaningless, tokenize

AUTOCOMPLETE_SIZE = 8
AUTOCOMPLETE_MAX_LENGTH = 100


class SearchUnavailable(Exception):
    """The search service cannot answer for the moment (unreachable, timed out, failing).

    Backends raise it for their own errors, so callers need not know which backend runs.
    """


@dataclass(frozen=True)
class Query:
    text: str = ""
    # {facet name: chosen values}, each a facet of ProductSearch and a value it knows.
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PRODUCTS_PER_PAGE

    @property
    def words(self):
        """The text both backends search for: "" when it holds no word at all."""
        text = searchable(self.text)
        return text if analyse(text) else ""

    @property
    def relaxable(self):
        """Whether relaxed matching could find more: three concepts or more, not all filler
        (a query of only filler keeps its words but asks for nothing)."""
        count = self._concept_count()
        return required_matches(count) < count

    @property
    def loosenable(self):
        """Whether matching any one concept (search.faceted.ANY) could find more: two
        concepts or more, not all filler."""
        return self._concept_count() >= 2

    def _concept_count(self):
        words = self.words
        if all(meaningless(token) for token in tokenize(words)):
            return 0
        return len(concepts(words))

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def facet_filters(self):
        """The filters in force: the chosen ones, and the defaults where nothing was chosen."""
        return {**ProductSearch.default_filters, **{k: v for k, v in self.filters.items() if v}}


@dataclass
class Results:
    total: int
    ids: list  # this page's product ids, in order
    # {facet: {value: count}}: each facet's counts apply every other facet's filters.
    facets: dict
    # {product id: {field: value}} of search.documents.CARD_FIELDS, for this page's products
    cards: dict = field(default_factory=dict)
    # {product id: {field: HTML with the matched words in <mark>}}
    highlights: dict = field(default_factory=dict)
    suggestion: str | None = None
    engine: str = ""
    took_ms: float = 0.0
    # The words found nothing as typed, so these are matches for words spelt nearly so.
    fuzzy: bool = False
    # Every word found too little (RELAX_BELOW), so these match most of the words.
    relaxed: bool = False


@dataclass
class Suggestion:
    """A product whose name starts words the way the person is typing."""

    product_id: int
    name: str
    url: str


@dataclass
class Status:
    """How a backend's index differs from the database."""

    in_database: int
    in_index: int
    missing: list  # live products the index lacks
    extra: list  # indexed products that are no longer live
    stale: list  # indexed with other content than they have now

    @property
    def drifted(self):
        return sorted({*self.missing, *self.extra, *self.stale})
