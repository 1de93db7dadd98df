from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from products.models import ProductPage
from taxonomy.models import IsoCategory
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def test_product_is_published_under_the_index_with_its_taxonomies():
    product = make_product(
        "Angled spoon", needs=["Eating and drinking"], conditions=["Tremor"], image=True
    )
    assert product.live
    assert product.url == "/products/angled-spoon/"
    assert [n.name for n in product.needs.all()] == ["Eating and drinking"]
    assert [c.name for c in product.conditions.all()] == ["Tremor"]
    assert product.gallery_images.get().alt_text == "Photo of Angled spoon"


def unsaved_product(**fields):
    return ProductPage(
        title="Bath board",
        slug="bath-board",
        summary="Sits across the bath.",
        primary_category=IsoCategory.objects.get(code="09 33"),
        **fields,
    )


def test_price_range_upside_down_is_refused_with_a_clear_message():
    product = unsaved_product(price_min=Decimal("40"), price_max=Decimal("25"))
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert error.value.message_dict["price_max"] == [
        "The highest price must be the same as or more than the lowest price."
    ]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("width_mm", "Enter a value above 0 mm."),
        ("height_mm", "Enter a value above 0 mm."),
        ("weight_kg", "Enter a value above 0 kg."),
        ("max_user_weight_kg", "Enter a value above 0 kg."),
        ("price_min", "The lowest price cannot be negative."),
    ],
)
def test_negative_values_are_refused(field, message):
    product = unsaved_product(**{field: Decimal("-5")})
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert error.value.message_dict[field] == [message]


def test_price_range_and_dimensions_for_display():
    product = unsaved_product(
        price_min=Decimal("12.50"),
        width_mm=Decimal("450.0"),
        height_mm=Decimal("600.0"),
        max_user_weight_kg=Decimal("127.0"),
    )
    assert product.price_range == (Decimal("12.50"), Decimal("12.50"))
    assert product.dimensions == [
        ("Width", "450", "mm"),
        ("Height", "600", "mm"),
        ("Maximum user weight", "127", "kg"),
    ]
    assert unsaved_product().price_range is None
