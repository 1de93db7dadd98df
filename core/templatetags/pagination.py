"""Which page numbers a list of pages links to."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj):
    """The first and last page, the current one and its neighbours, with the paginator's
    ELLIPSIS where numbers are left out: a handful of links however many pages there are."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
