"""What the search API says it takes and gives: its query parameters and response shapes.

The parameters are declared for the OpenAPI schema only: search.params.SearchForm checks
them, for the API as for the search page, so both refuse the same input in the same words.
The facets' parameters and lists come from search.facets, the sorts from search.faceted.
"""

from typing import Literal

from ninja import Field, Schema
from pydantic import create_model

from products.models import PRODUCTS_PER_PAGE
from search import params
from search.faceted import MAX_PAGE, SORTS
from search.facets import FACETS, MAX_VALUES, SwitchFacet

FROM_FACETS = (
    "Repeat the parameter to choose more than one; a product matches any of them. Valid values "
    "are the `value`s in this facet's list in a search response (`facets.{param}`), which holds "
    "every value with results for the other choices made."
)


def _query_param(name, description, schema):
    return {"in": "query", "name": name, "required": False, "description": description,
            "schema": schema}  # fmt: skip


def _values(items):
    """A parameter that may be repeated; a value sent twice counts once."""
    return {"type": "array", "items": items, "maxItems": MAX_VALUES}


def _facet_param(facet):
    if isinstance(facet, SwitchFacet):
        return _query_param(facet.param, facet.about, {"type": "string", "enum": [facet.ON]})
    if not facet.fixed:
        return _query_param(
            facet.param,
            f"{facet.about} {FROM_FACETS.format(param=facet.param)}",
            {**_values({"type": "string"}), "examples": [[facet.example]]},
        )
    choices = "; ".join(f"`{value}`: {label}" for value, label in facet.labels.items())
    return _query_param(
        facet.param,
        f"{facet.about} Repeat the parameter to choose more than one; a product matches any "
        f"of them. {choices}.",
        _values({"type": "string", "enum": [str(value) for value in facet.labels]}),
    )


SEARCH_PARAMETERS = [
    _query_param(
        "q",
        "Words to search for, in any of a product's fields. Control characters are ignored and "
        f"runs of spaces count as one; what is left may be up to {params.MAX_QUERY_LENGTH} "
        "characters. Leave it out to list products by the filters alone.",
        {"type": "string", "examples": ["angled spoon"]},
    ),
    *[_facet_param(facet) for facet in FACETS],
    _query_param(
        "sort",
        "The order of results: "
        + "; ".join(f"`{name}`: {label}" for name, (label, _) in SORTS.items())
        + ". Every order ends on the product's id, so pages are stable. Left out, the "
        "order is `relevance` when there are words to search for and `name` when not.",
        {"type": "string", "enum": list(SORTS)},
    ),
    _query_param(
        "page",
        f"Which page of results, {PRODUCTS_PER_PAGE} to a page. A page after the last one "
        "answers with no results; `pages` in the response says how many there are.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    ),
]

AUTOCOMPLETE_PARAMETERS = [
    _query_param(
        "q",
        "What has been typed so far: products whose name has a word starting with each word "
        f"typed. Empty or left out, there are no suggestions. Up to {params.MAX_QUERY_LENGTH} "
        "characters.",
        {"type": "string", "examples": ["spo"]},
    ),
]


# == Responses ==


class Result(Schema):
    id: int
    title: str
    url: str = Field(description="The product's page, as a full address.")
    summary: str
    manufacturer: str | None
    price_low: float | None = Field(description="The lowest known price in pounds.")
    price_high: float | None = Field(description="The highest known price in pounds.")
    rating: float | None = Field(description="Average rating from approved reviews, 1 to 5.")
    review_count: int
    tip_count: int
    highlight: dict[Literal["name", "summary"], str] = Field(
        description="The name or summary as HTML, the words matched in <mark>, the rest "
        "escaped; only the fields with a match are here."
    )


class FacetValue(Schema):
    value: str = Field(description="What to send in the parameter to choose it.")
    label: str
    count: int = Field(description="How many products match, with the other facets' choices.")
    selected: bool


Facets = create_model(
    "Facets",
    __base__=Schema,
    __doc__="For each filter parameter, the values with results and the values chosen, in the "
    "search page's order: needs and conditions by name, categories by code (a class and its "
    "sub-classes each in the list), price bands, ratings and roles in their own order.",
    **{facet.param: (list[FacetValue], ...) for facet in FACETS},
)


class Chosen(Schema):
    param: str
    value: str
    label: str


class SearchResponse(Schema):
    query: str = Field(description="The words searched for, as read.")
    total: int
    page: int
    pages: int = Field(
        description=f"How many pages there are to ask for: at least 1, at most {MAX_PAGE}."
    )
    per_page: int
    sort: str
    engine: Literal["elasticsearch", "database"]
    relaxed: bool = Field(
        description="True when every word found fewer than three products, so the results "
        "are those matching most of the words (all of one or two, three quarters of more), "
        "those matching more words first."
    )
    results: list[Result]
    picks: list[Result] = Field(
        description="Editors' picks for these words, on the first page only: products editors "
        "recommend for this query, live and satisfying the filters in force, in their order. "
        "They are not counted in `total` unless they match the words, when they are also in "
        "`results`."
    )
    facets: Facets
    chosen: list[Chosen] = Field(description="The filters in force, as sent.")


class Suggestion(Schema):
    id: int
    name: str
    url: str


class AutocompleteResponse(Schema):
    query: str
    suggestions: list[Suggestion]


class ParamError(Schema):
    param: str
    message: str


class ErrorResponse(Schema):
    detail: str
    errors: list[ParamError]
