import logging

from django.shortcuts import render

from search.listing import Listing
from search.types import SearchUnavailable

logger = logging.getLogger(__name__)


def search(request):
    return render_listing(request, "search/results.html")


def render_listing(request, template, fixed=None, context=None, more=None):
    """The listing page for this request; term pages pass their term as `fixed`, and
    `more(listing)` for context that depends on what was found."""
    try:
        listing = Listing(request, fixed)
    except SearchUnavailable:
        logger.exception("Search could not answer")
        return render(request, "search/unavailable.html", status=503)
    context = {"listing": listing, "query": listing.query.text, **(context or {})}
    if more:
        context.update(more(listing))
    return render(request, template, context, status=listing.status)
