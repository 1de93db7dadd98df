"""The Elasticsearch backend of product search, and the index it reads.

Products live in a versioned index (`<prefix>products-<timestamp>`) reached through an alias
(`<prefix>products`), so a rebuild fills a new index while search keeps using the old one,
then swaps the alias in one step. Wagtail's admin search keeps its own modelsearch indices on
the same node under other names.
"""

import queue
import threading
import time

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from elasticsearch import NotFoundError
from elasticsearch.dsl import Index
from elasticsearch.helpers import BulkIndexError, bulk

from search.backends.base import SearchBackend
from search.documents import AVAILABLE, ProductDocument
from search.elasticsearch import (
    SERIALIZERS,
    OrjsonNdjsonSerializer,
    get_client,
    unavailable_on_failure,
)
from search.faceted import ProductSearch, Ranges
from search.indexing import HASH, batches, documents_for
from search.types import Results, Suggestion


def alias_name():
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}products"


def new_index_name():
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def index_definition(name, loading=False):
    """An index with the product mapping, the site's analysis (which elasticsearch-dsl
    collects from the mapping's fields), and shards and replicas from settings.

    An index made `loading` is for a bulk load that nobody searches until it is done: no
    refreshes and no replicas meanwhile, as Elastic advises, until `finish_loading()`.
    """
    index = Index(name)
    index.settings(
        number_of_shards=settings.ELASTICSEARCH_SHARDS,
        number_of_replicas=0 if loading else settings.ELASTICSEARCH_REPLICAS,
        **({"refresh_interval": "-1"} if loading else {}),
    )
    index.document(ProductDocument)
    # Read back by SearchBackend.status(), never searched.
    index.get_or_create_mapping().field(HASH, "keyword", index=False, doc_values=False)
    return index


def bulk_body(index, documents):
    """One bulk request's NDJSON indexing {product id: document} into `index`."""
    lines = []
    for product_id, document in documents.items():
        lines += [{"index": {"_index": index, "_id": product_id}}, document]
    return SERIALIZERS[OrjsonNdjsonSerializer.mimetype].dumps(lines)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    matches_typos = True

    def __init__(self, client=None, alias=None, writing_to=None):
        """Search through `alias`; write there too, or only to the index `writing_to`
        (a rebuild's new index, before the alias points at it)."""
        self.client = client or get_client()
        self.alias = alias or alias_name()
        self.writing_to = writing_to

    # == The index ==

    def create_index(self, name=None, loading=False):
        name = name or new_index_name()
        index_definition(name, loading).create(using=self.client)
        return name

    def finish_loading(self, name):
        """Give an index made for loading its replicas and refreshes, and make all it holds
        searchable."""
        self.client.indices.put_settings(
            index=name,
            settings={
                "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
                "refresh_interval": None,  # back to Elasticsearch's default
            },
        )
        self.client.indices.refresh(index=name)

    def ensure_index(self):
        """The alias, pointing at an index: made, empty, the first time."""
        if not self.client.indices.exists_alias(name=self.alias):
            name = self.create_index()
            self.client.indices.put_alias(index=name, name=self.alias)

    def current_indices(self):
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def swap_alias(self, new):
        """Point the alias at `new` in one step, then drop the indices it pointed at."""
        old = self.current_indices()
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            self.client.indices.delete(index=name)

    # == Indexing ==

    @unavailable_on_failure()
    def store(self, documents):
        if self.writing_to is None:
            self.ensure_index()
        target = self.writing_to or self.alias
        actions = (
            {"_index": target, "_id": product_id, "_source": document}
            for product_id, document in documents.items()
        )
        bulk(self.client, actions)

    @unavailable_on_failure()
    def load(self, product_ids, journal, progress=None, before_swap=None):
        """Fill a new index, replay into it what changed meanwhile, then swap the alias, so
        search answers from the old index until the new one is complete."""
        name = self.create_index(loading=True)
        try:
            built = (documents_for(batch) for batch in batches(product_ids))
            self.bulk_load(built, index=name, progress=progress)
            self.finish_loading(name)
            if before_swap:
                before_swap()
            type(self)(self.client, self.alias, writing_to=name).replay(journal)
        except BaseException:
            self.client.indices.delete(index=name)  # half loaded: search keeps the old
            raise
        self.swap_alias(name)

    def bulk_load(self, batches, index, progress=None, threads=2):
        """Load batches of {product id: document} into `index`, `threads` requests at a time.

        Each batch is built and written out as one bulk body in this thread, as a database
        connection belongs to its thread, while sender threads send the ones before it: building
        and indexing overlap, and each document is serialized once, in orjson.
        """
        waiting = queue.Queue(maxsize=threads * 2)
        failed = []

        def send():
            while (batch := waiting.get()) is not None:
                if failed:
                    continue  # drain, so the builder never blocks
                count, body = batch
                try:
                    response = self.client.bulk(operations=body)
                except Exception as error:  # noqa: BLE001 - handed to the caller below
                    failed.append(error)
                    continue
                if response["errors"]:
                    errors = [item for item in response["items"] if "error" in item["index"]]
                    failed.append(BulkIndexError(f"{len(errors)} document(s) failed", errors))
                elif progress:
                    progress(count)

        senders = [threading.Thread(target=send, name="search-bulk-load") for _ in range(threads)]
        for sender in senders:
            sender.start()
        try:
            for documents in batches:
                if failed:
                    break
                waiting.put((len(documents), bulk_body(index, documents)))
        finally:
            for _ in senders:
                waiting.put(None)
            for sender in senders:
                sender.join()
        if failed:
            raise failed[0]

    @unavailable_on_failure()
    def remove(self, product_ids):
        target = self.writing_to or self.alias
        actions = ({"_op_type": "delete", "_index": target, "_id": product_id}
                   for product_id in product_ids)  # fmt: skip
        bulk(self.client, actions, raise_on_error=False)

    @unavailable_on_failure()
    def refresh(self):
        self.client.indices.refresh(index=self.alias)

    @unavailable_on_failure()
    def indexed(self):
        """{product id: its document's content hash}, for comparing with the database."""
        found = {}
        page = {"index": self.alias, "size": 10_000, "source": ["product_id", HASH],
                "sort": ["product_id"], "query": {"match_all": {}}}  # fmt: skip
        response = self.client.search(**page)
        while hits := response["hits"]["hits"]:
            for hit in hits:
                found[hit["_source"]["product_id"]] = hit["_source"].get(HASH)
            response = self.client.search(**page, search_after=hits[-1]["sort"])
        return found

    # == Searching ==

    @unavailable_on_failure()
    def autocomplete(self, text, size):
        response = self.client.search(
            index=self.alias,
            size=size,
            source=["product_id", "name", "url"],
            query={
                "bool": {
                    "must": {"match": {"name.autocomplete": {"query": text, "operator": "and"}}},
                    "filter": {"term": {"availability": AVAILABLE}},
                }
            },
            sort=[{"name.sort": "asc"}, {"product_id": "asc"}],
        )
        return [
            Suggestion(hit["_source"]["product_id"], hit["_source"]["name"], hit["_source"]["url"])
            for hit in response["hits"]["hits"]
        ]

    @unavailable_on_failure()
    def match(self, query, *, fuzzy=False, relaxed=False):
        started = time.perf_counter()
        faceted = ProductSearch(
            query.words or None,
            query.facet_filters(),
            query.sort,
            index=self.alias,
            using=self.client,
            fuzzy=fuzzy,
            relaxed=relaxed,
        )
        response = faceted[query.offset : query.offset + query.per_page].execute()
        facets = {}
        for name, facet in ProductSearch.facets.items():
            values = response.facets[name]
            facets[name] = {
                str(key): count for key, count, _ in values if count or isinstance(facet, Ranges)
            }
        highlights = {}
        cards = {}
        for hit in response.hits:
            cards[hit.product_id] = hit.to_dict()
            marked = getattr(hit.meta, "highlight", None)
            if marked:
                highlights[hit.product_id] = {
                    field: mark_safe(fragments[0])  # noqa: S308 - escaped by the html encoder
                    for field, fragments in marked.to_dict().items()
                }
        return Results(
            total=response.hits.total.value,
            ids=[hit.product_id for hit in response.hits],
            facets=facets,
            cards=cards,
            highlights=highlights,
            engine=self.name,
            took_ms=(time.perf_counter() - started) * 1000,
            fuzzy=fuzzy,
            relaxed=bool(relaxed),
        )
