"""Prices as the site writes them."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def price_range(prices):
    """ "£24.00", "£24.00 to £35.50", or "Not known", from a (low, high) pair or None."""
    if not prices:
        return "Not known"
    low, high = prices
    if low == high:
        return f"£{floatformat(low, '2g')}"
    return f"£{floatformat(low, '2g')} to £{floatformat(high, '2g')}"
