"""Every kind of demo product and snippet can be saved unchanged by an editor.

Each edit view is opened, and its form is sent back with the values it rendered, as a
browser sends them (tests/rendered_forms.py). Saving all 217 demo products took half the
suite's time, and most of them differ only in their words; so the test loads and saves one
demo product for each distinct combination of filled and empty fields, body blocks and
inline rows, adding products until every kind of value each field holds in the demo (text
with characters HTML escapes, a maker without a website) is among them. Snippets are
chosen the same way from their rows.
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from demo.catalogue import build_catalogue
from demo.catalogue_loader import load
from products.models import Manufacturer, ProductIndexPage, ProductPage
from taxonomy.models import Condition, IsoCategory, Need
from tests.demo_sample import (
    chosen_products,
    covering_products,
    features,
    filled,
    kind,
    representatives,
    spec_fields,
)
from tests.rendered_forms import RenderedForm

SNIPPET_MODELS = [Manufacturer, Need, Condition, IsoCategory]


def describe_refusal(response):
    form = response.context["form"]
    errors = {name: list(errs) for name, errs in form.errors.items()}
    for name, formset in getattr(form, "formsets", {}).items():
        if formset.total_error_count():
            errors[name] = [formset.non_form_errors(), *formset.errors]
    return errors


def canonical(value):
    """Stored block data without what any save through the editor adds or rewrites.

    Each save gives blocks and list items ids, and Draftail keys each paragraph and writes
    its characters unescaped (`'` for `&#x27;`). None of that changes what readers see.
    """
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    if isinstance(value, str):
        html = BeautifulSoup(value, "html.parser")
        for tag in html.find_all(attrs={"data-block-key": True}):
            del tag["data-block-key"]
        return str(html)
    return value


def snapshot(product):
    """What an unchanged save must leave as it was."""
    product = ProductPage.objects.get(pk=product.pk)
    return {
        "title": product.title,
        "summary": product.summary,
        "needs": sorted(product.needs.values_list("name", flat=True)),
        "conditions": sorted(product.conditions.values_list("name", flat=True)),
        "secondary": sorted(product.secondary_categories.values_list("code", flat=True)),
        "primary": product.primary_category_id,
        "manufacturer": product.manufacturer_id,
        "body": [
            (child.block_type, canonical(child.block.get_prep_value(child.value)))
            for child in product.body
        ],
        "gallery": list(product.gallery_images.values_list("image_id", "alt_text", "caption")),
        "suppliers": list(product.suppliers.values_list("name", "url", "price")),
        "prices": (product.price_min, product.price_max),
        "dimensions": product.dimensions,
        "discontinued": product.discontinued,
    }


def resave_products(client):
    """Publish every product from its edit view; the ones refused, and the ones changed."""
    refused, changed = {}, {}
    for product in ProductPage.objects.order_by("pk"):
        before = snapshot(product)
        url = reverse("wagtailadmin_pages:edit", args=[product.pk])
        form = RenderedForm(client.get(url), form_id="page-edit-form", model=ProductPage)
        response = form.submit(client, button="action-publish")
        if response.status_code != HTTPStatus.FOUND:
            refused[product.title] = describe_refusal(response)
        elif (after := snapshot(product)) != before:
            changed[product.title] = (before, after)
    return refused, changed


def resave_snippets(client, model):
    """Save one snippet of each kind from its edit view; the saved, refused and changed."""
    url_name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit"
    rows = model.objects.order_by("pk").values()
    saved, refused, changed = 0, {}, {}
    for before in representatives(
        (row, {k: v for k, v in row.items() if k != "id"}) for row in rows
    ):
        form = RenderedForm(client.get(reverse(url_name, args=[before["id"]])), "w-editor-form")
        response = form.submit(client)
        saved += 1
        if response.status_code != HTTPStatus.FOUND:
            refused[before["id"]] = dict(response.context["form"].errors)
        elif (after := model.objects.filter(pk=before["id"]).values().get()) != before:
            changed[before["id"]] = (before, after)
    return saved, refused, changed


def test_the_chosen_products_cover_every_combination_in_the_demo():
    catalogue = build_catalogue()
    chosen = chosen_products()

    def shapes(specs):
        return {tuple((n, filled(v)) for n, v in spec_fields(s).items()) for s in specs}

    def kinds(specs):
        return {(n, kind(v)) for s in specs for n, v in spec_fields(s).items()}

    assert shapes(chosen) == shapes(catalogue)
    assert kinds(chosen) == kinds(catalogue)
    # Worth choosing: far fewer than the whole catalogue, more than a handful.
    assert 10 < len(chosen) < len(catalogue) / 2


def test_the_browser_sample_holds_every_state_and_kind_of_each_field():
    """tests/browser/test_admin_editing.py saves these: every widget sees every value."""
    catalogue = build_catalogue()
    covering = covering_products()

    def held(specs):
        return set().union(*(features(spec_fields(spec)) for spec in specs))

    assert held(covering) == held(catalogue)
    assert len(covering) < len(chosen_products()) / 2


@pytest.mark.django_db
def test_every_kind_of_demo_product_and_snippet_saves_unchanged(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    chosen = chosen_products()
    load(chosen, ProductIndexPage.objects.get())
    assert ProductPage.objects.count() == len(chosen)

    refused, changed = resave_products(editor_client)
    assert not refused, f"{len(refused)} products could not be published: {refused}"
    assert not changed, f"{len(changed)} products changed on an unchanged save: {changed}"
    assert not ProductPage.objects.filter(has_unpublished_changes=True).exists()

    for model in SNIPPET_MODELS:
        saved, refused, changed = resave_snippets(editor_client, model)
        assert saved, model
        assert not refused, f"{len(refused)} {model.__name__} could not be saved: {refused}"
        assert not changed, f"{len(changed)} {model.__name__} changed on a save: {changed}"
