"""An ISO 9999 category's code is the one truth about its place in the tree.

Editors set the code; the parent, level and slug follow from it. The admin's forms are
read from the rendered pages (tests/rendered_forms.py) and sent back as a browser sends
them, with only the code typed over.
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.db import IntegrityError, transaction
from django.urls import reverse

from search.browse import product_counts
from taxonomy.models import CODE_FORMAT_MESSAGE, IsoCategory, normalise_code
from taxonomy.queries import category_tree
from tests.factories import make_product
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

EDIT = "wagtailsnippets_taxonomy_isocategory:edit"
ADD = "wagtailsnippets_taxonomy_isocategory:add"


def category(code):
    return IsoCategory.objects.get(code=code)


def edit_form(client, code):
    response = client.get(reverse(EDIT, args=[category(code).pk]))
    assert response.status_code == HTTPStatus.OK
    return RenderedForm(response, "w-editor-form")


def add_form(client):
    return RenderedForm(client.get(reverse(ADD)), "w-editor-form")


def code_errors(response):
    """The messages the page shows beside the code field, as a person reads them."""
    assert response.status_code == HTTPStatus.OK, "the form was accepted"
    page = BeautifulSoup(response.content, "lxml")
    field = page.find("input", attrs={"name": "code"}).find_parent(attrs={"data-field": True})
    return [error.get_text(" ", strip=True) for error in field.select(".error-message")]


def read_only_parent(response):
    """The parent as the edit page shows it, or None if it is not shown."""
    page = BeautifulSoup(response.content, "lxml")
    output = page.select_one("[aria-readonly=true]")
    return output.get_text(strip=True) if output else None


def codes_by_parent():
    """Each stored parent's code and its children's codes, read through the parent column."""
    tree = {}
    for child in IsoCategory.objects.select_related("parent"):
        tree.setdefault(child.parent.code if child.parent else "", []).append(child.code)
    return tree


def codes_by_code():
    """The same, worked out from the codes alone."""
    tree = {}
    for code in IsoCategory.objects.values_list("code", flat=True):
        tree.setdefault(" ".join(code.split()[:-1]), []).append(code)
    return tree


# Saving ---------------------------------------------------------------------------------


def test_saving_sets_the_parent_level_and_slug_from_the_code():
    new = IsoCategory(code="15 09 90", title="Drinking straws with valves")
    new.save()
    assert (new.parent, new.level, new.slug) == (category("15 09"), 3, "15-09-90")

    new.code = "24 18 90"
    new.parent = category("12")  # set by hand, and put right by the save
    new.save()
    new.refresh_from_db()
    assert (new.parent, new.level, new.slug) == (category("24 18"), 3, "24-18-90")

    new.code = "31"
    new.save(update_fields=["code"])
    new.refresh_from_db()
    assert (new.parent, new.level, new.slug) == (None, 1, "31")


def test_saving_under_a_missing_parent_says_which_to_add():
    with pytest.raises(IsoCategory.DoesNotExist, match="add it before 15 77 13"):
        IsoCategory(code="15 77 13", title="Nowhere to go").save()


def test_the_database_refuses_what_the_code_contradicts():
    cutlery = category("15 09 13")
    for wrong in ({"parent": None}, {"level": 2}, {"code": "15 09 1"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            IsoCategory.objects.filter(pk=cutlery.pk).update(**wrong)
    with pytest.raises(IntegrityError), transaction.atomic():
        IsoCategory.objects.filter(code="15").update(parent=category("12"))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("150913", "15 09 13"),
        ("15-09-13", "15 09 13"),
        ("15.09.13", "15 09 13"),
        ("  15  09 13 ", "15 09 13"),
        ("15", "15"),
        ("15 9 13", "15 9 13"),
        ("1509131", "1509131"),
        ("AB CD", "AB CD"),
        ("１５", "１５"),
    ],
)
def test_codes_are_written_as_iso_writes_them_when_the_digits_allow(typed, stored):
    assert normalise_code(typed) == stored


# The admin's forms ----------------------------------------------------------------------


def test_the_edit_form_shows_the_parent_and_does_not_offer_it(editor_client):
    response = editor_client.get(reverse(EDIT, args=[category("15 09 13").pk]))
    form = RenderedForm(response, "w-editor-form")
    assert "parent" not in form.data
    assert set(form.data) >= {"code", "title", "description"}
    assert read_only_parent(response) == "15 09 Eating and drinking"

    top = editor_client.get(reverse(EDIT, args=[category("15").pk]))
    assert read_only_parent(top) == "None: this is a top-level class"

    # A new category has no parent until its code is saved.
    assert read_only_parent(editor_client.get(reverse(ADD))) is None


def test_a_category_added_with_its_code_typed_any_way_goes_under_its_parent(editor_client):
    form = add_form(editor_client)
    form.set("code", "15-09-90")
    form.set("title", "Drinking straws with valves")
    response = form.submit(editor_client)

    assert response.status_code == HTTPStatus.FOUND, code_errors(response)
    added = category("15 09 90")
    assert (added.parent, added.level, added.slug) == (category("15 09"), 3, "15-09-90")


def test_a_category_moves_with_its_code_and_its_products_follow(
    editor_client, django_capture_on_commit_callbacks
):
    # Saves index their products once committed, as a request's commit does.
    with django_capture_on_commit_callbacks(execute=True):
        product = make_product(category="15 09 13")
    form = edit_form(editor_client, "15 09 13")
    form.set("code", "24 18 90")
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(editor_client)

    assert response.status_code == HTTPStatus.FOUND, code_errors(response)
    moved = category("24 18 90")
    assert (moved.parent, moved.slug) == (category("24 18"), "24-18-90")
    product.refresh_from_db()
    assert product.primary_category == moved
    counts = product_counts("category")
    assert counts["24 18 90"] == counts["24"] == 1
    assert "15 09" not in counts


@pytest.mark.parametrize("typed", ["15 9 13", "15 09 1", "1509131", "15 09 3a", "fifteen"])
def test_a_code_in_the_wrong_shape_is_refused(editor_client, typed):
    form = edit_form(editor_client, "15 09 13")
    form.set("code", typed)
    response = form.submit(editor_client)

    assert code_errors(response) == [CODE_FORMAT_MESSAGE]
    assert category("15 09 13").title == "Cutlery and straws"


def test_a_code_with_no_parent_to_go_under_is_refused(editor_client):
    form = edit_form(editor_client, "15 09 13")
    form.set("code", "15 77 13")
    response = form.submit(editor_client)

    assert code_errors(response) == ["Add category 15 77 first: 15 77 13 goes under it."]
    assert not IsoCategory.objects.filter(code="15 77 13").exists()

    form = add_form(editor_client)
    form.set("code", "32 01")
    form.set("title", "A class ISO does not have")
    response = form.submit(editor_client)
    assert code_errors(response) == ["Add category 32 first: 32 01 goes under it."]


def test_the_code_of_a_category_with_sub_categories_cannot_change(editor_client):
    before = codes_by_parent()
    form = edit_form(editor_client, "15 09")
    form.set("code", "15 10")
    response = form.submit(editor_client)

    assert code_errors(response) == [
        "You cannot change the code of 15 09 while it has sub-categories "
        "(15 09 13, 15 09 16, 15 09 18 and others). Give them new codes first, or keep 15 09."
    ]
    assert codes_by_parent() == before

    # A class's subclasses count too, and the message lists only what there is.
    form = edit_form(editor_client, "28")
    form.set("code", "29")
    response = form.submit(editor_client)
    below = IsoCategory.sub_category_codes("28")
    assert 0 < len(below) <= 3, "28 has too many subclasses for this check"
    assert code_errors(response) == [
        f"You cannot change the code of 28 while it has sub-categories ({', '.join(below)}). "
        "Give them new codes first, or keep 28."
    ]


def test_a_code_already_taken_is_refused(editor_client):
    form = edit_form(editor_client, "15 09 13")
    form.set("code", "150916")
    response = form.submit(editor_client)

    assert code_errors(response) == ["There is already a category with this code."]


def test_a_code_that_is_only_retyped_is_not_a_change(editor_client):
    form = edit_form(editor_client, "15 09")
    form.set("code", "15-09")
    response = form.submit(editor_client)

    assert response.status_code == HTTPStatus.FOUND, code_errors(response)
    assert codes_by_parent() == codes_by_code()


# The tree --------------------------------------------------------------------------------


def test_the_stored_tree_is_the_tree_the_codes_spell():
    assert codes_by_parent() == codes_by_code()
    for node in IsoCategory.objects.all():
        assert node.level == len(node.code.split())
        assert node.slug == node.code.replace(" ", "-")


def test_the_tree_page_nests_every_category_under_the_one_its_code_starts_with(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_product(category="15 09 13")

    def walk(nodes, parent_code=""):
        for node, count, children in nodes:
            assert " ".join(node.code.split()[:-1]) == parent_code
            yield node.code, count
            yield from walk(children, node.code)

    shown = dict(walk(category_tree(product_counts("category"))))
    assert list(shown) == list(IsoCategory.objects.values_list("code", flat=True))
    assert {code: n for code, n in shown.items() if n} == {"15": 1, "15 09": 1, "15 09 13": 1}

    page = BeautifulSoup(client.get(reverse("taxonomy:category_index")).content, "lxml")
    eating = page.find("a", href=category("15 09").get_absolute_url())
    branch = eating.find_parent("li")
    assert branch.find("a", href=category("15 09 13").get_absolute_url())
