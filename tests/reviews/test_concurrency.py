"""Moderation decisions that race each other still leave exact figures (PostgreSQL).

Each thread has its own database connection, as concurrent requests do, and submits then
approves its own review of the same product. SQLite serialises every writer, so only
PostgreSQL, where CI runs the suite, can show a lost update.
"""

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from reviews import moderation
from reviews.models import ProductRating, Review
from tests.environment import require
from tests.factories import make_member, make_product, make_review

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REVIEWS = 50


def test_fifty_reviews_submitted_and_approved_at_once_leave_exact_figures():
    require(connection.vendor == "postgresql", "This test needs PostgreSQL (set DATABASE_URL).")
    product = make_product("Bath lift")
    members = [make_member(f"Member {n}") for n in range(REVIEWS)]
    ratings = [random.randint(1, 5) for _ in members]

    def submit_and_approve(member, rating):
        try:
            review = make_review(product, member, approved=False, rating=rating, comfort=rating)
            moderation.approve(review, None)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(submit_and_approve, members, ratings))

    assert Review.objects.approved().for_product(product).count() == REVIEWS
    summary = ProductRating.objects.get(product=product)
    assert summary.review_count == REVIEWS
    assert summary.distribution == [ratings.count(stars) for stars in range(1, 6)]
    assert float(summary.average) == pytest.approx(sum(ratings) / REVIEWS, abs=0.005)
    assert summary.dimensions["comfort"]["count"] == REVIEWS
