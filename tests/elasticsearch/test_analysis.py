"""Each component of the enabled-analysis plugin, through _analyze, gives the tokens that
Elasticsearch's own analysis-common gives (the examples of its documentation)."""

import pytest

from tests.elasticsearch.helpers import tokens

pytestmark = pytest.mark.elasticsearch


def filtered(es, text, *filters, tokenizer="standard"):
    return tokens(es, tokenizer=tokenizer, filter=list(filters), text=text)


def test_the_plugin_is_loaded(es):
    plugins = es.cat.plugins(format="json")
    assert "enabled-analysis" in {plugin["component"] for plugin in plugins}


def test_asciifolding_folds_accents(es):
    assert filtered(es, "Café crème", "lowercase", "asciifolding") == ["cafe", "creme"]


def test_asciifolding_preserve_original_keeps_both_forms(es):
    folding = {"type": "asciifolding", "preserve_original": True}
    assert filtered(es, "café", "lowercase", folding) == ["cafe", "café"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("english", ["walk", "frame"]),
        ("porter", ["walk", "frame"]),
        ("minimal_english", ["walking", "frame"]),
        ("light_english", ["walking", "frames"]),
    ],
)
def test_stemmer_languages(es, language, expected):
    stemmer = {"type": "stemmer", "language": language}
    assert filtered(es, "walking frames", "lowercase", stemmer) == expected


def test_light_english_is_kstem_with_its_dictionary_quirks(es):
    # KStem only stems words it does not know as words: "rails" stays, "lifts" loses its s.
    stemmer = {"type": "stemmer", "language": "light_english"}
    assert filtered(es, "rails lifts ramps chairs", "lowercase", stemmer) == [
        "rails",
        "lift",
        "ramp",
        "chair",
    ]


def test_possessive_english_drops_the_apostrophe_s(es):
    stemmer = {"type": "stemmer", "language": "possessive_english"}
    assert filtered(es, "user's chairs", "lowercase", stemmer) == ["user", "chairs"]


def test_porter_stem(es):
    assert filtered(es, "adjustable adjusting wheelchairs", "lowercase", "porter_stem") == [
        "adjust",
        "adjust",
        "wheelchair",
    ]


def test_synonym_graph_adds_the_multi_word_synonym(es):
    synonyms = {"type": "synonym_graph", "synonyms": ["grab bar, grab rail"]}
    analyzed = filtered(es, "grab bar", "lowercase", synonyms)
    assert sorted(analyzed) == ["bar", "grab", "grab", "rail"]


def test_synonym_graph_explicit_mapping_replaces_the_word(es):
    synonyms = {"type": "synonym_graph", "synonyms": ["commode => toilet"]}
    assert filtered(es, "commode chair", "lowercase", synonyms) == ["toilet", "chair"]


def test_synonym_graph_without_expand_maps_to_the_first_word(es):
    synonyms = {"type": "synonym_graph", "synonyms": ["rollator, walking frame"], "expand": False}
    assert filtered(es, "walking frame", "lowercase", synonyms) == ["rollator"]


def test_synonym_graph_lenient_skips_a_rule_that_does_not_parse(es):
    synonyms = {
        "type": "synonym_graph",
        "synonyms": ["- , dash", "grab bar, grab rail"],
        "lenient": True,
    }
    assert "rail" in filtered(es, "grab bar", "lowercase", synonyms)


def test_edge_ngram_tokenizer(es):
    tokenizer = {"type": "edge_ngram", "min_gram": 2, "max_gram": 4}
    assert tokens(es, tokenizer=tokenizer, text="hoist") == ["ho", "hoi", "hois"]


def test_edge_ngram_tokenizer_token_chars_split_words(es):
    tokenizer = {
        "type": "edge_ngram",
        "min_gram": 2,
        "max_gram": 10,
        "token_chars": ["letter", "digit"],
    }
    analyzed = tokens(es, tokenizer=tokenizer, text="Grab-bar 2x")
    assert analyzed == ["Gr", "Gra", "Grab", "ba", "bar", "2x"]


def test_edge_ngram_defaults_match_analysis_common(es):
    # Configured without sizes: 1 to 2. Named bare: analysis-common's built-in is 1 to 1.
    assert tokens(es, tokenizer={"type": "edge_ngram"}, text="hoist") == ["h", "ho"]
    assert tokens(es, tokenizer="edge_ngram", text="hoist") == ["h"]
    assert filtered(es, "hoist", {"type": "edge_ngram"}) == ["h", "ho"]
    assert filtered(es, "hoist", "edge_ngram") == ["h"]


def test_edge_ngram_filter(es):
    edge = {"type": "edge_ngram", "min_gram": 1, "max_gram": 3}
    assert filtered(es, "Ramp", "lowercase", edge) == ["r", "ra", "ram"]


def test_edge_ngram_filter_preserve_original(es):
    edge = {"type": "edge_ngram", "min_gram": 1, "max_gram": 2, "preserve_original": True}
    assert filtered(es, "ramp", edge) == ["r", "ra", "ramp"]


def test_ngram_tokenizer_defaults(es):
    assert tokens(es, tokenizer={"type": "ngram"}, text="Quick") == [
        "Q",
        "Qu",
        "u",
        "ui",
        "i",
        "ic",
        "c",
        "ck",
        "k",
    ]


def test_ngram_tokenizer_token_chars(es):
    tokenizer = {"type": "ngram", "min_gram": 2, "max_gram": 3, "token_chars": ["letter"]}
    assert tokens(es, tokenizer=tokenizer, text="ab-cd") == ["ab", "cd"]


def test_ngram_filter(es):
    ngram = {"type": "ngram", "min_gram": 2, "max_gram": 3}
    assert filtered(es, "rail", ngram) == ["ra", "rai", "ai", "ail", "il"]


def test_english_analyzer(es):
    assert tokens(es, analyzer="english", text="The walking frames") == ["walk", "frame"]
