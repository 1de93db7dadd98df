"""Writing searches to the log, and forgetting old ones (the admin reads the demand report
from SearchLog's queryset: search.admin_views).

The search view calls `record_search` once it has its answer. Logging is a side issue for
the person searching, so it never raises: a failure is written to the application log and
the search answers as if nothing happened.

Old rows go after settings.SEARCH_LOG_DAYS days, through `manage.py purge_search_log` or on
their own: the project has no periodic scheduler (django-tasks runs tasks when they are
enqueued), so the first search logged each day enqueues the purge once that search is
committed. "Each day" is kept in the cache; with a cache per process, as in the default
settings, that is once a day per process, which does no harm: the purge is idempotent.
With the immediate task backend the purge runs in that request, after the search answered.
"""

import logging
from contextlib import nullcontext
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from search.models import SORT, SearchLog

logger = logging.getLogger(__name__)

PURGE_BATCH_SIZE = 1000
PURGE_INTERVAL = timedelta(days=1)
PURGE_DUE_KEY = "search-log:purged-recently"


def record_search(
    query,
    filters,
    result_count,
    took_ms,
    backend,
    kind=SearchLog.Kind.SEARCH,
    relaxed=False,
    everyday_terms=(),
):
    """Log one search someone sent: its words, filters, how many results, how long it took
    in ms, which implementation answered ("elasticsearch" or "database"), its kind, and
    whether the results match only most of the words (relaxed), and the terms whose everyday
    phrases the words hold (search.everyday.Term).
    Returns the row, or None when there was nothing to log or logging failed.

    Only searches people send are logged, never suggestions as they type: those follow each
    key pressed, and would keep an address half typed ("jane.doe@"). Older logs may still
    hold rows of the "autocomplete" kind until they are purged.

    `filters` maps each facet's name to its chosen values (a string or a list of them) and
    may hold "sort"; a page number in it is dropped. A search with neither words nor a facet
    chosen is not logged. One INSERT; it never raises.
    """
    try:
        entry = SearchLog.from_search(
            query,
            filters,
            result_count,
            took_ms,
            backend,
            kind,
            relaxed=relaxed,
            everyday_terms=everyday_terms,
        )
        if not entry.query and not entry.filters.keys() - {SORT}:
            return None
        # Inside the caller's transaction a savepoint keeps a failed insert from breaking it.
        in_transaction = transaction.get_connection().in_atomic_block
        with transaction.atomic() if in_transaction else nullcontext():
            entry.save(force_insert=True)
    except Exception:
        logger.exception("The search log could not record a search; the search went ahead")
        return None
    purge_when_due()
    return entry


def purge_old_searches(days=None, batch_size=PURGE_BATCH_SIZE):
    """Delete searches older than `days` (settings.SEARCH_LOG_DAYS) in batches, so no single
    statement holds the table long. Returns how many went."""
    days = settings.SEARCH_LOG_DAYS if days is None else days
    old = SearchLog.objects.filter(searched_at__lt=timezone.now() - timedelta(days=days))
    deleted = 0
    while batch := list(old.order_by().values_list("pk", flat=True)[:batch_size]):
        deleted += SearchLog.objects.filter(pk__in=batch).delete()[0]
        if len(batch) < batch_size:
            break
    return deleted


@task()
def purge_old_searches_task():
    return purge_old_searches()


def purge_when_due():
    """Enqueue the purge, once the current transaction commits, if it has not run today."""
    try:
        if cache.add(PURGE_DUE_KEY, True, timeout=PURGE_INTERVAL.total_seconds()):
            transaction.on_commit(purge_old_searches_task.enqueue, robust=True)
    except Exception:
        logger.exception("The search log could not schedule its purge")
