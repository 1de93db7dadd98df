import contextlib
import io
import random

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.models import Collection

from reviews.uploads import (
    COLLECTION_NAME,
    MAX_BYTES,
    MESSAGES,
    check_and_clean,
    save_contributed_image,
)
from tests.reviews import hostile_images as files


def refusal(upload):
    with pytest.raises(ValidationError) as caught:
        check_and_clean(upload)
    return caught.value


def reopen(clean):
    image = Image.open(io.BytesIO(clean.content))
    assert image.format == clean.format
    assert image.size == (clean.width, clean.height)
    return image


def assert_no_metadata(image):
    assert not image.getexif()
    assert not image.getexif().get_ifd(0x8825)  # GPS
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "icc_profile"):
        assert key not in image.info


@pytest.mark.parametrize("case", files.HOSTILE.values(), ids=files.HOSTILE.keys())
def test_hostile_files_are_refused_with_a_message_and_code(case):
    error = refusal(case.build())

    assert error.code == case.code
    assert error.messages == [MESSAGES[case.code] % (error.params or {})]


def test_there_are_enough_hostile_cases():
    assert len(files.HOSTILE) >= 22


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (files.oversized, "The photo must be smaller than 10 MB"),
        (files.empty, "The selected photo is empty"),
        (files.svg, "The photo must be a JPEG, PNG, WebP or HEIC file"),
        (files.jpeg_named_png, "The photo is a JPEG, so its name must end in .jpg or .jpeg"),
        (files.png_named_jpg, "The photo is a PNG, so its name must end in .png"),
        (
            files.truncated_jpeg,
            "The photo is damaged or incomplete: try saving it again or choose another",
        ),
        (
            files.pixel_bomb_png,
            "The photo is too large: it must have no more than 40 million pixels",
        ),
        (
            files.many_frame_webp,
            "The animation is too large: all its frames together must have no more than "
            "40 million pixels",
        ),
    ],
)
def test_messages_say_what_to_do(build, message):
    assert refusal(build()).messages == [message]


def test_size_is_checked_before_the_file_is_read():
    class Huge:
        name, content_type, size = "photo.jpg", "image/jpeg", MAX_BYTES + 1

        def read(self, *args):
            raise AssertionError("read a file that was already too big")

    assert refusal(Huge()).code == "too_big"


def test_a_file_bigger_than_its_stated_size_is_still_refused():
    upload = files.oversized()
    upload.size = 1000
    assert refusal(upload).code == "too_big"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_corrupted_bytes_only_ever_raise_validation_error(fmt):
    original = files.encode(Image.effect_noise((48, 32), 80).convert("RGB"), fmt)
    name = {"JPEG": "x.jpg", "PNG": "x.png", "WEBP": "x.webp"}[fmt]
    rng = random.Random(fmt)
    for _ in range(150):
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = data[: rng.randint(1, len(data))] if rng.random() < 0.3 else data
        with contextlib.suppress(ValidationError):  # any other exception fails the test
            check_and_clean(files.upload(name, bytes(data), ""))


def assert_upright(image):
    """The red left half of the 40 × 20 original, turned 90° clockwise, is now on top."""
    assert image.size == (20, 40)
    red, green, blue = image.convert("RGB").getpixel((10, 5))
    assert red > 200 and blue < 60
    red, green, blue = image.convert("RGB").getpixel((10, 35))
    assert blue > 200 and red < 60


def test_gps_and_orientation_are_removed_and_the_pixels_turned_upright():
    clean = check_and_clean(files.gps_rotated_jpeg())

    image = reopen(clean)
    assert clean.format == "JPEG"
    assert_no_metadata(image)
    assert_upright(image)
    assert b"Acacia" not in clean.content and b"xmpmeta" not in clean.content


def test_a_huge_exif_block_is_accepted_and_dropped():
    clean = check_and_clean(files.huge_exif_jpeg())

    assert_no_metadata(reopen(clean))
    assert len(clean.content) < 5_000


def test_anything_after_the_image_data_is_dropped():
    clean = check_and_clean(files.jpeg_with_trailing_script())

    assert b"<script" not in clean.content
    assert_no_metadata(reopen(clean))


def test_png_text_chunks_and_exif_are_dropped():
    clean = check_and_clean(files.png_with_text_and_exif())

    assert b"<script" not in clean.content and b"eXIf" not in clean.content
    assert_no_metadata(reopen(clean))


def test_transparency_is_kept():
    clean = check_and_clean(files.transparent_png())

    image = reopen(clean)
    assert clean.format == "PNG" and image.mode == "RGBA"
    assert image.getpixel((2, 2)) == (255, 0, 0, 255)
    assert image.getpixel((15, 2))[3] == 0


def test_palette_transparency_becomes_plain_rgba():
    image = reopen(check_and_clean(files.palette_png_with_transparency()))

    assert image.mode == "RGBA"
    assert image.getpixel((2, 2)) == (255, 0, 0, 255)
    assert image.getpixel((15, 2))[3] == 0


def test_webp_stays_webp_without_exif():
    clean = check_and_clean(files.webp_with_exif())

    assert clean.format == "WEBP" and clean.name.endswith(".webp")
    assert_no_metadata(reopen(clean))


def test_heic_made_by_pillow_heif_is_decoded_and_stored_as_jpeg():
    clean = check_and_clean(files.heic_with_gps())

    image = reopen(clean)
    assert clean.format == "JPEG" and clean.name.endswith(".jpg")
    assert_no_metadata(image)
    assert_upright(image)  # turned once, by libheif, not a second time by us


@pytest.mark.parametrize(
    ("build", "fmt", "size"),
    [
        (files.tiny_png, "PNG", (1, 1)),
        (files.tiny_jpeg, "JPEG", (1, 1)),
        (files.octet_stream_webp, "WEBP", (64, 48)),
        (files.sixteen_bit_grey_png, "PNG", (16, 16)),
        (files.cmyk_jpeg, "JPEG", (16, 16)),
        (files.exactly_40mp_png, "PNG", (8000, 5000)),
    ],
)
def test_ordinary_photos_are_accepted(build, fmt, size):
    clean = check_and_clean(build())

    assert (clean.format, clean.width, clean.height) == (fmt, *size)
    assert_no_metadata(reopen(clean))


def test_stored_name_is_random_and_safe():
    clean = check_and_clean(files.traversal_name())

    assert clean.name.startswith("photo-") and clean.name.endswith(".png")
    assert "/" not in clean.name and ".." not in clean.name
    assert clean.name != check_and_clean(files.traversal_name()).name


@pytest.mark.django_db
def test_saved_image_and_its_renditions_carry_no_exif(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = save_contributed_image(check_and_clean(files.gps_rotated_jpeg()), "Grab rail tip")

    assert image.collection.name == COLLECTION_NAME
    assert image.collection.get_parent() == Collection.get_first_root_node()
    assert (image.width, image.height) == (20, 40)
    assert image.file_size and image.file_hash
    with image.open_file() as original:
        assert_no_metadata(Image.open(original))
    rendition = image.get_rendition("fill-100x100")
    with rendition.file.open() as rendered:
        assert_no_metadata(Image.open(rendered))


@pytest.mark.django_db
def test_contributors_collection_is_made_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = save_contributed_image(check_and_clean(files.tiny_png()), "One")
    second = save_contributed_image(check_and_clean(files.heic_with_gps()), "Two")

    assert first.collection == second.collection
    assert Collection.objects.filter(name=COLLECTION_NAME).count() == 1
    assert second.file.name.endswith(".jpg")
