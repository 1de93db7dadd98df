from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from products.blocks import RICH_TEXT_FEATURES
from products.models import ProductPage
from taxonomy.models import Need

RECENT_PRODUCTS = 8


class HomePage(Page):
    """The site's front page: search, browse by need and category, what is new."""

    intro = models.CharField(
        max_length=250,
        blank=True,
        default="Find, review and adapt assistive technology, with advice from people who use it.",
    )
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        # The classes' counts come from search, through its `top_categories` template tag.
        context = super().get_context(request, *args, **kwargs)
        context["needs"] = Need.objects.all()
        context["recent_products"] = (
            ProductPage.objects.live()
            .for_listing()
            .order_by("-first_published_at", "-pk")[:RECENT_PRODUCTS]
        )
        return context
