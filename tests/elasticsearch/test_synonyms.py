"""The site's own text analysis (search/analysis.py, search/synonyms.txt) on the real node.

Every index here is created with exactly ``search.analysis.ANALYSIS``, mapped the way the
product Document maps a name: ``enabled_text`` with ``enabled_text_search``, an autocomplete
sub-field and a keyword with the ``enabled_keyword`` normaliser. The synonym file's parser is
tested without a node.
"""

import re

import pytest
from elasticsearch.dsl import Document, Index, Keyword, Text
from elasticsearch.helpers import bulk

from search import analysis
from search.analysis import ANALYSIS, SynonymFileError, load_synonyms, parse_synonyms
from tests.elasticsearch.helpers import create_index, phrase_ids, search_ids, tokens

needs_node = pytest.mark.elasticsearch

GROUPS = load_synonyms()

MAPPINGS = {
    "properties": {
        "name": {
            "type": "text",
            "analyzer": "enabled_text",
            "search_analyzer": "enabled_text_search",
            "fields": {
                "autocomplete": {
                    "type": "text",
                    "analyzer": "enabled_autocomplete",
                    "search_analyzer": "enabled_autocomplete_search",
                }
            },
        },
        "brand": {"type": "keyword", "normalizer": "enabled_keyword"},
    }
}

PRODUCTS = {
    "grab-rail": {"name": "Grab rail, 60 cm", "brand": "Homecraft"},
    "bath-board": {"name": "Bath board", "brand": "Homecraft"},
    "walking-frame": {"name": "Walking frame with seat", "brand": "Days"},
    "rollator": {"name": "Three-wheeled rollator", "brand": "Days"},
    "kettle-tipper": {"name": "Kettle tipper", "brand": "Homecraft"},
    "toilet-seat": {"name": "Raised toilet seat", "brand": "Days"},
    "mug-accented": {"name": "Two-handled mug, crème"},
    "jug-plain": {"name": "Measuring jug, creme"},
}


def term_id(term):
    return term.replace(" ", "_")


def create(es, index, documents):
    create_index(es, index, analysis=ANALYSIS, mappings=MAPPINGS)
    actions = ({"_index": index, "_id": doc_id, **doc} for doc_id, doc in documents.items())
    bulk(es, actions, refresh=True)
    return index


@pytest.fixture(scope="module")
def products(es, index_prefix):
    index = create(es, f"{index_prefix}site_products", PRODUCTS)
    yield index
    es.options(ignore_status=404).indices.delete(index=index)


@pytest.fixture(scope="module")
def synonym_names(es, index_prefix):
    """One document for every term of the synonym file, named by the term alone."""
    documents = {term_id(term): {"name": term} for group in GROUPS for term in group}
    index = create(es, f"{index_prefix}synonym_names", documents)
    yield index
    es.options(ignore_status=404).indices.delete(index=index)


def found(es, index, text, **match):
    query = {"match": {"name": {"query": text, "operator": "and", **match}}}
    response = es.search(index=index, query=query, size=500)
    return sorted(hit["_id"] for hit in response["hits"]["hits"])


# The synonym file


def test_the_file_has_enough_groups():
    assert len(GROUPS) >= 45


@needs_node
@pytest.mark.parametrize("group", GROUPS, ids=[group[0] for group in GROUPS])
def test_every_term_of_a_group_finds_the_others(es, synonym_names, group):
    named = {term_id(term) for term in group}
    # Without synonyms each term finds its own document and those whose names contain it.
    plain = set().union(
        *(phrase_ids(es, synonym_names, "name", term, analyzer="enabled_text") for term in group)
    )
    for term in group:
        with_synonyms = set(found(es, synonym_names, term))
        assert named <= with_synonyms, f"[{term}] does not find {sorted(named - with_synonyms)}"
        # Nothing more than its group: no term leads into another group.
        assert with_synonyms == plain, f"[{term}] also finds {sorted(with_synonyms - plain)}"


@needs_node
def test_the_rules_read_the_same_here_and_in_production(es, synonym_names):
    # The plugin reads rules with the standard tokenizer and lowercase only, so as the file
    # writes them; analysis-common with every filter before the synonyms. Both read the same
    # words only while those filters leave every word of the file alone.
    search_filters = ANALYSIS["analyzer"]["enabled_text_search"]["filter"]
    before_synonyms = search_filters[: search_filters.index("enabled_synonyms")]
    words = sorted({word for group in GROUPS for term in group for word in re.split("[ -]", term)})
    read = tokens(
        es, index=synonym_names, tokenizer="standard", filter=before_synonyms, text=" ".join(words)
    )
    assert len(read) == len(words)
    assert {
        word: as_read for word, as_read in zip(words, read, strict=True) if word != as_read
    } == {}


# Searching products


@needs_node
def test_grab_bar_finds_a_grab_rail_and_not_a_bath_board(es, products):
    assert search_ids(es, products, "name", "grab bar") == ["grab-rail"]
    # Plural, capitalised: the plural goes before the synonyms meet it.
    assert search_ids(es, products, "name", "Grab Bars") == ["grab-rail"]
    assert search_ids(es, products, "name", "bath board") == ["bath-board"]


@needs_node
def test_walking_frame_synonyms_find_both_products(es, products):
    assert search_ids(es, products, "name", "zimmer frame") == ["rollator", "walking-frame"]


@needs_node
def test_plurals_and_stems_find_the_singular(es, products):
    assert search_ids(es, products, "name", "walking frames") == ["rollator", "walking-frame"]
    assert search_ids(es, products, "name", "kettle tippers") == ["kettle-tipper"]
    # The activity people look for finds the thing products are named by.
    assert search_ids(es, products, "name", "toileting") == ["toilet-seat"]


@needs_node
def test_accents_fold_both_ways(es, products):
    assert search_ids(es, products, "name", "creme") == ["jug-plain", "mug-accented"]
    assert search_ids(es, products, "name", "crème") == ["jug-plain", "mug-accented"]


@needs_node
def test_fuzziness_finds_a_misspelt_rollator(es, products):
    assert found(es, products, "rolator") == []
    assert found(es, products, "rolator", fuzziness="AUTO") == ["rollator"]
    # Fuzziness and multi-word synonyms together are accepted and still find the synonym.
    assert found(es, products, "grab bar", fuzziness="AUTO") == ["grab-rail"]


@needs_node
def test_autocomplete_finds_a_name_from_its_first_letters(es, products):
    def typed(text):
        return search_ids(es, products, "name.autocomplete", text)

    assert typed("ket") == ["kettle-tipper"]
    assert typed("Ket tip") == ["kettle-tipper"]
    assert typed("ettle") == []
    # The search side is not cut into prefixes: "kettle" does not find everything starting "ke".
    assert tokens(es, index=products, analyzer="enabled_autocomplete_search", text="Kettle") == [
        "kettle"
    ]


@needs_node
def test_keyword_normaliser_ignores_case(es, products):
    response = es.search(index=products, query={"term": {"brand": "HOMECRAFT"}}, size=10)
    assert sorted(hit["_id"] for hit in response["hits"]["hits"]) == [
        "bath-board",
        "grab-rail",
        "kettle-tipper",
    ]


def test_a_document_using_the_objects_gets_exactly_the_site_analysis():
    class Product(Document):
        name = Text(
            analyzer=analysis.TEXT,
            search_analyzer=analysis.TEXT_SEARCH,
            fields={
                "autocomplete": Text(
                    analyzer=analysis.AUTOCOMPLETE, search_analyzer=analysis.AUTOCOMPLETE_SEARCH
                )
            },
        )
        brand = Keyword(normalizer=analysis.KEYWORD)

    index = Index("products")
    index.document(Product)
    assert index.to_dict()["settings"]["analysis"] == ANALYSIS


# The parser, without a node


def test_parser_skips_comments_and_blank_lines_and_tidies_spaces():
    lines = ["# mobility", "", "  rollator ,  walking   frame  ", "grab rail, grab-bar"]
    assert parse_synonyms(lines) == (("rollator", "walking frame"), ("grab rail", "grab-bar"))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("rollator", "line 2 [rollator]: a group needs at least two terms"),
        ("hoist,, patient lift", "line 2 [hoist,, patient lift]: empty term"),
        ("hoist, patient lift,", "empty term"),
        ("Hoist, patient lift", "term [Hoist] must be lowercase ASCII"),
        ("crème, cream", "term [crème] must be lowercase ASCII"),
        ("user's guide, manual", "term [user's guide] must be lowercase ASCII"),
        ("commode => toilet chair", "'=>' mappings are not allowed"),
        ("walking-frame, zimmer frame", "term [walking-frame] is already in the group on line 1"),
    ],
    ids=[
        "one-term",
        "two-commas",
        "trailing-comma",
        "capitals",
        "accent",
        "apostrophe",
        "explicit-mapping",
        "term-in-two-groups",
    ],
)
def test_parser_rejects_a_malformed_line_saying_which_and_why(line, message):
    lines = ["rollator, walking frame", line]
    with pytest.raises(SynonymFileError, match="^synonyms, line 2 ") as refused:
        parse_synonyms(lines)
    assert message in str(refused.value)
