"""Signing in and out, resetting a forgotten password through the email, and changing it."""

from http import HTTPStatus

import pytest
from django.core import mail

from tests.accounts.helpers import PASSWORD, error_summary_links, link_in, soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase for sam"  # noqa: S105 (test-only)


def sign_in(client, email, password):
    form = RenderedForm(client.get("/account/login/"), "login-form")
    form.set("login", email)
    form.set("password", password)
    return form.submit(client)


def test_sign_in_and_sign_out_by_post(client, member):
    response = sign_in(client, member.email, PASSWORD)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/account/"

    account = client.get("/account/")
    header = soup(account).select_one(".account-nav")
    assert header.find("a", string="Your account")["aria-current"] == "page"
    sign_out = RenderedForm(account, "sign-out-form")
    assert sign_out.action == "/account/logout/"

    # A link (GET) cannot sign anyone out: only the form's POST does.
    assert client.get("/account/logout/").status_code == HTTPStatus.OK
    assert client.get("/account/").status_code == HTTPStatus.OK
    response = sign_out.submit(client, follow=True)
    assert response.redirect_chain[-1][0] == "/account/signed-out/"
    assert soup(response).h1.get_text() == "You have signed out"
    assert not response.context["user"].is_authenticated
    assert soup(response).select_one(".account-nav").find("a", string="Sign in")


def test_wrong_password_is_explained_without_saying_which_part_is_wrong(client, member):
    response = sign_in(client, member.email, "not my password")

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert page.title.get_text().startswith("Error: Sign in")
    assert (
        "The email address or password is not right" in page.select_one(".error-summary").get_text()
    )
    assert page.select_one("#id_login")["value"] == member.email


def test_password_reset_through_the_emailed_link(
    client, member, django_capture_on_commit_callbacks
):
    form = RenderedForm(client.get("/account/password/reset/"), "password-reset-form")
    form.set("email", member.email)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client, follow=True)
    assert soup(response).h1.get_text() == "Check your email"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Enabled: Reset your password"

    # allauth moves the key from the link into the session, then shows the form.
    page = client.get(link_in(mail.outbox[0]), follow=True)
    assert soup(page).h1.get_text() == "Set a new password"
    form = RenderedForm(page, "password-reset-key-form")
    field = soup(page).select_one("#id_password1")
    assert field["autocomplete"] == "new-password"
    form.set("password1", NEW_PASSWORD)
    response = form.submit(client, follow=True)
    assert soup(response).h1.get_text() == "Your password has been changed"

    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # The link works once only.
    again = client.get(link_in(mail.outbox[0]), follow=True)
    assert soup(again).h1.get_text() == "This link does not work"
    assert sign_in(client, member.email, NEW_PASSWORD)["Location"] == "/account/"


def test_password_reset_for_an_unknown_address_looks_the_same(
    client, django_capture_on_commit_callbacks
):
    form = RenderedForm(client.get("/account/password/reset/"), "password-reset-form")
    form.set("email", "nobody@example.invalid")
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client)
    assert response["Location"] == "/account/password/reset/done/"


def test_change_password(signed_in, member):
    page = signed_in.get("/account/password/change/")
    fields = soup(page)
    assert fields.select_one("#id_oldpassword")["autocomplete"] == "current-password"
    assert fields.select_one("#id_password1")["autocomplete"] == "new-password"

    form = RenderedForm(page, "password-change-form")
    form.set("oldpassword", "wrong")
    form.set("password1", NEW_PASSWORD)
    response = form.submit(signed_in)
    assert error_summary_links(response) == [
        ("Your current password is not right", "#id_oldpassword")
    ]

    form = RenderedForm(response, "password-change-form")
    form.set("oldpassword", PASSWORD)
    form.set("password1", NEW_PASSWORD)
    response = form.submit(signed_in, follow=True)
    assert response.redirect_chain[-1][0] == "/account/"
    assert "Your password has been changed." in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # Still signed in: changing the password keeps this session.
    assert response.context["user"].is_authenticated


def test_a_weak_new_password_is_refused_with_the_reason(signed_in):
    form = RenderedForm(signed_in.get("/account/password/change/"), "password-change-form")
    form.set("oldpassword", PASSWORD)
    form.set("password1", "12345678")
    response = form.submit(signed_in)
    texts = [text for text, href in error_summary_links(response) if href == "#id_password1"]
    assert "This password is too common." in texts
