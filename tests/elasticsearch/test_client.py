"""The client module itself; these need no node."""

import pytest
from django.test import override_settings

from search.elasticsearch import get_client, node_is_reachable
from tests.elasticsearch.helpers import free_port


@pytest.fixture(autouse=True)
def fresh_client():
    get_client.cache_clear()
    yield
    get_client.cache_clear()


def test_client_is_built_once_from_settings():
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9299", ELASTICSEARCH_TIMEOUT=7):
        client = get_client()
        assert get_client() is client
        assert client.transport.node_pool.get().base_url == "http://127.0.0.1:9299"


def test_without_a_url_there_is_no_client_and_no_node():
    with override_settings(ELASTICSEARCH_URL=""):
        assert node_is_reachable() is False
        with pytest.raises(RuntimeError, match="ELASTICSEARCH_URL"):
            get_client()


def test_a_node_nobody_runs_is_unreachable_at_once():
    with override_settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{free_port()}"):
        assert node_is_reachable() is False
