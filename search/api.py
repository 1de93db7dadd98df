"""The product search as a JSON API, with its OpenAPI schema at /api/openapi.json.

It asks the same search as the search page: search.params.read checks the query parameters
and search.engine answers, from Elasticsearch or the database. Every error a client can cause
is a 400 in one shape, {"detail": ..., "errors": [{"param": ..., "message": ...}]}, whether
search.params or ninja found it.

The docs page (/api/docs, ninja's Swagger UI) is served only when "ninja" is an installed
app: then its script and styles come from this site's static files, with no inline script, and
the site's Content Security Policy lets it run as it is. Without the app ninja would send a page
that loads Swagger UI from a CDN with inline script, which the policy refuses, so there is none.
"""

import dataclasses
import logging
import math
from http import HTTPStatus

from django.apps import apps
from django.http import QueryDict
from ninja import NinjaAPI, Status
from ninja.errors import HttpError, ValidationError

from search import params
from search.api_schemas import (
    AUTOCOMPLETE_PARAMETERS,
    INCLUDE,
    INCLUDE_LABEL,
    SEARCH_PARAMETERS,
    AutocompleteResponse,
    ErrorResponse,
    SearchResponse,
)
from search.documents import DISCONTINUED
from search.engine import autocomplete, search_products
from search.faceted import MAX_PAGE
from search.log import record_search
from search.models import SORT
from search.types import SearchUnavailable

logger = logging.getLogger(__name__)

BAD_REQUEST = HTTPStatus.BAD_REQUEST
UNAVAILABLE = HTTPStatus.SERVICE_UNAVAILABLE
HIGHLIGHTED = ("name", "summary")

api = NinjaAPI(
    title="Enabled product search",
    version="1",
    description=(
        "Search Enabled's assistive products as the site's search page does: words, "
        "filters (facets) with their counts, sorts and pages, and suggestions as someone "
        "types. Anything a request gets wrong is a 400 with `detail` and, for each "
        "parameter at fault, an entry in `errors`; a 503 in the same shape means the "
        "search service cannot be reached for the moment. Read only; no sign-in."
    ),
    urls_namespace="search_api",
    docs_url="/docs" if apps.is_installed("ninja") else None,
)


def problems_response(problems, detail="The search cannot be run as asked: see errors."):
    return Status(
        BAD_REQUEST,
        {"detail": detail, "errors": [{"param": p.param, "message": p.message} for p in problems]},
    )


def unavailable_response():
    logger.exception("Search could not answer")
    detail = "Search is not working right now. Please try again in a few minutes."
    return Status(UNAVAILABLE, {"detail": detail, "errors": []})


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    """Ninja's own checks (422 by default) answer in the same shape as search.params's."""
    errors = [
        {"param": ".".join(str(part) for part in error.get("loc", ())[1:]) or "request",
         "message": str(error.get("msg", "This value cannot be used"))}
        for error in exc.errors
    ]  # fmt: skip
    body = {"detail": "The request cannot be read: see errors.", "errors": errors}
    return api.create_response(request, body, status=BAD_REQUEST)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=exc.status_code)


@api.get(
    "/products/search",
    response={200: SearchResponse, 400: ErrorResponse, 503: ErrorResponse},
    operation_id="search_products",
    url_name="search",
    summary="Search products",
    description="Products matching the words and filters, a page at a time, with each "
    "facet's values and counts. A page after the last answers with no results.",
    tags=["products"],
    openapi_extra={"parameters": SEARCH_PARAMETERS},
)
def search(request):
    choices = params.Choices.load()
    query, problems = params.read(request.GET, choices)
    if problems:
        return problems_response(problems)
    if not query.text and not request.GET.get("sort"):
        query = dataclasses.replace(query, sort="name")  # as the search page lists them
    try:
        results = search_products(query)
    except SearchUnavailable:
        return unavailable_response()
    # Logged as the search page logs: filters as sent, and the sort.
    filters = {param: request.GET.getlist(param) for param in params.FACETS}
    logged = {**{k: v for k, v in filters.items() if v}, SORT: query.sort}
    record_search(query.text, logged, results.total, results.took_ms, results.engine)
    return {
        "query": query.text,
        "total": results.total,
        "page": query.page,
        "pages": min(MAX_PAGE, max(1, math.ceil(results.total / query.per_page))),
        "per_page": query.per_page,
        "sort": query.sort,
        "engine": results.engine,
        "results": product_results(request, results),
        "facets": facet_values(results, query, choices),
        "chosen": chosen_filters(query, choices),
    }


@api.get(
    "/products/autocomplete",
    response={200: AutocompleteResponse, 400: ErrorResponse, 503: ErrorResponse},
    operation_id="autocomplete_products",
    url_name="autocomplete",
    summary="Suggest products as someone types",
    description="Live, available products whose name has a word starting with each word "
    "typed, in order of name.",
    tags=["products"],
    openapi_extra={"parameters": AUTOCOMPLETE_PARAMETERS},
)
def suggest(request):
    # search.params reads the words as for a search (and needs no facet choices for them).
    words = QueryDict(mutable=True)
    words.setlist("q", request.GET.getlist("q"))
    query, problems = params.read(words, params.Choices())
    if problems:
        return problems_response(problems)
    try:
        found = autocomplete(query.text)
    except SearchUnavailable:
        return unavailable_response()
    # Not logged: suggestions follow each key pressed ("jane.d", "jane.doe@"), and the log
    # keeps only what people send.
    return {
        "query": query.text,
        "suggestions": [
            {"id": s.product_id, "name": s.name, "url": request.build_absolute_uri(s.url)}
            for s in found
        ],
    }


def product_results(request, results):
    """This page's products in the search's order, from the hits' card fields."""
    listed = []
    for product_id in results.ids:
        card = results.cards.get(product_id)
        if card is None:
            continue
        marked = results.highlights.get(product_id, {})
        listed.append(
            {
                "id": product_id,
                "title": card["name"],
                "url": request.build_absolute_uri(card["url"]),
                "summary": card.get("summary") or "",
                "manufacturer": card.get("manufacturer"),
                "price_low": card.get("price_low"),
                "price_high": card.get("price_high"),
                "rating": card.get("rating"),
                "review_count": card.get("review_count") or 0,
                "tip_count": card.get("tip_count") or 0,
                "highlight": {name: str(marked[name]) for name in HIGHLIGHTED if name in marked},
            }
        )
    return listed


def facet_values(results, query, choices):
    """{parameter: [{value, label, count, selected}]}, in the URL's terms (category slugs)."""
    slugs = {code: slug for slug, code in choices.slugs.items()}
    lists = {}
    for param, (facet, _) in params.FACETS.items():
        counts = results.facets.get(facet, {})
        chosen = set(query.filters.get(facet, ()))
        if param == "discontinued":
            count = counts.get(DISCONTINUED, 0)
            lists[param] = (
                [{"value": INCLUDE, "label": INCLUDE_LABEL, "count": count,
                  "selected": bool(chosen)}]
                if count or chosen else []
            )  # fmt: skip
            continue
        labels = choices.labels[facet]
        # A value the index holds but the site no longer knows cannot be chosen: left out.
        shown = [value for value in labels if counts.get(value) or value in chosen]
        # As the search page orders them: categories by code, needs and conditions by name,
        # the rest (bands, roles) in their declared order.
        if facet == "category":
            shown.sort()
        elif facet in ("need", "condition"):
            shown.sort(key=lambda value: labels[value].casefold())
        lists[param] = [
            {
                "value": slugs.get(value, value) if facet == "category" else str(value),
                "label": labels[value],
                "count": counts.get(value, 0),
                "selected": value in chosen,
            }
            for value in shown
        ]
    return lists


def chosen_filters(query, choices):
    """Each filter in force as it was sent: parameter, value and label."""
    slugs = {code: slug for slug, code in choices.slugs.items()}
    chosen = []
    for param, (facet, _) in params.FACETS.items():
        values = query.filters.get(facet, ())
        if param == "discontinued":
            if values:
                chosen.append({"param": param, "value": INCLUDE, "label": INCLUDE_LABEL})
            continue
        for value in values:
            chosen.append(
                {
                    "param": param,
                    "value": slugs.get(value, value) if facet == "category" else str(value),
                    "label": choices.labels[facet][value],
                }
            )
    return chosen
