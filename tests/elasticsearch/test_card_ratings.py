"""Cards from the real node give the rating in words, as the database's cards do."""

import secrets
from decimal import Decimal

import pytest

from search import indexing
from search.elastic import ElasticsearchEngine
from search.elasticsearch import get_client
from tests.factories import make_member, make_product, make_review
from tests.search.test_card_ratings import EXPECTED, ratings

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def rated_on_the_node(es, index_prefix, settings):
    settings.ELASTICSEARCH_URL = settings.TEST_ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = f"{index_prefix}{secrets.token_hex(3)}_"
    get_client.cache_clear()
    rail = make_product("Chrome grab rail", category="18 18", summary="For bathrooms.",
                        needs=["Washing and bathing"], price_min=Decimal("24"))  # fmt: skip
    make_product("Bath board", category="18 18", summary="For bathrooms.",
                 needs=["Washing and bathing"])  # fmt: skip
    make_review(rail, make_member(), rating=5)
    make_review(rail, make_member(), rating=4)
    make_review(rail, make_member(), rating=1, approved=False)
    indexing.rebuild()
    ElasticsearchEngine().refresh()
    yield
    get_client.cache_clear()


@pytest.mark.parametrize("url", ["/search/?q=bathrooms", "/needs/washing-and-bathing/"])
def test_cards_from_the_node_give_the_rating_and_review_count_in_words(
    client, rated_on_the_node, url
):
    assert ratings(client, url) == EXPECTED
