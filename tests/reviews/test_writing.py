"""Members write and change reviews through the real form, read from the rendered page."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core import antispam
from reviews.models import Review, Status
from tests.factories import make_member, make_product, make_review
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return make_product("Easy-grip kettle tipper")


@pytest.fixture
def member(client):
    user = make_member("Rosa", role="family_carer", conditions=["Stroke"], show_conditions=True)
    client.force_login(user)
    return user


def review_url(product):
    return reverse("reviews:write", args=[product.pk])


def fill_in(form, **changes):
    form.choose("subject", "Mine")
    form.choose("rating", "4 out of 5")
    form.choose("comfort", "5 out of 5")
    form.set("title", "Saves my wrists every morning")
    form.set("body", "Tipping the kettle is easy now.\n\nIt rocks a little on a tiled worktop.")
    form.choose("used_for", "1 to 6 months")
    form.choose("still_using", "Yes")
    for name, value in changes.items():
        form.set(name, value)
    return form


def test_visitors_are_asked_to_sign_in(client, product):
    response = client.get(review_url(product))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_writes_a_review_that_waits_for_a_moderator(client, member, product):
    form = fill_in(RenderedForm(client.get(review_url(product))))
    response = form.submit(client, follow=True)

    review = Review.objects.get()
    photos_url = reverse("reviews:photos", args=[review.pk])
    assert response.redirect_chain == [(photos_url, HTTPStatus.FOUND)]
    assert "A moderator will check your review" in response.text
    assert (review.author, review.status, review.rating, review.comfort) == (
        member,
        Status.PENDING,
        4,
        5,
    )
    assert review.author_role == "family_carer"
    assert [c.name for c in review.author_conditions.all()] == ["Stroke"]
    assert "Saves my wrists" not in client.get(product.url).text  # not yet approved


def test_errors_are_summarised_and_nothing_typed_is_lost(client, member, product):
    form = fill_in(RenderedForm(client.get(review_url(product))), title="")
    form.choose("still_using", "No")
    response = form.submit(client)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = RenderedForm(response)
    assert page.values("body") == [
        "Tipping the kettle is easy now.\n\nIt rocks a little on a tiled worktop."
    ]
    assert page.values("rating") == ["4"]
    summary = page.form.find_previous(class_="error-summary")
    links = {a["href"]: a.get_text(strip=True) for a in summary.find_all("a")}
    assert links == {
        "#id_title": "This field is required.",
        "#id_stopped_reason": "Say why you stopped using it.",
    }
    assert not Review.objects.exists()


def test_a_second_review_of_the_same_product_changes_the_first(client, member, product):
    published = make_review(product, member, title="First thoughts", rating=3)
    form = RenderedForm(client.get(review_url(product)))
    assert form.values("title") == ["First thoughts"]
    form.set("title", "After six months")
    form.submit(client)

    review = Review.objects.get()
    assert review.pk == published.pk
    assert review.title == "First thoughts"  # the public still sees the approved text
    assert review.content()["title"] == "After six months"
    assert review.status == Status.PENDING


def test_the_honeypot_refuses_robots(client, member, product):
    form = fill_in(RenderedForm(client.get(review_url(product))))
    form.set(antispam.HONEYPOT, "+44 20 7946 0000")
    response = form.submit(client)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert antispam.ROBOT in response.text
    assert not Review.objects.exists()


def test_a_form_sent_back_too_fast_is_refused_and_kept(client, member, product, settings):
    settings.FORM_MIN_FILL_SECONDS = 60
    form = fill_in(RenderedForm(client.get(review_url(product))))
    response = form.submit(client)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "quicker than we expected" in response.text
    assert RenderedForm(response).values("title") == ["Saves my wrists every morning"]

    form.set(antispam.STARTED, "1700000000:forged")
    assert form.submit(client).status_code == HTTPStatus.BAD_REQUEST
    assert not Review.objects.exists()


def test_submissions_are_rate_limited_per_account_with_an_accessible_page(
    client, member, product, settings
):
    settings.SUBMISSION_RATE_PER_ACCOUNT = "2/h"
    form = fill_in(RenderedForm(client.get(review_url(product))))
    assert form.submit(client).status_code == HTTPStatus.FOUND
    assert form.submit(client).status_code == HTTPStatus.FOUND
    response = form.submit(client)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "<h1" in response.text and "try again" in response.text.lower()


def test_submissions_are_rate_limited_per_address(client, product, settings):
    settings.SUBMISSION_RATE_PER_ADDRESS = "1/h"
    for name in ("Ana", "Ben"):
        client.force_login(make_member(name))
        response = fill_in(RenderedForm(client.get(review_url(product)))).submit(client)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_public_pages_have_a_content_security_policy_without_inline_code(client, product):
    policy = client.get(product.url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy
