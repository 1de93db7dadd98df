"""The Elasticsearch index follows the database: rebuilt behind an alias while search keeps
answering, and brought back level by the durable queue after the node was unreachable."""

import threading

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from elasticsearch.helpers import BulkIndexError

from reviews import moderation
from search.backends.elasticsearch import ElasticsearchBackend
from search.elasticsearch import get_client
from search.types import Query
from tests.elasticsearch.helpers import durable_tasks, free_port, search_on_the_node
from tests.factories import make_member, make_product, make_review

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def engine(es, index_prefix, settings):
    """The site's own backend, on the test node, under this session's prefix."""
    search_on_the_node(settings, index_prefix)
    yield ElasticsearchBackend()
    get_client.cache_clear()


@pytest.mark.django_db
def test_a_rebuild_swaps_the_alias_while_search_keeps_answering(engine):
    products = [make_product(f"Grab rail {n}", needs=["Washing and bathing"]) for n in range(30)]
    call_command("search_index", "rebuild", verbosity=0)
    first = engine.current_indices()
    engine.refresh()

    failures, answers, stop = [], [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append(engine.search(Query(text="grab rail")).total)
            except Exception as error:  # noqa: BLE001 - any failure is what we look for
                failures.append(repr(error))

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        for _ in range(3):
            call_command("search_index", "rebuild", verbosity=0)
    finally:
        stop.set()
        searcher.join()

    assert not failures
    assert len(answers) > 10 and set(answers) == {len(products)}
    now = engine.current_indices()
    assert len(now) == 1 and now != first
    assert not engine.client.indices.exists(index=first[0])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_updates_made_while_the_node_is_unreachable_reach_it_when_it_is_back(engine, settings):
    """Stop the node (as far as the site can tell), approve reviews and publish pages, start
    it again and run the worker: the index then equals the database."""
    durable_tasks(settings)
    settings.SEARCH_RETRY_SECONDS = 0
    reviewed = make_product("Perching stool")
    withdrawn = make_product("Kitchen trolley")
    call_command("db_worker", queue_name="search", batch=True, verbosity=0)
    engine.refresh()
    assert engine.status().drifted == []

    node = settings.ELASTICSEARCH_URL
    with override_settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{free_port()}"):
        get_client.cache_clear()
        review = make_review(reviewed, make_member(role="professional"), approved=False,
                             title="Steady and easy to adjust")  # fmt: skip
        moderation.approve(review, None)  # the save neither waits for the node nor fails
        published = make_product("Perching stool with arms")
        withdrawn.unpublish()
        # Each attempt fails to connect and puts the work back on the queue.
        call_command("db_worker", queue_name="search", batch=True, max_tasks=6, verbosity=0)
        assert DBTaskResult.objects.filter(status="READY").exists()
    get_client.cache_clear()

    assert node == settings.ELASTICSEARCH_URL  # the node is back
    call_command("db_worker", queue_name="search", batch=True, verbosity=0)
    engine.refresh()
    assert engine.status().drifted == []
    assert engine.search(Query(text="steady adjust")).ids == [reviewed.pk]
    assert sorted(engine.search(Query(text="perching stool")).ids) == [reviewed.pk, published.pk]
    assert engine.search(Query(text="kitchen trolley")).ids == []


def test_the_index_maps_each_field_for_what_search_does_with_it(engine, es):
    name = engine.create_index()
    try:
        mapping = es.indices.get_mapping(index=name)[name]["mappings"]["properties"]
        settings = es.indices.get_settings(index=name)[name]["settings"]["index"]
    finally:
        es.indices.delete(index=name)
    assert mapping["name"]["analyzer"] == "enabled_text"
    assert mapping["name"]["search_analyzer"] == "enabled_text_search"
    assert mapping["name"]["copy_to"] == ["text"]
    assert mapping["name"]["fields"]["autocomplete"]["analyzer"] == "enabled_autocomplete"
    assert mapping["name"]["fields"]["sort"] == {"type": "keyword", "normalizer": "enabled_keyword"}
    for facet in ("needs", "conditions", "iso_codes", "reviewer_roles", "tips", "availability"):
        assert mapping[facet]["type"] == "keyword", facet
    for number in ("price_low", "rating"):
        assert mapping[number]["type"] == "float"
    assert mapping["review_count"]["type"] == mapping["product_id"]["type"] == "integer"
    assert mapping["first_published_at"]["type"] == "date"
    assert "enabled_synonyms" in settings["analysis"]["filter"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == ("1", "0")


@pytest.mark.django_db
def test_a_rebuild_loads_without_refreshes_then_serves_with_the_site_s_settings(
    engine, settings, monkeypatch
):
    """While loading, the new index has no refreshes or replicas (nobody reads it yet); the
    one the alias reaches has the configured replicas and refreshes again."""
    make_product("Perching stool", needs=["Washing and bathing"])
    settings.ELASTICSEARCH_REPLICAS = 1  # a second copy the one test node leaves unassigned
    seen = {}
    load = ElasticsearchBackend.bulk_load

    def watched(self, batches, index, **kwargs):
        seen.update(engine.client.indices.get_settings(index=index)[index]["settings"]["index"])
        return load(self, batches, index, **kwargs)

    monkeypatch.setattr(ElasticsearchBackend, "bulk_load", watched)
    engine.rebuild()

    assert (seen["refresh_interval"], seen["number_of_replicas"]) == ("-1", "0")
    (name,) = engine.current_indices()
    serving = engine.client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert serving["number_of_replicas"] == "1" and "refresh_interval" not in serving
    assert engine.search(Query(text="perching stool")).total == 1


@pytest.mark.django_db
def test_a_rebuild_that_fails_leaves_search_on_the_index_it_had(engine, monkeypatch):
    make_product("Perching stool", needs=["Washing and bathing"])
    engine.rebuild()
    before = engine.current_indices()
    make_product("Bath board", needs=["Washing and bathing"])

    def database_gone(batch):
        raise DatabaseError("the database went away")

    monkeypatch.setattr("search.indexing.product_documents", database_gone)
    with pytest.raises(DatabaseError):
        engine.rebuild()

    assert engine.current_indices() == before
    left = engine.client.indices.get(index=f"{engine.alias}-*")
    assert list(left) == before  # the half-loaded index is gone
    assert engine.search(Query(text="perching stool")).total == 1


def test_a_document_the_index_refuses_fails_the_load_by_name(engine):
    name = engine.create_index(loading=True)
    try:
        good = {"product_id": 1, "name": "Bath board", "price_low": 20.0}
        bad = {"product_id": 2, "name": "Bath lift", "price_low": "about forty pounds"}
        with pytest.raises(BulkIndexError) as refused:
            engine.bulk_load([{1: good}, {2: bad}], index=name)
    finally:
        engine.client.indices.delete(index=name)
    (item,) = refused.value.errors
    assert item["index"]["_id"] == "2"
    assert item["index"]["error"]["type"] == "document_parsing_exception"


@pytest.mark.django_db
def test_status_sees_an_edit_approved_that_moves_no_date_and_catch_up_mends_it(engine):
    product = make_product("Bath lift")
    review = make_review(product, rating=2)
    call_command("search_index", "rebuild", verbosity=0)
    assert engine.status().drifted == []

    review.submit({**review.content(), "rating": 5})
    review.save()
    moderation.approve(review, None)  # its task never ran: the test keeps it for the commit
    assert engine.status().stale == [product.pk]

    call_command("search_index", "catch-up", verbosity=0)
    engine.refresh()
    assert engine.status().drifted == []
    assert engine.search(Query(text="bath lift")).cards[product.pk]["rating"] == 5


@pytest.mark.django_db
def test_approvals_made_while_a_rebuild_runs_reach_the_new_index(
    engine, django_capture_on_commit_callbacks
):
    """The worker writes through the alias into the index the swap then deletes: what it
    wrote there must reach the new index too."""
    products = [make_product(f"Shower chair {n}") for n in range(5)]
    waiting = [
        make_review(product, approved=False, title="Sturdy and light") for product in products
    ]
    call_command("search_index", "rebuild", verbosity=0)

    def approve_all():
        # Between the load and the swap; each task runs at the commit, into the old index.
        for review in waiting:
            with django_capture_on_commit_callbacks(execute=True):
                moderation.approve(review, None)

    engine.rebuild(before_swap=approve_all)
    engine.refresh()

    assert engine.status().drifted == []
    cards = engine.search(Query(text="shower chair")).cards
    assert {pk: card["review_count"] for pk, card in cards.items()} == {
        product.pk: 1 for product in products
    }
    assert sorted(engine.search(Query(text="sturdy light")).ids) == [p.pk for p in products]
