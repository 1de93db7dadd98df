"""Members' photos in a real browser: the author's page loads them through the private view,
a visitor cannot, and the page's states (a rejected photo, a bad removal) pass axe."""

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from reviews import moderation
from reviews.models import Photo
from tests.browser.test_reviews import sign_in, violations
from tests.factories import make_member, make_product, make_review

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def add_photo(page, path, alt):
    page.locator("input[type=file]").set_input_files(path)
    page.get_by_label("Describe the photo").fill(alt)
    page.get_by_role("button", name="Add this photo").click()
    expect(page.get_by_role("status").first).to_contain_text("Photo added")


def loaded(page, alt):
    """Whether the browser fetched and decoded the image described by `alt`, waiting for a
    fetch still under way: the page may be shown before its images have arrived."""
    return page.get_by_role("img", name=alt).evaluate(
        """(img) => img.complete ? img.naturalWidth : new Promise((done) => {
            img.addEventListener("load", () => done(img.naturalWidth));
            img.addEventListener("error", () => done(0));
        })"""
    )


def test_the_author_sees_their_photos_a_visitor_cannot_and_the_page_passes_axe(
    page, context, browser, live_server, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    for name, colour in [("ramp.png", (30, 110, 90)), ("letter.png", (200, 60, 40))]:
        PILImage.new("RGB", (120, 90), colour).save(tmp_path / name)
    author = make_member("Rosa")
    review = make_review(make_product("Threshold ramp"), author)
    sign_in(context, author, live_server)
    page.goto(f"{live_server.url}{review.get_photos_url()}")
    add_photo(page, tmp_path / "ramp.png", "The ramp at the back door")
    add_photo(page, tmp_path / "letter.png", "The ramp with a letter beside it")

    assert loaded(page, "The ramp at the back door")
    src = page.get_by_role("img", name="The ramp at the back door").get_attribute("src")
    visitor = browser.new_context()
    assert visitor.request.get(f"{live_server.url}{src}").status == 404
    visitor.close()

    refused = Photo.objects.get(alt_text="The ramp with a letter beside it")
    moderation.reject_photo(refused, None, "It shows an address.")
    page.reload()
    expect(page.get_by_text("We deleted this photo when we did not publish it.")).to_be_visible()
    assert page.get_by_role("img", name="The ramp with a letter beside it").count() == 0
    problems = {"with a rejected photo": violations(page)}

    # A removal of something not on the page, as a tampered form sends it.
    button = page.locator(f"#remove-photo-{refused.pk} button")
    button.evaluate("(b) => { b.value = 'abc'; }")
    button.click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("That photo is not one of yours here")
    expect(summary).to_be_focused()
    summary.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Your photos")).to_be_focused()
    problems["with a removal refused"] = violations(page)
    assert Photo.objects.count() == 2

    found = {name: found for name, found in problems.items() if found}
    assert not found, "\n".join(f"{name}:\n" + "\n".join(v) for name, v in found.items())
