"""Small builders for test data: real pages in a real page tree, no mocks."""

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from products.models import Manufacturer, ProductGalleryImage, ProductIndexPage, ProductPage
from taxonomy.models import Condition, IsoCategory, Need

_counter = itertools.count(1)


def product_index():
    return ProductIndexPage.objects.get()


def make_image(title="Test image", colour=(40, 90, 160), size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"test-{next(_counter)}.png")
    )


def make_manufacturer(name=None, website="https://maker.example"):
    return Manufacturer.objects.create(name=name or f"Maker {next(_counter)}", website=website)


def make_product(
    title=None,
    *,
    category="15 09 13",
    secondary=(),
    needs=(),
    conditions=(),
    live=True,
    image=False,
    parent=None,
    **fields,
):
    """A product page published under the products index (or `parent`)."""
    number = next(_counter)
    fields.setdefault("summary", f"A summary of test product {number}.")
    product = ProductPage(
        title=title or f"Test product {number}",
        primary_category=IsoCategory.objects.get(code=category),
        **fields,
    )
    for name in needs:
        product.needs.add(Need.objects.get(name=name))
    for name in conditions:
        product.conditions.add(Condition.objects.get(name=name))
    if secondary:
        product.secondary_categories.set(IsoCategory.objects.filter(code__in=secondary))
    if image:
        product.gallery_images.add(
            ProductGalleryImage(
                image=make_image(), alt_text=f"Photo of {product.title}", sort_order=0
            )
        )
    (parent or product_index()).add_child(instance=product)
    revision = product.save_revision()
    if live:
        revision.publish()
    else:
        product.unpublish()
    product.refresh_from_db()
    return product
