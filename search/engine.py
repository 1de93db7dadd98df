"""The search interface every caller uses, whichever implementation answers.

`Query` is what someone asked for, already checked; `Results` is the answer. Both
implementations (search.elastic and search.database) take a Query and give Results with the
same hits and the same facet counts; tests/search/test_contract.py holds them to that.
"""

from django.conf import settings

from search.text import analyse
from search.types import (  # noqa: F401 - re-exported until callers import search.types
    AUTOCOMPLETE_MAX_LENGTH,
    AUTOCOMPLETE_SIZE,
    Query,
    Results,
    SearchUnavailable,
    Suggestion,
)


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
