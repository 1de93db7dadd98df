"""Keeping the product index equal to the database: one product at a time, or all at once.

`update_products()` is what the indexing task runs after every publish and moderation
decision. `rebuild()`, `status()` and `catch_up()` serve the `search_index` command.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

import orjson
from django.utils import timezone

from products.models import ProductPage
from search.documents import product_documents
from search.engine import get_engine
from search.models import IndexRebuild, RebuildChange

BATCH = 500
# Each document carries a hash of the rest of it, so `status()` sees any change to what a
# product's document holds, including those that move no date (an edit approved, a review
# withdrawn).
HASH = "content_hash"


def fingerprint(document):
    body = orjson.dumps(
        {key: value for key, value in document.items() if key != HASH},
        option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS,
        default=str,
    )
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def documents_for(product_ids):
    """{product id: document} for the live ones of these products, each with its hash."""
    documents = product_documents(product_ids)
    for document in documents.values():
        document[HASH] = fingerprint(document)
    return documents


def update_products(product_ids, engine=None, index=None):
    """Index the live ones of these products as they are now; remove the others.

    `index` names an Elasticsearch index to write to instead of the alias."""
    engine = engine or get_engine()
    product_ids = set(product_ids)
    documents = documents_for(product_ids)
    where = {"index": index} if index else {}
    if documents:
        engine.index(documents, **where)
    gone = product_ids - documents.keys()
    if gone:
        engine.remove(gone, **where)
    return len(documents), len(gone)


def note_changes(product_ids):
    """Tell the rebuilds under way that these products are being reindexed now."""
    rebuilds = list(IndexRebuild.objects.values_list("pk", flat=True))
    RebuildChange.objects.bulk_create(
        RebuildChange(rebuild_id=rebuild, product_id=pk)
        for rebuild in rebuilds
        for pk in set(product_ids)
    )


def live_ids():
    return list(ProductPage.objects.live().order_by("pk").values_list("pk", flat=True))


def batches(ids, size=BATCH):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def rebuild(engine=None, progress=None, before_swap=None):
    """Index every live product afresh. Elasticsearch fills a new index and then swaps the
    alias, so search answers from the old index until the new one is complete.

    Updates made meanwhile are noted (`note_changes()`) and indexed again into the new index,
    before the swap and after it, as the worker may have written them into the old one.
    `before_swap` is called between the load and the swap. One rebuild at a time.
    """
    engine = engine or get_engine()
    # A rebuild killed outright leaves its journal behind; nobody replays it.
    IndexRebuild.objects.filter(started_at__lt=timezone.now() - timedelta(days=1)).delete()
    journal = IndexRebuild.objects.create()
    try:
        ids = live_ids()
        if hasattr(engine, "swap_alias"):
            name = engine.create_index(loading=True)
            try:
                built = (documents_for(batch) for batch in batches(ids))
                engine.bulk_load(built, index=name, progress=progress)
                engine.finish_loading(name)
                if before_swap:
                    before_swap()
                replay(journal, engine, index=name)
            except BaseException:
                engine.client.indices.delete(index=name)  # half loaded: search keeps the old
                raise
            engine.swap_alias(name)
        else:
            engine.remove(set(engine.indexed()) - set(ids))
            for batch in batches(ids):
                engine.index(documents_for(batch))
                if progress:
                    progress(len(batch))
            if before_swap:
                before_swap()
        replay(journal, engine)
    finally:
        journal.delete()
    return len(ids)


def replay(journal, engine, index=None):
    """Index again, as they are now, the products reindexed since the rebuild began."""
    changed = sorted(set(journal.changes.values_list("product_id", flat=True)))
    for batch in batches(changed):
        update_products(batch, engine, index=index)


@dataclass
class Status:
    in_database: int
    in_index: int
    missing: list  # live products the index lacks
    extra: list  # indexed products that are no longer live
    stale: list  # indexed with other content than they have now

    @property
    def drifted(self):
        return sorted({*self.missing, *self.extra, *self.stale})


def status(engine=None):
    """How the index differs from the database: what is missing, extra or out of date.

    Out of date means the document's hash differs from the hash of the document the product
    would have now, so every change to what search holds is seen, dated or not.
    """
    engine = engine or get_engine()
    indexed = {int(pk): stored for pk, stored in engine.indexed().items()}
    live = set(live_ids())
    current = {}
    for batch in batches(sorted(live & indexed.keys())):
        current.update((pk, document[HASH]) for pk, document in documents_for(batch).items())
    stale = [pk for pk in live & indexed.keys() if indexed[pk] != current.get(pk)]
    return Status(
        in_database=len(live),
        in_index=len(indexed),
        missing=sorted(live - indexed.keys()),
        extra=sorted(indexed.keys() - live),
        stale=sorted(stale),
    )


def catch_up(engine=None, progress=None):
    """Reindex only what drifted; returns how many products that was."""
    engine = engine or get_engine()
    drifted = status(engine).drifted
    for batch in batches(drifted):
        update_products(batch, engine)
        if progress:
            progress(len(batch))
    return len(drifted)
