from collections import defaultdict

from taxonomy.models import IsoCategory


def category_tree(counts):
    """Every category as nested (category, count, children) triples, from one query; `counts`
    is {code: products}."""
    children = defaultdict(list)
    for category in IsoCategory.objects.all():
        children[category.parent_id].append(category)

    def build(parent_id):
        return [
            (category, counts.get(category.code, 0), build(category.pk))
            for category in children[parent_id]
        ]

    return build(None)
