"""An editor answers a search that found nothing with an editors' pick, in a real browser:
from the search log's "no results" summary to Wagtail's promoted search results form,
choosing the product in the page chooser, to the search page showing the pick first,
labelled, with no axe violations."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_reviews import violations
from tests.factories import make_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Words no product holds, so not even one of them finds anything; not an everyday phrase
# ("toilet too low" is one, which every toileting product matches).
QUERY = "potty riser"
SEAT = "Raised toilet seat"


@pytest.fixture
def products(live_server):
    """Published in transactions that commit, so the indexing tasks run as they do live.
    Neither holds "potty" or "riser", so the query finds nothing until a product is picked
    for it."""
    return [
        make_product(SEAT, summary="Lifts the seat by ten centimetres.", category="09 12",
                     needs=["Toileting"]),
        make_product("Toilet frame", summary="Arms to push up on beside the toilet.",
                     category="09 12", needs=["Toileting"]),
    ]  # fmt: skip


def test_an_editor_picks_a_product_for_a_search_that_found_nothing(admin_page, products):
    page = admin_page
    page.goto(f"/search/?q={QUERY.replace(' ', '+')}")
    expect(page.locator("#result-count")).to_have_text("0 products found.")

    page.goto("/admin/reports/search-log/")
    nothing_found = page.locator("#nothing-found")
    nothing_found.get_by_role("link", name=f"Add an editors’ pick for ‘{QUERY}’").click()
    expect(page.get_by_label("Search term(s)/phrase")).to_have_value(QUERY)

    page.get_by_role("button", name="Add a recommended result").click()
    page.get_by_role("button", name="Choose a page (Product)").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("input[name=q]").fill("raised")
    dialog.get_by_role("link", name=SEAT).click()
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Create").click()
    expect(page.locator(".messages .success")).to_contain_text(f"'{QUERY}'")

    page.goto(f"/search/?q={QUERY.replace(' ', '+')}")
    picks = page.locator("section.picks")
    expect(picks.get_by_role("heading", level=2)).to_have_text(f"Editors’ picks for ‘{QUERY}’")
    card = picks.locator(".card")
    expect(card).to_have_count(1)
    expect(card.get_by_role("heading", level=3)).to_have_text(SEAT)
    expect(card.get_by_text("Editors’ pick", exact=True)).to_be_visible()
    expect(page.locator("#result-count")).to_have_text("0 products found.")
    assert not violations(page)
