"""Write demo product specifications into the database as published product pages.

Idempotent: products are recognised by their slug under the products index, images by
title and manufacturers by name, so running the load again creates nothing new. Each
product is created in its own transaction, so an interrupted load leaves only whole
products behind and the next run carries on where it stopped.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo import drawing
from products.models import Manufacturer, ProductGalleryImage, ProductPage, ProductSupplier
from taxonomy.models import Condition, IsoCategory, Need

IMAGE_CAPTION = "An illustration, not a photograph of the product."


class MissingTaxonomyError(LookupError):
    """The catalogue names ISO codes, needs or conditions the database does not have."""


@dataclass
class LoadResult:
    products_created: int = 0
    products_present: int = 0
    images_created: int = 0
    images_reused: int = 0
    manufacturers_created: int = 0
    manufacturers_present: int = 0


def load(specs, index, progress=None, now=None):
    """Create a published page under `index` for every spec whose slug is not there yet."""
    now = now or timezone.now()
    result = LoadResult()
    terms = _taxonomy(specs)
    makers = _manufacturers(specs, result)
    present = set(Page.objects.child_of(index).values_list("slug", flat=True))
    wanted = [spec for spec in specs if spec.slug not in present]
    images = _existing_images(spec.image_title for spec in wanted)

    # Wagtail refreshes an object's reference index on every save, six times for each new
    # product; refreshing it once when the product is complete gives the same index.
    with disable_reference_index_auto_update():
        for spec in specs:
            if spec.slug in present:
                result.products_present += 1
            else:
                with transaction.atomic():
                    image = images.get(spec.image_title)
                    if image is None:
                        image = _create_image(spec, terms["categories"][spec.category])
                        ReferenceIndex.create_or_update_for_object(image)
                        result.images_created += 1
                    else:
                        result.images_reused += 1
                    page = _page(spec, terms, makers, image, now)
                    index.add_child(instance=page)
                    page.save_revision().publish()
                    ReferenceIndex.create_or_update_for_object(page)
                present.add(spec.slug)
                result.products_created += 1
            if progress is not None:
                progress.update(1)
    return result


def _taxonomy(specs):
    """ISO categories, needs and conditions by code or name, checking none is missing."""
    codes = {code for spec in specs for code in (spec.category, *spec.secondary)}
    need_names = {name for spec in specs for name in spec.needs}
    condition_names = {name for spec in specs for name in spec.conditions}
    terms = {
        "categories": {c.code: c for c in IsoCategory.objects.filter(code__in=codes)},
        "needs": {n.name: n for n in Need.objects.filter(name__in=need_names)},
        "conditions": {c.name: c for c in Condition.objects.filter(name__in=condition_names)},
    }
    missing = sorted(
        (codes - terms["categories"].keys())
        | (need_names - terms["needs"].keys())
        | (condition_names - terms["conditions"].keys())
    )
    if missing:
        raise MissingTaxonomyError(", ".join(missing))
    return terms


def _manufacturers(specs, result):
    makers = {}
    for maker in dict.fromkeys(spec.maker for spec in specs):
        manufacturer, created = Manufacturer.objects.get_or_create(
            name=maker.name, defaults={"website": maker.website}
        )
        makers[maker.key] = manufacturer
        if created:
            result.manufacturers_created += 1
        else:
            result.manufacturers_present += 1
    return makers


def _existing_images(titles):
    images = {}
    for image in get_image_model().objects.filter(title__in=set(titles)).order_by("pk"):
        images.setdefault(image.title, image)
    return images


def _create_image(spec, category):
    data = drawing.render(spec.title, spec.pictogram, category.code, category.title)
    image = get_image_model()(
        title=spec.image_title,
        description=spec.alt_text,
        file=ContentFile(data, name=f"{spec.slug}.png"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - what Wagtail stores
    )
    image.save()
    return image


def _page(spec, terms, makers, image, now):
    page = ProductPage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        manufacturer=makers[spec.maker.key],
        body=spec.body,
        primary_category=terms["categories"][spec.category],
        price_min=spec.price_min,
        price_max=spec.price_max,
        discontinued=spec.discontinued,
        # Publishing keeps a first_published_at that is already set, so "recently added"
        # lists show a catalogue that grew over months rather than in one second.
        first_published_at=now - timedelta(days=spec.published_days_ago),
        **spec.dimensions,
    )
    page.secondary_categories.set([terms["categories"][code] for code in spec.secondary])
    page.needs.add(*[terms["needs"][name] for name in spec.needs])
    page.conditions.add(*[terms["conditions"][name] for name in spec.conditions])
    # Orderable's sort_order is filled in by the admin's inline forms, not by saving.
    page.gallery_images.add(
        ProductGalleryImage(
            image=image, alt_text=spec.alt_text, caption=IMAGE_CAPTION, sort_order=0
        )
    )
    for position, supplier in enumerate(spec.suppliers):
        page.suppliers.add(
            ProductSupplier(
                name=supplier.name, url=supplier.url, price=supplier.price, sort_order=position
            )
        )
    return page
