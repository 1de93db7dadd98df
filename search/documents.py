"""What the search knows about a product: one document, built once, for both implementations.

`product_documents()` turns live product pages and their approved contributions into plain
dicts in a fixed number of queries. Elasticsearch indexes them as `ProductDocument`; the
database implementation stores the same dicts with their words analysed as the index does.
"""

from collections import namedtuple

from django.db.models import Max, Q, TextField
from django.db.models.functions import Cast
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
from wagtail.models import Page

from products.models import ProductCondition, ProductGalleryImage, ProductNeed, ProductPage
from reviews.models import ProductRating, Review, Tip
from search import analysis
from taxonomy.models import IsoCategory, code_and_ancestors

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


# A product page's own fields, as one row.
PRODUCT_FIELDS = ["pk", "title", "summary", "body_json", "path", "url_path", "manufacturer__name",
                  "primary_category__code", "price_min", "price_max", "discontinued",
                  "first_published_at", "last_published_at"]  # fmt: skip
ProductRow = namedtuple("ProductRow", [name.replace("__", "_") for name in PRODUCT_FIELDS])


def product_documents(products):
    """{product id: document dict} for live product pages, in a fixed number of queries.

    Everything is read as plain rows, never as model objects: building documents is what
    limits a full reindex, and rows cost a fraction of objects.
    """
    wanted = {p.pk if hasattr(p, "pk") else p for p in products}
    rows = [
        ProductRow(*row)
        for row in ProductPage.objects.live()
        .filter(_among("pk", sorted(wanted)))
        .order_by("pk")
        # The body as JSON text: StreamField's own loading makes a JSONField for every row.
        .annotate(body_json=Cast("body", TextField()))
        .values_list(*PRODUCT_FIELDS)
        if row[0] in wanted
    ]
    ids = [row.pk for row in rows]
    urls = page_urls([(row.path, row.url_path) for row in rows])
    codes = dict(IsoCategory.objects.values_list("pk", "code"))
    titles = dict(IsoCategory.objects.values_list("code", "title"))
    secondary = _grouped(
        ProductPage.secondary_categories.through.objects.filter(_among("productpage_id", ids))
        .values_list("productpage_id", "isocategory_id")
        .order_by("pk")
    )
    needs = _grouped(
        ProductNeed.objects.filter(_among("content_object_id", ids))
        .values_list("content_object_id", "tag__slug", "tag__name")
        .order_by("tag__name")
    )
    conditions = _grouped(
        ProductCondition.objects.filter(_among("content_object_id", ids))
        .values_list("content_object_id", "tag__slug", "tag__name")
        .order_by("tag__name")
    )
    images = {}
    for product_id, image_id in (
        ProductGalleryImage.objects.filter(_among("page_id", ids))
        .order_by("sort_order", "pk")
        .values_list("page_id", "image_id")
    ):
        images.setdefault(product_id, image_id)
    ratings = {
        product_id: (average, dimensions)
        for product_id, average, dimensions in ProductRating.objects.filter(
            _among("product_id", ids)
        ).values_list("product_id", "average", "dimensions")
    }
    approved = Review.objects.approved().filter(_among("product_id", ids))
    # Each review with the conditions shown with it, joined: a row per condition. They are
    # what the author allows now (reviews.conditions keeps them so and reindexes on a change).
    reviews, shown, last = {}, {}, None
    for product_id, review_id, title, body, role, condition in approved.order_by("pk").values_list(
        "product_id", "pk", "title", "body", "author_role", "author_conditions__slug"
    ):
        if review_id != last:
            reviews.setdefault(product_id, []).append((title, body, role))
            last = review_id
        if condition:
            shown.setdefault(product_id, set()).add(condition)
    approved_tips = Tip.objects.approved().filter(_among("product_id", ids))
    tips = _grouped(
        approved_tips.order_by("pk").values_list("product_id", "title", "problem", "steps")
    )
    # When each product's contributions last changed, counted by the database rather than
    # read a row at a time.
    latest = {}
    for contributions in (approved, approved_tips):
        for product_id, published in (
            contributions.order_by()
            .values("product_id")
            .annotate(latest=Max("published_at"))
            .values_list("product_id", "latest")
        ):
            if published and (product_id not in latest or published > latest[product_id]):
                latest[product_id] = published
    body_block = ProductPage._meta.get_field("body").stream_block
    return {
        row.pk: build(
            row,
            titles,
            url=urls.get(row.url_path),
            body=body_block.get_searchable_content(body_block.to_python(row.body_json)),
            image_id=images.get(row.pk),
            categories=[
                *([row.primary_category_code] if row.primary_category_code else []),
                *(codes[pk] for (pk,) in secondary.get(row.pk, [])),
            ],
            needs=needs.get(row.pk, []),
            conditions=conditions.get(row.pk, []),
            rating=ratings.get(row.pk, (None, {})),
            reviews=reviews.get(row.pk, []),
            reviewer_conditions=shown.get(row.pk, ()),
            tips=tips.get(row.pk, []),
            contributed_at=latest.get(row.pk),
        )
        for row in rows
    }


def _among(column, ids):
    """Rows of these products (ids in order). A rebuild's batches are runs of neighbouring
    ids, and a range costs the database and the driver far less than 500 placeholders do;
    rows of products between them are ignored."""
    if ids and ids[-1] - ids[0] < 2 * len(ids):
        return Q(**{f"{column}__gte": ids[0], f"{column}__lte": ids[-1]})
    return Q(**{f"{column}__in": ids})


def page_urls(paths):
    """{url path: URL} as Page.url gives them, for pages given as (tree path, url path): a
    page's URL is its parent's followed by its slug, so only the parents (for products, the
    one catalogue page) are asked."""
    parents = {
        parent.path: (parent.url_path, parent.url)
        for parent in Page.objects.filter(path__in={path[: -Page.steplen] for path, _ in paths})
    }
    urls = {}
    for path, url_path in paths:
        parent_url_path, parent_url = parents.get(path[: -Page.steplen], (None, None))
        if parent_url is not None:
            urls[url_path] = parent_url + url_path[len(parent_url_path) :]
    return urls


def _grouped(rows):
    """{first value: [the rest of each row, ...]} for rows led by a product id."""
    grouped = {}
    for first, *rest in rows:
        grouped.setdefault(first, []).append(tuple(rest))
    return grouped


def build(row, titles, *, url, body, image_id, categories, needs, conditions, rating, reviews,
          reviewer_conditions, tips, contributed_at):  # fmt: skip
    codes = sorted({code for category in categories for code in code_and_ancestors(category)})
    low, high = row.price_min, row.price_max
    if low is None:
        low = high
    elif high is None:
        high = low
    average, dimensions = rating
    contributions = []
    for title, text, _ in reviews:
        contributions += [title, text]
    for title, problem, steps in tips:
        contributions += [title, problem, *(step["text"] for step in steps)]
    changed = row.last_published_at or row.first_published_at
    return {
        "product_id": row.pk,
        "name": row.title,
        "summary": row.summary,
        "body": [text for text in body if text.strip()],
        "manufacturer": row.manufacturer_name,
        "categories": [titles[code] for code in codes if code in titles],
        "needs_text": [name for _, name in needs],
        "conditions_text": [name for _, name in conditions],
        "contributions": contributions,
        "url": url,
        "image_id": image_id,
        "iso_codes": codes,
        "needs": sorted(slug for slug, _ in needs),
        "conditions": sorted(slug for slug, _ in conditions),
        "reviewer_roles": sorted({role for _, _, role in reviews}),
        "reviewer_conditions": sorted(set(reviewer_conditions)),
        "tips": [WITH_TIPS] if tips else [],
        "availability": DISCONTINUED if row.discontinued else AVAILABLE,
        "price_low": float(low) if low is not None else None,
        "price_high": float(high) if high is not None else None,
        "rating": float(average) if average is not None else None,
        "review_count": len(reviews),
        "dimension_ratings": {name: figures["average"] for name, figures in dimensions.items()},
        "tip_count": len(tips),
        "discontinued": row.discontinued,
        "first_published_at": row.first_published_at,
        "last_changed_at": max(filter(None, (changed, contributed_at)), default=None),
    }
