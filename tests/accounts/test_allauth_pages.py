"""Every allauth page we use is the site's page: our header, one h1, our words."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model

from tests.accounts.helpers import soup

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = {
    "/account/login/": "Sign in",
    "/account/signup/": "Create an account",
    "/account/inactive/": "This account is not active",
    "/account/confirm-email/": "Check your email",
    "/account/confirm-email/not-a-key/": "Confirm your email address",
    "/account/password/reset/": "Reset your password",
    "/account/password/reset/done/": "Check your email",
    "/account/password/reset/key/done/": "Your password has been changed",
    "/account/password/reset/key/1-not-a-key/": "This link does not work",
    "/account/signed-out/": "You have signed out",
}
MEMBER_PAGES = {
    "/account/logout/": "Sign out",
    "/account/email/": "Change your email address",
    "/account/password/change/": "Change your password",
    "/account/reauthenticate/": "Confirm it is you",
}


def check(response, heading):
    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert [h1.get_text(strip=True) for h1 in page.select("main h1")] == [heading]
    assert page.select_one("header .account-nav"), "not inside templates/base.html"
    assert page.title.get_text(" ", strip=True).endswith("– Enabled")
    assert not page.select("[placeholder]")


@pytest.mark.parametrize(("url", "heading"), ANONYMOUS_PAGES.items())
def test_anonymous_pages(client, url, heading):
    check(client.get(url, follow=True), heading)


@pytest.mark.parametrize(("url", "heading"), MEMBER_PAGES.items())
def test_member_pages(signed_in, url, heading):
    check(signed_in.get(url), heading)


def test_set_password_for_someone_without_one(client):
    user = get_user_model().objects.create_user("nopass", "np@example.invalid")
    client.force_login(user)
    check(client.get("/account/password/change/", follow=True), "Set a password")
