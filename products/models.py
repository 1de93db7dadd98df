from decimal import Decimal

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from products.blocks import RICH_TEXT_FEATURES, ProductBodyBlock
from taxonomy.fields import VocabularyField
from taxonomy.models import Condition, IsoCategory, Need

PRODUCTS_PER_PAGE = 24
PRICE_ORDER_MESSAGE = "The highest price must be the same as or more than the lowest price."


def money_field(verbose_name, label):
    """An optional amount in pounds that cannot be negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=f"{label} cannot be negative.")],
    )


def measure_field(verbose_name, unit, max_digits=7, decimal_places=1, **kwargs):
    """An optional size or weight that must be above zero."""
    return models.DecimalField(
        verbose_name,
        max_digits=max_digits,
        decimal_places=decimal_places,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"), message=f"Enter a value above 0 {unit}.")],
        **kwargs,
    )


class Manufacturer(index.Indexed, models.Model):
    """A company that designs or makes assistive products."""

    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProductQuerySet(PageQuerySet):
    def for_listing(self):
        """What a product card needs, in a fixed number of queries."""
        return self.select_related(
            "manufacturer", "primary_category", "rating_summary"
        ).prefetch_related(
            Prefetch(
                "gallery_images",
                queryset=ProductGalleryImage.objects.select_related("image")
                .prefetch_related("image__renditions")
                .order_by("sort_order"),
            )
        )


ProductManager = PageManager.from_queryset(ProductQuerySet)


class ProductIndexPage(Page):
    """The catalogue's front door: every product page lives under it."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["products.ProductPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        products = ProductPage.objects.live().child_of(self).for_listing().order_by("title")
        context["page_obj"] = Paginator(products, PRODUCTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context


class ProductNeed(TaggedItemBase):
    content_object = ParentalKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="tagged_needs"
    )
    # The class, not its name: taggit reads the tag model as soon as the page class is made.
    tag = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="tagged_products")


class ProductCondition(TaggedItemBase):
    content_object = ParentalKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="tagged_conditions"
    )
    tag = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="tagged_products")


class ProductPage(Page):
    """One assistive product: what it is, who it helps, what it measures and costs."""

    summary = models.TextField(
        max_length=300, help_text="One or two sentences shown in lists and search results."
    )
    manufacturer = models.ForeignKey(
        Manufacturer, null=True, blank=True, on_delete=models.SET_NULL, related_name="products"
    )
    body = StreamField(ProductBodyBlock(), blank=True)
    primary_category = models.ForeignKey(
        IsoCategory,
        null=True,
        on_delete=models.PROTECT,
        related_name="primary_products",
        help_text="The ISO 9999 class that fits the product best.",
    )
    secondary_categories = ParentalManyToManyField(
        IsoCategory,
        blank=True,
        related_name="secondary_products",
        help_text="Other ISO 9999 classes the product also belongs to.",
    )
    needs = VocabularyField(
        through=ProductNeed,
        blank=True,
        related_name="products",
        verbose_name="needs",
        help_text="The everyday activities this product helps with.",
    )
    conditions = VocabularyField(
        through=ProductCondition,
        blank=True,
        related_name="products",
        verbose_name="conditions",
        help_text="Conditions people who use this product often live with.",
    )
    price_min = money_field("lowest price (£)", "The lowest price")
    price_max = money_field("highest price (£)", "The highest price")
    width_mm = measure_field("width (mm)", "mm")
    depth_mm = measure_field("depth (mm)", "mm")
    height_mm = measure_field("height (mm)", "mm")
    weight_kg = measure_field("weight (kg)", "kg", max_digits=6, decimal_places=2)
    max_user_weight_kg = measure_field(
        "maximum user weight (kg)",
        "kg",
        max_digits=6,
        help_text="The heaviest user the manufacturer says the product supports.",
    )
    discontinued = models.BooleanField(
        default=False, help_text="Tick when the product is no longer made or sold new."
    )

    objects = ProductManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("manufacturer"),
        FieldPanel("discontinued"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label="Gallery images", heading="Gallery"),
    ]
    classification_panels = [
        FieldPanel("primary_category"),
        FieldPanel("secondary_categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("needs"),
        FieldPanel("conditions"),
    ]
    details_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("price_min"), FieldPanel("price_max")])],
            heading="Price range in GBP",
            help_text="Leave blank when unknown; a single price goes in both boxes.",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("width_mm"), FieldPanel("depth_mm"), FieldPanel("height_mm")]
                ),
                FieldRowPanel([FieldPanel("weight_kg"), FieldPanel("max_user_weight_kg")]),
            ],
            heading="Dimensions",
            help_text="All optional. Measure the product assembled and ready to use.",
        ),
        InlinePanel("suppliers", label="Suppliers", heading="Where to buy"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(classification_panels, heading="Classification"),
            ObjectList(details_panels, heading="Price, size and suppliers"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("manufacturer", [index.SearchField("name")]),
        index.RelatedFields("needs", [index.SearchField("name")]),
        index.RelatedFields("conditions", [index.SearchField("name")]),
        index.FilterField("discontinued"),
        index.FilterField("primary_category"),
    ]

    parent_page_types = ["products.ProductIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "product"

    def clean(self):
        super().clean()
        if (
            self.price_min is not None
            and self.price_max is not None
            and self.price_min > self.price_max
        ):
            raise ValidationError({"price_max": PRICE_ORDER_MESSAGE})

    @property
    def card_image(self):
        """The gallery's first image, for product cards (prefetched by .for_listing())."""
        first = next(iter(self.gallery_images.all()), None)
        return first.image if first else None

    @property
    def rating(self):
        """The average of the approved reviews' overall ratings, or None (for cards, as the
        search document has it; .for_listing() reads it with the page)."""
        summary = self._rating_summary()
        return summary.average if summary and summary.review_count else None

    @property
    def review_count(self):
        summary = self._rating_summary()
        return summary.review_count if summary else 0

    def _rating_summary(self):
        try:
            return self.rating_summary
        except ObjectDoesNotExist:
            return None  # nothing approved yet: no figures have been counted

    @property
    def price_range(self):
        """(low, high) for display, or None when no price is known."""
        low, high = self.price_min, self.price_max
        if low is None and high is None:
            return None
        return (low if low is not None else high, high if high is not None else low)

    @property
    def dimensions(self):
        """Label, value and unit of each dimension that is known, in a fixed order."""
        fields = [
            ("Width", self.width_mm, "mm"),
            ("Depth", self.depth_mm, "mm"),
            ("Height", self.height_mm, "mm"),
            ("Weight", self.weight_kg, "kg"),
            ("Maximum user weight", self.max_user_weight_kg, "kg"),
        ]
        # "{:f}" keeps 600.0 as "600", where normalize() alone would give "6E+2".
        return [
            (label, f"{value.normalize():f}", unit)
            for label, value, unit in fields
            if value is not None
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery"] = list(
            self.gallery_images.select_related("image").prefetch_related("image__renditions")
        )
        context["suppliers"] = list(self.suppliers.all())
        context["needs"] = list(self.needs.all())
        context["conditions"] = list(self.conditions.all())
        context["secondary_categories"] = list(self.secondary_categories.all())
        if self.primary_category_id:
            context["category_trail"] = self.primary_category.ancestors() + [self.primary_category]
        return context


class ProductGalleryImage(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=250, help_text="Describe what the image shows for people who cannot see it."
    )
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


class ProductSupplier(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="suppliers")
    name = models.CharField(max_length=200)
    url = models.URLField("web address", blank=True)
    price = money_field("price (£)", "The price")

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("price")]

    def __str__(self):
        return self.name
