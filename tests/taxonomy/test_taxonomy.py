import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils.html import escape

from search.browse import product_counts
from taxonomy.loading import read_rows
from taxonomy.models import Condition, IsoCategory, Need
from taxonomy.queries import category_tree
from tests.factories import make_product

pytestmark = pytest.mark.django_db

TOP_LEVEL = ["04", "06", "09", "12", "15", "18", "22", "24", "27", "28", "30"]


def test_migration_loads_all_eleven_iso_classes_with_parents():
    assert list(IsoCategory.objects.filter(level=1).values_list("code", flat=True)) == TOP_LEVEL
    division = IsoCategory.objects.get(code="15 09 13")
    assert division.title == "Cutlery and straws"
    assert division.parent.code == "15 09"
    assert division.parent.parent.code == "15"
    assert division.slug == "15-09-13"
    assert [c.code for c in division.ancestors()] == ["15", "15 09"]


def test_vocabularies_are_seeded_from_the_data_files_and_closed():
    assert Need.objects.count() == len(list(read_rows("needs.tsv"))) == 17
    assert Condition.objects.filter(name="Parkinson's", slug="parkinsons").exists()
    assert Need.free_tagging is False
    assert Condition.free_tagging is False


def test_loading_twice_creates_nothing_and_keeps_editors_changes():
    need = Need.objects.get(name="Dressing")
    need.description = "Edited by an editor."
    need.save()
    call_command("load_taxonomies", stdout=io.StringIO())
    assert Need.objects.count() == 17
    assert IsoCategory.objects.count() == len(list(read_rows("iso9999.tsv")))
    need.refresh_from_db()
    assert need.description == "Edited by an editor."


def test_counts_include_descendants_count_each_product_once_and_skip_drafts(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):  # indexed as on commit
        make_product(category="15 09 13")
        make_product(category="15 09 16", secondary=["15 09 13"])
        make_product(category="15 03", secondary=["15 09 18", "24 18"])
        make_product(category="15 09 13", live=False)
        make_product(category="15 09 13", discontinued=True)  # listed only when asked for

    counts = product_counts("category")
    assert counts["15 09 13"] == 2
    assert counts["15 09"] == 3
    assert counts["15"] == 3
    assert counts["24"] == 1
    assert "12" not in counts


def test_tree_nests_every_category_under_its_parent(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_product(category="12 06 06")
    counts = product_counts("category")
    with django_assert_num_queries(1):
        tree = category_tree(counts)
    assert [node[0].code for node in tree] == TOP_LEVEL
    mobility = next(node for node in tree if node[0].code == "12")
    assert mobility[1] == 1
    both_arms = next(child for child in mobility[2] if child[0].code == "12 06")
    assert [(c.code, n) for c, n, _ in both_arms[2]] == [("12 06 03", 0), ("12 06 06", 1)]


HARD_NEED = 'Reaching "high" shelves, cupboards & café counters'
HARD_CONDITION = "Ménière's disease, “vertigo” type"


def test_any_name_gets_an_ascii_slug_that_routes():
    need = Need.objects.create(name=HARD_NEED)
    condition = Condition.objects.create(name=HARD_CONDITION)
    assert need.slug == "reaching-high-shelves-cupboards-cafe-counters"
    assert condition.slug == "menieres-disease-vertigo-type"
    assert need.get_absolute_url() == f"/needs/{need.slug}/"
    assert Need.objects.create(name="Reaching high shelves: cupboards, café counters").slug == (
        "reaching-high-shelves-cupboards-cafe-counters-2"
    )


def test_a_slug_an_editor_empties_is_made_again_from_the_name():
    need = Need.objects.get(name="Grip, reach and carrying")
    need.slug = ""
    need.save()
    assert need.slug == "grip-reach-and-carrying"


def test_a_name_that_differs_only_in_case_is_refused():
    need = Need(name="dressing")
    with pytest.raises(ValidationError) as refused:
        need.full_clean()
    assert refused.value.message_dict["name"] == ["There is already a need called “dressing”."]


def test_product_pages_and_search_show_terms_with_any_name(
    client, django_capture_on_commit_callbacks
):
    need = Need.objects.create(name=HARD_NEED)
    condition = Condition.objects.create(name=HARD_CONDITION)
    with django_capture_on_commit_callbacks(execute=True):  # publishing indexes it on commit
        product = make_product("Long-reach grabber", needs=[need.name], conditions=[condition.name])

    page = client.get(product.url).text
    assert escape(HARD_NEED) in page
    assert escape(HARD_CONDITION) in page
    assert "Long-reach grabber" in client.get(need.get_absolute_url()).text
    assert "Long-reach grabber" in client.get("/search/", {"q": "cupboards"}).text
    assert "Long-reach grabber" in client.get("/search/", {"q": "Ménière"}).text


def test_renaming_a_term_reindexes_the_products_that_carry_it(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product = make_product("Button hook", needs=["Dressing"])
    assert "Button hook" in client.get("/search/", {"q": "button hook"}).text
    assert "Button hook" not in client.get("/search/", {"q": "zipping"}).text

    with django_capture_on_commit_callbacks(execute=True):
        need = Need.objects.get(name="Dressing")
        need.name = "Dressing and zipping"
        need.save()

    assert "Button hook" in client.get("/search/", {"q": "zipping"}).text
    assert "Dressing and zipping" in client.get(product.url).text
