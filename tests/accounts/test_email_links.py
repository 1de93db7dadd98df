"""Links in account emails point at the site's configured address, whatever Host was asked.

A request's Host header is the sender's to choose. Where the server lets a second name
through (ALLOWED_HOSTS permits it in these tests), a password reset asked for with
"Host: evil.example" must still mail a link to the site, not to evil.example.
"""

import pytest
from django.core import mail
from django.test import Client

from tests.accounts.helpers import choose, link_in
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

SITE = "https://enabled.example.org"
EVIL = "evil.example"


@pytest.fixture
def evil_client(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, EVIL]
    settings.WAGTAILADMIN_BASE_URL = SITE
    return Client(HTTP_HOST=EVIL)


def ask_for_reset(client, email, capture):
    form = RenderedForm(client.get("/account/password/reset/"), "password-reset-form")
    form.set("email", email)
    with capture(execute=True):
        form.submit(client)
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_a_password_reset_mails_a_link_on_the_site_not_the_host_asked(
    evil_client, member, django_capture_on_commit_callbacks
):
    message = ask_for_reset(evil_client, member.email, django_capture_on_commit_callbacks)

    assert link_in(message).startswith(f"{SITE}/account/password/reset/key/")
    assert EVIL not in message.body


def test_a_reset_for_an_unknown_address_links_to_sign_up_on_the_site(
    evil_client, django_capture_on_commit_callbacks
):
    message = ask_for_reset(
        evil_client, "nobody@example.invalid", django_capture_on_commit_callbacks
    )

    assert link_in(message) == f"{SITE}/account/signup/"
    assert EVIL not in message.body


def test_the_verification_email_links_to_the_site(evil_client, django_capture_on_commit_callbacks):
    form = RenderedForm(evil_client.get("/account/signup/"), "signup-form")
    form.set("email", "robin@example.invalid")
    form.set("password1", "correct horse battery staple")
    form.set("display_name", "Robin")
    choose(form, "role", "Family carer")
    with django_capture_on_commit_callbacks(execute=True):
        form.submit(evil_client)

    assert len(mail.outbox) == 1
    assert link_in(mail.outbox[0]).startswith(f"{SITE}/account/confirm-email/")
    assert EVIL not in mail.outbox[0].body
