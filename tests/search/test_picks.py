"""Editors' picks for a query, added in the admin as editors add them and read on the search
page and in the API as visitors read them."""

from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from products.models import PRODUCTS_PER_PAGE
from search.log import record_search
from search.picks_admin import NO_LINKS, NOT_A_PRODUCT, NOT_LIVE
from tests.factories import make_product
from tests.rendered_forms import RenderedForm
from tests.staff import signed_in_staff

pytestmark = pytest.mark.django_db

# Not an everyday phrase ("toilet too low" is one, which every toileting product matches).
QUERY = "toilet low"
ADD = "wagtailsearchpromotions:add"
PICKS = "editors_picks"


@pytest.fixture
def products(django_capture_on_commit_callbacks):
    """A raised seat whose words do not match the query, and a step that does."""
    with django_capture_on_commit_callbacks(execute=True):
        seat = make_product(
            "Raised toilet seat",
            summary="Lifts the seat by ten centimetres.",
            category="09 12",
            needs=["Toileting"],
        )
        step = make_product(
            "Toilet step",
            summary="For a child when the toilet is too low or too high.",
            category="09 12",
            needs=["Toileting"],
        )
        rail = make_product(
            "Chrome grab rail", summary="A rail beside a toilet too low to rise from.",
            category="18 18", needs=["Washing and bathing"],
        )  # fmt: skip
    return {"seat": seat, "step": step, "rail": rail}


def add_pick(client, product_or_page, query=QUERY, **fields):
    """Fill in Wagtail's "Add new promoted result" form as rendered, with one pick."""
    form = RenderedForm(client.get(reverse(ADD)))
    form.set("query_string", query)
    form.add_inline(PICKS, page=product_or_page.pk, **fields)
    return form.submit(client)


def search_page(client, **params):
    response = client.get(f"/search/?{urlencode(params, doseq=True)}")
    assert response.status_code == HTTPStatus.OK
    return BeautifulSoup(response.content, "lxml")


def picks(soup):
    """(title, label) of each card in the editors' picks."""
    return [
        (card.select_one(".card__title").get_text(strip=True),
         card.select_one(".card__status").get_text(strip=True))
        for card in soup.select("#picks-heading ~ ul .card")
    ]  # fmt: skip


def results(soup):
    return [a.get_text(strip=True) for a in soup.select("#search-results > ul .card__title a")]


def test_editors_see_promoted_search_results_in_the_admin_menu(editor_client):
    home = editor_client.get(reverse("wagtailadmin_home"))
    assert reverse("wagtailsearchpromotions:index").encode() in home.content
    assert editor_client.get(reverse(ADD)).status_code == HTTPStatus.OK


def test_a_pick_shows_first_labelled_and_the_count_counts_only_matches(editor_client, products):
    response = add_pick(editor_client, products["seat"])
    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]

    soup = search_page(editor_client, q="Toilet   LOW")  # as Wagtail normalises the query

    assert picks(soup) == [("Raised toilet seat", "Editors’ pick")]
    assert results(soup) == ["Toilet step", "Chrome grab rail"]
    # The picks come before the results, and the count is of the products that match.
    text = soup.select_one("#search-results").get_text(" ", strip=True)
    assert text.index("Raised toilet seat") < text.index("Toilet step")
    assert soup.select_one("#result-count").get_text(strip=True) == "2 products found."
    assert "counts only the products that match your words" in text


def test_a_pick_that_also_matches_is_shown_once(editor_client, products):
    add_pick(editor_client, products["step"])

    soup = search_page(editor_client, q=QUERY)

    assert picks(soup) == [("Toilet step", "Editors’ pick")]
    assert results(soup) == ["Chrome grab rail"]
    assert soup.select_one("#result-count").get_text(strip=True) == "2 products found."


def test_picks_show_on_the_first_page_only(editor_client, products, commits):
    add_pick(editor_client, products["seat"])
    for number in range(PRODUCTS_PER_PAGE):
        commits(make_product, f"Toilet frame {number}", summary="For a toilet too low.")

    assert picks(search_page(editor_client, q=QUERY)) == [("Raised toilet seat", "Editors’ pick")]
    soup = search_page(editor_client, q=QUERY, page=2)
    assert picks(soup) == []
    assert len(results(soup)) == 2  # 26 matches: 24 on the first page, 2 on the second


def test_other_words_show_no_pick(editor_client, products):
    add_pick(editor_client, products["seat"])
    assert picks(search_page(editor_client, q="toilet")) == []
    assert picks(search_page(editor_client, q="toilet low seat")) == []


def test_an_unpublished_pick_is_not_shown(editor_client, products, commits):
    add_pick(editor_client, products["seat"])
    commits(products["seat"].unpublish)

    soup = search_page(editor_client, q=QUERY)

    assert picks(soup) == []
    assert "Raised toilet seat" not in soup.get_text()


def test_a_pick_is_shown_only_when_it_satisfies_the_filters(editor_client, products, commits):
    add_pick(editor_client, products["seat"])

    assert picks(search_page(editor_client, q=QUERY, need="toileting")) == [
        ("Raised toilet seat", "Editors’ pick")
    ]
    # The rail matches the words and the need; the seat is not for washing and bathing.
    soup = search_page(editor_client, q=QUERY, need="washing-and-bathing")
    assert picks(soup) == []
    assert results(soup) == ["Chrome grab rail"]
    assert picks(search_page(editor_client, q=QUERY, category="18-18")) == []

    # Discontinued products are left out unless asked for, picked or not.
    seat = products["seat"]
    seat.discontinued = True
    commits(seat.save_revision().publish)
    assert picks(search_page(editor_client, q=QUERY)) == []
    assert picks(search_page(editor_client, q=QUERY, discontinued="include")) == [
        ("Raised toilet seat", "Editors’ pick")
    ]


def test_the_api_gives_the_picks_apart_from_the_results(editor_client, products):
    add_pick(editor_client, products["seat"])

    body = editor_client.get("/api/products/search", {"q": QUERY}).json()

    assert [pick["title"] for pick in body["picks"]] == ["Raised toilet seat"]
    assert body["picks"][0]["url"].endswith(products["seat"].url)
    assert body["total"] == 2
    assert "Raised toilet seat" not in [r["title"] for r in body["results"]]
    filtered = editor_client.get("/api/products/search", {"q": QUERY, "need": "cooking"}).json()
    assert filtered["picks"] == []
    assert editor_client.get("/api/products/search", {"q": QUERY, "page": 2}).json()["picks"] == []


def home():
    return Page.objects.get(depth=2)


def draft():
    return make_product("Draft seat", live=False)


@pytest.mark.parametrize(("choose", "message"), [(home, NOT_A_PRODUCT), (draft, NOT_LIVE)])
def test_only_a_live_product_can_be_picked(editor_client, products, choose, message):
    page = choose()

    response = add_pick(editor_client, page)

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not SearchPromotion.objects.exists()


def test_a_link_instead_of_a_product_is_refused(editor_client, products):
    form = RenderedForm(editor_client.get(reverse(ADD)))
    form.set("query_string", QUERY)
    form.add_inline(
        PICKS, external_link_url="https://shop.example/seat", external_link_text="A seat"
    )

    response = form.submit(editor_client)

    assert response.status_code == HTTPStatus.OK
    assert NO_LINKS in response.content.decode()
    assert not SearchPromotion.objects.exists()


def test_the_chooser_offers_product_pages_only(editor_client, products):
    form = RenderedForm(editor_client.get(reverse(ADD)))
    template = form.form.find("template", id=f"id_{PICKS}-EMPTY_FORM_TEMPLATE")
    chooser = template.decode_contents()
    assert "products.productpage" in chooser
    assert "Choose a page (Product)" in chooser


def test_the_no_results_report_links_to_adding_a_pick_for_the_query(editor_client, products):
    record_search(QUERY, {}, 0, 12, "database")
    report = BeautifulSoup(editor_client.get(reverse("search_log:index")).content, "lxml")
    link = report.select_one("#nothing-found tbody a")
    assert link.get_text(" ", strip=True) == f"Add an editors’ pick for ‘{QUERY}’"
    address = urlsplit(link["href"])
    assert address.path == reverse(ADD)
    assert parse_qs(address.query) == {"query_string": [QUERY]}

    # The add page opens with the query filled in; the editor only chooses the product.
    form = RenderedForm(editor_client.get(link["href"]))
    assert form.values("query_string") == [QUERY]
    form.add_inline(PICKS, page=products["seat"].pk)
    assert form.submit(editor_client).status_code == HTTPStatus.FOUND
    assert picks(search_page(editor_client, q=QUERY)) == [("Raised toilet seat", "Editors’ pick")]

    # Once it has a pick, the report links to editing it instead.
    report = BeautifulSoup(editor_client.get(reverse("search_log:index")).content, "lxml")
    link = report.select_one("#nothing-found tbody a")
    assert link.get_text(" ", strip=True) == f"Edit its editors’ picks for ‘{QUERY}’"
    assert RenderedForm(editor_client.get(link["href"])).values("query_string") == [QUERY]


def test_moderators_read_the_report_without_pick_links(client, products):
    signed_in_staff(client, "Moderators", "moderator")
    record_search(QUERY, {}, 0, 12, "database")
    report = BeautifulSoup(client.get(reverse("search_log:index")).content, "lxml")
    assert QUERY in report.select_one("#nothing-found").get_text()
    assert report.select_one("#nothing-found tbody a") is None
