from collections import defaultdict

from django.db.models import Count, Q

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


def with_live_product_counts(queryset):
    """Annotate needs or conditions with how many live products carry them."""
    return queryset.annotate(
        product_count=Count(
            "tagged_products",
            filter=Q(tagged_products__content_object__live=True),
            distinct=True,
        )
    )
