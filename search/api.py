"""The product search as a JSON API, with its OpenAPI schema at /api/openapi.json.

It runs the same search as the search page (search.service.Search): search.params checks the
query parameters and search.engine answers, from Elasticsearch or the database. Every error a
client can cause is a 400 in one shape, {"detail": ..., "errors": [{"param": ..., "message":
...}]}, whether search.params or ninja found it.

The docs page (/api/docs, ninja's Swagger UI) is served only when "ninja" is an installed
app: then its script and styles come from this site's static files, with no inline script, and
the site's Content Security Policy lets it run as it is. Without the app ninja would send a page
that loads Swagger UI from a CDN with inline script, which the policy refuses, so there is none.
"""

import logging
from http import HTTPStatus

from django.apps import apps
from ninja import NinjaAPI, Status
from ninja.errors import HttpError, ValidationError

from search.api_schemas import (
    AUTOCOMPLETE_PARAMETERS,
    SEARCH_PARAMETERS,
    AutocompleteResponse,
    ErrorResponse,
    SearchResponse,
)
from search.engine import autocomplete
from search.facets import FACETS
from search.params import WordsForm
from search.picks import picks_for
from search.service import Search
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


def products_endpoint(name, answer, parameters, summary, description):
    """A read-only endpoint, /products/{name}, answering `answer` or an error in one shape."""
    return api.get(
        f"/products/{name}",
        response={200: answer, 400: ErrorResponse, 503: ErrorResponse},
        operation_id=f"{name}_products",
        url_name=name,
        summary=summary,
        description=description,
        tags=["products"],
        openapi_extra={"parameters": parameters},
    )


@products_endpoint(
    "search",
    SearchResponse,
    SEARCH_PARAMETERS,
    "Search products",
    "Products matching the words and filters, a page at a time, with each "
    "facet's values and counts. A page after the last answers with no results.",
)
def search(request):
    asked = Search(request.GET)
    return answer(asked.problems, lambda: found(request, asked.run()))


def found(request, asked):
    query = asked.query
    return {
        "query": query.text,
        "total": asked.results.total,
        "page": query.page,
        "pages": asked.pages,
        "per_page": query.per_page,
        "sort": query.sort,
        "engine": asked.results.engine,
        "relaxed": asked.results.relaxed,
        "results": product_results(request, asked.results),
        "picks": [result(request, pick) for pick in picks_for(query)],
        "facets": {
            facet.param: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in asked.values(facet)
            ]
            for facet in FACETS
        },
        "chosen": [
            {"param": chosen.facet.param, "value": chosen.value, "label": chosen.label}
            for chosen in asked.chosen
        ],
    }


@products_endpoint(
    "autocomplete",
    AutocompleteResponse,
    AUTOCOMPLETE_PARAMETERS,
    "Suggest products as someone types",
    "Live, available products whose name has a word starting with each word "
    "typed, in order of name.",
)
def suggest(request):
    # The words are read as for a search. Not logged: suggestions follow each key pressed
    # ("jane.d", "jane.doe@"), and the log keeps only what people send.
    words = WordsForm(request.GET)
    return answer(words.problems, lambda: suggestions(request, words.text))


def suggestions(request, text):
    return {
        "query": text,
        "suggestions": [
            {"id": s.product_id, "name": s.name, "url": request.build_absolute_uri(s.url)}
            for s in autocomplete(text)
        ],
    }


def answer(problems, body):
    """A 400 for the problems, a 503 when search cannot answer, or else `body()`."""
    if problems:
        return problems_response(problems)
    try:
        return body()
    except SearchUnavailable:
        return unavailable_response()


def product_results(request, results):
    """This page's products in the search's order, from the hits' card fields."""
    listed = []
    for product_id in results.ids:
        card = results.cards.get(product_id)
        if card is None:
            continue
        listed.append(result(request, card, results.highlights.get(product_id, {})))
    return listed


def result(request, card, marked=None):
    """One product from its card fields (a hit's, or a document's for an editors' pick)."""
    marked = marked or {}
    return {
        "id": card["product_id"],
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
