"""The search interface every caller uses, whichever implementation answers.

`Query` is what someone asked for, already checked; `Results` is the answer. Both
implementations (search.elastic and search.database) take a Query and give Results with the
same hits and the same facet counts; tests/search/test_contract.py holds them to that.
"""

from dataclasses import dataclass, field

from django.conf import settings

from search.faceted import PER_PAGE, ProductSearch
from search.text import analyse, searchable


@dataclass(frozen=True)
class Query:
    text: str = ""
    # {facet name: chosen values}, each a facet of ProductSearch and a value it knows.
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def words(self):
        """The text both implementations search for: "" when it holds no word at all."""
        text = searchable(self.text)
        return text if analyse(text) else ""

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


@dataclass
class Suggestion:
    """A product whose name starts words the way the person is typing."""

    product_id: int
    name: str
    url: str


AUTOCOMPLETE_SIZE = 8
AUTOCOMPLETE_MAX_LENGTH = 100


def get_engine():
    """Elasticsearch when ELASTICSEARCH_URL is set, else the database."""
    if settings.ELASTICSEARCH_URL:
        from search.elastic import ElasticsearchEngine

        return ElasticsearchEngine()
    from search.database import DatabaseEngine

    return DatabaseEngine()


def search_products(query, typos=False):
    """Results for a query. With `typos`, words that find nothing as typed are tried again
    allowing for misspellings, where the implementation can (Elasticsearch)."""
    engine = get_engine()
    results = engine.search(query)
    if typos and not results.total and query.words and getattr(engine, "fuzzy", False):
        fuzzy = engine.search(query, fuzzy=True)
        if fuzzy.total:
            return fuzzy
    return results


def autocomplete(text, size=AUTOCOMPLETE_SIZE):
    """Live, available products whose name has a word starting with each word typed."""
    text = " ".join(text.split())[:AUTOCOMPLETE_MAX_LENGTH]
    if not analyse(text):
        return []
    return get_engine().autocomplete(text, size)
