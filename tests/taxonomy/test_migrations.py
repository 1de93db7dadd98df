"""The taxonomy's migrations carry their own data, and together they load the data files.

The test database is built by running every migration, so what it holds before a test
changes anything is what the migrations load on a fresh database.
"""

import ast
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.utils.text import slugify

from taxonomy.loading import read_rows
from taxonomy.models import Condition, IsoCategory, Need

pytestmark = pytest.mark.django_db

MIGRATIONS = Path(importlib.import_module("taxonomy.migrations").__file__).parent

WHAT_TO_DO = (
    "taxonomy/data/{file} no longer matches what the migrations load. A migration must do "
    "the same thing whenever it runs, so do not edit 0002_load_taxonomies; write a new "
    "data migration in taxonomy/migrations that makes the same change, with the rows it "
    "adds or changes written into it, using apps.get_model() only. Existing databases then "
    "get the change when they migrate.\nIn the file, not migrated: {extra}\n"
    "Migrated, not in the file: {missing}"
)


def assert_migrated(file, in_file, in_database):
    in_file, in_database = list(in_file), list(in_database)
    extra = [row for row in in_file if row not in in_database]
    missing = [row for row in in_database if row not in in_file]
    message = WHAT_TO_DO.format(file=file, extra=extra, missing=missing)
    assert sorted(in_file) == sorted(in_database), message


def test_the_migrations_load_exactly_the_iso_9999_file():
    assert_migrated(
        "iso9999.tsv",
        map(tuple, read_rows("iso9999.tsv")),
        IsoCategory.objects.values_list("code", "title"),
    )


@pytest.mark.parametrize(("model", "file"), [(Need, "needs.tsv"), (Condition, "conditions.tsv")])
def test_the_migrations_load_exactly_the_vocabulary_files(model, file):
    # Slugs are as load_taxonomies makes them for a new term.
    assert_migrated(
        file,
        ((name, slugify(name), description) for name, description in read_rows(file)),
        model.objects.values_list("name", "slug", "description"),
    )


def test_migrations_read_no_files_and_import_nothing_of_todays_code():
    """Today's models and loaders may change; an old migration must not change with them."""
    for path in sorted(MIGRATIONS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                imported = node.module or ""
            elif isinstance(node, ast.Import):
                imported = ",".join(alias.name for alias in node.names)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "open":
                raise AssertionError(f"{path.name} opens a file")
            else:
                continue
            assert "taxonomy" not in imported, f"{path.name} imports {imported}"


def test_the_initial_data_is_written_into_its_migration():
    initial = importlib.import_module("taxonomy.migrations.0002_load_taxonomies")
    assert len(initial.ISO_CATEGORIES) == 91
    assert len(initial.NEEDS) == 17
    assert len(initial.CONDITIONS) == 19
    assert initial.ISO_CATEGORIES[:2] == [
        ("04", "Measuring, stimulating or training physiological and psychological functions"),
        ("04 03", "Respiratory therapy"),
    ]
    assert ("Parkinson's", "parkinsons", initial.CONDITIONS[4][2]) in initial.CONDITIONS


# 0004 puts parents that an editor chose apart from the code right --------------------------

follow_codes = importlib.import_module("taxonomy.migrations.0004_parents_follow_codes").follow_codes


def test_parents_slugs_and_levels_are_put_right_from_the_codes():
    IsoCategory.objects.filter(code="15 09 13").update(parent=IsoCategory.objects.get(code="12 06"))
    IsoCategory.objects.filter(code="15 09 16").update(slug="cups")
    untouched = dict(IsoCategory.objects.values_list("code", "parent__code"))

    follow_codes(apps, schema_editor=None)

    cutlery = IsoCategory.objects.get(code="15 09 13")
    assert cutlery.parent.code == "15 09"
    assert IsoCategory.objects.get(code="15 09 16").slug == "15-09-16"
    untouched["15 09 13"] = "15 09"
    assert dict(IsoCategory.objects.values_list("code", "parent__code")) == untouched


def test_codes_no_one_can_put_right_without_a_person_stop_the_migration_and_are_named():
    IsoCategory.objects.create(code="3x", title="Not a code")
    IsoCategory.objects.filter(code="15 09 13").update(code="15 77 13")

    with pytest.raises(RuntimeError) as stopped:
        follow_codes(apps, schema_editor=None)

    assert str(stopped.value) == (
        "Correct these ISO 9999 categories' codes, or add the categories they go under, "
        "then migrate again: 15 77 13 has no category 15 77 to go under; "
        "“3x” is not 2, 4 or 6 digits in pairs separated by spaces."
    )
