from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from products.models import Manufacturer, ProductPage


class ProductListingViewSet(PageListingViewSet):
    """A flat list of every product, so editors need not dig through the page tree."""

    model = ProductPage
    icon = "list-ul"
    menu_label = "Products"
    menu_order = 150
    add_to_admin_menu = True
    list_filter = ["discontinued", "manufacturer", "live"]


class ManufacturerViewSet(SnippetViewSet):
    model = Manufacturer
    icon = "group"
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["name", "website"]
    search_fields = ["name"]


@hooks.register("register_admin_viewset")
def register_product_listing():
    return ProductListingViewSet("products")


register_snippet(ManufacturerViewSet)
