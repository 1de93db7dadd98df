"""Faceted search in a real browser: axe on every state of the page, the suggestions open,
and a search filtered and a suggestion picked with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import active
from tests.browser.test_reviews import violations
from tests.factories import make_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def products(live_server):
    """Published in transactions that commit, so the indexing tasks run as they do live."""
    made = []
    for title, needs, conditions in [
        ("Chrome grab rail", ["Washing and bathing"], ["Osteoarthritis"]),
        ("Suction grab rail", ["Washing and bathing"], ["Stroke"]),
        ("Bath board", ["Washing and bathing"], ["Stroke"]),
        ("Kettle tipper", ["Cooking"], ["Stroke"]),
        ("Perching stool", ["Cooking", "Washing and bathing"], ["Osteoarthritis"]),
    ]:
        made.append(make_product(title, needs=needs, conditions=conditions))
    return made


def test_search_pages_have_no_axe_violations(page, products):
    problems = {}
    for name, url in [
        ("search, nothing asked", "/search/"),
        ("search results", "/search/?q=grab+rail"),
        ("search with filters", "/search/?q=rail&need=washing-and-bathing&condition=stroke"),
        ("search with no results", "/search/?q=hovercraft&need=cooking"),
        ("search with a problem", "/search/?need=flying"),
        ("a need page", "/needs/washing-and-bathing/"),
        ("a category page", "/categories/18/"),
    ]:
        page.goto(url)
        problems[name] = violations(page)

    page.goto("/search/")
    page.get_by_label("Search products").press_sequentially("gra", delay=50)
    expect(page.get_by_role("listbox", name="Suggested products")).to_be_visible()
    page.keyboard.press("ArrowDown")
    problems["suggestions open"] = violations(page)

    found = {name: found for name, found in problems.items() if found}
    assert not found, "\n".join(f"{name}:\n" + "\n".join(v) for name, v in found.items())


def tab_to(page, name, limit=120):
    """Press Tab until the focused element's label or text is `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            """() => {
                const el = document.activeElement;
                const label = el.id && document.querySelector(`label[for="${el.id}"]`);
                return (label ? label.textContent : el.textContent).trim();
            }"""
        )
        if re.sub(r"\s+", " ", label).startswith(name):
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_filtering_and_picking_a_suggestion_with_the_keyboard_alone(page, products):
    page.goto("/search/?q=rail")
    expect(page.locator(".result-count")).to_have_text("2 products found.")

    tab_to(page, "Washing and bathing")
    page.keyboard.press("Space")
    tab_to(page, "Stroke")
    page.keyboard.press("Space")
    tab_to(page, "Apply filters")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"need=washing-and-bathing"))
    assert "condition=stroke" in page.url
    expect(page.locator(".result-count")).to_have_text("1 product found.")
    expect(page.locator(".card__title")).to_have_text(["Suction grab rail"])

    # Back to the box, type, and choose the second suggestion with the arrows.
    page.get_by_label("Search products").focus()
    assert active(page)["id"] == "search-q"
    page.keyboard.press("Control+A")
    page.keyboard.type("grab", delay=50)
    listbox = page.get_by_role("listbox", name="Suggested products")
    expect(listbox.get_by_role("option")).to_have_text(["Chrome grab rail", "Suction grab rail"])
    expect(page.locator(".autocomplete [role=status]")).to_contain_text("2 suggestions")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Search products")).to_have_attribute(
        "aria-activedescendant", "search-q-suggestions-1"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/products/suction-grab-rail/$"))


PHONE = {"width": 375, "height": 667}


def first_focusable_in_main(page):
    """The text of what Tab reaches first after the skip link has moved focus to main."""
    page.keyboard.press("Tab")
    assert active(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    return active(page)


def test_on_a_phone_the_count_and_a_skip_link_come_before_the_folded_filters(page, products):
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=bath")

    # The count, then the way past the filters, before anything else in the main content.
    first = first_focusable_in_main(page)
    assert (first["text"], first["href"]) == ("Skip to results", "#search-results")
    assert re.fullmatch(r"\d+ products found\.", page.locator("main h2").first.inner_text())
    assert "{#" not in page.locator("main").inner_text()
    filters = page.locator("#filter-list")
    expect(filters).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page.locator(".card").first).to_be_in_viewport()
    page.keyboard.press("Tab")
    assert "card__link" in active(page)["className"]

    # The filters open from a button in their heading, and close again.
    toggle = page.get_by_role("button", name="Filter products")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert violations(page) == []
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(filters).to_be_visible()
    assert violations(page) == []
    toggle.click()
    expect(filters).to_be_hidden()

    # Wide enough for filters beside the results, they are open and the heading plain again.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(filters).to_be_visible()
    expect(page.get_by_role("button", name="Filter products")).to_have_count(0)


def test_after_applying_filters_focus_is_on_the_result_count(page, products):
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=rail")
    page.get_by_role("button", name="Filter products").click()
    page.get_by_label("Stroke").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"condition=stroke.*#result-count$"))
    expect(page.locator("#result-count")).to_be_focused()
    expect(page.locator("#result-count")).to_have_text("1 product found.")
    # The button says how many filters are chosen while they are folded away.
    expect(page.get_by_role("button", name="Filter products (1 chosen)")).to_be_visible()

    # Removing a filter is a change of filters too.
    page.get_by_role("link", name="Remove filter Condition: Stroke").click()
    page.wait_for_url(lambda url: "stroke" not in url and url.endswith("#result-count"))
    expect(page.locator("#result-count")).to_be_focused()
    expect(page.locator("#result-count")).to_have_text("2 products found.")


def test_without_javascript_the_filters_stay_open_on_a_phone(new_context, products):
    page = new_context(java_script_enabled=False).new_page()
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=rail")
    expect(page.locator("#filter-list")).to_be_visible()
    page.get_by_label("Stroke").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"condition=stroke.*#result-count$"))
    expect(page.locator("#result-count")).to_have_text("1 product found.")
    # The page opens at the count, past the box and the filters.
    assert page.evaluate("window.scrollY") > 0


def test_results_matching_some_of_the_words_say_so_with_the_count(page, products):
    """No product holds "kettle", "grab rail" and "bath"; the grab rails hold two of them."""
    page.goto("/search/?q=kettle+grab+rail+bath#result-count")
    count = page.locator("#result-count")
    expect(count).to_have_text("2 products found.")
    message = "Showing products that match some of your words."
    expect(page.locator("#result-relaxed")).to_have_text(message)
    # Read out with the count, which has focus when the page opens at it.
    expect(count).to_have_accessible_description(message)
    expect(page.locator(".card__title")).to_have_text(["Chrome grab rail", "Suction grab rail"])
    assert not violations(page)


def test_words_naming_a_need_offer_it_after_the_way_past_the_filters(page, products):
    """ "get in the bath" is everyday words for washing and bathing (search/everyday.txt)."""
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=can%27t+get+in+the+bath")
    offer = page.get_by_role("link", name="Looking for help with: Washing and bathing?")
    expect(offer).to_be_visible()
    # The skip link stays the first thing in the main content to take focus.
    first = first_focusable_in_main(page)
    assert (first["text"], first["href"]) == ("Skip to results", "#search-results")
    assert violations(page) == []

    # Taken with the keyboard, the offer chooses the need, and is not offered again.
    offer.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"need=washing-and-bathing.*#result-count$"))
    expect(page.locator("#result-needs")).to_have_count(0)
    page.get_by_role("button", name="Filter products").click()
    expect(page.get_by_label("Washing and bathing")).to_be_checked()
    expect(page.locator(".card__title")).to_have_count(4)
    titles = page.locator(".card__title").all_inner_texts()
    # Every product filed under the need matches; the one naming the bath comes first.
    assert titles[0] == "Bath board"
    assert sorted(titles[1:]) == ["Chrome grab rail", "Perching stool", "Suction grab rail"]
    assert violations(page) == []
