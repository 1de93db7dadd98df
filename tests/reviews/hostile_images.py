"""Uploads built in code: hostile files the checker must refuse, and photos it must accept.

Big animations are assembled chunk by chunk from one encoded frame, so a 200-frame file costs
one frame's encoding instead of several seconds.
"""

import io
import os
import struct
import zlib
from dataclasses import dataclass

import pillow_heif
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

MB = 1024 * 1024


def upload(name, data, content_type):
    return SimpleUploadedFile(name, data, content_type=content_type)


def encode(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg(size=(64, 48), colour="red", **options):
    return encode(Image.new("RGB", size, colour), "JPEG", **options)


def png(size=(64, 48), colour="red", mode="RGB", **options):
    return encode(Image.new(mode, size, colour), "PNG", **options)


def webp(size=(64, 48), colour="red", **options):
    return encode(Image.new("RGB", size, colour), "WEBP", **options)


def heic(image, **options):
    out = io.BytesIO()
    pillow_heif.from_pillow(image).save(out, format="HEIF", quality=80, **options)
    return out.getvalue()


def gps_exif(orientation=None, description=None):
    exif = Image.Exif()
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if description:
        exif[ExifTags.Base.ImageDescription] = description
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 40.0)
    return exif


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_from_rows(width, height, raw_rows, bit_depth=8, colour_type=0, extra=b""):
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + extra
        + png_chunk(b"IDAT", raw_rows)
        + png_chunk(b"IEND", b"")
    )


def zeros_compressed(total, chunk=MB):
    """zlib data for `total` zero bytes, built in milliseconds however large `total` is.

    After a full flush a deflate stream forgets what came before, so one compressed chunk
    can be repeated; the Adler-32 of n zero bytes is simply (n mod 65521) << 16 | 1.
    """
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(bytes(chunk)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    count, rest = divmod(total, chunk)
    tail = squeeze.compress(bytes(rest)) + squeeze.flush()
    adler = (total % 65521) << 16 | 1
    return b"\x78\xda" + block * count + tail + struct.pack(">I", adler)


# Hostile builders: each returns an UploadedFile.


def oversized():
    return upload("big.jpg", jpeg()[:-2] + os.urandom(10 * MB) + b"\xff\xd9", "image/jpeg")


def pixel_bomb_png():
    """50,000 × 50,000 one-bit pixels (2.5 gigapixels) compressed into about 300 KB."""
    width = height = 50_000
    return upload(
        "bomb.png",
        png_from_rows(width, height, zeros_compressed((1 + width // 8) * height), bit_depth=1),
        "image/png",
    )


def just_over_limit_png():
    """8000 × 5001: under Pillow's own bomb limit, so only our 40 megapixel rule stops it."""
    width, height = 8000, 5001
    return upload(
        "wide.png",
        png_from_rows(width, height, zeros_compressed((1 + width) * height)),
        "image/png",
    )


def jpeg_header_bomb():
    """A tiny JPEG whose frame header claims 65,000 × 65,000 pixels."""
    data = bytearray(jpeg((16, 16)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65_000, 65_000)
    return upload("huge.jpg", bytes(data), "image/jpeg")


def many_frame_gif():
    """200 frames of 500 × 500 (50 megapixels), one encoded frame repeated."""
    frame = encode(Image.new("P", (500, 500), 1), "GIF")
    table = 3 * 2 ** ((frame[10] & 7) + 1) if frame[10] & 0x80 else 0
    head, body = frame[: 13 + table], frame[13 + table : -1]  # body: image blocks, no trailer
    return upload("animation.gif", head + body * 200 + b";", "image/gif")


def many_frame_apng():
    """200 frames of 500 × 500 (50 megapixels) in an animated PNG."""
    width = height = 500
    pixels = zeros_compressed((1 + width) * height)

    def fctl(sequence):
        return png_chunk(
            b"fcTL", struct.pack(">IIIIIHHBB", sequence, width, height, 0, 0, 1, 10, 0, 0)
        )

    chunks = [png_chunk(b"acTL", struct.pack(">II", 200, 0)), fctl(0), png_chunk(b"IDAT", pixels)]
    for frame in range(1, 200):
        chunks += [fctl(2 * frame - 1), png_chunk(b"fdAT", struct.pack(">I", 2 * frame) + pixels)]
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    data = b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(chunks) + png_chunk(b"IEND", b"")
    return upload("animation.png", data, "image/png")


def riff_chunk(kind, data):
    return kind + struct.pack("<I", len(data)) + data + b"\0" * (len(data) % 2)


def many_frame_webp():
    """200 frames of 500 × 500 (50 megapixels) in an animated WebP."""
    size = 500
    frame = webp((size, size), lossless=True)[12:]  # the VP8L chunk of a still WebP
    dims = (size - 1).to_bytes(3, "little") * 2
    vp8x = riff_chunk(b"VP8X", b"\x02\0\0\0" + dims)
    anim = riff_chunk(b"ANIM", b"\0\0\0\0\0\0")
    anmf = riff_chunk(b"ANMF", b"\0" * 6 + dims + (100).to_bytes(3, "little") + b"\0" + frame)
    body = b"WEBP" + vp8x + anim + anmf * 200
    return upload("animation.webp", b"RIFF" + struct.pack("<I", len(body)) + body, "image/webp")


def gif():
    return upload("photo.gif", encode(Image.new("RGB", (32, 32), "red"), "GIF"), "image/gif")


def jpeg_named_png():
    return upload("photo.png", jpeg(), "image/png")


def png_named_jpg():
    return upload("photo.jpg", png(), "image/jpeg")


def heic_named_jpg():
    return upload("photo.jpg", heic(Image.new("RGB", (64, 48), "red")), "image/jpeg")


def png_named_html():
    return upload("photo.png.html", png(), "image/png")


def no_extension():
    return upload("photo", jpeg(), "image/jpeg")


def content_type_lie():
    return upload("photo.png", png(), "text/html")


def html_as_jpg():
    html = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    return upload("photo.jpg", html, "image/jpeg")


def script_as_png():
    return upload("photo.png", b"<script>fetch('/admin/').then(r=>r.text())</script>", "image/png")


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(1)</script><rect width="10" height="10"/></svg>'
)


def svg():
    return upload("photo.svg", SVG, "image/svg+xml")


def svg_as_png():
    return upload("photo.png", SVG, "image/png")


def pdf():
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"  # noqa: E501
    return upload("photo.pdf", pdf, "application/pdf")


def pdf_as_jpg():
    return upload("photo.jpg", pdf().read(), "image/jpeg")


def empty():
    return upload("photo.jpg", b"", "image/jpeg")


def random_bytes():
    return upload("photo.jpg", os.urandom(4096), "image/jpeg")


def truncated_jpeg():
    data = jpeg((400, 300), "blue")
    return upload("photo.jpg", data[: len(data) // 2], "image/jpeg")


def truncated_png():
    data = encode(Image.effect_noise((200, 200), 64), "PNG")
    return upload("photo.png", data[: len(data) // 2], "image/png")


def truncated_webp():
    data = encode(Image.effect_noise((200, 200), 64).convert("RGB"), "WEBP")
    return upload("photo.webp", data[: len(data) // 2], "image/webp")


def gif_polyglot():
    """A GIF header that is also JavaScript (the "GIFAR"/GIF-JS trick)."""
    data = b"GIF89a/*\x0a\x00\x0a\x00\x00\x00\x00*/=1;alert(document.domain);//" + b"\0" * 32 + b";"
    return upload("photo.png", data, "image/png")


def bmp():
    return upload("photo.bmp", encode(Image.new("RGB", (32, 32), "red"), "BMP"), "image/bmp")


def tiff():
    return upload("photo.tiff", encode(Image.new("RGB", (32, 32), "red"), "TIFF"), "image/tiff")


def png_bad_crc():
    data = bytearray(png((32, 32)))
    idat = data.index(b"IDAT")
    crc_at = idat + 4 + struct.unpack(">I", data[idat - 4 : idat])[0]
    data[crc_at] ^= 0xFF
    return upload("photo.png", bytes(data), "image/png")


def png_bad_idat():
    """IDAT holding garbage instead of zlib data, with a correct CRC so only decoding fails."""
    return upload("photo.png", png_from_rows(32, 32, b"not zlib at all" * 8), "image/png")


@dataclass(frozen=True)
class Hostile:
    build: object
    code: str


HOSTILE = {
    "oversized": Hostile(oversized, "too_big"),
    "pixel-bomb-png-50000x50000": Hostile(pixel_bomb_png, "too_many_pixels"),
    "png-just-over-40mp": Hostile(just_over_limit_png, "too_many_pixels"),
    "jpeg-header-claims-65000x65000": Hostile(jpeg_header_bomb, "too_many_pixels"),
    "gif-200-frames": Hostile(many_frame_gif, "unsupported_format"),
    "apng-200-frames": Hostile(many_frame_apng, "animation_too_many_pixels"),
    "webp-200-frames": Hostile(many_frame_webp, "animation_too_many_pixels"),
    "gif": Hostile(gif, "unsupported_format"),
    "jpeg-named-png": Hostile(jpeg_named_png, "wrong_extension"),
    "png-named-jpg": Hostile(png_named_jpg, "wrong_extension"),
    "heic-named-jpg": Hostile(heic_named_jpg, "wrong_extension"),
    "png-named-html": Hostile(png_named_html, "wrong_extension"),
    "no-extension": Hostile(no_extension, "wrong_extension"),
    "content-type-lie": Hostile(content_type_lie, "wrong_content_type"),
    "html-as-jpg": Hostile(html_as_jpg, "unsupported_format"),
    "script-as-png": Hostile(script_as_png, "unsupported_format"),
    "svg": Hostile(svg, "unsupported_format"),
    "svg-as-png": Hostile(svg_as_png, "unsupported_format"),
    "pdf": Hostile(pdf, "unsupported_format"),
    "pdf-as-jpg": Hostile(pdf_as_jpg, "unsupported_format"),
    "empty": Hostile(empty, "empty"),
    "random-bytes": Hostile(random_bytes, "unsupported_format"),
    "truncated-jpeg": Hostile(truncated_jpeg, "damaged"),
    "truncated-png": Hostile(truncated_png, "damaged"),
    "truncated-webp": Hostile(truncated_webp, "damaged"),
    "gif-javascript-polyglot": Hostile(gif_polyglot, "unsupported_format"),
    "bmp": Hostile(bmp, "unsupported_format"),
    "tiff": Hostile(tiff, "unsupported_format"),
    "png-bad-crc": Hostile(png_bad_crc, "damaged"),
    "png-bad-idat": Hostile(png_bad_idat, "damaged"),
}


# Photos that must be accepted, each with something to strip or keep.


def gps_rotated_jpeg():
    """40 × 20, red on the left and blue on the right, with GPS, XMP, a comment, orientation 6."""
    data = encode(
        red_left_blue_right(),
        "JPEG",
        exif=gps_exif(orientation=6),
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">51.5, -0.12</x:xmpmeta>',
        comment=b"Taken at 12 Acacia Avenue",
    )
    return upload("IMG_0001.JPG", data, "image/jpeg")


def huge_exif_jpeg():
    """About 60 KB of EXIF (the most one JPEG segment holds is 64 KB) plus GPS."""
    exif = gps_exif(description="x" * 60_000)
    return upload("photo.jpeg", jpeg((64, 48), exif=exif), "image/jpeg")


def jpeg_with_trailing_script():
    """A real JPEG with HTML after its end marker: a polyglot that re-encoding defuses."""
    data = jpeg() + b"<html><script>alert(document.cookie)</script></html>"
    return upload("photo.jpg", data, "image/jpeg")


def png_with_text_and_exif():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    data = png((32, 32), pnginfo=info, exif=gps_exif())
    return upload("photo.png", data, "image/png")


def transparent_png():
    image = Image.new("RGBA", (20, 20), (255, 0, 0, 255))
    image.paste((0, 0, 255, 0), (10, 0, 20, 20))  # right half fully transparent
    return upload("photo.png", encode(image, "PNG"), "image/png")


def palette_png_with_transparency():
    image = Image.new("P", (20, 20), 0)
    image.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    image.paste(1, (10, 0, 20, 20))
    return upload("photo.png", encode(image, "PNG", transparency=1), "image/png")


def webp_with_exif():
    return upload("photo.webp", webp((30, 20), exif=gps_exif()), "image/webp")


def red_left_blue_right():
    image = Image.new("RGB", (40, 20), "blue")
    image.paste("red", (0, 0, 20, 20))
    return image


def heic_with_gps():
    """Like `gps_rotated_jpeg`, made by pillow-heif, which stores orientation 6 as a rotation."""
    data = heic(red_left_blue_right(), exif=gps_exif(orientation=6).tobytes())
    return upload("IMG_0002.HEIC", data, "image/heic")


def tiny_png():
    return upload("dot.png", png((1, 1)), "image/png")


def tiny_jpeg():
    return upload("dot.jpg", jpeg((1, 1)), "image/jpeg")


def traversal_name():
    return upload("../../etc/passwd.png", png(), "image/png")


def octet_stream_webp():
    return upload("photo.webp", webp(), "application/octet-stream")


def sixteen_bit_grey_png():
    return upload("photo.png", encode(Image.new("I;16", (16, 16), 40_000), "PNG"), "image/png")


def cmyk_jpeg():
    return upload(
        "photo.jpg", encode(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG"), "image/jpeg"
    )


def exactly_40mp_png():
    width, height = 8000, 5000
    data = png_from_rows(width, height, zeros_compressed((1 + width) * height))
    return upload("wide.png", data, "image/png")
