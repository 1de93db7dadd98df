"""Every demo product and every snippet can be saved unchanged by an editor.

Each edit view is opened, and its form is sent back with the values it rendered, as a
browser sends them (tests/rendered_forms.py). No vocabulary term, demo product or admin
widget can then make a page impossible to save without this test failing.
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from products.models import Manufacturer, ProductPage
from taxonomy.models import Condition, IsoCategory, Need
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

SNIPPET_MODELS = [Manufacturer, Need, Condition, IsoCategory]


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("editor", "editor@example.invalid", "pass")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


@pytest.fixture
def demo_catalogue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_catalogue", stdout=None)
    assert ProductPage.objects.count() == 217


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


def resave_snippets(client):
    """Save every snippet from its edit view; the ones refused, and the ones changed."""
    refused, changed = {}, {}
    for model in SNIPPET_MODELS:
        url_name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit"
        for item in model.objects.all():
            before = model.objects.filter(pk=item.pk).values().get()
            form = RenderedForm(client.get(reverse(url_name, args=[item.pk])), "w-editor-form")
            response = form.submit(client)
            if response.status_code != HTTPStatus.FOUND:
                refused[str(item)] = dict(response.context["form"].errors)
            elif (after := model.objects.filter(pk=item.pk).values().get()) != before:
                changed[str(item)] = (before, after)
    return refused, changed


def test_every_demo_product_and_snippet_saves_unchanged(editor_client, demo_catalogue):
    # One test, so the demo catalogue (about 30 seconds) loads once.
    refused, changed = resave_products(editor_client)
    assert not refused, f"{len(refused)} products could not be published: {refused}"
    assert not changed, f"{len(changed)} products changed on an unchanged save: {changed}"
    assert not ProductPage.objects.filter(has_unpublished_changes=True).exists()

    refused, changed = resave_snippets(editor_client)
    assert not refused, f"{len(refused)} snippets could not be saved: {refused}"
    assert not changed, f"{len(changed)} snippets changed on an unchanged save: {changed}"
    counts = [model.objects.count() for model in SNIPPET_MODELS]
    assert counts == [20, 17, 19, 91]  # manufacturers, needs, conditions, ISO categories
