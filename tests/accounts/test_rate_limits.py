"""allauth's rate limits: too many sign-in attempts are refused, with our own 429 page."""

from http import HTTPStatus

import pytest
from django.conf import settings

from tests.accounts.helpers import PASSWORD, soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


def failed_sign_in(client, email):
    form = RenderedForm(client.get("/account/login/"), "login-form")
    form.set("login", email)
    form.set("password", "guess")
    return form.submit(client)


def limit_of(action):
    """How many a minute settings.ACCOUNT_RATE_LIMITS allows for `action` per address."""
    rate = next(r for r in settings.ACCOUNT_RATE_LIMITS[action].split(",") if r.endswith("/ip"))
    return int(rate.split("/")[0])


def test_repeated_failed_sign_ins_are_refused_then_rate_limited(client, member):
    # Five wrong passwords for one address: the sixth try is refused even with the right one.
    for _ in range(5):
        assert failed_sign_in(client, member.email).status_code == HTTPStatus.OK
    form = RenderedForm(client.get("/account/login/"), "login-form")
    form.set("login", member.email)
    form.set("password", PASSWORD)
    response = form.submit(client)
    assert response.status_code == HTTPStatus.OK
    assert (
        "You have tried to sign in too many times"
        in soup(response).select_one(".error-summary").get_text()
    )

    # Past the per-address limit for sign-ins from one address, allauth answers 429.
    responses = [failed_sign_in(client, f"guess{n}@example.invalid") for n in range(40)]
    limited = [r for r in responses if r.status_code == HTTPStatus.TOO_MANY_REQUESTS]
    assert limited, "never rate limited"
    page = soup(limited[0])
    assert page.title.get_text() == "Too many attempts – Enabled"
    assert page.h1.get_text() == "Too many attempts"
    assert page.select_one("main a[href='/account/password/reset/']")
    assert page.select_one("header .account-nav"), "the 429 page is not the site's page"
    assert len(responses) - len(limited) < limit_of("login")


def test_signups_are_rate_limited(client):
    statuses = set()
    for _ in range(limit_of("signup") + 1):
        statuses.add(client.post("/account/signup/", {"email": "x"}).status_code)
    assert HTTPStatus.TOO_MANY_REQUESTS in statuses
