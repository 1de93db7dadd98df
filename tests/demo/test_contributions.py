"""Demo contributions as planned from the data files: what the site itself would accept."""

import pytest

from demo.catalogue import build_catalogue
from demo.contributions import describe, plan
from demo.tips import APPROVED, tip_data
from reviews.models import Review, Tip

# The plan draws from the whole catalogue; a smaller one keeps these tests quick.
MEMBERS, REVIEWS = 30, 150


@pytest.fixture(scope="module")
def full_plan():
    return plan([describe(spec) for spec in build_catalogue()], members=MEMBERS, reviews=REVIEWS)


def test_nobody_votes_for_their_own_review_or_twice(full_plan):
    assert full_plan.votes
    assert len(set(full_plan.votes)) == len(full_plan.votes)
    for review_index, voter in full_plan.votes:
        review = full_plan.reviews[review_index]
        assert voter != review.member
        assert not review.pending


def test_one_review_per_member_and_product(full_plan):
    pairs = [(review.product, review.member) for review in full_plan.reviews]
    assert len(set(pairs)) == len(pairs)


def test_reviews_fit_the_model(full_plan):
    for review in full_plan.reviews:
        content = review.content
        for text in (content["title"], content["body"], content["stopped_reason"]):
            assert "{" not in text and "}" not in text, "every placeholder filled in"
        limits = {name: Review._meta.get_field(name).max_length for name in ("title", "body")}
        assert 0 < len(content["title"]) <= limits["title"]
        assert 0 < len(content["body"]) <= (limits["body"] or 5000)


def test_tips_fit_the_model():
    for entry in tip_data()[0]:
        for content in filter(None, (entry.content, entry.edit)):
            tip = Tip(author_role="user", **content)
            tip.clean_fields(exclude=["product", "author"])


def test_tips_are_adapted_by_someone_else_and_marked_by_others(full_plan):
    for tip in full_plan.tips:
        if tip.based_on is not None:
            assert full_plan.tips[tip.based_on].member != tip.member
    for pairs in (full_plan.done, full_plan.tip_votes):
        assert len(set(pairs)) == len(pairs)
        for tip_index, member in pairs:
            assert member != full_plan.tips[tip_index].member
            assert full_plan.tips[tip_index].state == APPROVED
