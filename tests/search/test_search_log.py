"""The search log: what is recorded, what is never recorded, the report and the purge."""

import io
import logging
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.log import PURGE_DUE_KEY, purge_when_due, record_search
from search.models import SearchLog

pytestmark = pytest.mark.django_db


def record(query="kettle tipper", filters=None, results=3, **options):
    options.setdefault("took_ms", 12)
    options.setdefault("backend", "database")
    return record_search(query, filters or {}, results, **options)


def logged(query, *, days_ago=0, results=3, kind="search"):
    """A row as if logged `days_ago` days ago; the report reads rows, however they came."""
    entry = record(query, results=results, kind=kind)
    SearchLog.objects.filter(pk=entry.pk).update(
        searched_at=timezone.now() - timedelta(days=days_ago)
    )
    return entry


@pytest.fixture(autouse=True)
def _purge_not_due():
    """Most tests are not about the daily purge: it has already run today."""
    cache.set(PURGE_DUE_KEY, True)


# == What a row holds ==


def test_a_search_is_recorded_with_its_words_filters_count_time_and_backend():
    before = timezone.now()

    record_search(
        "  easy   grip\tkettle \n",
        {"need": ["reach", "grip"], "condition": "arthritis", "sort": "newest", "page": "3"},
        7,
        took_ms=41.6,
        backend="elasticsearch",
        kind="autocomplete",
    )

    entry = SearchLog.objects.get()
    assert entry.query == "easy grip kettle"
    assert entry.filters == {
        "need": ["grip", "reach"],
        "condition": ["arthritis"],
        "sort": "newest",
    }
    assert (entry.result_count, entry.took_ms) == (7, 42)
    assert (entry.backend, entry.kind) == ("elasticsearch", "autocomplete")
    assert before <= entry.searched_at <= timezone.now()


def test_long_queries_are_cut_to_200_characters():
    entry = record("grab rail " * 50)

    assert len(entry.query) <= 200
    assert entry.query.startswith("grab rail grab rail")


def test_searches_with_neither_words_nor_filters_are_not_logged():
    assert record("   ") is None
    assert record("", {"sort": "newest", "page": "2"}) is None
    assert record("", {"need": []}) is None
    assert not SearchLog.objects.exists()

    assert record("", {"need": ["grip"]}).query == ""
    assert SearchLog.objects.count() == 1


def test_the_log_keeps_nothing_about_the_person_searching():
    names = {field.name for field in SearchLog._meta.get_fields()}

    assert names == {
        "id",
        "query",
        "filters",
        "result_count",
        "searched_at",
        "took_ms",
        "backend",
        "kind",
        "relaxed",
        "everyday_terms",  # read from the words, which the log keeps already
    }


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("jo.bloggs+at@example.co.uk", "[email]"),
        ("kettle for (mum@example.com) please", "kettle for [email] please"),
        ("call 07700 900123", "call [phone]"),
        ("07700900123", "[phone]"),
        ("+44 7700 900 123 stairlift", "[phone] stairlift"),
        ("+44 (0)20 7946 0958", "[phone]"),
        ("(020) 7946 0958", "[phone]"),
        ("0161-496-0000 grab rail", "[phone] grab rail"),
        ("SW1A 1AA", "[postcode]"),
        ("stairlift fitter m1 1ae", "stairlift fitter [postcode]"),
        ("EC1A1BB", "[postcode]"),
        ("nhs 943 476 5919", "nhs [number]"),
        # Not personal: these stay as typed.
        ("@home kettle", "@home kettle"),
        ("ISO 9999 15 09 13", "ISO 9999 15 09 13"),
        ("A4 magnifier 3x", "A4 magnifier 3x"),
        ("SW1A", "SW1A"),
        ("size 10 shoes", "size 10 shoes"),
    ],
)
def test_contact_details_are_redacted_before_the_query_is_stored(typed, stored):
    record(typed)

    assert SearchLog.objects.get().query == stored


def test_contact_details_in_filter_values_are_redacted_too():
    entry = record("kettle", {"need": ["grip", "me@example.com"], "near": "LS1 4AP"})

    assert entry.filters == {"need": ["[email]", "grip"], "near": ["[postcode]"]}


def test_redaction_happens_before_the_cut_so_no_half_number_slips_through():
    # Cut first, "07700" would be left over, too short to look like a phone number.
    entry = record("rail " * 39 + "07700 900123")

    assert entry.query == ("rail " * 39).strip()


def test_recording_is_one_insert():
    with CaptureQueriesContext(connection) as queries:
        record("bath lift")

    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    # Inside the test's transaction, the insert runs in a savepoint of its own.
    assert [s for s in statements if "SAVEPOINT" not in s and s != "RELEASE"] == ["INSERT"]


# == Logging never breaks a search ==


def test_a_failure_to_log_is_logged_and_swallowed(caplog):
    with connection.cursor() as cursor:
        # The table is really gone; the test's transaction brings it back.
        cursor.execute(f"DROP TABLE {SearchLog._meta.db_table}")

    with caplog.at_level(logging.ERROR, logger="search.log"):
        assert record("perching stool") is None

    assert "could not record a search" in caplog.text
    # The caller's transaction is still usable: the failure stayed in its savepoint.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_an_unknown_backend_is_not_logged_and_does_not_raise(caplog):
    with caplog.at_level(logging.ERROR, logger="search.log"):
        assert record("kettle", backend="solr") is None

    assert not SearchLog.objects.exists()


# == The demand report ==


def recent(days=30, kind=SearchLog.Kind.SEARCH):
    """The searches of the last `days` days the report counts, as the admin's summary asks."""
    searches = SearchLog.objects.since(days)
    return searches if kind is None else searches.filter(kind=kind)


def test_top_queries_counts_in_the_period_ignoring_case():
    for _ in range(3):
        logged("Kettle tipper", days_ago=1)
    logged("kettle TIPPER", days_ago=2)
    logged("bath lift", days_ago=3)
    logged("bath lift", days_ago=3)
    logged("stair lift", days_ago=40)  # before the period
    logged("kettle", kind="autocomplete")  # half typed
    record("", {"need": ["grip"]})  # filters only: no words to count

    top = recent().query_counts(10)

    assert [(row.query, row.count) for row in top] == [("kettle tipper", 4), ("bath lift", 2)]
    assert top[0].last_seen > top[1].last_seen
    assert [row.query for row in recent().query_counts(1)] == ["kettle tipper"]
    assert {row.query for row in recent(kind=None).query_counts(50)} == {
        "kettle tipper",
        "bath lift",
        "kettle",
    }


def test_zero_result_queries_are_those_that_found_nothing():
    logged("hoist", results=0, days_ago=1)
    logged("hoist", results=0)
    logged("hoist", results=2)
    logged("tap turner", results=0, days_ago=5)
    logged("tap turner", results=0, days_ago=45)

    nothing = recent().without_results().query_counts(50)

    assert [(row.query, row.count) for row in nothing] == [("hoist", 2), ("tap turner", 1)]


def test_the_report_is_aggregated_in_one_query(django_assert_num_queries):
    for word in ["a", "b", "c", "a"]:
        logged(word)

    with django_assert_num_queries(1):
        recent().query_counts(50)


# == Keeping the log for a set number of days ==


def test_the_purge_command_deletes_old_searches_and_keeps_recent_ones(settings):
    settings.SEARCH_LOG_DAYS = 30
    recent = [logged("recent", days_ago=days) for days in (0, 29)]
    for days in (31, 60, 400):
        logged("old", days_ago=days)
    out = io.StringIO()

    call_command("purge_search_log", batch_size=2, stdout=out)

    assert out.getvalue().strip() == "Deleted 3 searches older than 30 days."
    assert set(SearchLog.objects.values_list("pk", flat=True)) == {e.pk for e in recent}

    out = io.StringIO()
    call_command("purge_search_log", stdout=out)
    assert out.getvalue().strip() == "Deleted 0 searches older than 30 days."


def test_the_first_search_of_the_day_purges_old_searches_once_committed(
    settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_LOG_DAYS = 90
    logged("old", days_ago=100)
    cache.delete(PURGE_DUE_KEY)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record("today")
    assert len(callbacks) == 1
    assert list(SearchLog.objects.values_list("query", flat=True)) == ["today"]

    # Done for the day: later searches only insert.
    logged("old again", days_ago=100)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record("later today")
    assert callbacks == []
    assert SearchLog.objects.filter(query="old again").exists()


def test_a_broken_cache_does_not_stop_the_search(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache server down")

    monkeypatch.setattr(cache, "add", broken)

    with caplog.at_level(logging.ERROR, logger="search.log"):
        purge_when_due()
        assert record("kettle") is not None

    assert "could not schedule its purge" in caplog.text
