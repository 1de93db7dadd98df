"""A bad analysis setting is refused when the index is created, with a message that says what
is wrong, and the node goes on serving."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.elasticsearch


def create_with_filter(es, index, token_filter):
    """Creates an index whose analyzer uses the filter; returns the refusal (or the success)."""
    return es.options(ignore_status=HTTPStatus.BAD_REQUEST).indices.create(
        index=index,
        settings={
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "filter": {"under_test": token_filter},
                "analyzer": {
                    "under_test": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "under_test"],
                    }
                },
            },
        },
    )


def assert_node_still_serves(es):
    assert es.cluster.health()["status"] in {"green", "yellow"}
    analyzed = es.indices.analyze(tokenizer="standard", filter=["porter_stem"], text="ramps")
    assert [token["token"] for token in analyzed["tokens"]] == ["ramp"]


@pytest.mark.parametrize(
    ("token_filter", "message"),
    [
        ({"type": "stemmer", "language": "klingon"}, "klingon"),
        ({"type": "synonym_graph", "synonyms": ["a => b => c"]}, "failed to build synonyms"),
        ({"type": "synonym_graph", "synonyms": ["- , dash"]}, "failed to build synonyms"),
    ],
    ids=["unknown-stemmer-language", "two-arrows-in-a-synonym-rule", "synonym-of-nothing"],
)
def test_bad_filter_is_refused_and_the_node_keeps_serving(es, index_prefix, token_filter, message):
    index = f"{index_prefix}refused"
    refused = create_with_filter(es, index, token_filter)

    assert refused.meta.status == HTTPStatus.BAD_REQUEST
    assert message in refused["error"]["reason"].lower()
    assert not es.indices.exists(index=index)
    assert_node_still_serves(es)


def test_synonym_error_names_the_rule(es, index_prefix):
    refused = create_with_filter(
        es,
        f"{index_prefix}refused",
        {"type": "synonym_graph", "synonyms": ["grab bar, grab rail", "a => b => c"]},
    )
    assert refused.meta.status == HTTPStatus.BAD_REQUEST
    body = str(refused.body)
    assert "invalid synonym rule" in body.lower()
    # What only this plugin adds: which rule, and why.
    assert "rule 2 [a => b => c]" in body
    assert "more than one explicit mapping" in body


@pytest.mark.parametrize(
    ("tokenizer", "message"),
    [
        ({"type": "ngram", "min_gram": 3, "max_gram": 2}, "max_gram [2] must not be smaller"),
        ({"type": "edge_ngram", "min_gram": "two"}, "[edge_ngram] invalid setting"),
        ({"type": "ngram", "token_chars": ["vowels"]}, "unknown token_chars class [vowels]"),
    ],
    ids=["max-below-min", "not-a-number", "unknown-token-chars"],
)
def test_bad_tokenizer_settings_are_refused(es, tokenizer, message):
    analyze = es.options(ignore_status=HTTPStatus.BAD_REQUEST).indices.analyze
    refused = analyze(tokenizer=tokenizer, text="hoist")
    assert refused.meta.status == HTTPStatus.BAD_REQUEST
    assert message in refused["error"]["reason"]
    assert_node_still_serves(es)
