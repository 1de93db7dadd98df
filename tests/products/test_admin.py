from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from products.models import ProductPage
from taxonomy.models import IsoCategory, Need
from tests.factories import make_image, make_manufacturer, make_product, product_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("editor", "editor@example.invalid", "pass")
    editor.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)
    return client


def add_url():
    return reverse("wagtailadmin_pages:add", args=["products", "productpage", product_index().pk])


def product_form(**overrides):
    image = make_image("Bath lift photo")
    data = {
        "title": "Reclining bath lift",
        "slug": "reclining-bath-lift",
        "summary": "Lowers you into the bath and lifts you out at the touch of a button.",
        "manufacturer": make_manufacturer("Aqua Ease").pk,
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Runs on a rechargeable battery.</p>")),
                (
                    "specification",
                    {
                        "caption": "Specification",
                        "rows": {
                            "count": "1",
                            "0": {
                                "type": "item",
                                "value": {"label": "Seat width", "value": "37 cm"},
                                "deleted": "",
                                "order": "0",
                            },
                        },
                    },
                ),
            ]
        ),
        "gallery_images": inline_formset(
            [{"image": image.pk, "alt_text": "A white bath lift seat in a bath", "caption": ""}]
        ),
        "primary_category": IsoCategory.objects.get(code="09 33").pk,
        "needs": "Washing and bathing, Transfers and positioning",
        "conditions": '"Multiple sclerosis"',
        "price_min": "399.00",
        "price_max": "549.00",
        "width_mm": "370",
        "max_user_weight_kg": "140",
        "suppliers": inline_formset(
            [{"name": "Mobility Shop", "url": "https://shop.example/lift", "price": "449.00"}]
        ),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_and_publishes_a_product_through_the_admin(editor_client):
    response = editor_client.post(add_url(), product_form())

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    product = ProductPage.objects.get(slug="reclining-bath-lift")
    assert product.live
    assert product.manufacturer.name == "Aqua Ease"
    assert sorted(n.name for n in product.needs.all()) == [
        "Transfers and positioning",
        "Washing and bathing",
    ]
    assert [c.name for c in product.conditions.all()] == ["Multiple sclerosis"]
    assert product.gallery_images.get().alt_text == "A white bath lift seat in a bath"
    assert product.suppliers.get().name == "Mobility Shop"
    assert [block.block_type for block in product.body] == ["paragraph", "specification"]
    assert editor_client.get(product.url).status_code == HTTPStatus.OK


def test_admin_shows_clear_errors_and_keeps_what_the_editor_typed(editor_client):
    form = product_form(price_min="80", price_max="20", width_mm="-3", needs="Dressing, Flying")
    response = editor_client.post(add_url(), form)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert errors["price_max"] == [
        "The highest price must be the same as or more than the lowest price."
    ]
    assert errors["width_mm"] == ["Enter a value above 0 mm."]
    assert "Not in the list: Flying" in errors["needs"][0]
    assert not ProductPage.objects.filter(slug="reclining-bath-lift").exists()
    assert b"Reclining bath lift" in response.content
    assert Need.objects.filter(name="Flying").count() == 0


def test_gallery_image_without_alt_text_is_refused(editor_client):
    form = product_form()
    form["gallery_images-0-alt_text"] = ""
    response = editor_client.post(add_url(), form)
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
