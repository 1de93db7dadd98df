from django import template

from accounts.confirmation import with_next

register = template.Library()


@register.filter
def leading_on(url, request):
    """A confirmation link that goes on to where the member was going (accounts.confirmation)."""
    return with_next(url, request)
