"""Documents indexed with the plugin's components are found the way analysis-common finds them.

One index holds a few product names. `name` itself is analysed exactly as the site analyses it
(search/analysis.py, synonyms from search/synonyms.txt); each sub-field analyses the names with
one component, and each test searches the field that shows one behaviour.
"""

import pytest

from search.analysis import ANALYSIS
from tests.elasticsearch.helpers import combined_analysis, index_documents, search_ids

pytestmark = pytest.mark.elasticsearch

DOCUMENTS = {
    "grab-rail": {"name": "Grab rail, 60 cm"},
    "bar-stool": {"name": "Bar stool"},
    "walking-frame": {"name": "Walking frame with seat"},
    "cafe-tray": {"name": "Café tray for wheelchairs"},
    "cafe-table": {"name": "Cafe table"},
    "hoist": {"name": "Ceiling hoist"},
    "bath-rails": {"name": "Bath rails"},
    "bed": {"name": "Adjustable bed"},
}

# Analyzers for the sub-fields only; each shows one component the site's analyzers do not use
# on their own. Combined with the site's analysis, where a name used twice is an error.
COMPONENTS = {
    "filter": {
        "light_english_stemmer": {"type": "stemmer", "language": "light_english"},
        "folding_preserved": {"type": "asciifolding", "preserve_original": True},
        "prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15},
        "grams": {"type": "ngram", "min_gram": 3, "max_gram": 4},
    },
    "tokenizer": {
        "word_prefixes": {
            "type": "edge_ngram",
            "min_gram": 2,
            "max_gram": 10,
            "token_chars": ["letter", "digit"],
        }
    },
    "analyzer": {
        "folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        "folded_preserved": {"tokenizer": "standard", "filter": ["lowercase", "folding_preserved"]},
        "prefixes": {"tokenizer": "standard", "filter": ["lowercase", "prefixes"]},
        "word_prefixes": {"tokenizer": "word_prefixes", "filter": ["lowercase"]},
        "grams": {"tokenizer": "standard", "filter": ["lowercase", "grams"]},
        "porter": {"tokenizer": "standard", "filter": ["lowercase", "porter_stem"]},
        "light_english": {
            "tokenizer": "standard",
            "filter": ["lowercase", "light_english_stemmer"],
        },
    },
}


def sub_field(analyzer, search_analyzer=None):
    field = {"type": "text", "analyzer": analyzer}
    if search_analyzer:
        field["search_analyzer"] = search_analyzer
    return field


MAPPINGS = {
    "properties": {
        "name": {
            "type": "text",
            "analyzer": "enabled_text",
            "search_analyzer": "enabled_text_search",
            "fields": {
                "plain": sub_field("standard"),
                "english": sub_field("english"),
                "folded": sub_field("folded"),
                "folded_preserved": sub_field("folded_preserved"),
                "prefixes": sub_field("prefixes", "standard"),
                "word_prefixes": sub_field("word_prefixes", "standard"),
                "grams": sub_field("grams"),
                "porter": sub_field("porter"),
                "light_english": sub_field("light_english"),
            },
        }
    }
}


@pytest.fixture(scope="module")
def products(es, index_prefix):
    index = f"{index_prefix}products"
    es.indices.create(
        index=index,
        settings={
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": combined_analysis(ANALYSIS, COMPONENTS),
        },
        mappings=MAPPINGS,
    )
    index_documents(es, index, DOCUMENTS)
    yield index
    es.options(ignore_status=404).indices.delete(index=index)


def test_synonym_graph_finds_grab_rail_for_grab_bar(es, products):
    assert search_ids(es, products, "name", "grab bar") == ["grab-rail"]
    # Without synonyms nothing has both words.
    assert search_ids(es, products, "name.plain", "grab bar") == []


def test_synonym_graph_maps_a_word_to_a_phrase(es, products):
    assert search_ids(es, products, "name", "rollator") == ["walking-frame"]


def test_stemming_matches_walking_frames(es, products):
    assert search_ids(es, products, "name", "walking frames") == ["walking-frame"]
    assert search_ids(es, products, "name.plain", "walking frames") == []


def test_asciifolding_matches_with_and_without_accent(es, products):
    assert search_ids(es, products, "name.folded", "cafe") == ["cafe-table", "cafe-tray"]
    assert search_ids(es, products, "name.folded", "café") == ["cafe-table", "cafe-tray"]
    assert search_ids(es, products, "name.plain", "cafe") == ["cafe-table"]


def test_asciifolding_preserve_original_keeps_the_accented_term(es, products):
    def term(field):
        response = es.search(index=products, query={"term": {field: "café"}})
        return sorted(hit["_id"] for hit in response["hits"]["hits"])

    assert term("name.folded") == []
    assert term("name.folded_preserved") == ["cafe-tray"]


def test_edge_ngram_filter_finds_a_word_from_its_start(es, products):
    assert search_ids(es, products, "name.prefixes", "hoi") == ["hoist"]
    assert search_ids(es, products, "name.prefixes", "oist") == []


def test_edge_ngram_tokenizer_splits_on_token_chars(es, products):
    assert search_ids(es, products, "name.word_prefixes", "whee") == ["cafe-tray"]
    assert search_ids(es, products, "name.word_prefixes", "60") == ["grab-rail"]


def test_ngram_filter_finds_a_word_from_its_middle(es, products):
    assert search_ids(es, products, "name.grams", "oist") == ["hoist"]


def test_porter_stem_joins_adjusting_and_adjustable(es, products):
    assert search_ids(es, products, "name.porter", "adjusting") == ["bed"]


def test_light_english_keeps_the_words_kstem_knows(es, products):
    # KStem leaves "rails" whole, so "rail" and "rails" find different products...
    assert search_ids(es, products, "name.light_english", "rail") == ["grab-rail"]
    assert search_ids(es, products, "name.light_english", "rails") == ["bath-rails"]
    # ...where the site's stemmers (minimal_english, then porter2) join them.
    assert search_ids(es, products, "name", "rails") == ["bath-rails", "grab-rail"]


def test_english_analyzer_drops_stop_words_and_stems(es, products):
    assert search_ids(es, products, "name.english", "the walking frames") == ["walking-frame"]
