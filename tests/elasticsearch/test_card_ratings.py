"""Cards from the real node give the rating in words, as the database's cards do."""

from decimal import Decimal

import pytest

from search.backends.elasticsearch import ElasticsearchBackend
from search.elasticsearch import get_client
from tests.elasticsearch.helpers import search_on_the_node
from tests.factories import make_member, make_product, make_review
from tests.search.test_card_ratings import EXPECTED, ratings

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def rated_on_the_node(es, index_prefix, settings):
    search_on_the_node(settings, index_prefix)
    rail = make_product("Chrome grab rail", category="18 18", summary="For bathrooms.",
                        needs=["Washing and bathing"], price_min=Decimal("24"))  # fmt: skip
    make_product("Bath board", category="18 18", summary="For bathrooms.",
                 needs=["Washing and bathing"])  # fmt: skip
    make_review(rail, make_member(), rating=5)
    make_review(rail, make_member(), rating=4)
    make_review(rail, make_member(), rating=1, approved=False)
    backend = ElasticsearchBackend()
    backend.rebuild()
    backend.refresh()
    yield
    get_client.cache_clear()


@pytest.mark.parametrize("url", ["/search/?q=bathrooms", "/needs/washing-and-bathing/"])
def test_cards_from_the_node_give_the_rating_and_review_count_in_words(
    client, rated_on_the_node, url
):
    assert ratings(client, url) == EXPECTED
