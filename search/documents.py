"""What the search knows about a product: one document, built once, for both implementations.

`product_documents()` turns live product pages and their approved contributions into plain
dicts in a fixed number of queries. Elasticsearch indexes them as `ProductDocument`; the
database implementation stores the same dicts with their words analysed as the index does.
"""

from django.db.models import Prefetch
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
    """{product id: document dict} for live product pages, in a fixed number of queries."""
    from products.models import ProductPage
    from reviews.models import ProductRating, Review, Tip
    from taxonomy.models import IsoCategory

    products = (
        ProductPage.objects.live()
        .filter(pk__in=[p.pk if hasattr(p, "pk") else p for p in products])
        .select_related("manufacturer", "primary_category")
        .prefetch_related("secondary_categories", "needs", "conditions")
    )
    products = list(products)
    ids = [product.pk for product in products]
    titles = dict(IsoCategory.objects.values_list("code", "title"))
    ratings = {r.product_id: r for r in ProductRating.objects.filter(product_id__in=ids)}
    reviews = {}
    for review in (
        Review.objects.approved()
        .filter(product_id__in=ids)
        .prefetch_related(Prefetch("author_conditions"))
        .order_by("pk")
    ):
        reviews.setdefault(review.product_id, []).append(review)
    tips = {}
    for tip in Tip.objects.approved().filter(product_id__in=ids).order_by("pk"):
        tips.setdefault(tip.product_id, []).append(tip)
    return {
        product.pk: build(
            product,
            titles,
            ratings.get(product.pk),
            reviews.get(product.pk, []),
            tips.get(product.pk, []),
        )  # fmt: skip
        for product in products
    }


def build(product, titles, rating, reviews, tips):
    categories = [product.primary_category, *product.secondary_categories.all()]
    codes = sorted({code for c in categories if c for code in code_and_ancestors(c.code)})
    low, high = product.price_range or (None, None)
    contributions = []
    for review in reviews:
        contributions += [review.title, review.body]
    for tip in tips:
        contributions += [tip.title, tip.problem, *tip.step_texts()]
    return {
        "product_id": product.pk,
        "name": product.title,
        "summary": product.summary,
        "body": [
            text
            for text in product.body.stream_block.get_searchable_content(product.body)
            if text.strip()
        ],  # fmt: skip
        "manufacturer": product.manufacturer.name if product.manufacturer else None,
        "categories": [titles[code] for code in codes if code in titles],
        "needs_text": [need.name for need in product.needs.all()],
        "conditions_text": [condition.name for condition in product.conditions.all()],
        "contributions": contributions,
        "url": product.url,
        "iso_codes": codes,
        "needs": sorted(need.slug for need in product.needs.all()),
        "conditions": sorted(condition.slug for condition in product.conditions.all()),
        "reviewer_roles": sorted({review.author_role for review in reviews}),
        "reviewer_conditions": sorted(
            {c.slug for review in reviews for c in review.author_conditions.all()}
        ),
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
            + [r.published_at for r in reviews]
            + [t.published_at for t in tips]  # fmt: skip
        ),
    }
