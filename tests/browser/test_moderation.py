"""A moderator works through the review queue in the real admin, in Debian's Chromium."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from reviews.models import Review, Status, Tip
from tests.browser.test_accessibility import AXE_OPTIONS, describe
from tests.factories import make_member, make_product, make_review, make_tip
from tests.reviews.test_moderation_photos_reports import make_photo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Axe()


def check_accessibility(page, name, problems):
    """axe on the whole page, Wagtail's own admin markup included.

    When this was written Wagtail 8.0's markup on these pages had no violations, so nothing
    is left out: a violation is ours (templates/reviews/admin/) or new in Wagtail, and
    `describe` names the element either way.
    """
    # Wagtail's message banner fades in, and mid-fade its colours fail contrast; its menu
    # badge pings five times over 25 s. Check what a reader settles on: jump every finite
    # animation to its end instead of waiting for it.
    page.evaluate(
        """() => document.getAnimations()
            .filter(a => a.effect.getComputedTiming().endTime !== Infinity)
            .forEach(a => a.finish())"""
    )
    violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    if violations:
        problems.append(f"{name}:\n" + "\n".join(describe(v) for v in violations))


@pytest.fixture
def queue(live_server):
    kettle = make_product("Easy-grip kettle tipper")
    taps = make_product("Tap turner")
    carer = make_member("Ann", role="family_carer", conditions=["Stroke"], show_conditions=True)
    reviews = {
        "advert": make_review(kettle, approved=False, title="Buy it at Shopco"),
        "mum": make_review(kettle, carer, approved=False, title="For my mum", rating=5),
        "mornings": make_review(kettle, approved=False, title="Easier mornings", rating=4),
        "grip": make_review(kettle, approved=False, title="Good grip", rating=3),
        "taps": make_review(taps, approved=False, title="Turns stiff taps"),
    }
    return kettle, taps, reviews


def open_queue_from_menu(page):
    page.goto("/admin/")
    page.get_by_role("button", name="Moderation").click()
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.wait_for_url("**/admin/moderation/reviews/")


def listed(page):
    return page.locator("#listing-results td.title .title-wrapper a").all_inner_texts()


def decide(page, title, decision, reason=None):
    page.locator("#listing-results").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()
    page.get_by_label(decision).check()
    if reason is not None:
        page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Save decision").click()


def test_a_moderator_works_through_the_queue(admin_page, queue):
    page = admin_page
    kettle, taps, reviews = queue
    problems = []

    page.goto("/admin/")
    expect(page.get_by_role("link", name="5 reviews waiting for moderation")).to_be_visible()
    open_queue_from_menu(page)
    assert sorted(listed(page)) == sorted(r.title for r in reviews.values())
    expect(page.locator("#listing-results")).to_contain_text("New review")
    check_accessibility(page, "queue", problems)

    # Filter: only the kettle's reviews.
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Product").click()
    page.get_by_label("Product", exact=True).select_option(label=kettle.title)
    expect(page.locator("#listing-results")).not_to_contain_text("Turns stiff taps")
    assert "Buy it at Shopco" in listed(page)
    assert re.search(rf"product={kettle.pk}", page.url)
    page.keyboard.press("Escape")

    # Reject without a reason: refused, with the reason's error.
    decide(page, "Buy it at Shopco", "Reject: send it back to the author")
    expect(page.locator(".w-field__errors .error-message")).to_have_text(
        "Say why, so the author can put it right."
    )
    assert Review.objects.get(pk=reviews["advert"].pk).status == Status.PENDING
    check_accessibility(page, "decision, with an error", problems)

    # Then with a reason.
    page.get_by_label("Reject: send it back to the author").check()
    page.get_by_label("Reason").fill("Please take out the shop's name.")
    page.get_by_role("button", name="Save decision").click()
    page.wait_for_url("**/admin/moderation/reviews/")
    expect(page.locator(".messages .success")).to_contain_text(
        "Review ‘Buy it at Shopco’ rejected. The author will be told why."
    )

    # Approve another, after reading it.
    page.locator("#listing-results").get_by_role("link", name="For my mum", exact=True).click()
    expect(page.locator("#review-moderation")).to_contain_text("Family carer")
    expect(page.locator("#review-moderation")).to_contain_text("Stroke")
    check_accessibility(page, "decision", problems)
    page.get_by_label("Approve: publish it as written").check()
    page.get_by_role("button", name="Save decision").click()
    page.wait_for_url("**/admin/moderation/reviews/")
    expect(page.locator(".messages .success")).to_contain_text("Review ‘For my mum’ approved")

    # Bulk-approve two.
    for title in ["Easier mornings", "Good grip"]:
        row = page.locator("#listing-results tbody tr", has_text=title)
        row.get_by_role("checkbox").check()
    page.locator("[data-bulk-action-footer]").get_by_role(
        "link", name="Approve selected reviews"
    ).click()
    expect(page.get_by_text("Approve and publish 2 reviews as written?")).to_be_visible()
    check_accessibility(page, "bulk approval", problems)
    page.get_by_role("button", name="Yes, approve").click()
    page.wait_for_url("**/admin/moderation/reviews/**")
    expect(page.locator(".messages .success")).to_contain_text("2 reviews approved and published.")
    assert listed(page) == ["Turns stiff taps"]

    # The public sees the approved ones, and not the rejected one.
    page.goto(kettle.url)
    text = page.locator("main").inner_text()
    for title in ["For my mum", "Easier mornings", "Good grip"]:
        assert title in text
    assert "Buy it at Shopco" not in text
    assert "from 3 reviews" in text

    assert not problems, "axe found violations:\n\n" + "\n\n".join(problems)


@pytest.fixture
def tips(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cutlery = make_product("Stainless steel cutlery set")
    carer = make_member("Ann", role="family_carer", conditions=["Stroke"], show_conditions=True)
    forks = make_tip(cutlery, title="Foam on forks")
    knives = make_tip(
        cutlery,
        carer,
        approved=False,
        based_on=forks,
        title="Foam on knives",
        safety_note="Keep the blade covered while you work.",
    )
    make_photo(knives, "A knife handle pushed into foam tubing", step=2)
    forks.submit(forks.content() | {"title": "Foam on all cutlery"})
    forks.save()
    return cutlery, forks, knives


def test_a_moderator_reads_a_tip_step_by_step_and_approves_it(admin_page, tips):
    page = admin_page
    cutlery, forks, knives = tips
    problems = []

    page.goto("/admin/")
    expect(page.get_by_role("link", name="2 tips waiting for moderation")).to_be_visible()
    page.get_by_role("button", name="Moderation").click()
    page.get_by_role("link", name="Tips", exact=True).click()
    page.wait_for_url("**/admin/moderation/tips/")
    assert sorted(listed(page)) == ["Foam on forks", "Foam on knives"]
    expect(page.locator("#listing-results")).to_contain_text("Edit to a published tip")
    check_accessibility(page, "tip queue", problems)

    # An edit to a published tip: both versions, the changes marked.
    page.locator("#listing-results").get_by_role("link", name="Foam on forks").click()
    expect(page.get_by_role("heading", name="What the public sees now")).to_be_visible()
    check_accessibility(page, "decision on an edit to a tip", problems)
    page.go_back()

    page.locator("#listing-results").get_by_role("link", name="Foam on knives").click()
    moderation = page.locator("#tip-moderation")
    expect(moderation).to_contain_text("Keep the blade covered while you work.")
    expect(moderation).to_contain_text("Based on the tip")
    expect(
        moderation.get_by_role("img", name="A knife handle pushed into foam tubing")
    ).to_be_visible()
    check_accessibility(page, "tip decision", problems)
    page.get_by_label("Approve: publish it as written").check()
    page.get_by_role("button", name="Save decision").click()
    page.wait_for_url("**/admin/moderation/tips/")
    expect(page.locator(".messages .success")).to_contain_text(
        "Tip ‘Foam on knives’ approved and published."
    )
    assert Tip.objects.get(pk=knives.pk).is_published

    assert not problems, "axe found violations:\n\n" + "\n\n".join(problems)
