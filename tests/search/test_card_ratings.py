"""Every product card says how reviewers rated the product, in words a screen reader reads."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_member, make_product, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated(commits):
    """A rail with two approved reviews and one waiting, and a board nobody has reviewed."""
    rail = commits(make_product, "Chrome grab rail", category="18 18", summary="For bathrooms.",
                   needs=["Washing and bathing"], price_min=Decimal("24"))  # fmt: skip
    commits(make_product, "Bath board", category="18 18", summary="For bathrooms.",
            needs=["Washing and bathing"])  # fmt: skip
    commits(make_review, rail, make_member(), rating=5)
    commits(make_review, rail, make_member(), rating=4)
    commits(make_review, rail, make_member(), rating=1, approved=False)
    return rail


def ratings(client, url):
    """{card title: what its rating says} on a page."""
    soup = BeautifulSoup(client.get(url).content, "lxml")
    cards = {}
    for card in soup.select(".card"):
        rating = card.select_one(".card__rating")
        assert rating is not None, card
        # The stars are hidden from screen readers: the words must say it all.
        for hidden in rating.select("[aria-hidden=true]"):
            hidden.decompose()
        cards[card.select_one(".card__title").get_text(strip=True)] = rating.get_text(
            " ", strip=True
        )
    return cards


EXPECTED = {
    "Chrome grab rail": "Rated 4.5 out of 5 from 2 reviews",
    "Bath board": "No reviews yet",
}


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=bathrooms",
        "/search/?need=washing-and-bathing",
        "/needs/washing-and-bathing/",
        "/categories/18-18/",
        "/products/",
        "/",
    ],
)
def test_every_card_gives_the_rating_and_review_count_in_words(client, rated, url):
    assert ratings(client, url) == EXPECTED


def test_one_review_is_counted_as_one(client, commits):
    product = commits(make_product, "Kettle tipper", needs=["Cooking"])
    commits(make_review, product, make_member(), rating=3)

    one = {"Kettle tipper": "Rated 3.0 out of 5 from 1 review"}
    assert ratings(client, "/search/?q=kettle") == one
    assert ratings(client, "/products/") == one


def test_the_api_gives_the_same_figures(client, rated):
    results = client.get("/api/products/search", {"need": "washing-and-bathing"}).json()["results"]
    figures = {r["title"]: (r["rating"], r["review_count"]) for r in results}
    assert figures == {"Chrome grab rail": (4.5, 2), "Bath board": (None, 0)}
