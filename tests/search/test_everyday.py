"""Everyday phrases for needs and conditions (issue 19, item 3): the file, what a query
matches, the search page's offer of the need as a filter, and the log."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.text import slugify

from search.concepts import concepts, everyday_terms
from search.everyday import EVERYDAY_FILE, EverydayFileError, Term, load_everyday, parse_everyday
from search.models import SearchLog
from tests.factories import make_product
from tests.html import soup

DATA = Path(__file__).resolve().parents[2] / "taxonomy" / "data"
TRANSFERS = Term("need", "transfers-and-positioning")
DRESSING = Term("need", "dressing")


def names(tsv):
    with (DATA / tsv).open(encoding="utf-8") as rows:
        return [row[0] for row in csv.reader(rows, delimiter="\t") if row and row[0][0] != "#"]


# == The file ==


def test_every_line_of_the_file_names_a_term_the_taxonomy_holds():
    known = {
        "need": {slugify(name) for name in names("needs.tsv")},
        "condition": {slugify(name) for name in names("conditions.tsv")},
        "category": {code.replace(" ", "-") for code in names("iso9999.tsv")},
    }
    phrases = load_everyday()
    assert EVERYDAY_FILE.name == "everyday.txt"
    assert {term for term in phrases.values() if term.slug not in known[term.kind]} == set()
    # Every need has its everyday words.
    assert {term.slug for term in phrases.values() if term.kind == "need"} == known["need"]


def test_lines_are_read_and_a_bad_line_is_named():
    parsed = parse_everyday(["# a comment", "", "get up,  stand up => need:transfers"])
    transfers = Term("need", "transfers")
    assert parsed == {("get", "up"): transfers, ("stand", "up"): transfers}
    for line, problem in [
        ("get up, stand up", r"then '=>', then one term"),
        ("get up => need:a => need:b", r"then '=>', then one term"),
        ("get up => activity:transfers", r"must start with need:, condition:, category:"),
        ("get up => need:Transfers", r"\[Transfers\] is not a need slug"),
        ("grab rail => category:18 18", r"\[18 18\] is not a category slug"),
        ("get up,, stand up => need:transfers", r"empty phrase"),
        ("Get up => need:transfers", r"phrase \[Get up\] must be lowercase ASCII"),
        # Stop words and whose it is are passed over: this is the one word "shower".
        ("in the shower => need:washing", r"phrase \[in the shower\] is \[shower\] once"),
    ]:
        with pytest.raises(EverydayFileError, match=rf"everyday, line 2 \[.*\]: .*{problem}"):
            parse_everyday(["# phrases", line])
    # Plurals and endings go before phrases are compared: "pills" is "pill".
    with pytest.raises(EverydayFileError, match=r"line 3 .*phrase \[pills\] is already on line 1"):
        parse_everyday(["pill => need:memory", "", "pills => need:other"])


# == Matching ==


@pytest.mark.parametrize(
    "query, terms",
    [
        ("can't get up from the sofa", [TRANSFERS]),
        ("Getting up out of a chair", [TRANSFERS]),
        ("my dad can’t do up his buttons", [DRESSING]),
        ("help putting on socks and getting up", [DRESSING, TRANSFERS]),
        ("something for getting out of the bath", [Term("need", "washing-and-bathing")]),
        ("getting out and about", [Term("need", "getting-out-and-about")]),
        ("tap turner for shaky hands", [Term("condition", "tremor")]),
        ("stand up stand up", [TRANSFERS]),
        ("the bath is too high to step into", [Term("need", "washing-and-bathing")]),
        ("kettle tipper", []),
        ("", []),
    ],
)
def test_a_query_matches_the_terms_whose_phrases_it_holds(query, terms):
    assert everyday_terms(query) == terms


def test_phrases_cover_as_many_words_as_they_can():
    """Not "stand from" (a phrase) then "sofa" alone: "stand", then "from the sofa"."""
    found = concepts("stand from the sofa")
    assert [(concept.typed, sorted(concept.terms)) for concept in found] == [
        ("stand", []),
        ("sofa", [TRANSFERS]),
    ]
    # A synonym group is still taken whole, and an everyday phrase beside it.
    found = concepts("walking frame to get up")
    assert [(concept.typed, sorted(concept.terms)) for concept in found] == [
        ("walking frame", []),
        ("get up", [TRANSFERS]),
    ]


# == The search page and the log ==


@pytest.fixture
def catalogue(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_product(
            "Riser recliner chair",
            summary="A chair that tilts forward to help you get up from the sofa height.",
            needs=["Transfers and positioning"],
            price_min=Decimal(500),
        )
        make_product(
            "Sofa raisers", summary="Blocks that lift a sofa by four inches.", price_min=Decimal(30)
        )


def test_a_product_filed_under_the_need_matches_its_everyday_words(client, catalogue):
    """The recliner holds neither "stand" nor "rise", but is filed under transfers."""
    for words in ["struggle to stand up", "hard to rise from a chair"]:
        page = soup(client.get("/search/", {"q": words}))
        assert [a.get_text(strip=True) for a in page.select(".card__title a")] == [
            "Riser recliner chair"
        ], words


def test_the_page_offers_the_need_and_its_link_chooses_it(client, catalogue):
    page = soup(client.get("/search/", {"q": "can't get up from the sofa"}))
    links = page.select("#result-needs a")
    assert [a.get_text(strip=True) for a in links] == [
        "Looking for help with: Transfers and positioning?"
    ]
    assert "notice" in page.select_one("#result-needs")["class"]

    followed = client.get("/search/" + links[0]["href"].split("#")[0])
    assert followed.status_code == 200
    chosen = soup(followed)
    assert [a.get_text(strip=True) for a in chosen.select(".card__title a")] == [
        "Riser recliner chair"
    ]
    assert chosen.select("#result-needs") == []  # chosen now: not offered again
    checked = chosen.select_one('input[name="need"][value="transfers-and-positioning"]')
    assert checked.has_attr("checked")


def test_conditions_and_categories_are_offered_in_words_of_their_own(client, catalogue):
    page = soup(client.get("/search/", {"q": "pills for shaky hands"}))
    assert [a.get_text(strip=True) for a in page.select("#result-needs a")] == [
        "Looking for products in: 04 19 Administering medicines?",
        "Looking for products for: Tremor?",
    ]
    chosen = soup(client.get("/search/", {"q": "pills for shaky hands", "condition": "tremor"}))
    assert [a.get_text(strip=True) for a in chosen.select("#result-needs a")] == [
        "Looking for products in: 04 19 Administering medicines?"
    ]


def test_nothing_is_offered_when_the_words_name_no_need(client, catalogue):
    page = soup(client.get("/search/", {"q": "sofa raisers"}))
    assert page.select("#result-needs") == []


def test_the_log_records_the_terms_the_words_matched(client, catalogue):
    client.get("/search/", {"q": "can't get up or do up buttons"})
    client.get("/search/", {"q": "sofa"})
    logged = SearchLog.objects.order_by("pk")
    assert [(row.query, row.everyday_terms) for row in logged] == [
        ("can't get up or do up buttons", ["need:transfers-and-positioning", "need:dressing"]),
        ("sofa", []),
    ]
