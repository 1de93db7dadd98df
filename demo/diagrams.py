"""Draw the stand-ins for members' photos in the demo: labelled diagrams, never photographs.

There are no real photos to ship, and the pages and moderation queues need something to
show. Each picture is the product's pictogram under a heading that says it is a demo
drawing, with a caption and, for a tip, the number of the step it belongs to; its alt
text (`alt_text`) describes exactly that. The pictures are JPEGs carrying a little EXIF, as
photos from phones do, so that storing them through `reviews.uploads` cleans something.
"""

import io

from PIL import Image, ImageDraw

from demo.drawing import FALLBACK_PALETTE, PALETTES, PAPER, SUPERSAMPLE, fit, font, wrap
from demo.pictograms import PICTOGRAMS, Pen

WIDTH, HEIGHT = 800, 600
HEADING = "Demo drawing, not a photo"
ALT_TEXT_MAX_LENGTH = 250  # Photo.alt_text
# EXIF tags: Make, Model and Software.
EXIF = {0x010F: "Enabled demo", 0x0110: "Diagram", 0x0131: "demo.diagrams"}


def render(pictogram, category_code, caption, step=None):
    """The picture as JPEG bytes: the pictogram, the step's number if any, the caption."""
    s = SUPERSAMPLE
    background, ink, accent = PALETTES.get(category_code.split()[0], FALLBACK_PALETTE)
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), PAPER)
    draw = ImageDraw.Draw(image)

    draw.rectangle((0, 0, WIDTH * s, 56 * s), fill=background)
    heading = font(22 * s, bold=True)
    draw.text((24 * s, 14 * s), HEADING, font=heading, fill=ink)

    scale = 1.05 * s
    origin = ((WIDTH * s - 400 * scale) / 2, 78 * s)
    PICTOGRAMS[pictogram](Pen(draw, origin, scale, {"ink": ink, "accent": accent, "paper": PAPER}))

    if step is not None:
        centre, radius = (84 * s, 136 * s), 46 * s
        draw.ellipse(
            (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
            fill=ink,
        )
        number = font(44 * s, bold=True)
        draw.text(centre, str(step), font=number, fill=PAPER, anchor="mm")

    draw.line((40 * s, 416 * s, (WIDTH - 40) * s, 416 * s), fill=accent, width=4 * s)
    _caption(draw, caption, ink, top=440 * s, width=(WIDTH - 80) * s)

    image = image.reduce(s)
    exif = Image.Exif()
    for tag, value in EXIF.items():
        exif[tag] = value
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def _caption(draw, text, colour, top, width):
    """The caption in at most three centred lines."""
    face = font(30 * SUPERSAMPLE)
    lines = wrap(draw, text, face, width)
    if len(lines) > 3:
        lines = [*lines[:2], fit(draw, " ".join(lines[2:]), face, width)]
    line_height = face.size * 1.3
    for number, line in enumerate(lines):
        line_width = draw.textlength(line, font=face)
        x = (WIDTH * SUPERSAMPLE - line_width) / 2
        draw.text((x, top + number * line_height), line, font=face, fill=colour)


def alt_text(picture, caption, step=None):
    """What the picture shows, for people who cannot see it; `picture` is what the
    pictogram draws ("a kettle sitting in a tilting metal cradle")."""
    numbered = f", the number {step} in a circle" if step is not None else ""
    text = f"Diagram: a simple drawing of {picture}{numbered}, captioned “{caption}”."
    if len(text) > ALT_TEXT_MAX_LENGTH:
        text = f"Diagram: a drawing captioned “{caption}”."
    return text[:ALT_TEXT_MAX_LENGTH]
