"""Every public page, read through Django's test client: status, content and markup.

The catalogue (tests/catalogue.py) is built once for this module inside a
transaction that is rolled back at the end; each test runs in a savepoint inside it.
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views import defaults

from core.models import RECENT_PRODUCTS
from products.models import PRODUCTS_PER_PAGE, ProductPage
from search.engine import get_backend
from search.params import MAX_QUERY_LENGTH
from tests.catalogue import (
    CONDITION,
    NEED,
    OTHER_PRODUCTS,
    SECONDARY_CATEGORY,
    add_gallery_images,
    build_catalogue,
)
from tests.factories import make_member, make_product, make_review

pytestmark = pytest.mark.django_db

TOTAL = OTHER_PRODUCTS + 1

# Queries to serve the fullest product page (3 photos, 3 suppliers, 2 needs, 2 conditions,
# a secondary category, a body with paragraph, image and specification blocks) once its
# image renditions exist and are cached: 8 are Wagtail finding the site and routing
# home > products > product, and 11 are the page's own (gallery, the gallery's renditions,
# suppliers, needs, conditions, primary category, its ancestors, secondary categories,
# manufacturer, the body's images and their renditions), and 1 is its review figures (none
# yet: tests/reviews/ pins the page with reviews). More photos, suppliers or tags must not
# change it.
PRODUCT_PAGE_QUERIES = 20


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        catalogue = build_catalogue()
        catalogue.draft = make_product("Unpublished kettle tipper", live=False)
        get_backend().rebuild()  # publishing queues it after commit; this fixture never commits
        yield catalogue
        transaction.set_rollback(True)
    # Rendition and site caches would otherwise point at rows that no longer exist.
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test's own rows are rolled back, so cached renditions of them must go too."""
    cache.clear()


def get(client, url, status=HTTPStatus.OK):
    response = client.get(url)
    assert response.status_code == status, f"{url} gave {response.status_code}"
    return response, BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def spoken(element):
    """The text a screen reader would read: without anything hidden with aria-hidden."""
    element = BeautifulSoup(str(element), "html.parser")
    for hidden in element.find_all(attrs={"aria-hidden": "true"}):
        hidden.decompose()
    return text(element)


def breadcrumbs(soup):
    nav = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    items = nav.find("ol").find_all("li", recursive=False)
    assert items[-1].get("aria-current") == "page"
    assert items[-1].find("a") is None
    return [text(item) for item in items]


def card_titles(soup):
    return [text(link) for link in soup.select(".card__link")]


def nav_current(soup):
    nav = soup.find("nav", attrs={"aria-label": "Main"})
    return [text(link) for link in nav.find_all("a", attrs={"aria-current": "page"})]


# ---- Layout shared by every page ---------------------------------------------------------


def test_every_page_has_the_shared_layout(client, catalogue):
    response, soup = get(client, "/categories/")
    assert soup.html["lang"] == "en-GB"
    assert soup.title.string == "Categories – Enabled"
    assert soup.find("meta", attrs={"name": "viewport"})
    first_link = soup.body.find("a")
    assert first_link["href"] == "#main-content"
    assert text(first_link) == "Skip to main content"
    main = soup.find("main")
    assert main["id"] == "main-content" and main["tabindex"] == "-1"
    assert soup.find("header") and soup.find("footer")
    form = soup.find("form", attrs={"role": "search"})
    assert form["action"] == "/search/" and form["method"] == "get"
    search_input = form.find("input", attrs={"name": "q"})
    assert search_input["type"] == "search"
    assert text(form.find("label", attrs={"for": search_input["id"]})) == "Search products"
    assert text(form.find("button")) == "Search"
    nav = soup.find("nav", attrs={"aria-label": "Main"})
    assert [(text(a), a["href"]) for a in nav.find_all("a")] == [
        ("Products", "/products/"),
        ("Categories", "/categories/"),
        ("Needs", "/needs/"),
        ("Conditions", "/conditions/"),
    ]
    assert nav_current(soup) == ["Categories"]
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/enabled.css"


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("/products/", "Products"),
        ("/products/angled-spoon-with-wide-grip/", "Products"),
        ("/categories/15-09/", "Categories"),
        ("/needs/", "Needs"),
        ("/needs/eating-and-drinking/", "Needs"),
        ("/conditions/tremor/", "Conditions"),
    ],
)
def test_main_navigation_marks_the_current_section(client, catalogue, url, section):
    _, soup = get(client, url)
    assert nav_current(soup) == [section]


def test_every_page_has_a_favicon(client, catalogue):
    from django.contrib.staticfiles import finders

    for url in ["/", "/categories/", "/search/?q=cup", catalogue.spoon.url, "/needs/flying/"]:
        icon = get(client, url, HTTPStatus.NOT_FOUND if "flying" in url else HTTPStatus.OK)[1]
        link = icon.find("link", rel="icon")
        assert link is not None, url
        assert link["type"] == "image/svg+xml" and link["href"].startswith("/static/"), url
    path = finders.find(link["href"].removeprefix("/static/"))
    with open(path, encoding="utf-8") as file:
        svg = BeautifulSoup(file.read(), "xml").find("svg")
    assert svg["xmlns"] == "http://www.w3.org/2000/svg" and svg["viewBox"] == "0 0 32 32"


def test_stylesheet_is_found():
    from django.contrib.staticfiles import finders

    assert finders.find("css/enabled.css")


# ---- Home page -----------------------------------------------------------------------------


def test_home_page(client, catalogue):
    _, soup = get(client, "/")
    assert soup.title.string == "Find assistive technology – Enabled"
    assert text(soup.h1) == "Find assistive technology that works for you"
    # One search form only: the big one replaces the header's.
    forms = soup.find_all("form", attrs={"role": "search"})
    assert len(forms) == 1 and forms[0].find("input", attrs={"name": "q"})["id"] == "home-search-q"
    need_links = {text(a): a["href"] for a in soup.select("#needs-heading ~ ul a")}
    assert need_links[NEED] == "/needs/eating-and-drinking/"
    categories = {
        text(item.find("a")): text(item.find("p"))
        for item in soup.select("#categories-heading ~ ul li")
    }
    assert (
        # Counted as their pages list them: without the discontinued cup.
        categories["Domestic activities and participation in domestic life"]
        == f"{TOTAL - 1} products"
    )
    assert categories["Self-care activities and participation in self-care"] == "1 product"
    assert categories["Orthoses and prostheses"] == "0 products"
    recent = card_titles(soup)
    assert len(recent) == RECENT_PRODUCTS
    assert "Unpublished kettle tipper" not in recent
    # Cards sit under the section's h2, so their titles are h3.
    assert soup.select_one(".card__title").name == "h3"


def test_home_page_without_products_says_so(client, catalogue):
    ProductPage.objects.live().unpublish()
    _, soup = get(client, "/")
    assert "No products have been added yet." in text(soup.find("main"))
    assert not soup.select(".card")


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (1, ["1", "2", "…", "10"]),
        (5, ["1", "…", "4", "5", "6", "…", "10"]),
        (3, ["1", "2", "3", "4", "…", "10"]),
        (10, ["1", "…", "9", "10"]),
    ],
)
def test_pagination_shows_the_ends_and_the_pages_around_the_current_one(number, shown):
    from django.core.paginator import Paginator

    page_obj = Paginator(range(100), 10).page(number)
    request = RequestFactory().get("/search/", {"q": "tap turner", "page": number})
    html = render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request)
    nav = BeautifulSoup(html, "html.parser").find("nav")
    items = nav.select(".pagination__item:not(.pagination__item--prev, .pagination__item--next)")
    assert [spoken(item).removeprefix("Page ") for item in items] == shown
    current = nav.find("a", attrs={"aria-current": "page"})
    assert spoken(current) == f"Page {number}"
    assert current["href"] == f"?q=tap%20turner&page={number}"
    assert f"Page {number} of 10" in text(nav)


def test_pagination_links_a_handful_of_pages_however_many_there_are():
    from django.core.paginator import Paginator

    page_obj = Paginator(range(100_000), 10).page(5_000)
    request = RequestFactory().get("/search/", {"page": 5_000})
    html = render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request)
    nav = BeautifulSoup(html, "html.parser").find("nav")
    items = nav.select(".pagination__item:not(.pagination__item--prev, .pagination__item--next)")
    assert [spoken(item).removeprefix("Page ") for item in items] == [
        "1", "…", "4999", "5000", "5001", "…", "10000",
    ]  # fmt: skip


# ---- Products ------------------------------------------------------------------------------


def test_product_index_lists_products_a_page_at_a_time(client, catalogue):
    _, soup = get(client, "/products/")
    assert text(soup.h1) == "Products"
    assert breadcrumbs(soup) == ["Home", "Products"]
    titles = card_titles(soup)
    assert len(titles) == PRODUCTS_PER_PAGE
    assert titles[0] == "Angled spoon with wide grip"  # alphabetical
    assert "Unpublished kettle tipper" not in titles
    assert f"{TOTAL} products, in alphabetical order, showing 1 to 24." in text(soup.main)
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert "Page 1 of 2" in text(pagination)
    current = pagination.find("a", attrs={"aria-current": "page"})
    assert text(current) == "Page 1"
    next_link = pagination.find("a", rel="next")
    assert spoken(next_link) == "Next page" and next_link["href"] == "?page=2"
    assert pagination.find("a", rel="prev") is None

    _, soup = get(client, "/products/?page=2")
    assert soup.title.string == "Products (page 2 of 2) – Enabled"
    assert len(card_titles(soup)) == TOTAL - PRODUCTS_PER_PAGE
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert spoken(pagination.find("a", rel="prev")) == "Previous page"
    assert pagination.find("a", rel="next") is None


@pytest.mark.parametrize(("number", "shown"), [("99", "2"), ("0", "2"), ("two", "1"), ("", "1")])
def test_product_index_copes_with_a_page_out_of_range(client, catalogue, number, shown):
    _, soup = get(client, f"/products/?page={number}")
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert f"Page {shown} of 2" in text(pagination)


def test_product_card(client, catalogue):
    _, soup = get(client, "/products/")
    cards = {text(card.find(class_="card__title")): card for card in soup.select(".card")}
    spoon = cards["Angled spoon with wide grip"]
    assert spoon.find("a")["href"] == "/products/angled-spoon-with-wide-grip/"
    assert "for people who find it hard to turn their wrist" in text(spoon)
    assert "Made by Homecraft Living Aids" in text(spoon)
    assert "Price £12.50 to £30.00" in text(spoon)
    # The card's photo is decorative: the heading beside it already names the product.
    assert spoon.find("img")["alt"] == ""
    assert len(spoon.find_all("a")) == 1
    cup = cards["Two-handled cup 02"]
    assert "Price £10.00" in text(cup) and " to " not in text(cup.find("dl"))
    assert cup.find("img") is None
    discontinued = cards["Two-handled cup 01"]
    assert text(discontinued.find(class_="tag")) == "Discontinued"
    assert "Discontinued" not in text(cup)


def test_product_page_shows_everything_known_about_the_product(client, catalogue):
    _, soup = get(client, catalogue.spoon.url)
    main = soup.find("main")
    assert soup.title.string == "Angled spoon with wide grip – Enabled"
    assert text(soup.h1) == "Angled spoon with wide grip"
    assert breadcrumbs(soup) == ["Home", "Products", "Angled spoon with wide grip"]
    assert "hard to turn their wrist" in text(main.find(class_="lead"))

    facts = {text(row.find("dt")): row.find("dd") for row in main.select(".summary-list__row")}
    maker = facts["Made by"].find("a")
    assert maker["href"] == "https://homecraft.example/"
    assert text(maker) == "Homecraft Living Aids (external website)"
    assert "external" in maker["rel"]
    assert text(facts["Price"]) == "£12.50 to £30.00"
    trail = [(text(a), a["href"]) for a in facts["Category"].find_all("a")]
    assert trail == [
        ("Domestic activities and participation in domestic life", "/categories/15/"),
        ("Eating and drinking", "/categories/15-09/"),
        ("Cutlery and straws", "/categories/15-09-13/"),
    ]
    assert [a["href"] for a in facts["Also listed under"].find_all("a")] == [
        f"/categories/{SECONDARY_CATEGORY.replace(' ', '-')}/"
    ]
    assert {text(a): a["href"] for a in facts["Helps with"].find_all("a")} == {
        NEED: "/needs/eating-and-drinking/",
        "Grip, reach and carrying": "/needs/grip-reach-and-carrying/",
    }
    assert {text(a): a["href"] for a in facts["Often used by people with"].find_all("a")} == {
        CONDITION: "/conditions/tremor/",
        "Rheumatoid arthritis": "/conditions/rheumatoid-arthritis/",
    }

    gallery = main.select(".gallery figure")
    assert [figure.find("img")["alt"] for figure in gallery] == [
        f"The angled spoon, view {number}" for number in (1, 2, 3)
    ]
    assert text(gallery[0].find("figcaption")) == "View 1 of the spoon."


def test_product_page_says_once_that_no_review_matches(client, catalogue):
    make_review(catalogue.spoon, make_member("Ada", role="user"))
    _, soup = get(client, f"{catalogue.spoon.url}?role=paid_carer")
    reviews = text(soup.find(id="reviews"))
    assert reviews.count("No reviews match your choices.") == 1
    assert "0 reviews" not in reviews


def test_product_page_body_blocks(client, catalogue):
    _, soup = get(client, catalogue.spoon.url)
    stream = soup.find(class_="stream")
    assert "eat without turning your wrist" in text(stream.find(class_="rich-text"))
    assert text(stream.find("h3")) == "Looking after it"
    figure = stream.find("figure")
    assert figure.find("img")["alt"] == "A hand with stiff fingers holding the spoon's wide handle"
    assert text(figure.find("figcaption")) == "The wide handle needs little grip."
    table = stream.find("table")
    assert text(table.caption) == "Specification"
    rows = [
        (th["scope"], text(th), text(th.find_next_sibling("td"))) for th in table.find_all("th")
    ]
    assert rows == [
        ("row", "Material", "Stainless steel, silicone handle"),
        ("row", "Handle diameter", "32 mm"),
    ]


def test_product_page_embed_block_has_a_plain_link_too(client, catalogue):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://video.example/watch/angled-spoon"
    # A stored embed, so the page needs no provider (and no network) to show it.
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe title="Using the angled spoon" src="https://video.example/e/1"></iframe>',
        title="Using the angled spoon",
    )
    product = make_product("Spoon with a video", body=[("embed", url)])
    _, soup = get(client, product.url)
    figure = soup.find("figure", class_="embed")
    assert figure.find("iframe")["title"] == "Using the angled spoon"
    link = figure.find("figcaption").find("a")
    assert link["href"] == url
    assert text(link) == "Open the video on the website that hosts it (external website)"


def test_product_page_dimensions_table_has_units(client, catalogue):
    _, soup = get(client, catalogue.spoon.url)
    heading = soup.find("h2", string="Size and weight")
    table = heading.find_next_sibling("table")
    assert text(table.caption) == "Measured assembled and ready to use"
    rows = {text(row.th): text(row.td) for row in table.find_all("tr")}
    assert all(row.th["scope"] == "row" for row in table.find_all("tr"))
    # Only what is known is shown: no maximum user weight was given.
    assert rows == {"Width": "35 mm", "Depth": "180.5 mm", "Height": "40 mm", "Weight": "0.08 kg"}


def test_product_page_suppliers_table(client, catalogue):
    _, soup = get(client, catalogue.spoon.url)
    table = soup.find("h2", string="Where to buy").find_next_sibling("table")
    assert text(table.caption) == "Suppliers of Angled spoon with wide grip and their prices"
    assert [(th["scope"], text(th)) for th in table.thead.find_all("th")] == [
        ("col", "Supplier"),
        ("col", "Price"),
    ]
    rows = [(text(row.th), text(row.td)) for row in table.tbody.find_all("tr")]
    assert rows == [
        ("Living Made Easy shop (external website)", "£12.50"),
        ("Mobility Direct (external website)", "£1,250.00"),
        ("Local pharmacy", "Not known"),
    ]
    links = table.find_all("a")
    assert [a["href"] for a in links] == [
        "https://shop.example/spoon",
        "https://mobility.example/spoon",
    ]
    assert all("external-link" in a["class"] for a in links)


def test_product_page_with_little_known(client, catalogue):
    cup = catalogue.others[0]
    _, soup = get(client, cup.url)
    main = soup.find("main")
    assert "This product is no longer made or sold new." in text(main)
    assert "We do not know of any suppliers yet." in text(main)
    assert soup.find("h2", string="Size and weight") is None
    assert soup.find("h2", string="Pictures") is None
    facts = {
        text(row.find("dt")): text(row.find("dd")) for row in main.select(".summary-list__row")
    }
    assert facts["Made by"] == "Not known"
    assert facts["Price"] == "£9.00"


def test_unpublished_product_is_not_found(client, catalogue):
    _, soup = get(client, "/products/unpublished-kettle-tipper/", HTTPStatus.NOT_FOUND)
    assert text(soup.h1) == "Page not found"


# ---- Categories ----------------------------------------------------------------------------


def test_category_index_is_a_tree_with_counts(client, catalogue):
    _, soup = get(client, "/categories/")
    assert text(soup.h1) == "Categories"
    assert breadcrumbs(soup) == ["Home", "Categories"]
    classes = soup.select(".category-class")
    assert len(classes) == 11
    domestic = next(c for c in classes if "15 Domestic activities" in text(c.h2))
    # Counted as the category pages list them: without the discontinued cup.
    assert text(domestic.h2.find_next_sibling("p")) == f"{TOTAL - 1} products"
    # Subclasses are a list, and their divisions a list nested inside each item.
    cutlery = domestic.find("a", href="/categories/15-09-13/")
    assert text(cutlery) == "15 09 13 Cutlery and straws"
    count = cutlery.find_next_sibling(class_="category-tree__count")
    assert text(count) == f"({TOTAL - 1} products)"
    assert cutlery.find_parent("ul").find_parent("li").find("a")["href"] == "/categories/15-09/"
    dressing = soup.find("a", href="/categories/09-09/")
    assert text(dressing.find_next_sibling(class_="category-tree__count")) == "(1 product)"


def test_category_detail(client, catalogue):
    _, soup = get(client, "/categories/15-09/")
    assert text(soup.h1) == "ISO 9999 subclass 15 09 Eating and drinking"
    assert soup.title.string == "Eating and drinking – Enabled"
    assert breadcrumbs(soup) == [
        "Home",
        "Categories",
        "Domestic activities and participation in domestic life",
        "Eating and drinking",
    ]
    divisions = soup.find("h2", string="Divisions").find_next_sibling("ul")
    assert "15 09 13 Cutlery and straws" in text(divisions)
    # The discontinued cup is left out, as on every listing, until someone includes it.
    shown = TOTAL - 1
    assert f"({shown} products)" in text(divisions)
    assert f"{shown} products in this subclass and the ones inside it, showing 1 to 24." in text(
        soup.main
    )
    assert len(card_titles(soup)) == PRODUCTS_PER_PAGE
    assert soup.select_one(".card__title").name == "h2"

    _, soup = get(client, "/categories/15-09/?page=2")
    assert len(card_titles(soup)) == shown - PRODUCTS_PER_PAGE


def test_category_detail_counts_secondary_categories(client, catalogue):
    _, soup = get(client, "/categories/09-09/")
    assert card_titles(soup) == ["Angled spoon with wide grip"]


def test_empty_category_suggests_where_to_go(client, catalogue):
    _, soup = get(client, "/categories/06-03/")
    empty = soup.find(class_="empty-state")
    assert "There are no products in this category yet." in text(empty)
    assert empty.find("a", href="/categories/06/")
    assert soup.find("nav", attrs={"aria-label": "Pagination"}) is None


def test_unknown_category_is_not_found(client, catalogue):
    get(client, "/categories/99-99/", HTTPStatus.NOT_FOUND)


# ---- Needs and conditions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "heading", "term", "count"),
    [
        # Counted as their pages list them: without the discontinued cup.
        ("/needs/", "Needs", NEED, f"({TOTAL - 1} products)"),
        ("/conditions/", "Conditions", CONDITION, f"({TOTAL - 1} products)"),
        ("/conditions/", "Conditions", "Rheumatoid arthritis", "(1 product)"),
        ("/needs/", "Needs", "Dressing", "(0 products)"),
    ],
)
def test_term_index_lists_terms_with_counts(client, catalogue, url, heading, term, count):
    _, soup = get(client, url)
    assert text(soup.h1) == heading
    assert breadcrumbs(soup) == ["Home", heading]
    item = soup.find("a", string=term).find_parent("li")
    assert text(item.find(class_="term-list__count")) == count
    assert item.find("p")  # the term's one-sentence description


@pytest.mark.parametrize("index", ["/needs/", "/conditions/"])
def test_term_index_counts_equal_what_each_term_page_lists(client, catalogue, index):
    _, soup = get(client, index)
    for item in soup.select(".term-list__item"):
        link = item.find("a")
        _, page = get(client, link["href"])
        count = text(page.find(class_="result-count"))
        listed = int(count.split()[0]) if count else 0
        assert text(item.find(class_="term-list__count")) == (
            f"({listed} product{'' if listed == 1 else 's'})"
        ), link["href"]


def test_need_detail(client, catalogue):
    _, soup = get(client, "/needs/eating-and-drinking/")
    assert text(soup.h1) == NEED
    assert breadcrumbs(soup) == ["Home", "Needs", NEED]
    # The discontinued cup is left out, as on every listing, until someone includes it.
    shown = TOTAL - 1
    assert f"{shown} products help with eating and drinking. Showing 1 to 24." in text(soup.main)
    assert len(card_titles(soup)) == PRODUCTS_PER_PAGE
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert pagination.find("a", rel="next")["href"] == "?page=2"


def test_condition_detail(client, catalogue):
    _, soup = get(client, "/conditions/rheumatoid-arthritis/")
    assert text(soup.h1) == "Rheumatoid arthritis"
    assert breadcrumbs(soup) == ["Home", "Conditions", "Rheumatoid arthritis"]
    assert "1 product often used by people with this condition." in text(soup.main)
    assert card_titles(soup) == ["Angled spoon with wide grip"]
    assert soup.find("nav", attrs={"aria-label": "Pagination"}) is None


def test_term_without_products_says_so(client, catalogue):
    _, soup = get(client, "/needs/dressing/")
    assert "No products are listed under dressing yet." in text(soup.find(class_="empty-state"))


def test_unknown_need_gives_the_404_page(client, catalogue):
    response, soup = get(client, "/needs/flying/", HTTPStatus.NOT_FOUND)
    assert soup.title.string == "Page not found – Enabled"
    assert text(soup.h1) == "Page not found"
    assert soup.find("a", href="/search/")
    assert "404.html" in [t.name for t in response.templates]


# ---- Search --------------------------------------------------------------------------------


def test_search_finds_a_product_by_a_word_in_its_summary(client, catalogue):
    _, soup = get(client, "/search/?q=wrist")
    assert soup.title.string == "Search results for ‘wrist’ – Enabled"
    assert text(soup.h1) == "Search results for ‘wrist’"
    assert card_titles(soup) == ["Angled spoon with wide grip"]
    assert "1 product found." in text(soup.main)
    assert soup.find("input", attrs={"name": "q"})["value"] == "wrist"


def test_search_results_are_paged_and_keep_the_query(client, catalogue):
    _, soup = get(client, "/search/?q=cup")
    # The discontinued cup is left out until someone chooses to include it.
    available = OTHER_PRODUCTS - 1
    assert f"{available} products found, showing 1 to 24." in text(soup.main)
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert pagination.find("a", rel="next")["href"] == "?q=cup&page=2"

    _, soup = get(client, "/search/?q=cup&page=2")
    assert soup.title.string == "Search results for ‘cup’ (page 2 of 2) – Enabled"
    assert len(card_titles(soup)) == available - PRODUCTS_PER_PAGE
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert pagination.find("a", rel="prev")["href"] == "?q=cup&page=1"

    _, soup = get(client, "/search/?q=cup&discontinued=include")
    assert f"{OTHER_PRODUCTS} products found, showing 1 to 24." in text(soup.main)


def test_search_page_links_encode_the_query(client, catalogue):
    _, soup = get(client, "/search/?q=two+handled+cup")
    pagination = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert pagination.find("a", rel="next")["href"] == "?q=two%20handled%20cup&page=2"


def test_search_with_no_query_shows_how_to_start(client, catalogue):
    _, soup = get(client, "/search/")
    assert soup.title.string == "Search – Enabled"
    assert text(soup.h1) == "Search"
    empty = soup.find(class_="empty-state")
    assert "Type a word or two" in text(empty)
    assert empty.find("a", href="/needs/")
    assert not soup.select(".card")
    assert soup.find(class_="error-summary") is None


def test_search_with_no_results_suggests_what_to_try(client, catalogue):
    _, soup = get(client, "/search/?q=hovercraft")
    assert text(soup.h1) == "Search results for ‘hovercraft’"
    empty = soup.find(class_="empty-state")
    assert text(empty.h2) == "No products match your search"
    assert "check the spelling" in text(empty)


def test_search_that_is_too_long_is_an_error_that_keeps_the_text(client, catalogue):
    query = "kettle " * 40
    response, soup = get(client, f"/search/?q={query}", HTTPStatus.BAD_REQUEST)
    assert len(query.strip()) > MAX_QUERY_LENGTH
    assert soup.title.string == "Error: Search – Enabled"
    summary = soup.find(class_="error-summary")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert summary.has_attr("autofocus")
    assert text(summary.h2) == "There is a problem"
    link = summary.find("a")
    assert link["href"] == "#search-q"
    assert text(link) == f"Enter a search of {MAX_QUERY_LENGTH} characters or fewer."
    field = soup.find(id="search-q")
    assert field["value"] == query.strip()
    assert field["aria-invalid"] == "true"
    assert "search-q-error" in field["aria-describedby"].split()
    assert text(soup.find(id="search-q-error")) == (
        f"Error: Enter a search of {MAX_QUERY_LENGTH} characters or fewer."
    )
    assert not soup.select(".card")


# ---- Error pages ---------------------------------------------------------------------------


def test_500_page_needs_no_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "en-GB"
    assert text(soup.h1) == "Sorry, there is a problem with the service"
    assert soup.title.string == "Sorry, there is a problem with the service – Enabled"

    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert b"Sorry, there is a problem with the service" in response.content


# ---- Queries -------------------------------------------------------------------------------


def fresh(product):
    """The product as stored now: the module's copy must not carry one test's changes on."""
    return type(product).objects.get(pk=product.pk)


def count_queries(client, url, django_assert_max_num_queries, bound, cold_cache=False):
    """Queries for one view of `url`, after a first view has made any image renditions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    if cold_cache:
        cache.clear()  # as after a restart: every rendition has to come from the database
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def test_product_page_costs_a_fixed_number_of_queries(
    client, catalogue, django_assert_max_num_queries
):
    url = catalogue.spoon.url
    with_three = count_queries(client, url, django_assert_max_num_queries, PRODUCT_PAGE_QUERIES)
    assert with_three == PRODUCT_PAGE_QUERIES

    # Three more photos must not mean more queries: no query per photo.
    add_gallery_images(fresh(catalogue.spoon), 3, start=4)
    with_six = count_queries(client, url, django_assert_max_num_queries, PRODUCT_PAGE_QUERIES)
    _, soup = get(client, url)
    assert len(soup.select(".gallery figure")) == 6
    assert with_six == with_three


def test_product_page_photos_cost_no_query_each_even_with_a_cold_cache(
    client, catalogue, django_assert_max_num_queries
):
    """With the rendition cache empty (as after a restart) photos still cost no query each.

    The body's image block still costs one query here, because StreamField image blocks
    do not prefetch renditions; the gallery's renditions are prefetched.
    """
    url = catalogue.spoon.url
    bound = PRODUCT_PAGE_QUERIES + 1
    with_three = count_queries(client, url, django_assert_max_num_queries, bound, cold_cache=True)
    add_gallery_images(fresh(catalogue.spoon), 3, start=4)
    with_six = count_queries(client, url, django_assert_max_num_queries, bound, cold_cache=True)
    assert with_six == with_three


@pytest.mark.parametrize("url", ["/products/"])
def test_listings_cost_no_query_per_product(client, catalogue, url, django_assert_max_num_queries):
    """A listing of 24 cards, each with a manufacturer and maybe a photo: a fixed cost."""
    queries = count_queries(client, url, django_assert_max_num_queries, 20, cold_cache=True)
    assert queries < PRODUCTS_PER_PAGE


def test_listing_costs_the_same_for_one_result_as_for_a_full_page(
    client, catalogue, django_assert_max_num_queries
):
    """The facets' counts cost a query each, whatever the number of products found."""
    one = count_queries(client, "/search/?q=wrist", django_assert_max_num_queries, 40)
    full = count_queries(client, "/search/?q=cup", django_assert_max_num_queries, 40)
    assert one == full
    # A need or condition page is the same listing with its term chosen.
    one = count_queries(
        client, "/conditions/rheumatoid-arthritis/", django_assert_max_num_queries, 40
    )
    full = count_queries(client, "/needs/eating-and-drinking/", django_assert_max_num_queries, 40)
    assert one == full
    one = count_queries(client, "/categories/09-09/", django_assert_max_num_queries, 40)
    full = count_queries(client, "/categories/15-09/", django_assert_max_num_queries, 40)
    assert one == full


def test_draft_products_are_not_listed(client, catalogue):
    for url in ["/products/?page=2", "/needs/", "/"]:
        _, soup = get(client, url)
        assert "Unpublished kettle tipper" not in text(soup)
