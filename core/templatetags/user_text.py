"""Show text that members wrote: escaped, in paragraphs, with web addresses made links."""

from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

register = template.Library()


@register.filter(is_safe=True, needs_autoescape=False)
def user_text(text):
    """Blank lines start paragraphs, single line breaks stay; links are marked nofollow ugc.

    `urlize` escapes everything that is not a link, so the result is safe to mark.
    """
    paragraphs = [p.strip() for p in normalize_newlines(str(text)).split("\n\n") if p.strip()]
    html = []
    for paragraph in paragraphs:
        linked = urlize(paragraph, nofollow=True, autoescape=True)
        linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc"')
        html.append("<p>" + linked.replace("\n", "<br>") + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 (escaped by urlize above)
