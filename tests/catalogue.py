"""A small catalogue for page tests: one fully described product and enough others to page.

Shared by tests/test_pages.py (Django's test client) and the browser tests, so both read
the same pages. Built with tests/factories.py: real pages in the real page tree.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from wagtail.rich_text import RichText

from products.models import ProductGalleryImage, ProductPage, ProductSupplier
from tests.factories import make_image, make_manufacturer, make_product

# Products are listed 24 to a page (products.models.PRODUCTS_PER_PAGE): 1 + 29 others
# gives every listing that holds them all a second page.
OTHER_PRODUCTS = 29
NEED = "Eating and drinking"
CONDITION = "Tremor"
CATEGORY = "15 09 13"  # Cutlery and straws
SECONDARY_CATEGORY = "09 09"  # Dressing and undressing


@dataclass
class Catalogue:
    spoon: ProductPage
    others: list = field(default_factory=list)
    discontinued: ProductPage | None = None


def add_gallery_images(product, count, start=1):
    """Add `count` photos to a product's gallery and publish the change."""
    for number in range(start, start + count):
        product.gallery_images.add(
            ProductGalleryImage(
                image=make_image(f"Spoon photo {number}", colour=(30 * number % 255, 110, 90)),
                alt_text=f"The angled spoon, view {number}",
                caption=f"View {number} of the spoon.",
            )
        )
    product.save_revision().publish()
    product.refresh_from_db()
    return product


def make_spoon():
    """A product with every field filled: what a product page has to show at its fullest."""
    maker = make_manufacturer("Homecraft Living Aids", website="https://homecraft.example/")
    body = [
        (
            "paragraph",
            RichText(
                "<p>The head is bent so you can eat without turning your wrist.</p>"
                "<h3>Looking after it</h3><p>It can go in the dishwasher.</p>"
            ),
        ),
        (
            "image",
            {
                "image": make_image("Spoon in use", colour=(200, 120, 60), size=(120, 80)),
                "alt_text": "A hand with stiff fingers holding the spoon's wide handle",
                "caption": "The wide handle needs little grip.",
            },
        ),
        (
            "specification",
            {
                "caption": "Specification",
                "rows": [
                    {"label": "Material", "value": "Stainless steel, silicone handle"},
                    {"label": "Handle diameter", "value": "32 mm"},
                ],
            },
        ),
    ]
    spoon = make_product(
        "Angled spoon with wide grip",
        summary="A spoon bent at an angle, for people who find it hard to turn their wrist.",
        manufacturer=maker,
        needs=[NEED, "Grip, reach and carrying"],
        conditions=[CONDITION, "Rheumatoid arthritis"],
        secondary=[SECONDARY_CATEGORY],
        price_min=Decimal("12.50"),
        price_max=Decimal("30.00"),
        width_mm=Decimal("35"),
        depth_mm=Decimal("180.5"),
        height_mm=Decimal("40"),
        weight_kg=Decimal("0.08"),
        max_user_weight_kg=None,
        body=body,
    )
    for name, url, price in [
        ("Living Made Easy shop", "https://shop.example/spoon", Decimal("12.50")),
        ("Mobility Direct", "https://mobility.example/spoon", Decimal("1250.00")),
        ("Local pharmacy", "", None),
    ]:
        spoon.suppliers.add(ProductSupplier(name=name, url=url, price=price))
    return add_gallery_images(spoon, 3)


def build_catalogue(others=OTHER_PRODUCTS):
    spoon = make_spoon()
    catalogue = Catalogue(spoon=spoon)
    for number in range(1, others + 1):
        product = make_product(
            f"Two-handled cup {number:02d}",
            summary="A light cup with two large handles, easy to hold with both hands.",
            category=CATEGORY,
            needs=[NEED],
            conditions=[CONDITION],
            image=number % 3 == 0,
            price_min=Decimal("8.00") + number,
            price_max=Decimal("8.00") + number,
            discontinued=number == 1,
        )
        catalogue.others.append(product)
        if product.discontinued:
            catalogue.discontinued = product
    return catalogue
