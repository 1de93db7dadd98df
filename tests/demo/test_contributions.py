"""Demo contributions: the plan drawn from the data files, and the commands that load it."""

import io
import random
from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from accounts.models import Profile, Role
from demo.catalogue import build_catalogue, families
from demo.contributions import describe, plan
from demo.writing import Author, ReviewWriter, group_for
from reviews.models import (
    DidThisToo,
    HelpfulVote,
    Photo,
    ProductRating,
    Review,
    Status,
    Subject,
    Tip,
)
from reviews.moderation import recount

PRODUCTS = 24  # catalogue products loaded by the database tests
MEMBERS, REVIEWS = 16, 70
ROLES = ("user", "family_carer", "paid_carer", "professional")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def products():
    return [describe(spec) for spec in build_catalogue()]


@pytest.fixture(scope="module")
def full_plan(products):
    return plan(products)


def run(command, **options):
    stdout = io.StringIO()
    call_command(command, stdout=stdout, stderr=io.StringIO(), **options)
    return stdout.getvalue()


def load(**options):
    options = {"limit": PRODUCTS, "members": MEMBERS, "reviews": REVIEWS, **options}
    return run("load_demo", **options)


def snapshot():
    """Everything the contributions create, in a form two databases can compare."""
    reviews = Review.objects.order_by("product__slug", "author__email")
    return {
        "members": sorted(
            Profile.objects.values_list("user__email", "display_name", "role", "show_conditions")
        ),
        "reviews": [
            (r.product.slug, r.author.email, r.rating, r.title, r.body, r.status, r.helpful_count)
            for r in reviews.select_related("product", "author")
        ],
        "votes": HelpfulVote.objects.count(),
        "tips": sorted(
            Tip.objects.values_list(
                "product__slug", "author__email", "title", "status", "done_count", "helpful_count"
            )
        ),
        "done": DidThisToo.objects.count(),
        "photos": sorted(Photo.objects.values_list("alt_text", "status")),
    }


# The plan, without a database


def test_default_plan_is_realistic(full_plan):
    assert len(full_plan.members) == 60
    assert 400 <= len(full_plan.reviews) <= 600
    roles = Counter(member.role for member in full_plan.members)
    assert set(roles) == set(ROLES) and min(roles.values()) >= 3
    with_conditions = [member for member in full_plan.members if member.conditions]
    assert any(member.show_conditions for member in with_conditions)
    assert any(not member.show_conditions for member in with_conditions)
    emails = [member.email for member in full_plan.members]
    assert len(set(emails)) == len(emails)
    assert all(email.endswith(".example") for email in emails)

    ratings = Counter(review.content["rating"] for review in full_plan.reviews)
    assert set(ratings) == {1, 2, 3, 4, 5}
    assert ratings[5] > ratings[3] > ratings[1], "skewed towards good, with some low"
    assert any(review.content["ease_of_use"] for review in full_plan.reviews)
    stopped = [review for review in full_plan.reviews if not review.content["still_using"]]
    assert stopped and all(review.content["stopped_reason"] for review in stopped)
    assert len({review.content["used_for"] for review in full_plan.reviews}) == 5
    assert 3 <= sum(review.pending for review in full_plan.reviews) <= 15
    assert sum(review.edit is not None for review in full_plan.reviews) == 2


def test_plan_is_deterministic_and_depends_on_the_seed(products, full_plan):
    assert plan(products) == full_plan
    assert plan(products, seed=1).reviews != full_plan.reviews


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


def test_texts_are_complete_and_fit_the_product(full_plan, products):
    by_slug = {product.slug: product for product in products}
    for review in full_plan.reviews:
        content = review.content
        for text in (content["title"], content["body"], content["stopped_reason"]):
            assert "{" not in text and "}" not in text
        assert 0 < len(content["title"]) <= 120 and 0 < len(content["body"]) <= 5000
    bath_lifts = [r for r in full_plan.reviews if by_slug[r.product].family == "bath-lift"]
    assert bath_lifts
    assert any("bath" in review.content["body"] for review in bath_lifts)
    for review in bath_lifts:
        assert "shower" not in review.content["title"] + review.content["body"]


@pytest.mark.parametrize("role", ROLES)
def test_every_family_has_sentences_for_every_role(role):
    """However the plan draws, a review has something to say about the product."""
    for family in families():
        assert group_for(family.category) is not None, family.key
        writer = ReviewWriter(
            random.Random(1),
            Author(role, "mum" if role == "family_carer" else ""),
            family.key,
            family.noun,
            family.plural,
            family.category,
            None,
        )
        for rating in (1, 3, 5):
            assert writer.title(rating) and writer.body(rating), (family.key, rating)
        assert writer.stopped_reason(), family.key


def test_carers_and_professionals_do_not_speak_as_users(full_plan):
    for review in full_plan.reviews:
        if full_plan.members[review.member].role != Role.USER:
            assert "I can have a proper bath" not in review.content["body"]
            assert "my grip" not in review.content["body"].lower()


# The commands


@pytest.mark.django_db
def test_load_creates_members_reviews_and_votes_as_the_site_would():
    output = load()

    assert f"Members: {MEMBERS} created, 0 already present." in output
    assert f"Reviews: {REVIEWS} created" in output
    # Tips whose products are among the first few (the full set is tested in test_tips).
    assert Tip.objects.exists() and "Tips: 0 created" not in output
    assert "Photos (drawn diagrams): 0 created" not in output
    users = get_user_model().objects.filter(profile__isnull=False)
    assert users.count() == MEMBERS
    for user in users:
        address = EmailAddress.objects.get(user=user)
        assert address.verified and address.primary and address.email == user.email
        assert user.email.endswith(".example") and not user.has_usable_password()
    roles = set(Profile.objects.values_list("role", flat=True))
    assert len(roles) >= 3
    assert Profile.objects.filter(show_conditions=True, conditions__isnull=False).exists()

    # Every product's figures are what a recount from the approved reviews gives.
    ratings = list(ProductRating.objects.all())
    assert ratings
    for rating in ratings:
        recount(rating.product_id)
        fresh = ProductRating.objects.get(pk=rating.pk)
        stored = (rating.review_count, rating.average, rating.distribution, rating.dimensions)
        assert stored == (fresh.review_count, fresh.average, fresh.distribution, fresh.dimensions)
        assert rating.review_count == Review.objects.approved().for_product(rating.product).count()

    # Helpful counts equal the votes, and nobody voted for their own review.
    for review in Review.objects.all():
        assert review.helpful_count == review.helpful_votes.count()
    for vote in HelpfulVote.objects.filter(review__isnull=False).select_related("review"):
        assert vote.voter_id != vote.review.author_id

    # Some reviews and edits wait for a moderator; shown conditions travel with reviews.
    pending = Review.objects.pending()
    assert pending.filter(published_at__isnull=True).exists()
    assert pending.filter(pending_changes__isnull=False, published_at__isnull=False).exists()
    assert Review.objects.filter(status=Status.APPROVED).count() > REVIEWS / 2
    assert Review.objects.filter(author_conditions__isnull=False).exists()
    for review in Review.objects.filter(author__profile__show_conditions=False):
        assert not review.author_conditions.exists()
    # Family carers write about the person they look after, everyone else about themselves.
    carers = Review.objects.filter(author__profile__role=Role.FAMILY_CARER)
    assert carers.exists()
    assert not carers.exclude(subject=Subject.CARED_FOR).exists()
    assert (
        not Review.objects.exclude(author__profile__role=Role.FAMILY_CARER)
        .exclude(subject=Subject.SELF)
        .exists()
    )
    assert carers.filter(author_conditions__isnull=False).exists()


@pytest.mark.django_db
def test_second_run_creates_nothing():
    load()
    before = snapshot()

    output = load()

    assert snapshot() == before
    assert f"Members: 0 created, {MEMBERS} already present." in output
    assert f"Reviews: 0 created (0 waiting for a moderator), {REVIEWS} already present." in output
    assert "Helpful votes: 0 created" in output
    assert "Tips: 0 created (0 waiting for a moderator, 0 not published)" in output
    assert "“I did this too”: 0 created" in output
    assert "Helpful votes on tips: 0 created" in output
    assert "Photos (drawn diagrams): 0 created" in output
    assert "Products: 0 created" in output


@pytest.mark.django_db
def test_contributions_are_the_same_in_a_fresh_database():
    load()
    first = snapshot()
    Tip.objects.all().delete()  # tips would stay, by "a former member", without this
    Review.objects.all().delete()
    get_user_model().objects.filter(profile__isnull=False).delete()

    load()

    assert snapshot() == first


@pytest.mark.django_db
def test_contributions_need_the_catalogue():
    with pytest.raises(CommandError, match="load_demo_catalogue"):
        run("load_demo_contributions", members=2, reviews=2)
