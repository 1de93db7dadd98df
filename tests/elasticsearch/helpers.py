"""Small helpers for talking to the test node."""

import secrets
import socket

from search.elasticsearch import get_client

ELASTICSEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"


def free_port():
    """A port nobody listens on, for a node that cannot be reached."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def durable_tasks(settings):
    """Tasks wait in the database for `db_worker`, as in production, instead of running at
    once: the only way a task can put itself back on the queue to retry later."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.backend.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


def search_on_the_node(settings, index_prefix):
    """The site searches and indexes on the test node, in indices of its own; the caller
    clears the client cache again when it is done (get_client.cache_clear)."""
    settings.ELASTICSEARCH_URL = settings.TEST_ELASTICSEARCH_URL
    settings.SEARCH_BACKEND = ELASTICSEARCH_BACKEND
    settings.ELASTICSEARCH_INDEX_PREFIX = f"{index_prefix}{secrets.token_hex(3)}_"
    get_client.cache_clear()


def delete_indices(es, prefix):
    # Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name): list, then name.
    names = sorted(es.indices.get(index=f"{prefix}*", expand_wildcards="all"))
    if names:
        es.indices.delete(index=",".join(names))


def index_documents(es, index, documents):
    """Indexes {id: document} and makes them searchable at once."""
    for doc_id, document in documents.items():
        es.index(index=index, id=doc_id, document=document)
    es.indices.refresh(index=index)


def tokens(es, **request):
    """The terms _analyze produces, in order."""
    return [token["token"] for token in es.indices.analyze(**request)["tokens"]]


def search_ids(es, index, field, text, *, operator="and"):
    """Ids of the documents a match query on one field finds, sorted."""
    response = es.search(
        index=index, query={"match": {field: {"query": text, "operator": operator}}}, size=50
    )
    return sorted(hit["_id"] for hit in response["hits"]["hits"])


def create_index(es, index, *, analysis, mappings):
    """Creates a one-shard index without replicas (green on a single node)."""
    es.indices.create(
        index=index,
        settings={"number_of_shards": 1, "number_of_replicas": 0, "analysis": analysis},
        mappings=mappings,
    )


def combined_analysis(*definitions):
    """One analysis setting from several; a name defined twice is an error, never overwritten."""
    combined = {}
    for definition in definitions:
        for section, components in definition.items():
            merged = combined.setdefault(section, {})
            clashes = merged.keys() & components.keys()
            if clashes:
                raise ValueError(f"analysis {section} defined twice: {sorted(clashes)}")
            merged.update(components)
    return combined


def phrase_ids(es, index, field, text, *, analyzer=None):
    """Ids of the documents a match_phrase query on one field finds, sorted."""
    phrase = {"query": text}
    if analyzer:
        phrase["analyzer"] = analyzer
    response = es.search(index=index, query={"match_phrase": {field: phrase}}, size=200)
    return sorted(hit["_id"] for hit in response["hits"]["hits"])
