from django.core.paginator import Paginator
from django.shortcuts import render

from products.models import PRODUCTS_PER_PAGE, ProductPage

MAX_QUERY_LENGTH = 200


def search(request):
    """A plain database search over products, until faceted search lands."""
    query = request.GET.get("q", "").strip()
    error = None
    page_obj = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Enter a search of {MAX_QUERY_LENGTH} characters or fewer."
    elif query:
        # Every search field (names, summaries, body, manufacturer): SQLite's full-text
        # table cannot restrict a search to chosen fields.
        results = ProductPage.objects.live().for_listing().search(query, operator="and")
        page_obj = Paginator(results, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/results.html",
        {"query": query, "error": error, "page_obj": page_obj},
        status=400 if error else 200,
    )
