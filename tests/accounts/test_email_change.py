"""Changing the email address: the new one must be confirmed before it replaces the old."""

from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.accounts.helpers import PASSWORD, error_summary_links, link_in, make_member, soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

NEW = "sam.new@example.invalid"


def ask_for_change(client, email):
    form = RenderedForm(client.get("/account/email/"), "email-change-form")
    form.set("email", email)
    return form.submit(client, button="action_add")


def test_the_new_address_replaces_the_old_once_confirmed(
    signed_in, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_for_change(signed_in, NEW)
    assert response.status_code == HTTPStatus.FOUND

    # Until confirmed, the old address stays the one to sign in with.
    page = signed_in.get("/account/email/")
    assert "Changing to" in soup(page).get_text()
    assert EmailAddress.objects.get(user=member, primary=True).email == member.email
    assert [m.to for m in mail.outbox] == [[NEW]]

    confirm = signed_in.get(link_in(mail.outbox[0]))
    RenderedForm(confirm, "confirm-email-form").submit(signed_in)

    member.refresh_from_db()
    assert member.email == NEW
    addresses = EmailAddress.objects.filter(user=member)
    assert [(a.email, a.primary, a.verified) for a in addresses] == [(NEW, True, True)]
    signed_in.logout()
    form = RenderedForm(signed_in.get("/account/login/"), "login-form")
    form.set("login", NEW)
    form.set("password", PASSWORD)
    assert form.submit(signed_in)["Location"] == "/account/"


def test_an_address_in_use_or_malformed_is_refused(signed_in, member):
    response = ask_for_change(signed_in, "not an address")
    assert error_summary_links(response) == [
        ("Enter an email address in the correct format, like name@example.com", "#id_email")
    ]

    response = ask_for_change(signed_in, member.email)
    assert error_summary_links(response) == [("This is already your email address", "#id_email")]


def test_another_members_address_is_not_revealed(
    signed_in, member, django_capture_on_commit_callbacks
):
    other = make_member(email="other@example.invalid")
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_for_change(signed_in, other.email)
    # Enumeration is prevented: it looks like any change, and nothing changes hands.
    assert response.status_code == HTTPStatus.FOUND
    assert EmailAddress.objects.get(email=other.email, verified=True).user == other
    assert EmailAddress.objects.get(user=member, primary=True).email == member.email
    # The link cannot take the address from its owner.
    confirm = signed_in.get(link_in(mail.outbox[-1]))
    assert "another account already uses it" in soup(confirm).get_text()
