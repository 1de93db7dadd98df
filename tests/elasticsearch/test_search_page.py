"""The search page and API with the site pointed at the real node: what only Elasticsearch
does (typos, highlighting, autocomplete by word prefixes) and the same refusal of bad input."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup

from search.backends.elasticsearch import ElasticsearchBackend
from search.elasticsearch import get_client
from tests.elasticsearch.helpers import search_on_the_node
from tests.factories import make_product
from tests.search.hostile_queries import PARAMETERS, QUERIES

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def site_on_the_node(es, index_prefix, settings):
    """The site searching the test node, in an index of its own, holding a small catalogue."""
    search_on_the_node(settings, index_prefix)
    for title, summary, price in [
        ("Rollator with seat", "A walking frame on four wheels, with a seat and brakes.", 89),
        ("Folding walking frame", "A light frame that folds flat for the car.", 45),
        ("Kettle tipper", "Tips the kettle so it pours without lifting.", 30),
    ]:
        make_product(
            title, summary=summary, price_min=Decimal(price), needs=["Walking and moving around"]
        )
    backend = ElasticsearchBackend()
    backend.rebuild()
    backend.refresh()
    yield
    get_client.cache_clear()


def titles(response):
    soup = BeautifulSoup(response.content, "lxml")
    return sorted(a.get_text(strip=True) for a in soup.select(".card__title a"))


def test_the_page_searches_elasticsearch_with_synonyms(client, site_on_the_node):
    response = client.get("/search/", {"q": "zimmer frame"})
    assert titles(response) == ["Folding walking frame", "Rollator with seat"]


def test_a_misspelt_word_finds_what_it_nearly_spells_and_says_so(client, site_on_the_node):
    """Elasticsearch only: the database implementation has no typo tolerance."""
    response = client.get("/search/", {"q": "rolator"})
    assert titles(response) == ["Rollator with seat"]
    assert "match words spelt nearly the same" in response.text


def test_matched_words_are_marked_and_the_rest_escaped(client, site_on_the_node):
    soup = BeautifulSoup(client.get("/search/", {"q": "brakes"}).content, "lxml")
    summary = soup.select_one(".card__summary")
    assert [mark.get_text() for mark in summary.find_all("mark")] == ["brakes"]


def test_autocomplete_finds_names_by_the_start_of_their_words(client, site_on_the_node):
    found = client.get("/api/products/autocomplete", {"q": "fold wal"}).json()
    assert [s["name"] for s in found["suggestions"]] == ["Folding walking frame"]


def test_any_text_or_parameter_gets_results_or_an_explanation(client, site_on_the_node):
    sent = [{"q": text} for text in QUERIES]
    sent += [{"q": "frame", param: value} for param, value in PARAMETERS]
    broken = {}
    for params in sent:
        for url in ("/search/", "/api/products/search"):
            status = client.get(url, params).status_code
            if status not in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST):
                broken[(url, repr(params)[:60])] = status
    assert len(sent) >= 100
    assert not broken


def test_browsing_is_answered_from_the_request_cache_until_the_index_changes(
    client, site_on_the_node, django_capture_on_commit_callbacks
):
    """A need's page repeats one heavy request for everyone; word searches are not cached."""
    engine = ElasticsearchBackend()

    def cache_hits():
        stats = engine.client.indices.stats(index=engine.alias, metric="request_cache")
        return stats["_all"]["total"]["request_cache"]["hit_count"]

    url = "/needs/walking-and-moving-around/"
    assert len(titles(client.get(url))) == 3
    hits = cache_hits()
    assert len(titles(client.get(url))) == 3
    assert cache_hits() == hits + 1

    client.get("/search/", {"q": "frame"})
    client.get("/search/", {"q": "frame"})
    assert cache_hits() == hits + 1

    with django_capture_on_commit_callbacks(execute=True):
        make_product("Walking stick", needs=["Walking and moving around"])
    engine.refresh()
    assert "Walking stick" in titles(client.get(url))  # the change is seen, not the cache
