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
