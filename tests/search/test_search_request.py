"""One search request: the page and the API read, run and shape a search the same way, and
the API's schema follows the facets as they are declared."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup

from search.faceted import SORTS
from search.facets import FACETS, SwitchFacet
from taxonomy.models import Need
from tests.factories import make_product

pytestmark = pytest.mark.django_db

PAGE = "/search/"
API = "/api/products/search"
# "ß" sorts after "s" in lower case, but as "ss" once casefolded.
NAMES = ["Grossmotorik support", "Großdruck reading", "Hearing"]


@pytest.fixture
def widgets(commits):
    needs = [Need.objects.get_or_create(name=name, defaults={"slug": f"need-{n}"})[0]
             for n, name in enumerate(NAMES)]  # fmt: skip
    for number, need in enumerate(needs):
        commits(make_product, f"Widget {number}", needs=[need.name], category="15 09")
    return {need.name: need.slug for need in needs}


def page_values(response, param):
    page = BeautifulSoup(response.content, "lxml")
    return [box["value"] for box in page.select(f'#facet-{param} input[name="{param}"]')]


def test_the_page_and_the_api_list_a_facet_s_values_in_the_same_order(client, widgets):
    page = client.get(PAGE, {"q": "widget"})
    body = client.get(API, {"q": "widget"}).json()

    in_api = [value["value"] for value in body["facets"]["need"]]
    assert page_values(page, "need") == in_api
    assert in_api[:3] == [widgets["Großdruck reading"], widgets["Grossmotorik support"],
                          widgets["Hearing"]]  # fmt: skip


def test_the_page_names_the_chosen_filters_the_api_echoes(client, widgets):
    sent = {"q": "widget", "need": widgets["Hearing"], "category": "15-09",
            "discontinued": SwitchFacet.ON}  # fmt: skip
    page = BeautifulSoup(client.get(PAGE, sent).content, "lxml")
    body = client.get(API, sent).json()

    chips = [" ".join(link.get_text(" ", strip=True).split()[2:-1])
             for link in page.select(".chosen-filters__link")]  # fmt: skip
    assert chips == ["Need: Hearing", "Category: 15 09 Eating and drinking",
                     "Discontinued products: included"]  # fmt: skip
    assert [(c["param"], c["label"]) for c in body["chosen"]] == [
        ("need", "Hearing"), ("category", "15 09 Eating and drinking"),
        ("discontinued", "Include discontinued products"),
    ]  # fmt: skip


def test_the_schema_declares_each_facet_as_declared(client):
    response = client.get("/api/openapi.json")

    assert response.status_code == HTTPStatus.OK
    schema = response.json()
    declared = {p["name"]: p["schema"] for p in schema["paths"][API]["get"]["parameters"]}
    assert list(declared) == ["q", *(facet.param for facet in FACETS), "sort", "page"]
    for facet in FACETS:
        if isinstance(facet, SwitchFacet):
            assert declared[facet.param]["enum"] == [SwitchFacet.ON]
        elif facet.fixed:
            assert declared[facet.param]["items"]["enum"] == [str(v) for v in facet.labels]
        else:
            assert declared[facet.param]["items"] == {"type": "string"}
    assert declared["sort"]["enum"] == list(SORTS)
    facets = schema["components"]["schemas"]["Facets"]
    assert list(facets["properties"]) == [facet.param for facet in FACETS]
