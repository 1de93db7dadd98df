"""The demo loads as `make run` loads it, and loading it again changes nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page

from products.models import ProductPage
from reviews.models import DidThisToo, HelpfulVote, Photo, ProductRating, Review, Tip
from search.backends.database import DatabaseBackend
from search.documents import AVAILABLE, DISCONTINUED
from search.store import SearchDocument
from search.tasks import reindex_products
from search.types import Query
from tests.elasticsearch.helpers import durable_tasks

pytestmark = pytest.mark.django_db

Image = get_image_model()
# Enough products for some tips and photos; the whole demo takes a minute to load.
PRODUCTS, MEMBERS, REVIEWS = 24, 16, 70


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Illustrations go to a throwaway directory, not the shared test media folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def run(command, **options):
    stdout = io.StringIO()
    call_command(command, stdout=stdout, stderr=io.StringIO(), **options)
    return stdout.getvalue()


def counts():
    models = [Page, ProductPage, Image, Review, HelpfulVote, Tip, DidThisToo, Photo]
    return {
        **{model.__name__: model.objects.count() for model in models},
        "log": ModelLogEntry.objects.count(),
        "ratings": sorted(
            ProductRating.objects.values_list("product_id", "review_count", "tip_count")
        ),
        "statuses": sorted(Review.objects.values_list("pk", "status", "helpful_count")),
    }


def test_the_demo_loads_as_the_site_would_have_it_and_again_changes_nothing(media_root):
    run("load_demo", limit=PRODUCTS, members=MEMBERS, reviews=REVIEWS)

    products = ProductPage.objects.live()
    assert products.count() == PRODUCTS
    for product in products:
        (gallery,) = product.gallery_images.select_related("image")
        with PILImage.open(media_root / gallery.image.file.name) as drawn:
            drawn.verify()
    assert Review.objects.exists() and Tip.objects.exists() and Photo.objects.exists()
    # Stored figures are what the approved contributions give, and nobody backs their own.
    for rating in ProductRating.objects.all():
        assert rating.review_count == Review.objects.approved().for_product(rating.product).count()
        assert rating.tip_count == Tip.objects.approved().filter(product=rating.product).count()
    for review in Review.objects.all():
        assert review.helpful_count == review.helpful_votes.count()
        assert not review.helpful_votes.filter(voter=review.author).exists()
    for tip in Tip.objects.all():
        assert tip.done_count == tip.done_by.count()
        assert not tip.done_by.filter(member=tip.author).exists()
    # Conditions a member keeps private never travel with their reviews.
    assert not Review.objects.filter(
        author__profile__show_conditions=False, author_conditions__isnull=False
    ).exists()
    before = counts()

    run("load_demo", limit=PRODUCTS, members=MEMBERS, reviews=REVIEWS)

    assert counts() == before


def test_the_load_reindexes_each_product_once_and_search_finds_them_all(
    settings, django_capture_on_commit_callbacks
):
    """Every save, publish and moderation decision asks for a reindex; the load gathers them
    into one task, after which search holds every product as it is."""
    durable_tasks(settings)
    with django_capture_on_commit_callbacks(execute=True):
        run("load_demo", limit=6, members=6, reviews=12)

    (task,) = DBTaskResult.objects.filter(task_path="search.tasks.reindex_products")
    products = ProductPage.objects.live()
    assert task.args_kwargs["args"] == [sorted(products.values_list("pk", flat=True))]
    reindex_products.call(*task.args_kwargs["args"])
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == {p.pk for p in products}
    for rating in ProductRating.objects.all():
        document = SearchDocument.objects.get(pk=rating.product_id).document
        assert document["review_count"] == rating.review_count
    every = {"availability": [AVAILABLE, DISCONTINUED]}
    for product in products:
        found = DatabaseBackend().search(Query(text=product.title, filters=every))
        assert product.pk in found.ids


def test_an_interrupted_load_carries_on_and_reuses_images():
    run("load_demo_catalogue", limit=3)
    ProductPage.objects.first().delete()

    output = run("load_demo_catalogue", limit=5)

    assert "Products: 3 created, 2 already present." in output
    assert "Images: 2 created, 1 reused." in output
    assert (Image.objects.count(), ProductPage.objects.count()) == (5, 5)


def test_contributions_need_the_catalogue():
    with pytest.raises(CommandError, match="load_demo_catalogue"):
        run("load_demo_contributions", members=2, reviews=2)
