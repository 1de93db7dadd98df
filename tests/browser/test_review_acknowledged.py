"""In a real browser: signing up while reviewing, "Check your email" and its "Send the email
again", confirming in another browser, and a member's own review on the product page, each
page free of axe violations and reflowing at 320 px. (axe needs JavaScript; the forms do not,
as tests/accounts/test_confirmation_next.py shows by posting them as rendered.)"""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from tests.accounts.helpers import PASSWORD
from tests.browser.test_accounts import problems_on
from tests.factories import make_member, make_product, make_review

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "kim@example.invalid"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The live server shares this process's cache, where allauth counts emails sent."""
    cache.clear()
    yield
    cache.clear()


def test_signing_up_while_reviewing_and_confirming_elsewhere(new_context, live_server, settings):
    settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = 2
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # where emails' links point
    product = make_product("Easy-grip kettle tipper")
    page = new_context().new_page()
    problems = []

    page.goto(product.url)
    page.get_by_role("link", name=f"Write a review of {product.title}").click()
    page.locator("main").get_by_role("link", name="Create an account").click()
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Display name").fill("Kim")
    page.get_by_label("Family carer").check()
    page.get_by_role("button", name="Create your account").click()
    page.wait_for_url("**/account/confirm-email/")
    problems += problems_on(page, "check your email")

    again = page.get_by_role("button", name="Send the email again")
    with page.expect_navigation() as sent:
        again.click()
    assert sent.value.status == 429
    assert "We sent you an email a moment ago" in page.locator("main").inner_text()
    problems += problems_on(page, "check your email, too soon", status=429)

    page.wait_for_timeout(2100)
    page.get_by_role("button", name="Send the email again").click()
    page.wait_for_url("**/account/confirm-email/")
    assert f"We have sent a link to {EMAIL}." in page.locator("main").inner_text()
    problems += problems_on(page, "check your email, sent again")
    assert len(mail.outbox) == 2

    # Another browser: the link, then signing in, lead to the review form.
    other = new_context().new_page()
    other.goto(re.search(r"https?://\S+", mail.outbox[1].body).group(0))
    other.get_by_role("button", name="Confirm").click()
    other.wait_for_url("**/account/login/**")
    problems += problems_on(other, "sign in, after confirming")
    other.get_by_label("Email address").fill(EMAIL)
    other.get_by_label("Password", exact=True).fill(PASSWORD)
    other.get_by_role("button", name="Sign in").click()
    other.wait_for_url(f"**/products/{product.pk}/review/")
    assert other.locator("h1").inner_text() == f"Review of {product.title}"

    assert not problems, "\n\n".join(problems)


def test_a_member_s_own_review_on_the_product_page(page, live_server):
    product = make_product("Easy-grip kettle tipper")
    make_review(product, make_member(), rating=4)
    member = make_member("Kim")
    make_review(product, member, approved=False, title="Waiting")
    page.context.add_cookies(session_cookie(member, live_server.url))

    page.goto(product.url)
    yours = page.locator("#your-review").inner_text()
    assert "Your review is waiting for a moderator." in yours
    button = page.get_by_role("link", name=f"Change your review of {product.title}")
    assert button.is_visible()
    problems = problems_on(page, "product page with your review")
    assert not problems, "\n\n".join(problems)


def session_cookie(user, url):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": url}]
