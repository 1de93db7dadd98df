"""The project's one Elasticsearch client, built from settings.

Wagtail's modelsearch backend builds its own client from WAGTAILSEARCH_BACKENDS; this one serves
the project's own queries (facets, suggestions) and health checks, with the same URL and timeout.
"""

from contextlib import contextmanager
from functools import cache

import orjson
from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.serializer import NdjsonSerializer, OrjsonSerializer

from search.types import SearchUnavailable


class OrjsonNdjsonSerializer(NdjsonSerializer):
    """Bulk bodies written with orjson too: a full reindex serializes every document."""

    def json_dumps(self, data):
        return orjson.dumps(data, default=self.default)

    def json_loads(self, data):
        return orjson.loads(data)


# Requests and responses in orjson, several times faster than the json module: a reindex
# and every search page spend their own time in it.
SERIALIZERS = {
    OrjsonSerializer.mimetype: OrjsonSerializer(),
    OrjsonNdjsonSerializer.mimetype: OrjsonNdjsonSerializer(),
}


@cache
def get_client() -> Elasticsearch:
    """The client for settings.ELASTICSEARCH_URL, created once per process.

    Tests that change the setting call ``get_client.cache_clear()``.
    """
    url = settings.ELASTICSEARCH_URL
    if not url:
        raise RuntimeError("ELASTICSEARCH_URL is not set, so there is no Elasticsearch to talk to")
    return Elasticsearch(
        url,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        retry_on_timeout=True,
        max_retries=2,
        serializers=SERIALIZERS,
    )


@contextmanager
def unavailable_on_failure():
    """Raise the node's failures to answer as SearchUnavailable: no connection, a timeout,
    or a refusal that says it is busy or broken (429, 5xx). Other refusals are our bugs."""
    try:
        yield
    except TransportError as error:
        raise SearchUnavailable(f"Elasticsearch cannot be reached: {error}") from error
    except ApiError as error:
        if error.meta.status == 429 or error.meta.status >= 500:
            raise SearchUnavailable(f"Elasticsearch is failing: {error}") from error
        raise


def node_is_reachable(timeout: float = 2.0) -> bool:
    """Whether the node answers and its cluster is usable (green or yellow).

    Uses /_cluster/health rather than ``info()``: ``GET /`` is not served by the
    integration-test distribution that scripts/elasticsearch.sh runs.
    """
    if not settings.ELASTICSEARCH_URL:
        return False
    client = get_client().options(request_timeout=timeout, max_retries=0)
    try:
        health = client.cluster.health()
    except (ApiError, TransportError):
        return False
    return health.get("status") in {"green", "yellow"}
