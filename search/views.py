import logging

from django.shortcuts import render
from elasticsearch import ConnectionError as UnreachableError
from elasticsearch import ConnectionTimeout

from search.listing import Listing

logger = logging.getLogger(__name__)


def search(request):
    return render_listing(request, "search/results.html")


def render_listing(request, template, fixed=None, context=None, more=None):
    """The listing page for this request; term pages pass their term as `fixed`, and
    `more(listing)` for context that depends on what was found."""
    try:
        listing = Listing(request, fixed)
    except (UnreachableError, ConnectionTimeout):
        logger.exception("Search could not reach Elasticsearch")
        return render(request, "search/unavailable.html", status=503)
    listing.log()
    context = {"listing": listing, "query": listing.query.text, **(context or {})}
    if more:
        context.update(more(listing))
    return render(request, template, context, status=listing.status)
