"""Production's database cache counts every rate-limited attempt, however many come at once.

django-ratelimit adds a key, then increments it for each request. Django's DatabaseCache
increments by reading and writing back, so requests at the same moment count once between
them; core.cache.DatabaseCache locks the row first. Each thread has its own connection, as
concurrent requests do. SQLite serialises every writer, so only PostgreSQL, where CI runs
the suite, can show a lost count.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections

from tests.environment import require

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 10
EACH = 20


@pytest.fixture
def counts(settings):
    settings.CACHES = {
        **settings.CACHES,
        "counts": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "test_rate_counts"},
    }
    call_command("createcachetable", "--database", "default")
    yield caches["counts"]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE test_rate_counts")


def test_increments_at_the_same_moment_are_all_counted(counts):
    require(connection.vendor == "postgresql", "This test needs PostgreSQL (set DATABASE_URL).")
    assert counts.add("attempts", 0, 60)

    def attempt(_):
        try:
            for _ in range(EACH):
                counts.incr("attempts")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(attempt, range(THREADS)))

    assert counts.get("attempts") == THREADS * EACH


def test_an_increment_adds_and_refuses_a_missing_or_expired_key(counts):
    counts.add("attempts", 4, 60)

    assert counts.incr("attempts", 3) == 7
    assert counts.get("attempts") == 7
    with pytest.raises(ValueError):
        counts.incr("never-added")
    counts.set("gone", 1, -1)
    with pytest.raises(ValueError):
        counts.incr("gone")
