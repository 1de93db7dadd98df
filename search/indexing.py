"""Keeping the product index equal to the database: one product at a time, or all at once.

`update_products()` is what the indexing task runs after every publish and moderation
decision. `rebuild()`, `status()` and `catch_up()` serve the `search_index` command.
"""

from dataclasses import dataclass

from products.models import ProductPage
from search.documents import product_documents
from search.engine import get_engine

BATCH = 500


def update_products(product_ids, engine=None):
    """Index the live ones of these products as they are now; remove the others."""
    engine = engine or get_engine()
    product_ids = set(product_ids)
    documents = product_documents(product_ids)
    if documents:
        engine.index(documents)
    gone = product_ids - documents.keys()
    if gone:
        engine.remove(gone)
    return len(documents), len(gone)


def live_ids():
    return list(ProductPage.objects.live().order_by("pk").values_list("pk", flat=True))


def batches(ids, size=BATCH):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def rebuild(engine=None, progress=None):
    """Index every live product afresh. Elasticsearch fills a new index and then swaps the
    alias, so search answers from the old index until the new one is complete."""
    engine = engine or get_engine()
    ids = live_ids()
    if hasattr(engine, "swap_alias"):
        name = engine.create_index(loading=True)
        try:
            built = (product_documents(batch) for batch in batches(ids))
            engine.bulk_load(built, index=name, progress=progress)
            engine.finish_loading(name)
        except BaseException:
            engine.client.indices.delete(index=name)  # half loaded: search keeps the old one
            raise
        engine.swap_alias(name)
    else:
        engine.remove(set(engine.indexed()) - set(ids))
        for batch in batches(ids):
            engine.index(product_documents(batch))
            if progress:
                progress(len(batch))
    return len(ids)


@dataclass
class Status:
    in_database: int
    in_index: int
    missing: list  # live products the index lacks
    extra: list  # indexed products that are no longer live
    stale: list  # indexed before their last change

    @property
    def drifted(self):
        return sorted({*self.missing, *self.extra, *self.stale})


def status(engine=None):
    """How the index differs from the database: what is missing, extra or out of date."""
    engine = engine or get_engine()
    indexed = {int(pk): when for pk, when in engine.indexed().items()}
    live = set(live_ids())
    changed = {pk: when.isoformat() if when else None
               for pk, when in _last_changes(live).items()}  # fmt: skip
    stale = [pk for pk in live & indexed.keys() if not _same_time(indexed[pk], changed.get(pk))]
    return Status(
        in_database=len(live),
        in_index=len(indexed),
        missing=sorted(live - indexed.keys()),
        extra=sorted(indexed.keys() - live),
        stale=sorted(stale),
    )


def _last_changes(ids):
    changes = {}
    for batch in batches(sorted(ids)):
        for pk, document in product_documents(batch).items():
            changes[pk] = document["last_changed_at"]
    return changes


def _same_time(indexed, current):
    from django.utils.dateparse import parse_datetime

    if indexed is None or current is None:
        return indexed == current
    if isinstance(indexed, str):
        indexed = parse_datetime(indexed)
    return indexed == parse_datetime(current)


def catch_up(engine=None, progress=None):
    """Reindex only what drifted; returns how many products that was."""
    engine = engine or get_engine()
    drifted = status(engine).drifted
    for batch in batches(drifted):
        update_products(batch, engine)
        if progress:
            progress(len(batch))
    return len(drifted)
