"""Searching with the backend settings.SEARCH_BACKEND names, for every caller.

The backends (search.backends) give one interface; the values they take and give are in
search.types.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from search.faceted import ANY
from search.text import analyse
from search.types import AUTOCOMPLETE_MAX_LENGTH, AUTOCOMPLETE_SIZE


def get_backend():
    """The backend of the class settings.SEARCH_BACKEND names by its dotted path."""
    try:
        backend = import_string(settings.SEARCH_BACKEND)
    except ImportError as error:
        raise ImproperlyConfigured(f"SEARCH_BACKEND cannot be imported: {error}") from error
    return backend()


def search_products(query, typos=False):
    """Results for a query. With `typos`, words that find nothing as typed are tried again
    allowing for misspellings, where the backend can.

    The order is every word, then most of the words (relaxed, inside backend.search), then
    misspellings: relaxed matching finds the words as typed, which the person can see in
    the results, and both implementations do it alike, while only Elasticsearch matches
    misspellings. A misspelt word of a query of one or two words is never relaxed away
    (relaxed needs all of them), so the typo retry still finds "kettel tipper". Last, a
    query of two concepts or more that still finds nothing matches any of them."""
    backend = get_backend()
    results = backend.search(query)
    if typos and not results.total and query.words and backend.matches_typos:
        fuzzy = backend.search(query, fuzzy=True)
        if fuzzy.total:
            return fuzzy
    if not results.total and query.loosenable:
        loose = backend.match(query, relaxed=ANY)
        if loose.total:
            loose.took_ms += results.took_ms
            return loose
    return results


def autocomplete(text, size=AUTOCOMPLETE_SIZE):
    """Live, available products whose name has a word starting with each word typed."""
    text = " ".join(text.split())[:AUTOCOMPLETE_MAX_LENGTH]
    if not analyse(text):
        return []
    return get_backend().autocomplete(text, size)
