"""Editors' picks: products an editor pins to a query, shown first and labelled.

Wagtail's search_promotions keeps them (a Query holding SearchPromotions, edited under
Settings › Promoted search results; search.picks_admin keeps them to products). A search
shows the picks of the query string that matches its words as Wagtail normalises them
(lowercased, spaces collapsed), on its first page only, and only those still live that
satisfy every filter in force (the defaults included, so a discontinued product is left
out unless discontinued products are asked for): a filter never shows what it excludes.
Whether a pick satisfies the filters is read from the same document both backends index,
the way search.backends.database reads ProductSearch's facets.
"""

from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion

from search.backends.database import as_list
from search.documents import product_documents
from search.faceted import ProductSearch, Ranges


def picked_ids(text):
    """The pages picked for these words, in the editors' order; reads, never creates."""
    normalised = normalise_query_string(text)
    if not normalised:
        return []
    pages = (
        SearchPromotion.objects.filter(query__query_string=normalised, page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
    return list(dict.fromkeys(pages))


def picks_for(query):
    """[document] of the live products picked for the query, satisfying its filters."""
    if query.page != 1 or not query.text:
        return []
    ids = picked_ids(query.text)
    if not ids:
        return []
    documents = product_documents(ids)  # live product pages only
    filters = query.facet_filters()
    return [documents[pk] for pk in ids if pk in documents and satisfies(documents[pk], filters)]


def satisfies(document, filters):
    """Whether a product's document passes every facet filter: any value chosen within a
    facet, every facet chosen."""
    for name, values in filters.items():
        facet = ProductSearch.facets[name]
        held = as_list(document.get(facet.field))
        if isinstance(facet, Ranges):
            if not any(_in_range(value, facet.ranges[key]) for key in values for value in held):
                return False
        elif not {str(value) for value in held} & {str(value) for value in values}:
            return False
    return True


def _in_range(value, limits):
    low, high = limits
    return value is not None and (low is None or value >= low) and (high is None or value < high)
