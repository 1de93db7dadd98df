"""A search service that cannot answer is one error, SearchUnavailable, whatever the
backend's own failure: the page and the API say so with a 503, indexing tasks wait for it.

The nodes here are real sockets: a port nobody listens on, and one that takes the request
and never answers, so the client's own errors are what the backend turns into ours.
"""

import socket
import threading
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from search.elasticsearch import get_client
from search.engine import get_backend
from search.log import PURGE_DUE_KEY
from search.models import SearchLog
from search.tasks import reindex_products
from search.types import Query, SearchUnavailable
from tests.elasticsearch.helpers import ELASTICSEARCH_BACKEND, durable_tasks, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusing():
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
def silent():
    """A node that accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted, stop = [], threading.Event()

    def hold():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    holder = threading.Thread(target=hold, name="silent-node")
    holder.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    holder.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.fixture(params=["refusing", "silent"])
def unavailable_node(request):
    url = request.getfixturevalue(request.param)
    cache.set(PURGE_DUE_KEY, True)
    with override_settings(
        ELASTICSEARCH_URL=url, SEARCH_BACKEND=ELASTICSEARCH_BACKEND, ELASTICSEARCH_TIMEOUT=0.2
    ):
        get_client.cache_clear()
        yield url
    get_client.cache_clear()


def test_the_backend_raises_search_unavailable(unavailable_node):
    engine = get_backend()

    with pytest.raises(SearchUnavailable):
        engine.search(Query(text="spoon"))
    with pytest.raises(SearchUnavailable):
        engine.autocomplete("spo", 8)


@pytest.mark.parametrize(
    "url", ["/search/?q=spoon", "/api/products/search?q=spoon", "/api/products/autocomplete?q=spo"]
)
def test_the_page_and_the_api_answer_503_and_log_nothing(client, unavailable_node, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    if url.startswith("/api/"):
        assert response.json() == {
            "detail": "Search is not working right now. Please try again in a few minutes.",
            "errors": [],
        }
    else:
        assert "Search is not working" in response.content.decode()
    assert not SearchLog.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_indexing_task_waits_for_the_node_instead_of_failing(unavailable_node, settings):
    durable_tasks(settings)
    settings.SEARCH_RETRY_SECONDS = 60
    reindex_products.enqueue([1])

    call_command("db_worker", queue_name="search", batch=True, max_tasks=1, verbosity=0)

    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    (again,) = DBTaskResult.objects.filter(status="READY")
    assert again.args_kwargs["args"] == [[1], 2]
    assert again.run_after > timezone.now() + timedelta(seconds=50)
