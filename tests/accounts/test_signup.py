"""Creating an account: the form, the verification email, and signing in afterwards."""

from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Profile, Role
from tests.accounts.helpers import PASSWORD, choose, error_summary_links, link_in, soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

EMAIL = "robin@example.invalid"


def fill_signup(client, email=EMAIL, password=PASSWORD, name="Robin", role="Family carer"):
    form = RenderedForm(client.get("/account/signup/"), "signup-form")
    form.set("email", email)
    form.set("password1", password)
    form.set("display_name", name)
    if role:
        choose(form, "role", role)
    return form


def sign_up(client, capture, **fields):
    with capture(execute=True):
        return fill_signup(client, **fields).submit(client)


def test_signup_sends_a_verification_email_only_after_commit(
    client, django_capture_on_commit_callbacks
):
    form = fill_signup(client)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = form.submit(client)
        assert len(mail.outbox) == 0, "the email went before the transaction committed"

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/account/confirm-email/"
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject == "Enabled: Confirm your email address"
    assert "/account/confirm-email/" in link_in(message)


def test_signup_makes_a_user_with_a_profile_and_an_unverified_address(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)

    user = get_user_model().objects.get(email=EMAIL)
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Robin"
    assert profile.role == Role.FAMILY_CARER
    assert profile.shown_conditions() == []
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == (EMAIL, False, True)


def test_following_the_link_confirms_the_address_and_signs_in(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    page = client.get(link_in(mail.outbox[0]))
    assert page.status_code == HTTPStatus.OK
    assert "Confirm your email address" in soup(page).h1.get_text()

    response = RenderedForm(page, "confirm-email-form").submit(client, follow=True)

    assert response.redirect_chain[-1][0] == "/account/"
    assert response.context["user"].is_authenticated
    assert soup(response).h1.get_text() == "Your account"
    assert f"You have confirmed your email address, {EMAIL}." in response.content.decode()
    assert EmailAddress.objects.get(email=EMAIL).verified


def test_a_confirmed_member_can_sign_in_from_another_browser(
    client, django_capture_on_commit_callbacks
):
    from django.test import Client

    sign_up(client, django_capture_on_commit_callbacks)
    # Confirmed in a different browser, where nobody is signed in.
    other = Client()
    page = other.get(link_in(mail.outbox[0]))
    RenderedForm(page, "confirm-email-form").submit(other)

    form = RenderedForm(other.get("/account/login/"), "login-form")
    form.set("login", EMAIL)
    form.set("password", PASSWORD)
    response = form.submit(other)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/account/"
    assert other.get("/account/").status_code == HTTPStatus.OK


def test_an_unverified_member_cannot_sign_in(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    client.logout()

    form = RenderedForm(client.get("/account/login/"), "login-form")
    form.set("login", EMAIL)
    form.set("password", PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/account/confirm-email/"
    account = client.get("/account/")
    assert account.status_code == HTTPStatus.FOUND
    assert account["Location"].startswith("/account/login/")


def test_signup_errors_keep_the_input_and_link_from_the_summary(client):
    form = fill_signup(client, email="not an email", password="", name="Robin", role=None)

    response = form.submit(client)

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert page.title.get_text().startswith("Error: Create an account")
    assert error_summary_links(response) == [
        ("Enter an email address in the correct format, like name@example.com", "#id_email"),
        ("Enter a password", "#id_password1"),
        ("Select how you know the products", "#id_role_0"),
    ]
    # What the person typed is still there (but never the password).
    assert page.select_one("#id_email")["value"] == "not an email"
    assert page.select_one("#id_display_name")["value"] == "Robin"
    assert not page.select_one("#id_password1").get("value")
    # Each field's error is next to it, announced with the field.
    email = page.select_one("#id_email")
    assert email["aria-invalid"] == "true"
    assert "id_email-error" in email["aria-describedby"].split()
    error = page.select_one("#id_email-error").get_text(" ", strip=True)
    assert error.startswith("Error: Enter an email address")
    role_fieldset = page.select_one("#id_role_0").find_parent("fieldset")
    assert "id_role-error" in role_fieldset["aria-describedby"].split()
    assert role_fieldset.legend.get_text(strip=True) == "How do you know the products?"
    assert get_user_model().objects.count() == 0


def test_signup_form_is_friendly_to_password_managers(client):
    page = soup(client.get("/account/signup/"))

    email = page.select_one("#id_email")
    password = page.select_one("#id_password1")
    assert (email["type"], email["autocomplete"]) == ("email", "email")
    assert (password["type"], password["autocomplete"]) == ("password", "new-password")
    assert page.find("label", attrs={"for": "id_password1"}).get_text(strip=True) == (
        "Create a password"
    )
    # No username, no second password box, no placeholders, nothing that blocks paste.
    assert page.select_one("[name=username]") is None
    assert page.select_one("[name=password2]") is None
    assert not page.select("#signup-form [placeholder]")
    assert not page.select("[onpaste]")
    labels = [label.get_text(strip=True) for label in page.select("#id_role_0 ~ label")]
    radios = page.select("input[name=role]")
    assert len(radios) == 4 and not any(r.has_attr("checked") for r in radios)
    assert labels == ["I use the products"]


def test_the_same_email_twice_does_not_reveal_the_account(
    client, member, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks, email=member.email)

    # The page is the same as for a new address; the owner is told by email instead.
    assert response["Location"] == "/account/confirm-email/"
    assert get_user_model().objects.filter(email=member.email).count() == 1
    assert mail.outbox[0].subject == "Enabled: You already have an account"
