"""The search benchmark's data, at a tiny size: what it writes in bulk must be what the site
itself would have made, or the benchmark measures something else. The benchmark itself runs
with `make bench-search` (benchmarks/README.md), never in the suite."""

from http import HTTPStatus

import pytest
from wagtail.models import Page

from benchmarks.search_data import Size, generate, is_generated
from products.models import ProductIndexPage, ProductPage
from reviews.models import ProductRating, Review
from reviews.moderation import recount
from search.documents import product_documents

pytestmark = pytest.mark.django_db

SIZE = Size(products=40, reviews=300)


def figures(rating):
    return rating.review_count, rating.average, rating.distribution, rating.dimensions


def test_bulk_pages_make_a_valid_tree_of_live_products(client):
    generate(SIZE, progress=False)

    assert is_generated(SIZE)
    assert Page.find_problems() == ([], [], [], [], [])
    index = ProductIndexPage.objects.get()
    assert index.numchild == SIZE.products
    assert ProductPage.objects.live().child_of(index).count() == SIZE.products
    product = ProductPage.objects.order_by("path").last()
    assert product.url == f"/products/{product.slug}/"
    assert client.get(product.url).status_code == HTTPStatus.OK
    assert len(product_documents(ProductPage.objects.all())) == SIZE.products


def test_ratings_are_what_recount_stores():
    generate(SIZE, progress=False)

    stored = {rating.product_id: figures(rating) for rating in ProductRating.objects.all()}
    assert stored
    assert Review.objects.approved().count() == Review.objects.count()
    for product_id, written in stored.items():
        recount(product_id)
        assert figures(ProductRating.objects.get(product_id=product_id)) == written


def test_a_second_run_writes_nothing():
    generate(SIZE, progress=False)
    counts = (ProductPage.objects.count(), Review.objects.count())

    assert generate(SIZE, progress=False) == {}
    assert (ProductPage.objects.count(), Review.objects.count()) == counts
