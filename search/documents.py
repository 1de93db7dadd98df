"""What the search knows about a product: one document, built once, for both implementations.

`product_documents()` turns live product pages and their approved contributions into plain
dicts in a fixed number of queries. Elasticsearch indexes them as `ProductDocument`; the
database implementation stores the same dicts with their words analysed as the index does.
"""

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    Object,
    Text,
)

from search import analysis
from taxonomy.models import code_and_ancestors

# Every searched field also goes into `text`, the one field a query must match in full; the
# named fields only weigh the ranking (see search.faceted.ProductSearch.fields).
SEARCHED = ["name", "summary", "body", "manufacturer", "categories", "needs_text",
            "conditions_text", "contributions"]  # fmt: skip
AVAILABLE = "available"
DISCONTINUED = "discontinued"
WITH_TIPS = "with_tips"
# What a listing shows of each product: read from the search's hits, so a page of results
# costs no product queries. Kept current with everything else in the document.
CARD_FIELDS = ["product_id", "name", "url", "summary", "manufacturer", "price_low", "price_high",
               "discontinued", "image_id", "rating", "review_count", "tip_count"]  # fmt: skip


def text_field(**kwargs):
    return Text(
        analyzer=analysis.TEXT, search_analyzer=analysis.TEXT_SEARCH, copy_to="text", **kwargs
    )


class ProductDocument(Document):
    """A live product page as search sees it. Field names are the facets' and sorts' too."""

    name = text_field(
        fields={
            "autocomplete": Text(
                analyzer=analysis.AUTOCOMPLETE, search_analyzer=analysis.AUTOCOMPLETE_SEARCH
            ),
            "sort": Keyword(normalizer=analysis.KEYWORD),
        }
    )
    summary = text_field()
    body = text_field()
    manufacturer = text_field()
    categories = text_field()
    needs_text = text_field()
    conditions_text = text_field()
    contributions = text_field()
    text = Text(analyzer=analysis.TEXT, search_analyzer=analysis.TEXT_SEARCH)

    product_id = Integer()
    url = Keyword(index=False)
    image_id = Integer(index=False)  # the first photo of the gallery, for cards
    iso_codes = Keyword()  # each category's code and its ancestors' codes
    needs = Keyword()  # slugs
    conditions = Keyword()
    reviewer_roles = Keyword()
    reviewer_conditions = Keyword()
    tips = Keyword()  # WITH_TIPS, or nothing
    availability = Keyword()  # AVAILABLE or DISCONTINUED
    price_low = Float()
    price_high = Float()
    rating = Float()
    review_count = Integer()
    dimension_ratings = Object()
    tip_count = Integer()
    discontinued = Boolean()
    first_published_at = Date()
    last_changed_at = Date()

    class Index:
        name = "products"  # replaced by search.indexing with the configured alias


def product_documents(products):
    """{product id: document dict} for live product pages, in a fixed number of queries.

    Contributions and terms are read as plain rows rather than model objects: building
    documents is what limits a full reindex, and rows cost a fraction of objects.
    """
    from products.models import ProductCondition, ProductGalleryImage, ProductNeed, ProductPage
    from reviews.models import ProductRating, Review, Tip
    from taxonomy.models import IsoCategory

    ids = [p.pk if hasattr(p, "pk") else p for p in products]
    products = list(
        ProductPage.objects.live()
        .filter(pk__in=ids)
        .select_related("manufacturer", "primary_category")
        .order_by("pk")
    )
    ids = [product.pk for product in products]
    codes = dict(IsoCategory.objects.values_list("pk", "code"))
    titles = dict(IsoCategory.objects.values_list("code", "title"))
    secondary = _grouped(
        ProductPage.secondary_categories.through.objects.filter(productpage_id__in=ids)
        .values_list("productpage_id", "isocategory_id")
        .order_by("pk")
    )
    needs = _grouped(
        ProductNeed.objects.filter(content_object_id__in=ids)
        .values_list("content_object_id", "tag__slug", "tag__name")
        .order_by("tag__name")
    )
    conditions = _grouped(
        ProductCondition.objects.filter(content_object_id__in=ids)
        .values_list("content_object_id", "tag__slug", "tag__name")
        .order_by("tag__name")
    )
    images = {}
    for product_id, image_id in (
        ProductGalleryImage.objects.filter(page_id__in=ids)
        .order_by("sort_order", "pk")
        .values_list("page_id", "image_id")
    ):
        images.setdefault(product_id, image_id)
    ratings = {r.product_id: r for r in ProductRating.objects.filter(product_id__in=ids)}
    approved = Review.objects.approved().filter(product_id__in=ids).order_by("pk")
    reviews = _grouped(
        approved.values_list("product_id", "pk", "title", "body", "author_role", "published_at")
    )
    shown = _grouped(
        Review.author_conditions.through.objects.filter(
            review__in=approved.values("pk")
        ).values_list("review__product_id", "condition__slug")
    )
    tips = _grouped(
        Tip.objects.approved()
        .filter(product_id__in=ids)
        .order_by("pk")
        .values_list("product_id", "title", "problem", "steps", "published_at")
    )
    return {
        product.pk: build(
            product,
            titles,
            image_id=images.get(product.pk),
            categories=[
                *([product.primary_category.code] if product.primary_category else []),
                *(codes[pk] for (pk,) in secondary.get(product.pk, [])),
            ],
            needs=needs.get(product.pk, []),
            conditions=conditions.get(product.pk, []),
            rating=ratings.get(product.pk),
            reviews=reviews.get(product.pk, []),
            reviewer_conditions={slug for (slug,) in shown.get(product.pk, [])},
            tips=tips.get(product.pk, []),
        )
        for product in products
    }


def _grouped(rows):
    """{first value: [the rest of each row, ...]} for rows led by a product id."""
    grouped = {}
    for first, *rest in rows:
        grouped.setdefault(first, []).append(tuple(rest))
    return grouped


def build(product, titles, *, image_id, categories, needs, conditions, rating, reviews,
          reviewer_conditions, tips):  # fmt: skip
    codes = sorted({code for category in categories for code in code_and_ancestors(category)})
    low, high = product.price_range or (None, None)
    contributions = []
    for _, title, body, _, _ in reviews:
        contributions += [title, body]
    for title, problem, steps, _ in tips:
        contributions += [title, problem, *(step["text"] for step in steps)]
    body = product.body.stream_block.get_searchable_content(product.body)
    return {
        "product_id": product.pk,
        "name": product.title,
        "summary": product.summary,
        "body": [text for text in body if text.strip()],
        "manufacturer": product.manufacturer.name if product.manufacturer else None,
        "categories": [titles[code] for code in codes if code in titles],
        "needs_text": [name for _, name in needs],
        "conditions_text": [name for _, name in conditions],
        "contributions": contributions,
        "url": product.url,
        "image_id": image_id,
        "iso_codes": codes,
        "needs": sorted(slug for slug, _ in needs),
        "conditions": sorted(slug for slug, _ in conditions),
        "reviewer_roles": sorted({role for _, _, _, role, _ in reviews}),
        "reviewer_conditions": sorted(reviewer_conditions),
        "tips": [WITH_TIPS] if tips else [],
        "availability": DISCONTINUED if product.discontinued else AVAILABLE,
        "price_low": float(low) if low is not None else None,
        "price_high": float(high) if high is not None else None,
        "rating": float(rating.average) if rating and rating.average is not None else None,
        "review_count": len(reviews),
        "dimension_ratings": {
            name: figures["average"]
            for name, figures in (rating.dimensions if rating else {}).items()
        },
        "tip_count": len(tips),
        "discontinued": product.discontinued,
        "first_published_at": product.first_published_at,
        "last_changed_at": max(
            [product.last_published_at or product.first_published_at]
            + [published for *_, published in reviews]
            + [published for *_, published in tips]
        ),
    }
