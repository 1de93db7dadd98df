"""Wagtail's own search runs on the node: the index definition of its elasticsearch8 backend
is accepted as it is, and the admin's page search finds a product after update_index."""

from copy import deepcopy
from http import HTTPStatus
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from enabled.settings.base import search_backends
from tests.elasticsearch.helpers import tokens
from tests.factories import make_product

pytestmark = pytest.mark.elasticsearch


def test_wagtail_index_definition_is_accepted_unchanged(es, index_prefix):
    index = f"{index_prefix}wagtail_definition"
    es.indices.create(index=index, **deepcopy(Elasticsearch8SearchBackend.settings))
    try:
        assert tokens(es, index=index, analyzer="edgengram_analyzer", text="Hoïst") == [
            "h",
            "ho",
            "hoi",
            "hois",
            "hoist",
        ]
        assert tokens(es, index=index, analyzer="ngram_analyzer", text="rail") == [
            "rai",
            "rail",
            "ail",
        ]
        assert tokens(es, index=index, tokenizer="edgengram_tokenizer", text="hoist") == [
            "ho",
            "hoi",
            "hois",
            "hoist",
        ]
    finally:
        es.indices.delete(index=index)


@pytest.mark.django_db
def test_admin_page_search_finds_a_product_on_elasticsearch(
    es, index_prefix, client, django_user_model
):
    # Created while the suite's database backend is active; update_index then fills Elasticsearch.
    make_product("Ceiling track hoist")
    make_product("Bath board")
    prefix = f"{index_prefix}wagtail_"
    # The backends production uses, pointed at this session's prefix.
    backends = search_backends(settings.TEST_ELASTICSEARCH_URL, prefix)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.invalid", "pass")
    client.force_login(admin)

    pages = f"{prefix}wagtailcore_page"

    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", stdout=StringIO())
        queries_before = query_total(es, pages)
        # The admin searches as you type, through the edge n-grams of the plugin's filter.
        response = client.get("/admin/pages/search/", {"q": "hois"})

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Ceiling track hoist" in content
    assert "Bath board" not in content
    # Elasticsearch answered: it holds the page and counted the admin's query.
    assert query_total(es, pages) > queries_before
    found = es.search(index=pages, query={"query_string": {"query": "hoist"}})
    assert found["hits"]["total"]["value"] == 1


def query_total(es, index):
    stats = es.indices.stats(index=index, metric="search")
    return stats["_all"]["total"]["search"]["query_total"]
