"""Reviews in a real browser: axe on every review page, and a review written by keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image as PILImage
from playwright.sync_api import expect

from reviews.models import Photo, Review
from tests.browser.test_accessibility import AXE_OPTIONS, describe
from tests.factories import make_member, make_product, make_review

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Axe()


def sign_in(context, user, live_server):
    """A member's session cookie: these tests are about reviews, not logging in."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def violations(page):
    return [describe(v) for v in AXE.run(page, options=AXE_OPTIONS).response["violations"]]


def test_review_pages_have_no_axe_violations(page, context, live_server):
    product = make_product("Perching stool")
    for n, role in enumerate(["user", "family_carer", "professional"]):
        author = make_member(
            f"Reviewer {n}", role=role, conditions=["Stroke"], show_conditions=True
        )
        make_review(product, author, rating=n + 3, comfort=4, still_using=n != 1,
                    stopped_reason="Too low for me." if n == 1 else "")  # fmt: skip
    sign_in(context, make_member("Writer"), live_server)

    problems = {}
    for name, url, status in [
        ("product with reviews", product.url, 200),
        ("product, filtered by role", f"{product.url}?role=family_carer#reviews", 200),
        ("product, no review matches", f"{product.url}?role=paid_carer", 200),
        ("review form", f"/products/{product.pk}/review/", 200),
    ]:
        response = page.goto(url)
        assert response.status == status, name
        problems[name] = violations(page)

    page.get_by_role("button", name="Send your review").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    problems["review form with errors"] = violations(page)

    found = {name: found for name, found in problems.items() if found}
    assert not found, "\n".join(f"{name}:\n" + "\n".join(v) for name, v in found.items())


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_review_with_a_photo_written_with_the_keyboard_alone(
    page, context, live_server, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = tmp_path / "tap-turner.png"
    PILImage.new("RGB", (120, 90), (30, 110, 90)).save(photo)
    product = make_product("Tap turner")
    member = make_member("Keys", role="user")
    sign_in(context, member, live_server)

    page.goto(product.url)
    tab_to(page, "a[href$='/review/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review of Tap turner")

    tab_to(page, "input[name=subject]")
    page.keyboard.press("Space")  # "Mine"
    tab_to(page, "input[name=rating]")  # a radio group takes one Tab; arrows choose
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    tab_to(page, "#id_title")
    page.keyboard.type("Turns stiff taps with no pain")
    tab_to(page, "#id_body")
    page.keyboard.type("I can run a bath by myself again.")
    page.keyboard.press("Enter")
    page.keyboard.type("The lever is long enough for my palm.")
    tab_to(page, "input[name=used_for]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "input[name=still_using]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status").first).to_contain_text("A moderator will check your review")
    review = Review.objects.get()
    assert (review.author, review.rating, review.title, review.used_for, review.still_using) == (
        member,
        4,
        "Turns stiff taps with no pain",
        "6_12_months",
        True,
    )
    assert review.body == "I can run a bath by myself again.\nThe lever is long enough for my palm."

    # The review leads on to its photos page; the file picker opens from the keyboard too.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Add photos to your review")
    tab_to(page, "input[type=file]")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(photo)
    tab_to(page, "#id_alt_text")
    page.keyboard.type("The tap turner on a bath tap")
    tab_to(page, "#add-photo button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status").first).to_contain_text("Photo added")
    stored = Photo.objects.get()
    assert (stored.review, stored.alt_text) == (review, "The tap turner on a bath tap")


def test_whose_experience_reveals_that_persons_conditions(page, context, live_server):
    product = make_product("Ceiling track hoist")
    sign_in(context, make_member("Ann", role="family_carer"), live_server)
    page.goto(f"/products/{product.pk}/review/")

    cared_for = page.get_by_role("radio", name="Someone I care for")
    supported = page.get_by_role("radio", name="Someone I support at work")
    theirs = page.locator("#id_cared_for_conditions_0").locator("xpath=ancestor::fieldset[1]")
    # Nothing chosen: the further questions wait, each tied to its answer.
    expect(cared_for).to_have_attribute("aria-controls", "id_subject_1-reveal")
    expect(theirs).to_be_hidden()

    tab_to(page, "input[name=subject]")
    page.keyboard.press("ArrowDown")  # from "Mine" to "Someone I care for"
    expect(cared_for).to_be_checked()
    expect(theirs).to_be_visible()
    expect(page.locator("#id_supported_conditions_0")).to_be_hidden()
    tab_to(page, "input[name=cared_for_conditions]")
    assert violations(page) == []

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")
    expect(supported).to_be_checked()
    expect(theirs).to_be_hidden()
    expect(page.locator("#id_supported_conditions_0")).to_be_visible()
