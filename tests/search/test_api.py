"""The search API: the search page's answers as JSON, one error shape, a fixed cost, a log."""

import dataclasses
import json
from decimal import Decimal
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from ninja.errors import ValidationError

from products.models import PRODUCTS_PER_PAGE, ProductPage
from search import params
from search.api import api
from search.engine import search_products
from search.faceted import MAX_PAGE, SORTS
from search.facets import BY_PARAM, FACETS, MAX_VALUES, SwitchFacet
from search.log import PURGE_DUE_KEY
from search.models import SearchLog
from tests.factories import make_manufacturer, make_member, make_product, make_review, make_tip

pytestmark = pytest.mark.django_db

SEARCH = "/api/products/search"
AUTOCOMPLETE = "/api/products/autocomplete"


@pytest.fixture(autouse=True)
def _purge_not_due():
    """The daily purge of the search log is not what these tests are about."""
    cache.set(PURGE_DUE_KEY, True)


def make_catalogue(commits):
    """Five products across needs, conditions, categories, prices, reviews and tips; one
    discontinued. `commits` runs each step with its on-commit indexing."""
    maker = make_manufacturer("Homecraft Living Aids")
    spoon = commits(make_product, "Angled spoon", category="15 09 13", manufacturer=maker,
                    needs=["Eating and drinking"], conditions=["Tremor", "Osteoarthritis"],
                    summary="A spoon bent so you can eat without turning your wrist.",
                    price_min=Decimal("12.50"), price_max=Decimal("15.00"))  # fmt: skip
    cup = commits(make_product, "Weighted cup", category="15 09",
                  needs=["Eating and drinking"], conditions=["Tremor", "Parkinson's"],
                  price_min=Decimal("30"), price_max=Decimal("30"))  # fmt: skip
    board = commits(make_product, "Bath board", category="09 33",
                    needs=["Washing and bathing"], conditions=["Osteoarthritis"],
                    price_min=Decimal("60"), price_max=Decimal("85"))  # fmt: skip
    stool = commits(make_product, "Perching stool", category="15 03", needs=["Cooking"],
                    price_min=Decimal("250"), discontinued=True)  # fmt: skip
    hoist = commits(make_product, "Ceiling hoist", category="12 36",
                    needs=["Transfers and positioning"], price_min=Decimal("3200"))  # fmt: skip
    commits(make_review, spoon, make_member(role="family_carer"), rating=5,
            title="My dad eats on his own again")  # fmt: skip
    commits(make_review, cup, make_member(role="user"), rating=3, title="Heavy but steady")
    commits(make_review, board, make_member(role="professional"), rating=4)
    commits(make_tip, spoon, title="Foam tubing on the handle")
    return {"spoon": spoon, "cup": cup, "board": board, "stool": stool, "hoist": hoist}


@pytest.fixture
def catalogue(commits):
    return make_catalogue(commits)


def get(client, url, **query):
    response = client.get(url, query)
    assert response["Content-Type"].startswith("application/json")
    return response


def internal(param, value, choices):
    """A facet value as the API shows it, back in the search's own terms."""
    if param == "discontinued":
        return "discontinued"
    if param == "category":
        return choices.slugs[value]
    return value


# == Answers ==


QUERIES = [
    "",
    "q=spoon",
    "q=eat",
    "need=eating-and-drinking&condition=tremor",
    "category=15-09&sort=price",
    "price=under_50&price=50_to_200&rating=4",
    "role=family_carer&role=user&sort=rating",
    "tips=with_tips",
    "discontinued=include&sort=newest",
    "condition=osteoarthritis&discontinued=include&price=200_to_1000",
]


@pytest.mark.parametrize("querystring", QUERIES)
def test_results_and_facets_are_the_search_s(client, catalogue, querystring):
    choices = params.Choices.load()
    form = params.SearchForm(QueryDict(querystring), choices)
    query = form.query
    assert not form.problems
    if not query.text and "sort=" not in querystring:
        query = dataclasses.replace(query, sort="name")  # as the search page lists them
    expected = search_products(query)

    response = client.get(f"{SEARCH}?{querystring}")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["total"] == expected.total
    assert [result["id"] for result in body["results"]] == expected.ids
    assert body["engine"] == "database"
    assert body["sort"] == query.sort
    assert body["per_page"] == PRODUCTS_PER_PAGE
    for param, facet in ((f.param, f.name) for f in FACETS):
        shown = {internal(param, v["value"], choices): v for v in body["facets"][param]}
        counts = expected.facets[facet]
        chosen = set(query.filters.get(facet, ()))
        if param == "discontinued":
            wanted = {"discontinued"} if counts.get("discontinued") or chosen else set()
        else:
            wanted = {value for value, count in counts.items() if count} | chosen
        assert set(shown) == wanted, param
        for value, item in shown.items():
            assert item["count"] == counts.get(value, 0), (param, value)
            assert item["selected"] == (
                value in chosen or (param == "discontinued" and bool(chosen))
            )


def test_a_result_says_what_a_product_card_says(client, catalogue):
    body = get(client, SEARCH, q="spoon").json()

    (result,) = body["results"]
    spoon = catalogue["spoon"]
    assert result == {
        "id": spoon.pk,
        "title": "Angled spoon",
        "url": f"http://testserver{spoon.url}",
        "summary": "A spoon bent so you can eat without turning your wrist.",
        "manufacturer": "Homecraft Living Aids",
        "price_low": 12.5,
        "price_high": 15.0,
        "rating": 5.0,
        "review_count": 1,
        "tip_count": 1,
        "highlight": {
            "name": "Angled <mark>spoon</mark>",
            "summary": "A <mark>spoon</mark> bent so you can eat without turning your wrist.",
        },
    }
    assert body["query"] == "spoon"
    assert (body["total"], body["page"], body["pages"]) == (1, 1, 1)


def test_a_product_without_reviews_price_or_maker_has_empty_figures(client, catalogue):
    body = get(client, SEARCH, q="ceiling hoist").json()

    (result,) = body["results"]
    assert result["manufacturer"] is None
    assert (result["price_low"], result["price_high"]) == (3200.0, 3200.0)
    assert (result["rating"], result["review_count"], result["tip_count"]) == (None, 0, 0)


def test_chosen_filters_are_echoed_as_sent_with_their_labels(client, catalogue):
    body = client.get(
        f"{SEARCH}?need=eating-and-drinking&category=15-09&discontinued=include"
        "&price=under_50&need=eating-and-drinking"
    ).json()

    assert body["chosen"] == [
        {"param": "need", "value": "eating-and-drinking", "label": "Eating and drinking"},
        {"param": "category", "value": "15-09", "label": "15 09 Eating and drinking"},
        {"param": "price", "value": "under_50", "label": "Under £50"},
        {"param": "discontinued", "value": "include", "label": "Include discontinued products"},
    ]
    categories = {item["value"]: item for item in body["facets"]["category"]}
    assert categories["15-09"]["selected"]
    assert not categories["15-09-13"]["selected"]


def test_a_chosen_value_without_results_is_listed_with_no_count(client, catalogue):
    body = get(client, SEARCH, need="hearing", q="spoon").json()

    assert body["total"] == 0
    hearing = [item for item in body["facets"]["need"] if item["value"] == "hearing"]
    assert hearing == [{"value": "hearing", "label": "Hearing", "count": 0, "selected": True}]


def test_facet_values_come_in_a_readable_order(client, catalogue):
    body = get(client, SEARCH, discontinued=SwitchFacet.ON).json()
    facets = body["facets"]

    labels = [item["label"] for item in facets["need"]]
    assert labels == sorted(labels, key=str.casefold)
    assert [item["value"] for item in facets["category"]] == [
        "09", "09-33", "12", "12-36", "15", "15-03", "15-09", "15-09-13",
    ]  # fmt: skip
    assert [item["value"] for item in facets["price"]] == [
        "under_50", "50_to_200", "200_to_1000", "over_1000",
    ]  # fmt: skip
    assert [item["value"] for item in facets["rating"]] == ["4", "3", "2"]
    assert [item["value"] for item in facets["role"]] == ["user", "family_carer", "professional"]


def test_without_words_products_come_by_name_unless_a_sort_is_chosen(client, catalogue):
    body = get(client, SEARCH).json()
    assert body["sort"] == "name"
    assert [r["title"] for r in body["results"]] == [
        "Angled spoon", "Bath board", "Ceiling hoist", "Weighted cup",
    ]  # fmt: skip
    assert get(client, SEARCH, q="eat").json()["sort"] == "relevance"
    assert get(client, SEARCH, sort="price").json()["sort"] == "price"


def test_a_page_after_the_last_has_no_results_and_says_how_many_there_are(client, catalogue):
    body = get(client, SEARCH, page=3).json()

    assert body["results"] == []
    assert (body["total"], body["page"], body["pages"]) == (4, 3, 1)


# == Bad input: a 400 in one shape ==


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ({"need": "flying"}, "need"),
        ({"condition": ["tremor", "nonsense"]}, "condition"),
        ({"category": "99-99"}, "category"),
        ({"price": "cheap"}, "price"),
        ({"rating": "5"}, "rating"),
        ({"role": "admin"}, "role"),
        ({"tips": "yes"}, "tips"),
        ({"discontinued": "only"}, "discontinued"),
        ({"q": "kettle " * 40}, "q"),
        ({"sort": "random"}, "sort"),
        ({"sort": ["rating", "sideways"]}, "sort"),
        ({"page": "two"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": str(MAX_PAGE + 1)}, "page"),
        ({"page": "1e3"}, "page"),
        ({"need": [f"need-{n}" for n in range(MAX_VALUES + 1)]}, "need"),
    ],
)
def test_bad_input_is_a_400_naming_each_parameter(client, query, param):
    response = get(client, SEARCH, **query)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert body["detail"]
    assert [error["param"] for error in body["errors"]] == [param]
    assert body["errors"][0]["message"]


def test_every_problem_is_listed_at_once(client):
    response = get(client, SEARCH, need="flying", sort="random", page="last")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [error["param"] for error in response.json()["errors"]] == ["need", "sort", "page"]


def test_control_characters_in_the_words_are_dropped(client, catalogue):
    response = get(client, SEARCH, q="\x00spoon\x07\x1b  ")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["query"] == "spoon"
    assert [result["title"] for result in body["results"]] == ["Angled spoon"]


def test_repeated_parameters_take_the_last_word_and_each_value_once(client, catalogue):
    response = client.get(f"{SEARCH}?q=hoist&q=spoon&sort=name&sort=price&page=2&page=1"
                          "&need=eating-and-drinking&need=eating-and-drinking")  # fmt: skip

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert (body["query"], body["sort"], body["page"]) == ("spoon", "price", 1)
    assert [c["value"] for c in body["chosen"]] == ["eating-and-drinking"]


def test_ninja_s_own_validation_errors_have_the_same_shape():
    request = RequestFactory().get(SEARCH)
    error = ValidationError(
        [{"loc": ("query", "page"), "msg": "Input should be a valid integer", "type": "x"}]
    )

    response = api.on_exception(request, error)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert json.loads(response.content) == {
        "detail": "The request cannot be read: see errors.",
        "errors": [{"param": "page", "message": "Input should be a valid integer"}],
    }


# == Autocomplete ==


def test_autocomplete_suggests_available_products_by_the_start_of_their_words(client, catalogue):
    response = get(client, AUTOCOMPLETE, q="  angl SPO ")

    assert response.status_code == HTTPStatus.OK
    spoon = catalogue["spoon"]
    assert response.json() == {
        "query": "angl SPO",
        "suggestions": [
            {"id": spoon.pk, "name": "Angled spoon", "url": f"http://testserver{spoon.url}"}
        ],
    }
    assert get(client, AUTOCOMPLETE, q="perch").json()["suggestions"] == []  # discontinued


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "   "}, {"q": "\x00\x01"}, {"q": "--"}])
def test_autocomplete_without_words_suggests_nothing(client, catalogue, query):
    response = get(client, AUTOCOMPLETE, **query)

    assert response.status_code == HTTPStatus.OK
    assert response.json()["suggestions"] == []


def test_autocomplete_refuses_too_long_a_text(client):
    response = get(client, AUTOCOMPLETE, q="x" * (params.MAX_QUERY_LENGTH + 1))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [error["param"] for error in response.json()["errors"]] == ["q"]


# == Cost and log ==


def test_a_search_costs_the_same_queries_for_2_products_as_for_20(
    client, commits, django_assert_num_queries
):
    for number in range(2):
        commits(make_product, f"Long reach grabber {number}", needs=["Grip, reach and carrying"])
    url = f"{SEARCH}?q=grabber&need=grip-reach-and-carrying"
    client.get(url)  # the site's root paths are cached from here on
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(url).json()["results"]) == 2

    for number in range(2, 20):
        commits(make_product, f"Long reach grabber {number}", needs=["Grip, reach and carrying"],
                manufacturer=make_manufacturer())  # fmt: skip
    for product in ProductPage.objects.all()[:5]:
        commits(make_review, product)
    with django_assert_num_queries(len(two)):
        assert len(client.get(url).json()["results"]) == 20


def test_each_search_is_logged_and_a_refused_one_is_not(client, catalogue):
    client.get(SEARCH, {"q": "spoon", "need": "eating-and-drinking", "sort": "rating"})
    client.get(SEARCH, {"q": "spoon", "sort": "random"})

    search = SearchLog.objects.get()
    assert (search.kind, search.query, search.result_count, search.backend) == (
        "search", "spoon", 1, "database",
    )  # fmt: skip
    assert search.filters == {"need": ["eating-and-drinking"], "sort": "rating"}


def test_suggestions_as_someone_types_are_never_logged(client, catalogue):
    # Each key pressed asks for suggestions: the log would keep an address as it is typed.
    for typed in ("ba", "bath", "jane.d", "jane.doe@", "jane.doe@exa"):
        assert client.get(AUTOCOMPLETE, {"q": typed}).status_code == HTTPStatus.OK

    assert not SearchLog.objects.exists()


# == The schema ==


def test_the_openapi_schema_declares_both_endpoints_parameters_and_errors(client):
    response = client.get("/api/openapi.json")

    assert response.status_code == HTTPStatus.OK
    schema = response.json()
    search = schema["paths"][SEARCH]["get"]
    declared = {p["name"]: p["schema"] for p in search["parameters"]}
    assert list(declared) == ["q", "need", "condition", "category", "price", "rating", "role",
                              "tips", "discontinued", "sort", "page"]  # fmt: skip
    assert declared["sort"]["enum"] == list(SORTS)
    assert declared["price"]["items"]["enum"] == list(BY_PARAM["price"].labels)
    assert (declared["need"]["type"], declared["need"]["items"]) == ("array", {"type": "string"})
    assert "facets.need" in search["parameters"][1]["description"]
    assert declared["page"]["maximum"] == MAX_PAGE
    assert set(search["responses"]) == {"200", "400", "503"}
    assert (reverse("search_api:search"), reverse("search_api:autocomplete")) == (
        SEARCH, AUTOCOMPLETE,
    )  # fmt: skip
    autocomplete = schema["paths"][AUTOCOMPLETE]["get"]
    assert [p["name"] for p in autocomplete["parameters"]] == ["q"]
    assert set(autocomplete["responses"]) == {"200", "400", "503"}


def test_a_docs_page_is_served_only_from_this_site_with_no_inline_script(client):
    response = client.get("/api/docs", follow=True)

    if not apps.is_installed("ninja"):  # ninja's page would load a CDN's script, inline
        assert response.status_code == HTTPStatus.NOT_FOUND
        return
    assert response.status_code == HTTPStatus.OK
    page = BeautifulSoup(response.content, "html.parser")
    for script in page.find_all("script"):
        assert script.get("src", "").startswith("/static/") or script["type"] == "application/json"
    assert not page.find_all(style=True) and not page.find_all("style")
