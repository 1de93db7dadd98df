"""Rows logged before the log blanked disguised details are cleaned by a data migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("search", "0004_rebuild_journal")]
AFTER = [("search", "0005_search_log_redacted_again")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_rows_are_redacted_again_and_half_typed_suggestions_forgotten():
    old = migrate(BEFORE).get_model("search", "SearchLog")
    row = {"result_count": 1, "took_ms": 5, "backend": "database"}
    old.objects.create(query="jane.doe@", kind="autocomplete", **row)
    old.objects.create(query="jane (at) example dot com stairlift", kind="search", **row)
    old.objects.create(query="kettle", filters={"near": ["12 Acacia Avenue"]}, **row)
    old.objects.create(query="ISO 9999 15 09 13", kind="search", **row)

    new = migrate(AFTER).get_model("search", "SearchLog")

    assert sorted(new.objects.values_list("query", "kind", "filters")) == [
        ("ISO 9999 15 09 13", "search", {}),
        ("[email] stairlift", "search", {}),
        ("kettle", "search", {"near": ["[address]"]}),
    ]
