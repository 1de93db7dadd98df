"""Which page numbers a list of pages links to."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj):
    """The first and last page, the current one and its neighbours, with None where numbers
    are left out: a handful of links however many pages there are."""
    current, last = page_obj.number, page_obj.paginator.num_pages
    shown = sorted({1, last, *range(max(1, current - 1), min(last, current + 1) + 1)})
    numbers = []
    for number in shown:
        if numbers and number > numbers[-1] + 1:
            numbers.append(None)
        numbers.append(number)
    return numbers
