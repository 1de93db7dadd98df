"""Small builders for test data: real pages in a real page tree, no mocks."""

import io
import itertools

from django.contrib.auth.models import User
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from accounts.models import Profile
from products.models import Manufacturer, ProductGalleryImage, ProductIndexPage, ProductPage
from reviews import moderation
from reviews.models import CONTENT_FIELDS, Review, Tip
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


def make_member(display_name="Sam", role="user", conditions=(), show_conditions=False):
    """A signed-up member with a profile, as the sign-up form leaves one."""
    number = next(_counter)
    user = User.objects.create_user(f"member{number}", f"member{number}@example.invalid", "pw")
    profile = Profile.objects.create(
        user=user, display_name=display_name, role=role, show_conditions=show_conditions
    )
    profile.conditions.set(Condition.objects.filter(name__in=conditions))
    return user


def make_review(product, author=None, *, approved=True, moderator=None, **content):
    """A review submitted as the site submits one, approved unless told otherwise."""
    author = author or make_member()
    defaults = {name: None for name in CONTENT_FIELDS}
    defaults.update(
        rating=4,
        title="Does the job",
        body="It works well for me.",
        used_for="1_6_months",
        still_using=True,
        stopped_reason="",
    )
    defaults.update(content)
    review = moderation.submit(author, Review(product=product, author=author), defaults)
    if approved:
        review = moderation.approve(review, moderator)
    return review


def make_tip(product, author=None, *, approved=True, moderator=None, based_on=None, **content):
    """A tip submitted as the site submits one, approved unless told otherwise."""
    author = author or make_member()
    defaults = {
        "title": "Foam tubing on the handle",
        "problem": "The handle is too thin to grip with arthritis in my hands.",
        "steps": [
            {"text": "Cut a length of foam tubing to fit the handle."},
            {"text": "Push the handle into the tubing."},
        ],
        "difficulty": "easy",
        "cost": "under_10",
        "time_needed": "minutes",
        "tools": "",
        "safety_note": "",
    }
    defaults.update(content)
    tip = moderation.submit(
        author, Tip(product=product, author=author, based_on=based_on), defaults
    )
    if approved:
        tip = moderation.approve(tip, moderator)
    return tip
