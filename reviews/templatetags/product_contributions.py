"""A product page's reviews and tips, which the reviews app draws so products need not know it.

`{% product_contributions page %}` renders them with the page's own context (the member,
the request, the CSRF token) plus what `reviews.listing.product_reviews` works out.
"""

from django import template

from reviews.listing import product_reviews

register = template.Library()

TEMPLATE = "reviews/includes/product_contributions.html"


@register.simple_tag(takes_context=True)
def product_contributions(context, product):
    contributions = context.template.engine.get_template(TEMPLATE)
    with context.push(product_reviews(product, context["request"])):
        return contributions.render(context)
