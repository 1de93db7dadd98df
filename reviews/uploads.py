"""Checking and cleaning photos that people upload with their reviews and adaptation tips.

Photos come from the public and often from people's homes, so nothing is kept until it has
been checked, and what we keep is a fresh encoding of the pixels: no EXIF, GPS, XMP,
comments or trailing bytes survive. Wagtail (through Willow) copies EXIF from the original
into every rendition, which is why the original itself must already be clean.

Decisions:

- Formats are JPEG, PNG, WebP and HEIC/HEIF. HEIC is decoded with pillow-heif's own API and
  stored as JPEG, so browsers and Wagtail never meet it. GIF, BMP, TIFF, SVG, PDF and
  anything else are refused.
- The file name's ending and the browser's content type must match what is really in the
  file. A mismatch is refused rather than corrected: it is how polyglots and disguised files
  get through elsewhere. A missing or generic content type ("application/octet-stream") is
  not held against the person, because some browsers send one for HEIC and WebP.
- Animated PNG, WebP and HEIC sequences are accepted but only the first frame is kept. The
  40 million pixel limit counts every frame, so a long animation is refused before decoding.
- Colour profiles are applied to the pixels (converted to sRGB) and then dropped.
"""

import contextlib
import io
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

import pillow_heif
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageCms, ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

from reviews.photo_files import new_key, original_name

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 88
COLLECTION_NAME = "Contributors' photos"

# Pillow format: (name people know, file name endings, content types, format we store).
FORMATS = {
    "JPEG": (
        "JPEG",
        (".jpg", ".jpeg", ".jfif"),
        ("image/jpeg", "image/pjpeg", "image/jpg"),
        "JPEG",
    ),
    "PNG": ("PNG", (".png",), ("image/png", "image/x-png"), "PNG"),
    "WEBP": ("WebP", (".webp",), ("image/webp",), "WEBP"),
    "HEIF": ("HEIC", (".heic", ".heif"), ("image/heic", "image/heif"), "JPEG"),
}
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
UNSTATED_TYPES = {"", "application/octet-stream"}
SRGB = ImageCms.createProfile("sRGB")

MESSAGES = {
    "empty": "The selected photo is empty",
    "too_big": "The photo must be smaller than 10 MB",
    "unsupported_format": "The photo must be a JPEG, PNG, WebP or HEIC file",
    "wrong_extension": "The photo is a %(label)s, so its name must end in %(endings)s",
    "wrong_content_type": (
        "The photo’s file type does not match what is in it: try saving it again or choose another"
    ),
    "damaged": "The photo is damaged or incomplete: try saving it again or choose another",
    "too_many_pixels": "The photo is too large: it must have no more than 40 million pixels",
    "animation_too_many_pixels": (
        "The animation is too large: all its frames together must have no more than "
        "40 million pixels"
    ),
}


@dataclass(frozen=True)
class CleanImage:
    """A checked photo, re-encoded from its pixels alone and ready to store."""

    content: bytes
    format: str  # "JPEG", "PNG" or "WEBP"
    width: int
    height: int
    name: str  # random, so the stored name never carries the uploader's file name


def refuse(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def sniff(head):
    """The Pillow format named by the file's first bytes, or None if it is not one we take."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "HEIF"
    return None


def check_and_clean(uploaded_file):
    """Check an uploaded photo and return it re-encoded as a `CleanImage`.

    Raises ValidationError (and nothing else) with a message for the person and a code.
    """
    size = getattr(uploaded_file, "size", None) or 0
    if size > MAX_BYTES:
        raise refuse("too_big")
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_BYTES + 1)  # `size` is trusted only as far as we read
    if not data:
        raise refuse("empty")
    if len(data) > MAX_BYTES:
        raise refuse("too_big")

    fmt = sniff(data[:16])
    if fmt is None:
        raise refuse("unsupported_format")
    label, endings, content_types, output_format = FORMATS[fmt]
    name = (uploaded_file.name or "").lower()
    if not name.endswith(endings):
        raise refuse("wrong_extension", label=label, endings=" or ".join(endings[:2]))
    content_type = (getattr(uploaded_file, "content_type", None) or "").lower()
    if content_type not in UNSTATED_TYPES and content_type not in content_types:
        raise refuse("wrong_content_type")

    try:
        image = decode_heif(data) if fmt == "HEIF" else decode(data, fmt)
        content = encode(image, output_format)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise refuse("too_many_pixels") from error
    except Exception as error:  # Decoders raise many types; to the person they mean one thing.
        raise refuse("damaged") from error
    extension = ".jpg" if output_format == "JPEG" else f".{output_format.lower()}"
    return CleanImage(
        content=content,
        format=output_format,
        width=image.width,
        height=image.height,
        name=f"photo-{uuid.uuid4().hex[:12]}{extension}",
    )


def check_pixels(width, height, frames):
    if width * height > MAX_PIXELS:
        raise refuse("too_many_pixels")
    if width * height * frames > MAX_PIXELS:
        raise refuse("animation_too_many_pixels")


def decode(data, fmt):
    """Decode the first frame, trying only the plugin the file's first bytes named."""
    with Image.open(io.BytesIO(data), formats=[fmt]) as image:
        # Our own limit, from the header, before any pixel is decompressed.
        check_pixels(image.width, image.height, getattr(image, "n_frames", 1))
        image.verify()  # checksums and structure; the image cannot be used afterwards
    with Image.open(io.BytesIO(data), formats=[fmt]) as image:
        image.load()  # the first frame only
        return normalise(image)


def decode_heif(data):
    heif = pillow_heif.open_heif(io.BytesIO(data))  # reads the container, not the pixels
    width, height = heif.size
    check_pixels(width, height, len(heif))
    return normalise(heif.to_pillow())  # libheif turns it upright and resets EXIF orientation


def normalise(image):
    """Upright 8-bit pixels in sRGB, with alpha only where the photo has transparency."""
    # Before converting, which may drop the EXIF; broken EXIF costs the rotation, not the photo.
    with contextlib.suppress(Exception):
        image = ImageOps.exif_transpose(image)
    if "transparency" in image.info or image.mode in ("P", "PA", "LA"):
        # Palettes and tRNS chunks become plain RGB(A), so no palette tricks reach the output.
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode.startswith("I"):
        image = image.point(lambda value: value * (1 / 256)).convert("L")  # 16-bit greyscale
    target = image.mode if image.mode in ("L", "RGBA") else "RGB"
    return to_srgb(image, target)


def to_srgb(image, mode):
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile is not worth refusing a photo over; the colours may drift
    return image if image.mode == mode else image.convert(mode)


def encode(image, output_format):
    """Save the pixels alone: no exif, icc_profile, comment or XMP is passed on."""
    out = io.BytesIO()
    image.info = {}  # some savers fall back to info for ICC and comments
    if output_format == "JPEG":
        if image.mode == "RGBA":  # HEIC with alpha: JPEG has none, so lay it on white
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.getchannel("A"))
            image = background
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    elif output_format == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=JPEG_QUALITY, method=4)
    return out.getvalue()


def contributors_collection():
    """The collection for photos from the public, created under the root when missing."""
    with transaction.atomic():
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        return existing or root.add_child(name=COLLECTION_NAME)


def save_contributed_image(clean, title, *, uploaded_by_user=None):
    """Store a `CleanImage` as a Wagtail image in the contributors' collection.

    The file is named for the private part of the media storage (`reviews.photo_files`) and
    saved there directly: Wagtail's upload path would rename it to keep it public.
    """
    extension = PurePosixPath(clean.name).suffix
    name = default_storage.save(original_name(new_key(), extension), ContentFile(clean.content))
    image = get_image_model()(
        title=title[:255],
        collection=contributors_collection(),
        file=name,
        width=clean.width,
        height=clean.height,
        uploaded_by_user=uploaded_by_user,
    )
    image._set_image_file_metadata()  # file size and hash, as Wagtail's own forms do
    image.save()
    return image
