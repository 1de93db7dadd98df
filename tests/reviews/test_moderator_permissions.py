"""Moderators moderate: they reach the queues for members' contributions, and nothing else.

Wagtail's Moderators group used to edit and publish every page, the taxonomies and the
images (reviews migration 0011 takes that away); publishing passes to Editors.
"""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from taxonomy.models import Need
from tests.factories import make_image, make_product, make_review
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

QUEUES = [
    "review_moderation:list",
    "tip_moderation:list",
    "photo_moderation:list",
    "report_moderation:list",
]


def refused(response):
    """Wagtail refuses with 403, or sends the person back to the dashboard with a message."""
    if response.status_code == HTTPStatus.FOUND:
        return response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    return response.status_code == HTTPStatus.FORBIDDEN


@pytest.fixture
def product():
    return make_product("Easy-grip kettle tipper")


def test_a_moderator_cannot_edit_or_publish_a_page(client, moderator, product):
    edit = reverse("wagtailadmin_pages:edit", args=[product.pk])
    add = reverse("wagtailadmin_pages:add_subpage", args=[product.get_parent().pk])

    assert refused(client.get(edit))
    assert refused(client.post(edit, {"title": "Renamed", "action-publish": "publish"}))
    assert refused(client.get(add))
    assert Page.objects.get(pk=product.pk).title == "Easy-grip kettle tipper"


def test_a_moderator_cannot_edit_a_taxonomy_term(client, moderator):
    need = Need.objects.order_by("pk").first()

    assert refused(client.get(reverse("wagtailsnippets_taxonomy_need:edit", args=[need.pk])))
    assert refused(client.get(reverse("wagtailsnippets_taxonomy_need:add")))
    response = client.post(
        reverse("wagtailsnippets_taxonomy_need:edit", args=[need.pk]), {"name": "Renamed"}
    )
    assert refused(response)
    assert Need.objects.get(pk=need.pk).name == need.name


def test_a_moderator_cannot_edit_or_add_an_image(client, moderator):
    image = make_image("Bath lift photo")

    assert refused(client.get(reverse("wagtailimages:edit", args=[image.pk])))
    assert refused(client.get(reverse("wagtailimages:add")))
    assert refused(client.post(reverse("wagtailimages:delete", args=[image.pk])))
    assert image.__class__.objects.filter(pk=image.pk).exists()


def test_a_moderator_still_reaches_every_moderation_queue(client, moderator, product):
    review = make_review(product, approved=False)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == HTTPStatus.OK

    for queue in QUEUES:
        assert client.get(reverse(queue)).status_code == HTTPStatus.OK, queue
    decision = client.get(reverse("review_moderation:decide", args=[review.pk]))
    assert decision.status_code == HTTPStatus.OK


def test_editors_publish_pages_now(client, django_user_model, product):
    editor = django_user_model.objects.create_user("ed", "ed@example.invalid", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[product.pk])
    form = RenderedForm(client.get(edit), form_id="page-edit-form", model=type(product.specific))
    form.set("title", "Easy-grip kettle tipper, mark 2")

    response = form.submit(client, button="action-publish")

    assert response.status_code == HTTPStatus.FOUND
    assert Page.objects.get(pk=product.pk).specific.title == "Easy-grip kettle tipper, mark 2"
    assert Page.objects.get(pk=product.pk).live
