import re
from html import unescape

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


TAG = re.compile(r"<[^>]*>")


class IndexedRichTextBlock(blocks.RichTextBlock):
    """Rich text whose words reach search without a full HTML parse.

    Wagtail strips the tags with Django's strip_tags, an HTMLParser in pure Python, which was
    a third of the time spent building a product's search document. The editor writes
    well-formed HTML with its attributes escaped, so a tag never holds a bare ">", and
    replacing each tag with a space gives the same words.
    """

    def get_searchable_content(self, value):
        if not self.search_index:
            return []
        return [" ".join(unescape(TAG.sub(" ", value.source)).split())]


class PrefetchedImageChooserBlock(ImageChooserBlock):
    """Loads a stream's images with their renditions at once, not a query per image."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions().in_bulk(values)
        return [images.get(pk) for pk in values]


class ImageWithAltBlock(blocks.StructBlock):
    image = PrefetchedImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class SpecificationRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text="For example: Seat height")
    value = blocks.CharBlock(max_length=200, help_text="For example: 43 to 53 cm, in 5 steps")


class SpecificationTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        required=False, max_length=120, help_text="A short title, such as 'Specification'."
    )
    rows = blocks.ListBlock(SpecificationRowBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "blocks/specification_table.html"


class ProductBodyBlock(blocks.StreamBlock):
    paragraph = IndexedRichTextBlock(
        features=RICH_TEXT_FEATURES, template="blocks/paragraph.html", icon="pilcrow"
    )
    image = ImageWithAltBlock()
    specification = SpecificationTableBlock()
    embed = EmbedBlock(
        help_text="A link to a video, for example on YouTube or Vimeo.",
        template="blocks/embed.html",
        icon="media",
    )
