from django import template

from search.browse import product_counts
from taxonomy.models import IsoCategory

register = template.Library()


@register.simple_tag
def top_categories():
    """[(class, available live products)] for each top-level ISO 9999 class."""
    counts = product_counts("category")
    return [
        (category, counts.get(category.code, 0)) for category in IsoCategory.objects.filter(level=1)
    ]
