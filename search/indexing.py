"""What a product's search document is now, and which products a rebuild must replay.

Every backend (search.backends) indexes the documents built here, each carrying a hash of
the rest of it, so `SearchBackend.status()` sees any change to what a product's document
holds, including those that move no date (an edit approved, a review withdrawn).
"""

import hashlib
from contextlib import contextmanager
from datetime import timedelta

import orjson
from django.utils import timezone

from products.models import ProductPage
from search.documents import product_documents
from search.models import IndexRebuild, RebuildChange

BATCH = 500
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


def live_ids():
    return list(ProductPage.objects.live().order_by("pk").values_list("pk", flat=True))


def batches(ids, size=BATCH):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# == The rebuilds' journal ==


def note_changes(product_ids):
    """Tell the rebuilds under way that these products are being reindexed now."""
    rebuilds = list(IndexRebuild.objects.values_list("pk", flat=True))
    RebuildChange.objects.bulk_create(
        RebuildChange(rebuild_id=rebuild, product_id=pk)
        for rebuild in rebuilds
        for pk in set(product_ids)
    )


@contextmanager
def rebuild_journal():
    """A journal of the products reindexed while a rebuild runs, gone when it ends."""
    # A rebuild killed outright leaves its journal behind; nobody replays it.
    IndexRebuild.objects.filter(started_at__lt=timezone.now() - timedelta(days=1)).delete()
    journal = IndexRebuild.objects.create()
    try:
        yield journal
    finally:
        journal.delete()


def changed_since(journal):
    """The products reindexed since the journal began, each once, in order."""
    return sorted(set(journal.changes.values_list("product_id", flat=True)))
