"""The demo catalogue's data files: what the loader relies on, whatever the products are."""

import io

import pytest
from django.core.management import CommandError, call_command

from demo.catalogue import build_catalogue, families
from demo.datafiles import makers
from demo.pictograms import PICTOGRAMS
from products.models import ProductIndexPage, ProductPage
from taxonomy.loading import read_rows
from taxonomy.models import IsoCategory


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue()


def load(**options):
    call_command("load_demo_catalogue", stdout=io.StringIO(), stderr=io.StringIO(), **options)


# The data, without a database


def test_every_family_names_a_known_maker_and_pictogram():
    for family in families():
        assert family.noun and family.pictogram in PICTOGRAMS, family.key
        assert {model.maker for model in family.models} <= makers().keys(), family.key


def test_products_are_told_apart_by_title_and_slug(catalogue):
    # The loader recognises a product it loaded before by its slug.
    for attribute in ("title", "slug", "image_title"):
        values = [getattr(product, attribute) for product in catalogue]
        assert len(set(values)) == len(values), attribute


def test_every_term_is_in_the_taxonomy_files(catalogue):
    iso_codes = {row[0] for row in read_rows("iso9999.tsv")}
    needs = {name for name, _description in read_rows("needs.tsv")}
    conditions = {name for name, _description in read_rows("conditions.tsv")}
    for product in catalogue:
        assert {product.category, *product.secondary} <= iso_codes, product.slug
        assert product.needs and set(product.needs) <= needs, product.slug
        assert product.conditions and set(product.conditions) <= conditions, product.slug


def test_prices_match_the_suppliers_and_links_stay_invented(catalogue):
    for product in catalogue:
        prices = [supplier.price for supplier in product.suppliers]
        assert prices and all(price > 0 for price in prices), product.slug
        assert (product.price_min, product.price_max) == (min(prices), max(prices))
        assert product.maker.website.endswith(".example"), product.slug
        assert all(".example/" in supplier.url for supplier in product.suppliers)


def test_titles_do_not_depend_on_the_seed(catalogue):
    assert build_catalogue() == catalogue
    assert [p.slug for p in build_catalogue(seed=1)] == [p.slug for p in catalogue]


# The command's errors


@pytest.mark.django_db
def test_missing_products_index_is_a_clear_error():
    ProductIndexPage.objects.get().delete()

    with pytest.raises(CommandError, match="no products index page"):
        load(limit=1)


@pytest.mark.django_db
def test_missing_taxonomy_is_a_clear_error():
    IsoCategory.objects.filter(code="15 09 13").update(code="15 09 99")

    with pytest.raises(CommandError, match="15 09 13"):
        load()
    assert not ProductPage.objects.exists()
