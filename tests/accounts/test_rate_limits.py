"""allauth's rate limits: too many sign-in attempts are refused, with our own 429 page."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.accounts.helpers import PASSWORD, soup
from tests.factories import make_member as make_member_named
from tests.factories import make_product
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


# == Behind the reverse proxy ==
# Production stands behind a proxy: every request comes from its address, and the visitor's
# is the last entry of X-Forwarded-For, which the proxy appends.
PROXY = "10.0.0.1"


def behind_proxy(settings, forwarded_for):
    settings.TRUSTED_PROXY_COUNT = 1
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def sign_in(client, email, password, **extra):
    form = RenderedForm(client.get("/account/login/", **extra), "login-form")
    form.set("login", email)
    form.set("password", password)
    return form.submit(client, **extra)


def fail_until_refused(client, **extra):
    """Wrong passwords for made-up addresses from one visitor until allauth refuses them."""
    for n in range(limit_of("login_failed") + 1):
        response = sign_in(client, f"guess{n}@example.invalid", "guess", **extra)
    assert "too many times" in soup(response).select_one(".error-summary").get_text()


def test_visitors_behind_one_proxy_are_limited_apart(settings, member):
    attacker = behind_proxy(settings, "203.0.113.5")
    fail_until_refused(attacker)

    visitor = behind_proxy(settings, "198.51.100.7")
    response = sign_in(visitor, member.email, PASSWORD)

    assert response.status_code == HTTPStatus.FOUND, "one visitor's failures locked out another"
    assert sign_in(attacker, member.email, PASSWORD).status_code == HTTPStatus.OK


def test_a_made_up_forwarded_address_does_not_dodge_the_limit(settings, member):
    # What the visitor sends is kept on the left; the proxy appends their real address.
    attacker = behind_proxy(settings, "203.0.113.5")
    for n in range(limit_of("login_failed") + 1):
        spoofed = {"HTTP_X_FORWARDED_FOR": f"192.0.2.{n}, 203.0.113.5"}
        sign_in(attacker, f"guess{n}@example.invalid", "guess", **spoofed)

    response = sign_in(
        attacker, member.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.5"
    )

    assert response.status_code == HTTPStatus.OK
    assert "too many times" in soup(response).select_one(".error-summary").get_text()


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings, member):
    settings.TRUSTED_PROXY_COUNT = 0
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(limit_of("login_failed") + 1):
        sign_in(attacker, f"guess{n}@example.invalid", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    response = sign_in(attacker, member.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")

    assert "too many times" in soup(response).select_one(".error-summary").get_text()


def review_form(client, product):
    return RenderedForm(client.get(reverse("reviews:write", args=[product.pk])))


def write_review(client, product, **extra):
    form = review_form(client, product)
    form.choose("rating", "4 out of 5")
    form.set("title", "Steady on a tiled floor")
    form.set("body", "It does not slide.")
    form.choose("used_for", "1 to 6 months")
    form.choose("still_using", "Yes")
    # Any other question with options takes its first: the limit, not the review, is tested.
    for radio in form.form.find_all("input", type="radio"):
        form.data.setdefault(radio["name"], [radio["value"]])
    return form.submit(client, **extra)


def test_submissions_from_visitors_behind_one_proxy_are_limited_apart(settings):
    settings.SUBMISSION_RATE_PER_ADDRESS = "1/h"
    product = make_product("Perching stool")
    for name, address in (("Ana", "203.0.113.5"), ("Ben", "198.51.100.7")):
        client = behind_proxy(settings, address)
        client.force_login(make_member_named(name))
        assert write_review(client, product).status_code == HTTPStatus.FOUND

    spoofer = behind_proxy(settings, "203.0.113.5")
    spoofer.force_login(make_member_named("Cai"))
    response = write_review(spoofer, product, HTTP_X_FORWARDED_FOR="192.0.2.9, 203.0.113.5")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
