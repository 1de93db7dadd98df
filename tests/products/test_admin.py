"""Editors' product forms in the admin, sent as a browser sends them.

The forms are read from the rendered pages (tests/rendered_forms.py), so a test sends the
values the admin's own widgets hold, not values made up beside them.
"""

import json
from http import HTTPStatus

import pytest
from django.urls import reverse

from products.models import ProductPage
from taxonomy.models import IsoCategory, Need
from tests.factories import make_image, make_manufacturer, make_product, product_index
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


def draftail(*paragraphs):
    """Rich text as the Draftail editor holds it."""
    blocks = [
        {"key": f"k{i}", "type": "unstyled", "depth": 0, "text": text,
         "inlineStyleRanges": [], "entityRanges": []}
        for i, text in enumerate(paragraphs)
    ]  # fmt: skip
    return json.dumps({"blocks": blocks, "entityMap": {}})


def add_product_form(client):
    url = reverse("wagtailadmin_pages:add", args=["products", "productpage", product_index().pk])
    return RenderedForm(client.get(url), form_id="page-edit-form", model=ProductPage)


def fill_in_bath_lift(form):
    image = make_image("Bath lift photo")
    form.set("title", "Reclining bath lift")
    form.set("slug", "reclining-bath-lift")
    form.set("summary", "Lowers you into the bath and lifts you out at the touch of a button.")
    form.set("manufacturer", make_manufacturer("Aqua Ease").pk)
    form.set_stream(
        "body",
        ProductPage.body.field.stream_block,
        [
            {"type": "paragraph", "value": draftail("Runs on a rechargeable battery.")},
            {
                "type": "specification",
                "value": {
                    "caption": "Specification",
                    "rows": [{"value": {"label": "Seat width", "value": "37 cm"}}],
                },
            },
        ],
    )
    form.add_inline("gallery_images", image=image.pk, alt_text="A white bath lift in a bath")
    form.set("primary_category", IsoCategory.objects.get(code="09 33").pk)
    form.tick("secondary_categories", "12 36 Lifting persons")
    form.tick("needs", "Washing and bathing")
    form.tick("needs", "Grip, reach and carrying")
    form.tick("conditions", "Multiple sclerosis")
    form.tick("conditions", "Parkinson's")
    form.set("price_min", "399.00")
    form.set("price_max", "549.00")
    form.set("width_mm", "370")
    form.set("max_user_weight_kg", "140")
    form.add_inline("suppliers", name="Mobility Shop", url="https://shop.example/lift", price="449")
    return form


def test_editor_creates_and_publishes_a_product_through_the_admin(editor_client):
    form = fill_in_bath_lift(add_product_form(editor_client))
    response = form.submit(editor_client, button="action-publish")

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    product = ProductPage.objects.get(slug="reclining-bath-lift")
    assert product.live
    assert product.manufacturer.name == "Aqua Ease"
    assert sorted(n.name for n in product.needs.all()) == [
        "Grip, reach and carrying",
        "Washing and bathing",
    ]
    assert sorted(c.name for c in product.conditions.all()) == [
        "Multiple sclerosis",
        "Parkinson's",
    ]
    assert [c.code for c in product.secondary_categories.all()] == ["12 36"]
    assert product.gallery_images.get().alt_text == "A white bath lift in a bath"
    assert product.suppliers.get().name == "Mobility Shop"
    assert [block.block_type for block in product.body] == ["paragraph", "specification"]
    page = editor_client.get(product.url)
    assert page.status_code == HTTPStatus.OK
    assert "Grip, reach and carrying" in page.text
    assert "Parkinson&#x27;s" in page.text


def test_admin_shows_clear_errors_and_keeps_what_the_editor_typed(editor_client):
    form = fill_in_bath_lift(add_product_form(editor_client))
    form.set("price_min", "80")
    form.set("price_max", "20")
    form.set("width_mm", "-3")
    response = form.submit(editor_client, button="action-publish")

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert errors["price_max"] == [
        "The highest price must be the same as or more than the lowest price."
    ]
    assert errors["width_mm"] == ["Enter a value above 0 mm."]
    assert not ProductPage.objects.filter(slug="reclining-bath-lift").exists()
    again = RenderedForm(response, form_id="page-edit-form", model=ProductPage)
    assert again.values("title") == ["Reclining bath lift"]
    assert again.values("price_min") == ["80"]
    ticked = Need.objects.filter(pk__in=again.values("needs")).values_list("name", flat=True)
    assert sorted(ticked) == ["Grip, reach and carrying", "Washing and bathing"]
    assert again.values("gallery_images-0-alt_text") == ["A white bath lift in a bath"]


def test_a_term_removed_while_the_form_was_open_is_refused_by_name(editor_client):
    form = fill_in_bath_lift(add_product_form(editor_client))
    gone = Need.objects.get(name="Grip, reach and carrying")
    gone_id = gone.pk
    gone.delete()
    response = form.submit(editor_client, button="action-publish")

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["needs"] == [
        f"Choose needs from the list: {gone_id} is not one of them. "
        "Editors can add terms under Taxonomies."
    ]
    assert not ProductPage.objects.filter(slug="reclining-bath-lift").exists()


def test_gallery_image_without_alt_text_is_refused(editor_client):
    form = fill_in_bath_lift(add_product_form(editor_client))
    form.set("gallery_images-0-alt_text", "")
    response = form.submit(editor_client, button="action-publish")
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].formsets["gallery_images"].errors[0]["alt_text"]


def test_editors_have_a_flat_product_listing_with_filters(editor_client):
    make_product("Perching stool", discontinued=True)
    make_product("Tap turner")
    url = reverse("products:index")
    response = editor_client.get(url, {"discontinued": "true"})
    assert response.status_code == HTTPStatus.OK
    assert b"Perching stool" in response.content
    assert b"Tap turner" not in response.content


def test_search_finds_a_product_by_a_need_ticked_in_the_admin_at_once(
    editor_client, django_capture_on_commit_callbacks
):
    product = make_product("Button hook", needs=["Dressing"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    form = RenderedForm(editor_client.get(url), form_id="page-edit-form", model=ProductPage)
    form.untick("needs", "Dressing")
    form.tick("needs", "Grip, reach and carrying")
    with django_capture_on_commit_callbacks(execute=True):
        assert form.submit(editor_client, button="action-publish").status_code == HTTPStatus.FOUND

    def found(query):
        return "Button hook" in editor_client.get("/search/", {"q": query}).text

    assert found("carrying")
    assert not found("dressing")
