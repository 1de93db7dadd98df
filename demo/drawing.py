"""Paint each demo product's illustration: a calm colour per ISO class, a pictogram, the name.

Drawn at twice the size and scaled down, which gives smooth edges although Pillow's
drawing functions do not antialias. Nothing is downloaded: the fonts are
DejaVu where the system has it and Pillow's built-in font otherwise.
"""

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from demo.pictograms import PICTOGRAMS, Pen

WIDTH, HEIGHT = 800, 600
SUPERSAMPLE = 2
PAPER = "#fbfaf6"

# ISO 9999 top-level class: (background, ink, accent). Ink on background passes WCAG AA.
PALETTES = {
    "04": ("#d5ece8", "#16433d", "#4fa396"),
    "06": ("#e3ddf1", "#35285c", "#8c7bc4"),
    "09": ("#d7e7f4", "#173a5e", "#5b9bd1"),
    "12": ("#ddebd3", "#254520", "#77ad5e"),
    "15": ("#f7e3cf", "#5a3414", "#e0944f"),
    "18": ("#efe6d0", "#4a3b16", "#c4a24f"),
    "22": ("#f4edc4", "#4b4210", "#d8b92c"),
    "24": ("#f3dadf", "#5a1f2c", "#d46a82"),
    "27": ("#d6eedf", "#17452b", "#4db37a"),
    "28": ("#dce2ea", "#283545", "#7a8fa8"),
    "30": ("#f6ddd0", "#5c2a16", "#e07f58"),
}
FALLBACK_PALETTE = ("#e6e6e6", "#2b2b2b", "#8a8a8a")
UNITS = {"mm", "cm", "m", "kg", "g", "ml", "words"}


@cache
def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def render(title, pictogram, category_code, category_title=""):
    """The illustration as PNG bytes."""
    s = SUPERSAMPLE
    background, ink, accent = PALETTES.get(category_code.split()[0], FALLBACK_PALETTE)
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), background)
    draw = ImageDraw.Draw(image)

    panel = (40 * s, 36 * s, (WIDTH - 40) * s, 440 * s)
    draw.rounded_rectangle(panel, radius=28 * s, fill=PAPER)
    label = f"Illustration · ISO 9999 {category_code}"
    if category_title:
        label += f" {category_title}"
    draw.text(
        (64 * s, 54 * s), fit(draw, label, font(15 * s), 660 * s), font=font(15 * s), fill=ink
    )

    # The pictogram's 400 by 300 box, centred below the label.
    scale = 1.15 * s
    origin = ((WIDTH * s - 400 * scale) / 2, 82 * s + (350 * s - 300 * scale) / 2)
    PICTOGRAMS[pictogram](Pen(draw, origin, scale, {"ink": ink, "accent": accent, "paper": PAPER}))

    _title(draw, title, ink, top=462 * s, width=(WIDTH - 80) * s)

    image = image.reduce(s)  # averages each 2 by 2 block: cheap antialiasing
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=3)
    return buffer.getvalue()


def _title(draw, text, colour, top, width):
    """The product name in at most two centred lines, smaller when it is long."""
    s = SUPERSAMPLE
    for size in (34, 30, 26, 22):
        face = font(size * s, bold=True)
        lines = wrap(draw, text, face, width)
        if len(lines) <= 2:
            break
    else:
        lines = [lines[0], fit(draw, " ".join(lines[1:]), face, width)]
    line_height = face.size * 1.25
    y = top + (2 - len(lines)) * line_height / 2
    for line in lines:
        line_width = draw.textlength(line, font=face)
        draw.text(((WIDTH * s - line_width) / 2, y), line, font=face, fill=colour)
        y += line_height


def wrap(draw, text, face, width):
    """`text` in lines no wider than `width`, broken between words."""
    lines, current = [], ""
    for word in _words(text):
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=face) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current]


def _words(text):
    """Words to wrap at, keeping a number with its unit ("45 cm") on one line."""
    words = []
    for word in text.split():
        if words and word.rstrip(",") in UNITS and words[-1].replace(".", "").isdigit():
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def fit(draw, text, face, width):
    """Shorten text with an ellipsis until it fits."""
    if draw.textlength(text, font=face) <= width:
        return text
    while text and draw.textlength(text + "…", font=face) > width:
        text = text[:-1]
    return text.rstrip() + "…"
