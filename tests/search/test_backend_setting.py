"""The product search backend is the class settings.SEARCH_BACKEND names by dotted path, and
settings choose it from the environment as the README says."""

import os
import subprocess
import sys
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from search.backends.database import DatabaseBackend
from search.engine import get_backend
from tests.factories import make_product

pytestmark = pytest.mark.django_db

ANSWERED = "test-backend-answered"


class AnsweringBackend(DatabaseBackend):
    """The database backend, noting in the cache each search it answers."""

    def search(self, query, *, fuzzy=False):
        cache.set(ANSWERED, [*cache.get(ANSWERED, []), query.text])
        return super().search(query, fuzzy=fuzzy)


def test_the_backend_named_in_settings_answers_the_search_page(client, commits):
    cache.delete(ANSWERED)
    kettle = commits(make_product, "Kettle tipper")

    with override_settings(SEARCH_BACKEND=f"{__name__}.AnsweringBackend"):
        response = client.get("/search/", {"q": "kettle"})

    assert response.status_code == HTTPStatus.OK
    assert kettle.title in response.content.decode()
    assert "kettle" in cache.get(ANSWERED, [])


def test_without_the_setting_changed_the_database_answers(client):
    cache.delete(ANSWERED)

    assert client.get("/search/", {"q": "kettle"}).status_code == HTTPStatus.OK
    assert cache.get(ANSWERED) is None
    assert isinstance(get_backend(), DatabaseBackend)


def test_a_path_that_names_nothing_is_a_configuration_error(settings):
    settings.SEARCH_BACKEND = "search.backends.nowhere.Backend"

    with pytest.raises(ImproperlyConfigured, match="SEARCH_BACKEND"):
        get_backend()


@pytest.mark.parametrize(
    ("environment", "chosen"),
    [
        ({}, "search.backends.database.DatabaseBackend"),
        ({"ELASTICSEARCH_URL": "http://search.internal:9200"},
         "search.backends.elasticsearch.ElasticsearchBackend"),
        ({"ELASTICSEARCH_URL": "http://search.internal:9200",
          "SEARCH_BACKEND": "tests.search.test_backend_setting.AnsweringBackend"},
         "tests.search.test_backend_setting.AnsweringBackend"),
    ],
)  # fmt: skip
def test_settings_choose_the_backend_from_the_environment(environment, chosen):
    env = {k: v for k, v in os.environ.items() if k not in {"ELASTICSEARCH_URL", "SEARCH_BACKEND"}}
    read = "import enabled.settings.base as base; print(base.SEARCH_BACKEND)"
    done = subprocess.run(  # noqa: S603 - our own interpreter reading our settings
        [sys.executable, "-c", read],
        env={**env, **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == chosen
