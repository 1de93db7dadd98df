"""The site's own accessibility, checked in a real browser.

- axe-core finds no violations of WCAG 2.0, 2.1 and 2.2 A and AA, nor of its best practices;
- every page reflows at 320 CSS pixels wide (WCAG 1.4.10) with no sideways scrolling;
- the keyboard alone reaches a product, and the skip link works;
- with JavaScript turned off, search still works, and an error takes focus.

Each test builds its data (the live server needs it committed), so pages that share data
are checked in one test, page after page, and every problem is reported together.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from search.params import MAX_QUERY_LENGTH
from tests.catalogue import OTHER_PRODUCTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
TARGET_SIZE_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["target-size"]},
    "resultTypes": ["violations"],
}
TOO_LONG = "kettle " * 40


def pages_to_check(catalogue):
    """Every kind of page, at its fullest: with cards, pagination, tables and errors.

    Each with the status it must answer with.
    """
    return {
        "home": ("/", 200),
        "product index": ("/products/", 200),
        "product index, page 2": ("/products/?page=2", 200),
        "product": (catalogue.spoon.url, 200),
        "discontinued product": (catalogue.discontinued.url, 200),
        "category index": ("/categories/", 200),
        "category detail": ("/categories/15-09/", 200),
        "empty category": ("/categories/06-03/", 200),
        "need index": ("/needs/", 200),
        "need detail": ("/needs/eating-and-drinking/", 200),
        "condition index": ("/conditions/", 200),
        "condition detail": ("/conditions/tremor/", 200),
        "search, no query": ("/search/", 200),
        "search results": ("/search/?q=cup", 200),
        "search, no results": ("/search/?q=hovercraft", 200),
        # An everyday phrase's offer, and results matching only some of the words.
        "search, everyday words": ("/search/?q=can%27t+hold+a+cup+zzzzqx", 200),
        "search, query too long": (f"/search/?q={TOO_LONG}", 400),
        "page not found": ("/needs/flying/", 404),
    }


def describe(violation):
    lines = [f"  {violation['id']} ({violation['impact']}): {violation['help']}"]
    lines.append(f"    {violation['helpUrl']}")
    for node in violation["nodes"]:
        lines.append(f"    - {' '.join(str(t) for t in node['target'])}")
        lines.append(f"      {node['html'][:200]}")
        summary = node.get("failureSummary", "").replace("\n", " ")
        if summary:
            lines.append(f"      {summary}")
    return "\n".join(lines)


def test_no_axe_violations(page, catalogue):
    problems = []
    for name, (url, status) in pages_to_check(catalogue).items():
        response = page.goto(url)
        assert response.status == status, f"{name} ({url}) gave {response.status}"
        violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            report = "\n".join(describe(violation) for violation in violations)
            problems.append(f"{name} ({url}):\n{report}")
    assert not problems, "axe found violations:\n\n" + "\n\n".join(problems)


def test_pages_reflow_at_320_pixels(page, catalogue):
    """WCAG 1.4.10: at 320 CSS pixels nothing may need scrolling sideways.

    Text wraps differently this narrow, so links that sat apart may now sit close: axe's
    target size rule (WCAG 2.5.8) is checked again here.
    """
    page.set_viewport_size({"width": 320, "height": 640})
    problems = []
    for name, (url, _status) in pages_to_check(catalogue).items():
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            problems.append(f"{name} ({url}): {width} px wide")
        small = AXE.run(page, options=TARGET_SIZE_OPTIONS).response["violations"]
        problems += [f"{name} ({url}) at 320 px:\n{describe(v)}" for v in small]
    assert not problems, "pages that do not reflow at 320 px:\n" + "\n".join(problems)


def active(page):
    """What has keyboard focus: tag, id, class, href and text."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                className: el.className,
                href: el.getAttribute("href"),
                text: el.innerText.trim(),
            };
        }"""
    )


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, live_server):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = active(page)
    assert focused["href"] == "#main-content"
    assert focused["text"] == "Skip to main content"
    # Hidden until focused, then on screen.
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0

    page.keyboard.press("Enter")
    assert active(page)["id"] == "main-content"
    # The next Tab goes to the first thing in the main content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")


def test_keyboard_alone_reaches_and_follows_a_product_link(page, small_catalogue):
    spoon = small_catalogue.spoon
    page.goto("/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if active(page)["href"] == spoon.url:
            break
    else:
        pytest.fail(f"80 presses of Tab never reached the link to {spoon.url}")
    focused = active(page)
    assert "card__link" in focused["className"] and focused["text"] == spoon.title

    # Shift+Tab goes back the way it came, and Tab returns to the same link.
    page.keyboard.press("Shift+Tab")
    assert active(page)["href"] != spoon.url
    page.keyboard.press("Tab")
    assert active(page)["href"] == spoon.url

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(spoon.url) + "$"))
    assert page.locator("h1").inner_text() == spoon.title


def test_search_works_without_javascript(new_context, catalogue):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/")
    page.get_by_label("Search products").fill("cup")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=cup$"))
    assert page.locator("h1").inner_text() == "Search results for ‘cup’"
    assert page.locator(".card").count() == 24
    # The discontinued cup is left out until someone ticks "Include discontinued products".
    assert f"{OTHER_PRODUCTS - 1} products found" in page.locator("main").inner_text()

    # Pagination is plain links, and keeps the query.
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url(re.compile(r"/search/\?q=cup&page=2$"))
    assert page.locator(".card").count() == OTHER_PRODUCTS - 1 - 24

    # And a product link is a plain link too.
    page.locator(".card__link").first.click()
    page.wait_for_url(re.compile(r"/products/two-handled-cup-\d+/$"))


def test_error_summary_takes_focus_and_leads_to_the_field_without_javascript(
    new_context, live_server
):
    page = new_context(java_script_enabled=False).new_page()
    response = page.goto(f"/search/?q={TOO_LONG}")
    assert response.status == 400
    # autofocus, not a script, moves focus to the summary so it is read out first.
    focused = active(page)
    assert "error-summary" in focused["className"]
    assert focused["text"].startswith("There is a problem")

    page.keyboard.press("Tab")
    link = active(page)
    assert link["href"] == "#search-q"
    assert link["text"] == f"Enter a search of {MAX_QUERY_LENGTH} characters or fewer."
    page.keyboard.press("Enter")
    assert active(page)["id"] == "search-q"
    assert page.locator("#search-q").input_value() == TOO_LONG.strip()
