"""Photos with reviews, sent through the real upload form as a browser sends them."""

import io
from http import HTTPStatus

import pytest
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from reviews import moderation
from reviews.models import MAX_PHOTOS, Photo, Status
from reviews.uploads import COLLECTION_NAME, MESSAGES
from tests.factories import make_member, make_product, make_review
from tests.rendered_forms import RenderedForm
from tests.reviews import hostile_images as files

pytestmark = pytest.mark.django_db

Image = get_image_model()
ALT = "The tap turner on a bath tap, with a hand pressing the lever"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def review(client):
    author = make_member("Rosa")
    client.force_login(author)
    return make_review(make_product("Tap turner"), author)


def small_png():
    return files.upload("tap.png", files.encode(PILImage.new("RGB", (8, 8)), "PNG"), "image/png")


def photos_form(client, review):
    return RenderedForm(client.get(reverse("reviews:photos", args=[review.pk])), "add-photo")


def add_photo(client, review, upload, alt=ALT):
    form = photos_form(client, review)
    form.set("alt_text", alt)
    return form.submit(client, files={"photo": upload})


def test_a_photo_is_stored_clean_in_its_own_collection_and_waits(client, review):
    response = add_photo(client, review, files.gps_rotated_jpeg())
    assert response.status_code == HTTPStatus.FOUND

    photo = Photo.objects.get()
    assert (photo.review, photo.alt_text, photo.status) == (review, ALT, Status.PENDING)
    assert photo.image.collection.name == COLLECTION_NAME
    with photo.image.file.open() as stored:
        original = PILImage.open(io.BytesIO(stored.read()))
    assert not original.getexif()
    assert original.size == (20, 40)  # turned upright
    rendition = photo.image.get_rendition("max-320x240")
    with rendition.file.open() as stored:
        assert not PILImage.open(io.BytesIO(stored.read())).getexif()

    product_page = client.get(review.product.url).text
    assert ALT not in product_page
    moderation.approve_photo(photo, None)
    assert ALT in client.get(review.product.url).text


@pytest.mark.parametrize("case", files.HOSTILE.values(), ids=files.HOSTILE.keys())
def test_hostile_files_are_refused_by_the_form_with_a_message_and_the_text_kept(
    client, review, case
):
    response = add_photo(client, review, case.build())

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = RenderedForm(response, "add-photo")
    assert page.values("alt_text") == [ALT]
    message = response.context["form"].errors["photo"][0]
    assert message.startswith(MESSAGES[case.code].split("%")[0])
    assert message in response.text
    assert not Photo.objects.exists()
    assert not Image.objects.filter(collection__name=COLLECTION_NAME).exists()


def test_alt_text_is_required(client, review):
    response = add_photo(client, review, small_png(), alt="  ")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["alt_text"] == ["This field is required."]


def test_at_most_six_photos_and_removing_one_deletes_its_image(client, review):
    for _ in range(MAX_PHOTOS):
        assert add_photo(client, review, small_png()).status_code == HTTPStatus.FOUND
    page = client.get(reverse("reviews:photos", args=[review.pk])).text
    assert "the most a review can have" in page
    assert 'type="file"' not in page

    first = Photo.objects.first()
    page = client.get(reverse("reviews:photos", args=[review.pk]))
    response = RenderedForm(page, f"remove-photo-{first.pk}").submit(client, button="remove")
    assert response.status_code == HTTPStatus.FOUND
    assert Photo.objects.count() == MAX_PHOTOS - 1
    assert not Image.objects.filter(pk=first.image_id).exists()


def test_only_the_author_can_add_photos(client, review):
    client.force_login(make_member("Someone else"))
    response = client.get(reverse("reviews:photos", args=[review.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND
