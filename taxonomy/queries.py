from collections import defaultdict

from taxonomy.models import IsoCategory


def category_product_counts():
    """Available live products under each ISO 9999 code, descendants included, each once.

    The search's own category facet counts them (one aggregation, whatever the catalogue's
    size), so a count always equals what the category's page then lists.
    """
    from search.engine import Query, search_products

    return search_products(Query(per_page=0)).facets["category"]


def category_tree(counts):
    """Every category as nested (category, count, children) triples, from one query."""
    children = defaultdict(list)
    for category in IsoCategory.objects.all():
        children[category.parent_id].append(category)

    def build(parent_id):
        return [
            (category, counts.get(category.code, 0), build(category.pk))
            for category in children[parent_id]
        ]

    return build(None)


def term_product_counts(facet):
    """Available live products carrying each need or condition, by slug ("need" or
    "condition"), from the search's facet as categories are counted: a count always equals
    what the term's page then lists, without the discontinued ones it leaves out."""
    from search.engine import Query, search_products

    return search_products(Query(per_page=0)).facets[facet]
