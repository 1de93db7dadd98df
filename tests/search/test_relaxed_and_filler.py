"""Words that carry no meaning, and relaxed matching, on both implementations: through the
search page, the API and the log, as people and clients meet them (issue 19, items 1 and 2)."""

import secrets
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.test import override_settings

from search.backends.elasticsearch import ElasticsearchBackend
from search.concepts import searchable
from search.elasticsearch import get_client, node_is_reachable
from search.models import SearchLog
from search.text import FILLER_FILE, FillerFileError, load_filler, parse_filler
from tests.elasticsearch.helpers import delete_indices, search_on_the_node
from tests.environment import require
from tests.factories import make_product

pytestmark = pytest.mark.django_db

PRODUCTS = [
    ("Bath step", "A step to get into a high bath."),
    ("Bath lift", "Lowers you into a high-sided bath and raises you out again."),
    ("Step stool", "A sturdy step with a handle, beside the bath or shower."),
    ("Bath board", "A board across the bath to sit on."),
    ("Tap turner", "A lever that turns stiff taps."),
    ("Kettle tipper", "Tips the kettle so it pours without lifting."),
]
RELAXED = "Showing products that match some of your words"


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def site(request, settings, django_capture_on_commit_callbacks):
    """The catalogue above, searched by each implementation in turn."""
    with django_capture_on_commit_callbacks(execute=True):
        for title, summary in PRODUCTS:
            make_product(title, summary=summary, price_min=Decimal(20))
    if request.param == "database":
        yield request.param
        return
    url = django_settings.TEST_ELASTICSEARCH_URL
    with override_settings(ELASTICSEARCH_URL=url):
        get_client.cache_clear()
        require(node_is_reachable(), f"No Elasticsearch node answers at {url}")
    prefix = f"{django_settings.ELASTICSEARCH_INDEX_PREFIX}{secrets.token_hex(4)}_"
    search_on_the_node(settings, prefix)
    backend = ElasticsearchBackend()
    backend.rebuild()
    backend.refresh()
    try:
        yield request.param
    finally:
        delete_indices(get_client(), prefix)
        get_client.cache_clear()


def page(client, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


# == Filler ==


def test_the_filler_file_is_read_and_names_a_bad_line():
    assert {"my", "can't", "cant", "cannot", "keeps"} <= load_filler()
    assert FILLER_FILE.name == "filler.txt"
    assert parse_filler(["# a comment", "", "my", "  can't  "]) == {"my", "can't"}
    for line, problem in [
        ("help me", "one word a line"),
        ("can’t", "straight apostrophe"),
        ("My", "lowercase"),
        ("my,me", "one word a line"),
        ("'tis", "apostrophe"),
    ]:
        with pytest.raises(FillerFileError, match=rf"filler, line 2 \[{line}\]: .*{problem}"):
            parse_filler(["# filler", line])
    with pytest.raises(FillerFileError, match=r"line 3 \[me\]: \[me\] is already on line 1"):
        parse_filler(["me", "", "me"])


def test_no_filler_word_names_a_need_or_a_part_of_a_product():
    assert not load_filler() & {"grip", "reach", "stand", "hold", "turn", "low", "high", "up"}


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_filler_and_contractions_are_dropped_however_the_apostrophe_is_typed(apostrophe):
    assert searchable(f"my mum can{apostrophe}t turn taps") == "turn taps"
    assert searchable("something to help me with a kettle") == "kettle"
    # An everyday phrase (search/everyday.txt) is kept whole, stop words and all.
    assert searchable("something to help me hold a cup") == "hold a cup"
    # Nothing left but filler: the words are kept, as a query of only stop words keeps them.
    assert searchable("I need help") == "I need help"


def test_filler_does_not_block_a_match_on_the_page_or_the_api(client, site):
    soup = page(client, "my dad can’t turn his taps")
    assert titles(soup) == ["Tap turner"]
    assert RELAXED not in soup.get_text()  # found by every word that means something

    found = client.get("/api/products/search", {"q": "I cant turn taps"}).json()
    assert [r["title"] for r in found["results"]] == ["Tap turner"]
    assert found["relaxed"] is False


# == Relaxed matching ==


def test_when_every_word_finds_little_most_of_them_are_enough_and_the_page_says_so(client, site):
    # Not "bath is too high to step into": "bath too high" is an everyday phrase for washing
    # and bathing (search/everyday.txt), which stands for two of the words.
    soup = page(client, "high bath to step into")

    # All three words first (the only product holding them), then two of three; "Bath
    # board" holds one word only.
    found = titles(soup)
    assert found[0] == "Bath step"
    assert sorted(found) == ["Bath lift", "Bath step", "Step stool"]
    notice = soup.select_one(".result-summary #result-relaxed")
    assert notice.get_text(strip=True) == f"{RELAXED}."
    count = soup.select_one("#result-count")
    assert count.get_text(strip=True) == "3 products found."
    assert count["aria-describedby"] == "result-relaxed"  # read out with the count

    logged = SearchLog.objects.get()
    assert (logged.query, logged.result_count, logged.relaxed) == (
        "high bath to step into", 3, True
    )  # fmt: skip


def test_the_api_says_when_results_are_relaxed(client, site):
    found = client.get("/api/products/search", {"q": "high bath step"}).json()
    assert found["relaxed"] is True
    assert found["total"] == 3
    assert found["results"][0]["title"] == "Bath step"
    assert found["engine"] == site


def test_enough_found_by_every_word_is_not_relaxed(client, site):
    soup = page(client, "bath")
    assert len(titles(soup)) == 4
    assert RELAXED not in soup.get_text()
    assert SearchLog.objects.get().relaxed is False


def test_two_words_that_find_nothing_together_find_either_said_plainly(client, site):
    """Most of two words is both; only when both find nothing is either enough."""
    found = client.get("/api/products/search", {"q": "kettle bath"}).json()
    assert (found["total"], found["relaxed"]) == (5, True)
    found = client.get("/api/products/search", {"q": "high bath"}).json()
    assert (found["total"], found["relaxed"]) == (2, False)  # both words, in two products


def test_when_most_of_the_words_find_nothing_any_of_them_will(client, site):
    """No product holds two of "bath", "zzzzqx" and "qqqqzx", nor anything spelt like them:
    the products holding one of them are shown, relaxed, rather than an empty page."""
    soup = page(client, "bath zzzzqx qqqqzx")

    assert sorted(titles(soup)) == ["Bath board", "Bath lift", "Bath step", "Step stool"]
    assert soup.select_one("#result-relaxed").get_text(strip=True) == f"{RELAXED}."
    # Two words too: relaxed matching needs both, this any one.
    assert sorted(titles(page(client, "bath zzzzqx"))) == [
        "Bath board", "Bath lift", "Bath step", "Step stool"
    ]  # fmt: skip
    assert titles(page(client, "zzzzqx qqqqzx")) == []
