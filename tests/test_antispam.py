"""The honeypot and the signed fill time on public forms, driven through the rendered pages.

The test settings let forms be sent at machine speed (FORM_MIN_FILL_SECONDS = 0); the tests
here that are about the minimum put the real one back.
"""

import time
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from core import antispam
from enabled.settings import base
from reviews.models import Review
from tests.accounts.helpers import choose, soup
from tests.factories import make_member, make_product
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

TITLE = "Steady on a tiled floor"
BODY = "It does not slide, even when the floor is wet."


@pytest.fixture
def product():
    return make_product("Perching stool")


@pytest.fixture
def member(client):
    user = make_member("Rosa")
    client.force_login(user)
    return user


def review_page(client, product):
    return client.get(reverse("reviews:write", args=[product.pk]))


def fill_in_review(form):
    form.choose("rating", "4 out of 5")
    form.set("title", TITLE)
    form.set("body", BODY)
    form.choose("used_for", "1 to 6 months")
    form.choose("still_using", "Yes")
    # Any other question with options takes its first: the checks, not the review, are tested.
    for radio in form.form.find_all("input", type="radio"):
        form.data.setdefault(radio["name"], [radio["value"]])
    return form


def signup_form(client):
    form = RenderedForm(client.get("/account/signup/"), "signup-form")
    form.set("email", "robin@example.invalid")
    form.set("password1", "correct horse battery staple")
    form.set("display_name", "Robin")
    choose(form, "role", "Family carer")
    return form


def summary_text(response):
    return soup(response).select_one(".error-summary").get_text(" ", strip=True)


def assert_checks_are_out_of_sight(response, form_id=None):
    page = soup(response)
    form = page.find("form", id=form_id) if form_id else page.find("main").find("form")
    started = form.find("input", attrs={"name": antispam.STARTED})
    assert started["type"] == "hidden"
    assert not form.find("label", attrs={"for": started.get("id")})
    assert "Form started" not in form.get_text()
    honeypot = form.find("input", attrs={"name": antispam.HONEYPOT})
    hidden_block = honeypot.find_parent(class_="honeypot")
    assert hidden_block is not None and hidden_block["aria-hidden"] == "true"
    assert honeypot["tabindex"] == "-1"


def test_the_review_form_shows_no_label_for_its_fill_time(client, member, product):
    assert_checks_are_out_of_sight(review_page(client, product))


def test_the_sign_up_form_has_the_honeypot_and_the_fill_time(client):
    assert_checks_are_out_of_sight(client.get("/account/signup/"), "signup-form")


def test_sign_up_refuses_a_filled_honeypot_and_keeps_the_answers(client):
    form = signup_form(client)
    form.set(antispam.HONEYPOT, "+44 20 7946 0000")

    response = form.submit(client)

    assert antispam.ROBOT in summary_text(response)
    assert RenderedForm(response, "signup-form").values("display_name") == ["Robin"]
    assert not get_user_model().objects.exists()


def test_sign_up_sent_faster_than_a_person_is_refused_then_accepted(client, settings):
    settings.FORM_MIN_FILL_SECONDS = base.FORM_MIN_FILL_SECONDS
    form = signup_form(client)

    response = form.submit(client)

    assert "quicker than we expected" in summary_text(response)
    assert RenderedForm(response, "signup-form").values("email") == ["robin@example.invalid"]
    assert not get_user_model().objects.exists()

    time.sleep(base.FORM_MIN_FILL_SECONDS)
    assert form.submit(client).status_code == HTTPStatus.FOUND
    assert get_user_model().objects.filter(email="robin@example.invalid").exists()


def test_a_stamp_older_than_the_longest_fill_time_is_refused_and_the_text_kept(
    client, member, product, settings
):
    settings.FORM_MAX_FILL_SECONDS = 1
    form = fill_in_review(RenderedForm(review_page(client, product)))
    time.sleep(2)

    response = form.submit(client)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert antispam.TOO_OLD in summary_text(response)
    again = RenderedForm(response)
    assert again.values("title") == [TITLE]
    assert again.values("body") == [BODY]
    assert not Review.objects.exists()
    # The page drawn again has a fresh stamp: sending it as it is now works (with a day's
    # allowance again, so a slow machine cannot take the second past one second too).
    settings.FORM_MAX_FILL_SECONDS = base.FORM_MAX_FILL_SECONDS
    assert again.submit(client).status_code == HTTPStatus.FOUND
    assert Review.objects.get().content()["title"] == TITLE


def test_a_stamp_taken_from_another_form_is_refused_and_the_text_kept(client, member, product):
    signup_page = Client().get("/account/signup/")
    sign_up_stamp = RenderedForm(signup_page, "signup-form").values(antispam.STARTED)
    form = fill_in_review(RenderedForm(review_page(client, product)))
    form.set(antispam.STARTED, *sign_up_stamp)

    response = form.submit(client)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert antispam.NOT_THIS_FORM in summary_text(response)
    assert RenderedForm(response).values("body") == [BODY]
    assert not Review.objects.exists()
    assert RenderedForm(response).submit(client).status_code == HTTPStatus.FOUND


def test_a_forged_or_missing_stamp_is_refused(client, member, product):
    form = fill_in_review(RenderedForm(review_page(client, product)))
    for stamp in ("1700000000:forged", ""):
        form.set(antispam.STARTED, stamp)
        response = form.submit(client)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert antispam.NOT_THIS_FORM in summary_text(response)
    assert not Review.objects.exists()
