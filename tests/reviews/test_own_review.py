"""A member's own review is acknowledged on the product page, in whatever state it is in."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from reviews import moderation
from reviews.models import Review
from tests.factories import make_member, make_product
from tests.rendered_forms import RenderedForm
from tests.reviews.test_writing import fill_in, review_url

pytestmark = pytest.mark.django_db

WAITING = "Your review is waiting for a moderator."
PUBLISHED = "Your review is published."
EDITS_WAIT = "If you change it, a moderator checks your changes first."


@pytest.fixture
def product():
    return make_product("Easy-grip kettle tipper")


@pytest.fixture
def member(client):
    user = make_member("Rosa")
    client.force_login(user)
    return user


def call_to_action(client, product):
    """(what the page says of your review, the button's words) in the reviews section."""
    response = client.get(product.url)
    assert response.status_code == HTTPStatus.OK
    section = BeautifulSoup(response.content, "lxml").select_one("#reviews")
    yours = section.select_one("#your-review")
    button = section.find("a", href=review_url(product))
    for hidden in button.select(".visually-hidden"):
        hidden.decompose()
    said = yours.get_text(" ", strip=True) if yours else None
    return said, button.get_text(strip=True)


def write(client, product, **changes):
    form = fill_in(RenderedForm(client.get(review_url(product))), **changes)
    assert form.submit(client).status_code == HTTPStatus.FOUND
    return Review.objects.get(product=product)


def test_a_member_with_a_waiting_review_is_told_so(client, member, product):
    assert call_to_action(client, product) == (None, "Write a review")
    write(client, product)

    said, button = call_to_action(client, product)

    assert WAITING in said
    assert "a moderator checks it again before it appears" in said
    assert button == "Change your review"
    # The button leads to the same review, not a second one.
    assert "Change your review" in client.get(review_url(product)).text


def test_a_published_review_and_an_edit_waiting_beside_it(client, member, product):
    review = write(client, product)
    moderation.approve(review, None)

    said, button = call_to_action(client, product)
    assert PUBLISHED in said and EDITS_WAIT in said
    assert "people keep reading the published version" in said
    assert button == "Change your review"

    write(client, product, title="Even better with a mat under it")
    said, _ = call_to_action(client, product)
    assert "Your review is published. Your changes are waiting for a moderator." in said


def test_a_review_not_published_gives_the_moderator_s_reason(client, member, product):
    review = write(client, product)
    moderation.reject(review, None, "It names a <b>shop assistant</b>.")

    said, button = call_to_action(client, product)

    assert "Your review was not published: It names a <b>shop assistant</b>." in said
    assert button == "Change your review"
    # And the form it leads to says so too, above what was written.
    form = BeautifulSoup(client.get(review_url(product)).content, "lxml")
    assert form.h1.get_text(strip=True) == f"Change your review of {product.title}"
    state = form.select_one("#your-review").get_text(" ", strip=True)
    assert state.startswith("Your review was not published: It names a <b>shop assistant</b>.")
    assert "a moderator checks it again" in state


def test_a_rejected_edit_leaves_the_published_review(client, member, product):
    review = write(client, product)
    moderation.approve(review, None)
    review = write(client, product, title="Changed")
    moderation.reject(review, None, "Please keep to the product.")

    said, _ = call_to_action(client, product)

    assert (
        "Your review is published, but your changes were not published: "
        "Please keep to the product." in said
    )


def test_others_are_invited_to_write_their_own(client, member, product):
    write(client, product)
    other = Client()
    assert call_to_action(other, product) == (None, "Write a review")
    other.force_login(make_member("Sam"))
    assert call_to_action(other, product) == (None, "Write a review")
