"""Accounts in a real browser: accessible pages, keyboard-only sign-up, and pasting passwords.

axe runs with the same rules as test_accessibility.py, on every account page at its
fullest (with errors where a form can have them), and each page must reflow at 320 px.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from tests.accounts.helpers import PASSWORD, make_member
from tests.browser.test_accessibility import (
    AXE,
    AXE_OPTIONS,
    TARGET_SIZE_OPTIONS,
    active,
    describe,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "sam@example.invalid"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The live server shares this process's cache, where allauth counts attempts."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(live_server):
    return make_member(email=EMAIL)


def sign_in(page, email=EMAIL, password=PASSWORD):
    page.goto("/account/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/")


def problems_on(page, name, *, status=200):
    """axe violations and sideways scrolling at 320 px on the page as it is now."""
    problems = []
    violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    if violations:
        problems.append(f"{name}:\n" + "\n".join(describe(v) for v in violations))
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > 320:
        problems.append(f"{name}: {width} px wide at 320 px")
    small = AXE.run(page, options=TARGET_SIZE_OPTIONS).response["violations"]
    problems += [f"{name} at 320 px:\n{describe(v)}" for v in small]
    page.set_viewport_size(size)
    return problems


def test_account_pages_have_no_axe_violations(page, member):
    problems = []
    for name, url in {
        "sign up": "/account/signup/",
        "sign in": "/account/login/",
        "reset password": "/account/password/reset/",
        "signed out": "/account/signed-out/",
    }.items():
        assert page.goto(url).status == 200, url
        problems += problems_on(page, name)

    page.goto("/account/signup/")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Create your account").click()
    # Waits for the answer: the title read at once may be the page still loading.
    expect(page).to_have_title(re.compile(r"^Error:"))
    problems += problems_on(page, "sign up, with errors")

    page.goto("/account/login/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".error-summary")).to_be_visible()
    problems += problems_on(page, "sign in, with errors")

    sign_in(page)
    for name, url in {
        "your account": "/account/",
        "profile": "/account/profile/",
        "contributions": "/account/contributions/",
        "download your data": "/account/data/",
        "delete confirmation": "/account/delete/",
        "change email": "/account/email/",
        "change password": "/account/password/change/",
    }.items():
        assert page.goto(url).status == 200, url
        problems += problems_on(page, name)

    page.goto("/account/profile/")
    page.get_by_label("Display name").fill("")
    page.get_by_label("Tremor").check()
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator(".error-summary")).to_be_visible()
    problems += problems_on(page, "profile, with errors")

    assert not problems, "problems on account pages:\n\n" + "\n\n".join(problems)


def test_error_summary_takes_focus_and_links_to_the_radios(page, live_server):
    page.goto("/account/signup/")
    page.get_by_role("button", name="Create your account").click()

    # Waits for the new page: read at once, focus may still be on the one just left.
    expect(page.locator(".error-summary")).to_be_focused()
    page.get_by_role("link", name="Select how you know the products").click()
    assert active(page)["id"] == "id_role_0"


def test_keyboard_only_sign_up(page, live_server):
    page.goto("/account/signup/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if active(page)["id"] == "id_email":
            break
    else:
        pytest.fail("40 presses of Tab never reached the email address field")

    page.keyboard.type("kim@example.invalid")
    page.keyboard.press("Tab")
    assert active(page)["id"] == "id_password1"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert active(page)["id"] == "id_display_name"
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")
    assert active(page)["id"] == "id_role_0"
    page.keyboard.press("ArrowDown")  # moves to, and selects, "Family carer"
    assert active(page)["id"] == "id_role_1"
    assert page.get_by_label("Family carer").is_checked()
    page.keyboard.press("Tab")
    assert active(page)["text"] == "Create your account"
    page.keyboard.press("Enter")

    page.wait_for_url("**/account/confirm-email/")
    assert page.locator("h1").inner_text() == "Check your email"
    assert [message.to for message in mail.outbox] == [["kim@example.invalid"]]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)

    page.goto(link)
    page.keyboard.press("Tab")
    for _ in range(40):
        if active(page)["text"] == "Confirm":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/")
    assert page.locator("h1").inner_text() == "Your account"
    assert "Kim" in page.locator("main").inner_text()


def test_password_field_accepts_paste(page, member):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/account/login/")
    page.get_by_label("Email address").fill(EMAIL)
    password = page.get_by_label("Password", exact=True)
    assert password.get_attribute("autocomplete") == "current-password"

    page.evaluate("text => navigator.clipboard.writeText(text)", PASSWORD)
    password.focus()
    page.keyboard.press("Control+V")
    assert password.input_value() == PASSWORD

    # Nothing on the page cancels a paste.
    cancelled = password.evaluate(
        """el => {
            const data = new DataTransfer();
            data.setData("text/plain", "x");
            const event = new ClipboardEvent("paste", {clipboardData: data, cancelable: true});
            return !el.dispatchEvent(event);
        }"""
    )
    assert cancelled is False

    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/")


def test_sign_out_from_the_header(page, member):
    sign_in(page)
    page.get_by_role("navigation", name="Your account").get_by_role(
        "button", name="Sign out"
    ).click()
    page.wait_for_url("**/account/signed-out/")
    assert page.locator("h1").inner_text() == "You have signed out"
    header = page.get_by_role("navigation", name="Your account")
    assert header.get_by_role("link", name="Sign in").is_visible()
