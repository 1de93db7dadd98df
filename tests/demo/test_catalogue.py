"""The demo catalogue: the data files it is built from, and the command that loads it."""

import hashlib
import io
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from demo.catalogue import CatalogueError, build_catalogue, families
from demo.datafiles import DATA_DIR, family_groups, makers
from demo.pictograms import PICTOGRAMS
from products.models import (
    Manufacturer,
    ProductGalleryImage,
    ProductIndexPage,
    ProductPage,
    ProductSupplier,
)
from taxonomy.loading import read_rows
from taxonomy.models import IsoCategory

pytestmark = pytest.mark.django_db

Image = get_image_model()
SMALL = 12


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Illustrations go to a throwaway directory, not the shared test media folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue()


def load(**options):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("load_demo_catalogue", stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "products": ProductPage.objects.count(),
        "images": Image.objects.count(),
        "gallery images": ProductGalleryImage.objects.count(),
        "manufacturers": Manufacturer.objects.count(),
        "suppliers": ProductSupplier.objects.count(),
    }


def assert_complete(product):
    """A loaded product has everything the catalogue pages and search rely on."""
    assert product.live
    assert product.primary_category is not None
    assert product.summary and len(product.summary) <= 300
    assert product.manufacturer.website.endswith(".example")
    gallery = list(product.gallery_images.select_related("image"))
    assert len(gallery) == 1
    assert gallery[0].alt_text.startswith("Illustration of ")
    assert (gallery[0].image.width, gallery[0].image.height) == (800, 600)
    suppliers = list(product.suppliers.all())
    assert 1 <= len(suppliers) <= 3
    assert all(".example/" in supplier.url for supplier in suppliers)
    prices = [supplier.price for supplier in suppliers]
    assert product.price_min <= product.price_max
    assert (product.price_min, product.price_max) == (min(prices), max(prices))
    assert product.needs.exists()
    assert product.conditions.exists()
    assert [block.block_type for block in product.body][0] == "paragraph"


# The data, without a database

# What the catalogue was when it was written as Python: the repr of every product spec.
# Change it only when the data files are changed on purpose.
CATALOGUE_FINGERPRINT = "1a610d7f588ee176ce3e92ccbdef8bcb51110ef9a22e22c6e2228bcb719607d1"


def test_catalogue_is_what_the_python_specs_were(catalogue):
    assert (len(catalogue), len(families()), len(makers())) == (217, 98, 20)
    text = "\n".join(repr(product) for product in catalogue)
    assert hashlib.sha256(text.encode()).hexdigest() == CATALOGUE_FINGERPRINT


def test_a_few_products_exactly(catalogue):
    spoon = catalogue[0]
    assert spoon.title == "Brightgrip Comfort angled spoon"
    assert spoon.category == "15 09 13" and spoon.maker.name == "Brightgrip"
    assert [(s.name, s.price) for s in spoon.suppliers] == [
        ("Careway Direct", Decimal("8.50")),
        ("Homewise Aids", Decimal("7.99")),
        ("Kitchen Helpers", Decimal("8.49")),
    ]
    assert spoon.dimensions == {"weight_kg": Decimal("0.06")}
    assert spoon.alt_text == "Illustration of an angled spoon with a thick ribbed handle"
    rows = spoon.body[1]["value"]["rows"]
    assert rows[0] == {"label": "Handle diameter", "value": "32 mm"}

    magnifier = catalogue[100]
    assert magnifier.slug == "glimmerstone-bright-led-hand-magnifier-4"
    assert magnifier.title == "Glimmerstone Bright LED hand magnifier, 4×"
    assert (magnifier.secondary, magnifier.conditions) == (("22 30",), ("Sight loss",))

    rollator = catalogue[-1]
    assert rollator.slug == "quaymoor-indoor-four-wheeled-rollator"
    assert rollator.price_min == rollator.price_max == Decimal("89.00")
    assert rollator.dimensions == {
        "width_mm": Decimal("600.0"),
        "depth_mm": Decimal("680.0"),
        "weight_kg": Decimal("7.00"),
        "max_user_weight_kg": Decimal("120.0"),
    }


def test_every_family_names_a_known_maker_and_pictogram():
    for family in families():
        assert family.noun and family.pictogram in PICTOGRAMS, family.key
        assert {model.maker for model in family.models} <= makers().keys(), family.key


def test_a_mistake_in_the_data_files_is_named(monkeypatch, tmp_path):
    """An unknown field is reported with its file and family, not silently ignored."""
    (tmp_path / "catalogue").mkdir()
    for path in (DATA_DIR / "catalogue").iterdir():
        content = json.loads(path.read_text(encoding="utf-8"))
        if path.name == "families-senses.json":
            content["families"][0]["colour"] = "blue"
        (tmp_path / "catalogue" / path.name).write_text(json.dumps(content), encoding="utf-8")
    monkeypatch.setattr("demo.datafiles.DATA_DIR", tmp_path)
    family_groups.cache_clear()
    try:
        with pytest.raises(CatalogueError, match="families-senses.json.*unknown colour"):
            build_catalogue()
    finally:
        family_groups.cache_clear()


def test_catalogue_is_large_and_unique(catalogue):
    assert len(catalogue) >= 150
    for attribute in ("title", "slug", "summary", "image_title"):
        values = [getattr(product, attribute) for product in catalogue]
        assert len(set(values)) == len(values), attribute


def test_catalogue_spans_the_classification(catalogue):
    top_classes = {product.top_class for product in catalogue}
    assert len(top_classes) >= 8
    iso_codes = {row[0] for row in read_rows("iso9999.tsv")}
    assert {product.category for product in catalogue} <= iso_codes
    deeper = [product for product in catalogue if len(product.category.split()) >= 2]
    assert len(deeper) == len(catalogue), "primary categories are subclasses or divisions"
    assert any(product.secondary for product in catalogue)


def test_catalogue_covers_every_need_and_condition_several_times(catalogue):
    needs = Counter(name for product in catalogue for name in product.needs)
    conditions = Counter(name for product in catalogue for name in product.conditions)
    for name, _description in read_rows("needs.tsv"):
        assert needs[name] >= 3, name
    for name, _description in read_rows("conditions.tsv"):
        assert conditions[name] >= 3, name


def test_catalogue_prices_suppliers_and_drawings_are_consistent(catalogue):
    for product in catalogue:
        prices = [supplier.price for supplier in product.suppliers]
        assert 1 <= len(prices) <= 3
        assert product.price_min == min(prices) and product.price_max == max(prices)
        assert all(price > Decimal("0") for price in prices)
        assert product.maker.website.startswith("https://www.")
        assert product.maker.website.endswith(".example")
        assert product.pictogram in PICTOGRAMS
    assert 1 <= sum(product.discontinued for product in catalogue) <= 10


def test_titles_do_not_depend_on_the_seed(catalogue):
    assert build_catalogue() == catalogue
    assert [p.slug for p in build_catalogue(seed=1)] == [p.slug for p in catalogue]


# The command


def test_limited_load_publishes_complete_products(catalogue):
    output = load(limit=SMALL)

    assert f"Products: {SMALL} created, 0 already present." in output
    index = ProductIndexPage.objects.get()
    products = ProductPage.objects.child_of(index).live().specific()
    assert sorted(p.slug for p in products) == sorted(p.slug for p in catalogue[:SMALL])
    for product in products:
        assert_complete(product)
    # The first products of the catalogue span several classes, not one family.
    assert len({p.primary_category.code.split()[0] for p in products}) >= 3
    # "Recently added" should have something to sort.
    assert len({p.first_published_at.date() for p in products}) > 1


def test_second_run_creates_nothing():
    load(limit=SMALL)
    before = counts()

    output = load(limit=SMALL, seed=123)

    assert counts() == before
    assert f"Products: 0 created, {SMALL} already present." in output
    assert "Images: 0 created, 0 reused." in output
    assert "Manufacturers: 0 created" in output


def test_an_interrupted_load_carries_on_and_reuses_images():
    load(limit=3)
    ProductPage.objects.first().delete()

    output = load(limit=5)

    assert "Products: 3 created, 2 already present." in output
    assert "Images: 2 created, 1 reused." in output
    assert Image.objects.count() == 5
    assert ProductPage.objects.count() == 5


def test_images_are_illustrations_on_disk(media_root):
    load(limit=2)

    for image in Image.objects.all():
        with PILImage.open(media_root / image.file.name) as drawn:
            assert drawn.size == (800, 600)
        assert image.title.endswith("(illustration)")
        assert image.file_size and len(image.file_hash) == 40


def test_missing_products_index_is_a_clear_error():
    ProductIndexPage.objects.get().delete()

    with pytest.raises(CommandError, match="no products index page"):
        load(limit=1)


def test_missing_taxonomy_is_a_clear_error():
    IsoCategory.objects.filter(code="15 09 13").update(code="15 09 99")

    with pytest.raises(CommandError, match="15 09 13"):
        load()
    assert not ProductPage.objects.exists()


def test_full_catalogue_loads(catalogue):
    """The real thing, as `make run` does it: every product, once."""
    output = load()

    assert f"Products: {len(catalogue)} created, 0 already present." in output
    products = ProductPage.objects.live().specific()
    assert products.count() == len(catalogue)
    assert Image.objects.count() == len(catalogue)
    assert Manufacturer.objects.count() == len({p.maker.name for p in catalogue})
    for product in products:
        assert_complete(product)
    assert products.filter(discontinued=True).exists()
    top_classes = IsoCategory.objects.filter(level=1)
    assert sum(ProductPage.objects.in_category(c).exists() for c in top_classes) >= 8
