"""A real Elasticsearch node for the tests in this folder (scripts/elasticsearch.sh start).

Without a node the tests are skipped, except in CI (env CI set), where a missing node is a
failure: CI is where we prove the search really works.
"""

import secrets

import pytest
from django.conf import settings
from django.test import override_settings

from search.elasticsearch import get_client, node_is_reachable
from tests.elasticsearch.helpers import delete_indices
from tests.elasticsearch.own_node import OwnNode, available
from tests.environment import require

START_HINT = "start one with `make es-start` (scripts/elasticsearch.sh start)"


@pytest.fixture(scope="session")
def es():
    """The project's client for the test node, once a healthy node answers there."""
    url = settings.TEST_ELASTICSEARCH_URL
    with override_settings(ELASTICSEARCH_URL=url):
        get_client.cache_clear()
        require(node_is_reachable(), f"No Elasticsearch node answers at {url}: {START_HINT}")
        client = get_client()
    get_client.cache_clear()
    return client


@pytest.fixture(scope="session")
def index_prefix(es):
    """A prefix of this session's own, so parallel or aborted runs never share an index."""
    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}{secrets.token_hex(4)}_"
    yield prefix
    delete_indices(es, prefix)


@pytest.fixture(scope="session")
def own_node():
    """A node of this session's own (tests/elasticsearch/own_node.py), which tests may stop
    and freeze: never the shared one. Started once, as a start costs 20-40 s."""
    require(not available(), f"No node of our own can be started: {available()}")
    node = OwnNode()
    try:
        node.start()
        yield node
    finally:
        node.remove()
