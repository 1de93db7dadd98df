"""Signing up while reviewing: confirming the address, in this browser or another, leads back to
the product's review form; and "Check your email" sends the email again, not too often."""

import time
from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.helpers import PASSWORD, choose, link_in, soup
from tests.factories import make_product
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

EMAIL = "robin@example.invalid"


@pytest.fixture
def product():
    return make_product("Easy-grip kettle tipper")


def review_url(product):
    return reverse("reviews:write", args=[product.pk])


def sign_up_while_reviewing(client, product, capture, email=EMAIL):
    """From the product's review link, signed out: sign in page, "Create an account", sign up."""
    login_page = client.get(review_url(product), follow=True)
    assert soup(login_page).h1.get_text(strip=True) == "Sign in"
    create = soup(login_page).main.find("a", string="Create an account")["href"]
    form = RenderedForm(client.get(create), "signup-form")
    form.set("email", email)
    form.set("password1", PASSWORD)
    form.set("display_name", "Robin")
    choose(form, "role", "Family carer")
    with capture(execute=True):
        response = form.submit(client)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    return client.get(response["Location"])


def confirm(browser, link):
    page = browser.get(link)
    assert page.status_code == HTTPStatus.OK
    return RenderedForm(page, "confirm-email-form").submit(browser, follow=True)


def is_the_review_form(response, product):
    assert response.status_code == HTTPStatus.OK
    assert response.request["PATH_INFO"] == review_url(product)
    assert soup(response).h1.get_text(strip=True) == f"Review of {product.title}"


def test_confirming_in_another_browser_leads_to_the_review_form_after_signing_in(
    client, product, django_capture_on_commit_callbacks
):
    sign_up_while_reviewing(client, product, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])

    other = Client()  # another browser: it knows nothing of the first one's session
    response = confirm(other, link)

    page = soup(response)
    assert page.h1.get_text(strip=True) == "Sign in"
    assert f"You have confirmed your email address, {EMAIL}." in response.text
    form = RenderedForm(response, "login-form")
    form.set("login", EMAIL)
    form.set("password", PASSWORD)
    is_the_review_form(form.submit(other, follow=True), product)


def test_confirming_in_the_same_browser_leads_straight_to_the_review_form(
    client, product, django_capture_on_commit_callbacks
):
    sign_up_while_reviewing(client, product, django_capture_on_commit_callbacks)

    is_the_review_form(confirm(client, link_in(mail.outbox[0])), product)


def test_a_link_leads_only_to_this_site(client, product, django_capture_on_commit_callbacks):
    sign_up_while_reviewing(client, product, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0]).split("?")[0] + "?next=https://evil.example/"

    response = confirm(Client(), link)

    assert all("evil.example" not in url for url, _ in response.redirect_chain)


def test_check_your_email_sends_it_again_but_not_too_often(
    client, product, settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = 2  # allauth's default is 3 minutes
    page = sign_up_while_reviewing(client, product, django_capture_on_commit_callbacks)
    assert soup(page).h1.get_text(strip=True) == "Check your email"
    assert len(mail.outbox) == 1

    # At once: the first email may still be on its way.
    with django_capture_on_commit_callbacks(execute=True):
        refused = RenderedForm(page, "send-again-form").submit(client)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "We sent you an email a moment ago" in refused.text
    assert soup(refused).select_one("#send-again-form") is not None
    assert len(mail.outbox) == 1

    time.sleep(2.1)
    with django_capture_on_commit_callbacks(execute=True):
        sent = RenderedForm(page, "send-again-form").submit(client, follow=True)
    assert soup(sent).h1.get_text(strip=True) == "Check your email"
    assert f"We have sent a link to {EMAIL}." in sent.text
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == [EMAIL]

    # The new link leads back to the review form too, from any browser.
    other = Client()
    signed_in = confirm(other, link_in(mail.outbox[1]))
    form = RenderedForm(signed_in, "login-form")
    form.set("login", EMAIL)
    form.set("password", PASSWORD)
    is_the_review_form(form.submit(other, follow=True), product)


def test_sending_again_for_an_address_with_an_account_looks_the_same(
    client, product, member, settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = 0
    page = sign_up_while_reviewing(
        client, product, django_capture_on_commit_callbacks, email=member.email
    )

    with django_capture_on_commit_callbacks(execute=True):
        sent = RenderedForm(page, "send-again-form").submit(client, follow=True)

    assert soup(sent).h1.get_text(strip=True) == "Check your email"
    assert f"We have sent a link to {member.email}." in sent.text
    assert [m.subject for m in mail.outbox] == ["Enabled: You already have an account"] * 2


def test_sending_again_with_nothing_waiting_asks_to_sign_in(client):
    page = client.get(reverse("account_email_verification_sent"))

    response = RenderedForm(page, "send-again-form").submit(client, follow=True)

    assert soup(response).h1.get_text(strip=True) == "Sign in"
    assert "we will send you a new link" in response.text
    assert len(mail.outbox) == 0
