"""Issue 19's relevance set (benchmarks/relevance/queries.toml) holds together, and the
benchmark's measures give the figures worked out by hand. Neither loads the demo."""

import math
import re
from collections import Counter

import pytest

from benchmarks.relevance import (
    Judged,
    figures,
    first_fits,
    load_set,
    missed,
    ndcg_at,
    precision_at,
)
from demo.catalogue import build_catalogue


@pytest.fixture(scope="module")
def judged_set():
    return load_set()


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue()


def test_there_are_enough_queries_and_none_repeats(judged_set):
    assert len(judged_set) >= 60
    said = Counter(" ".join(judged.text.lower().split()) for judged in judged_set)
    assert [text for text, times in said.items() if times > 1] == []


def test_every_judged_slug_is_a_demo_product_judged_once(judged_set, catalogue):
    slugs = {product.slug for product in catalogue}
    for judged in judged_set:
        assert judged.relevant, f"{judged.text!r} has no relevant product"
        assert judged.relevant <= slugs, (judged.text, sorted(judged.relevant - slugs))
        assert judged.partly <= slugs, (judged.text, sorted(judged.partly - slugs))
        assert not judged.relevant & judged.partly, (judged.text, judged.relevant & judged.partly)


def test_no_query_names_a_demo_product_or_its_maker(judged_set, catalogue):
    names = {product.title.lower() for product in catalogue}
    makers = {product.maker.name.lower() for product in catalogue}
    for judged in judged_set:
        text = judged.text.lower()
        assert [name for name in names if name in text] == [], judged.text
        assert [maker for maker in makers if re.search(rf"\b{re.escape(maker)}\b", text)] == [], (
            judged.text
        )


# == The measures, on a ranking whose answers are worked out by hand ==

JUDGED = Judged(
    text="hand-made",
    relevant=frozenset({"a", "b", "c", "d", "e", "f"}),
    partly=frozenset({"g", "h"}),
)


def test_precision_at_5_counts_partly_as_half_and_empty_places_as_nothing():
    # a 1, z 0, g 0.5, b 1, y 0
    assert precision_at(JUDGED, ["a", "z", "g", "b", "y", "c", "d"]) == pytest.approx(2.5 / 5)
    assert precision_at(JUDGED, ["a", "b", "c", "d", "e"]) == 1.0
    assert precision_at(JUDGED, ["a"]) == pytest.approx(1 / 5)
    assert precision_at(JUDGED, []) == 0.0


def test_the_first_result_fits_only_when_it_is_relevant():
    assert first_fits(JUDGED, ["a", "z"])
    assert not first_fits(JUDGED, ["g", "a"])  # partly is not a fit
    assert not first_fits(JUDGED, ["z", "a"])
    assert not first_fits(JUDGED, [])


def test_ndcg_at_10_against_the_best_ranking_of_the_judged_products():
    small = Judged(text="small", relevant=frozenset({"a", "b"}), partly=frozenset({"c"}))
    # Gains 1, 0, 2 at places 1-3: 1/log2(2) + 2/log2(4) = 2; best 2, 2, 1.
    best = 2 / 1 + 2 / math.log2(3) + 1 / 2
    assert ndcg_at(small, ["c", "x", "a"]) == pytest.approx(2 / best)
    assert ndcg_at(small, ["a", "b", "c"]) == pytest.approx(1.0)
    assert ndcg_at(small, ["b", "a", "c", "x"]) == pytest.approx(1.0)
    assert ndcg_at(small, []) == 0.0
    # Only the first 10 places count: a relevant product 11th adds nothing.
    late = ["x"] * 10 + ["a"]
    assert ndcg_at(small, late) == 0.0


def test_the_set_figures_and_the_targets():
    few = Judged(text="few", relevant=frozenset({"a"}), partly=frozenset())
    rankings = {"hand-made": ["a", "b", "c", "d", "e"], "few": []}
    found = figures([JUDGED, few], rankings)
    assert found["queries"] == 2
    assert found["precision_queries"] == 1  # "few" has under 5 relevant products
    assert found["precision_at_5"] == 1.0
    assert found["first_fits"] == 0.5
    assert found["nothing_found"] == 0.5
    ideal = 2 * sum(1 / math.log2(place + 1) for place in range(1, 6))
    best = 2 * sum(1 / math.log2(p + 1) for p in range(1, 7)) + sum(
        1 / math.log2(p + 1) for p in (7, 8)
    )
    assert found["ndcg_at_10"] == pytest.approx((ideal / best + 0) / 2)

    good = {"precision_at_5": 0.8, "first_fits": 0.9, "nothing_found": 0.0, "ndcg_at_10": 0.8}
    assert missed({"database": good, "elasticsearch": good}) == []
    worse = {**good, "first_fits": 0.8}
    assert missed({"database": good, "elasticsearch": worse}) == [
        "elasticsearch: first fits 0.80 < 0.85",
        "implementations 0.10 apart on first_fits",
    ]
