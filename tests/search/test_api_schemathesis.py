"""The search API holds to its own OpenAPI schema, whatever it is sent.

Schemathesis reads /api/openapi.json from the site's WSGI application, in process, and sends
each endpoint requests built from the schema, valid and invalid (repeated, missing and
out-of-range values, any text): no answer may be a 5xx, every status must be one the schema
declares, and every body must match the schema of its status. Derandomised and bounded, so
it runs the same way, in seconds, on every run of the suite.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from enabled.wsgi import application
from search.log import PURGE_DUE_KEY
from tests.search.test_api import make_catalogue

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def catalogue(commits):
    make_catalogue(commits)
    cache.set(PURGE_DUE_KEY, True)  # the search log's daily purge is another test's business
    # Requests go straight to the WSGI application, not through Django's test client, so do
    # as the client does: keep the test's database connection (and its transaction) open
    # between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Read once, as the tests are collected: serving the schema touches no database. (Loading it
# from a fixture, schemathesis.pytest.from_fixture, fails on pytest 9.2, whose test items no
# longer have the `_nodeid` attribute schemathesis 4.32 rewrites.)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@schema.parametrize()
@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    # One catalogue serves every example: the API only reads it (and appends to the log).
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_search_api_keeps_to_its_schema(case, catalogue):
    case.call_and_validate(checks=CHECKS)
