"""A moderator decides on a photo and on a report in the real admin, in Debian's Chromium."""

import pytest
from playwright.sync_api import expect

from reviews.models import Photo, Report, Review, Status
from tests.browser.test_moderation import check_accessibility
from tests.factories import make_member, make_product, make_review
from tests.reviews.test_moderation_photos_reports import make_photo, report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def waiting(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    kettle = make_product("Easy-grip kettle tipper")
    review = make_review(kettle, title="Saves my wrists")
    photos = {
        "lever": make_photo(review, "A hand pushing the lever down"),
        "worktop": make_photo(review, "The tipper on a worktop"),
    }
    advert = make_review(kettle, title="Buy it at Shopco")
    reports = [
        report(advert, make_member("Careful Carol"), reason="spam", details="An advert."),
        report(advert),
    ]
    return kettle, photos, advert, reports


def open_from_menu(page, label, path):
    page.goto("/admin/")
    page.get_by_role("button", name="Moderation").click()
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(f"**/admin/moderation/{path}/")


def test_a_moderator_decides_on_a_photo_and_a_report(admin_page, waiting):
    page = admin_page
    kettle, photos, advert, reports = waiting
    problems = []

    page.goto("/admin/")
    expect(page.get_by_role("link", name="2 photos waiting for moderation")).to_be_visible()
    expect(page.get_by_role("link", name="2 open reports")).to_be_visible()

    # A photo: read it with its review, then approve it.
    open_from_menu(page, "Photos", "photos")
    results = page.locator("#listing-results")
    expect(results.get_by_role("img", name="A hand pushing the lever down")).to_be_visible()
    check_accessibility(page, "photo queue", problems)
    results.get_by_role("link", name="A hand pushing the lever down", exact=True).click()
    expect(page.locator("#photo-moderation")).to_contain_text("Saves my wrists")
    expect(page.locator("#photo-moderation")).to_contain_text(
        "Photos are shown publicly only when both the photo and its review are approved."
    )
    check_accessibility(page, "photo decision", problems)
    page.get_by_label("Approve: show it with the review").check()
    page.get_by_role("button", name="Save decision").click()
    page.wait_for_url("**/admin/moderation/photos/")
    expect(page.locator(".messages .success")).to_contain_text(
        "Photo ‘A hand pushing the lever down’ approved."
    )
    expect(page.locator("#listing-results")).not_to_contain_text("A hand pushing the lever")
    assert Photo.objects.get(pk=photos["lever"].pk).status == Status.APPROVED

    # A report: withdraw the advert, which closes both reports on it.
    open_from_menu(page, "Reports", "reports")
    expect(page.locator("#listing-results")).to_contain_text("Careful Carol")
    page.locator("#listing-results").get_by_role("link", name="Advertising or spam").click()
    expect(page.get_by_role("heading", name="Open reports on this review (2)")).to_be_visible()
    check_accessibility(page, "report", problems)
    page.get_by_label("Withdraw the review: take it off the site and tell the author why").check()
    page.get_by_label("Reason").fill("It reads as an advert for one shop.")
    page.get_by_role("button", name="Save decision").click()
    page.wait_for_url("**/admin/moderation/reports/")
    expect(page.locator(".messages .success")).to_contain_text(
        "2 reports on the review ‘Buy it at Shopco’ closed."
    )
    assert not Report.objects.open().exists()
    assert not Review.objects.get(pk=advert.pk).is_published

    assert not problems, "axe found violations:\n\n" + "\n\n".join(problems)


def test_the_empty_reports_queue_raises_no_script_error(admin_page):
    page = admin_page
    errors = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    open_from_menu(page, "Reports", "reports")
    expect(page.locator("#listing-results")).to_contain_text("There are no reports to display.")
    page.wait_for_load_state("networkidle")
    assert not errors, "\n".join(errors)
