from collections import defaultdict

from django.db.models import Count, Q

from taxonomy.models import IsoCategory, code_and_ancestors


def category_product_counts():
    """Live products under each ISO 9999 code, descendants included, each product once.

    Two queries, whatever the size of the tree: one per kind of category link.
    """
    from products.models import ProductPage

    live = ProductPage.objects.live()
    links = list(
        live.filter(primary_category__isnull=False).values_list("pk", "primary_category__code")
    )
    links += list(
        live.filter(secondary_categories__isnull=False).values_list(
            "pk", "secondary_categories__code"
        )
    )
    products_by_code = defaultdict(set)
    for product_id, code in links:
        for ancestor in code_and_ancestors(code):
            products_by_code[ancestor].add(product_id)
    return {code: len(products) for code, products in products_by_code.items()}


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
