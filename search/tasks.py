"""The durable indexing queue: a product's index entry follows every change to it.

Tasks go to django-tasks' database backend (django-tasks-db) outside the tests, and its
`db_worker` runs them. When search is unavailable, the task puts itself back on the queue to
run again later, so an update is never lost and nobody's save waits for it.
"""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from search.admin_search import update_object
from search.engine import get_backend
from search.indexing import note_changes
from search.types import SearchUnavailable

logger = logging.getLogger(__name__)
QUEUE = "search"
# Products queued inside reindex_once(), per thread: another thread's saves are its own.
_gathering = threading.local()


@task(queue_name=QUEUE)
def reindex_products(product_ids, attempt=1):
    note_changes(product_ids)  # before writing, so a rebuild under way replays them
    try:
        get_backend().index(product_ids)
    except SearchUnavailable:
        retry(reindex_products, [product_ids], attempt, f"products {product_ids}")


@task(queue_name=QUEUE)
def update_admin_search(app_label, model_name, pk, attempt=1):
    """Bring Wagtail's own search indices up to date with one object, saved or deleted."""
    try:
        update_object(app_label, model_name, pk)
    except SearchUnavailable:
        retry(update_admin_search, [app_label, model_name, pk], attempt,
              f"admin search for {app_label}.{model_name} {pk}")  # fmt: skip


def retry(task, args, attempt, what):
    # Waits grow from the first setting's seconds to at most ten minutes, and never stop.
    wait = min(settings.SEARCH_RETRY_SECONDS * 2 ** (attempt - 1), 600)
    task.using(run_after=timezone.now() + timedelta(seconds=wait)).enqueue(*args, attempt + 1)
    logger.info("Search index unreachable; %s again in %s s", what, wait)


def queue_reindex(product_ids):
    """Reindex these products once the current transaction commits."""
    product_ids = sorted({int(pk) for pk in product_ids})
    gathered = getattr(_gathering, "ids", None)
    if gathered is not None:
        gathered.update(product_ids)
    elif product_ids:
        transaction.on_commit(lambda: reindex_products.enqueue(product_ids), robust=True)


@contextmanager
def reindex_once():
    """Within it, this thread's products wait and are reindexed in one task at the end, even
    when it ends in an error: a bulk load saves and decides on each product many times."""
    if getattr(_gathering, "ids", None) is not None:
        yield  # the outermost one queues them
        return
    _gathering.ids = set()
    try:
        yield
    finally:
        gathered, _gathering.ids = _gathering.ids, None
        queue_reindex(gathered)


def queue_admin_search_update(instance):
    """Update Wagtail's search indices for this object once the current transaction commits."""
    meta, pk = instance._meta, str(instance.pk)
    transaction.on_commit(
        lambda: update_admin_search.enqueue(meta.app_label, meta.model_name, pk), robust=True
    )
