"""A review sent while its author hides their conditions never keeps them (PostgreSQL).

Each thread has its own database connection, as concurrent requests do: one sends a review,
the other unticks "show" on the same member's profile, both let go at once. SQLite
serialises every writer, so only PostgreSQL, where CI runs the suite, can show the race.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections, transaction

from accounts.models import Profile
from reviews.models import Review, Subject
from reviews.moderation import submit
from tests.environment import require
from tests.factories import make_member, make_product

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MEMBERS = 30
CONTENT = {
    "rating": 4,
    "ease_of_use": None,
    "comfort": None,
    "reliability": None,
    "looks": None,
    "value_for_money": None,
    "safety": None,
    "title": "Lifts smoothly",
    "body": "The remote is easy to hold.",
    "used_for": "1_6_months",
    "still_using": True,
    "stopped_reason": "",
}


def test_a_review_sent_while_conditions_are_hidden_never_shows_them():
    require(connection.vendor == "postgresql", "This test needs PostgreSQL (set DATABASE_URL).")
    product = make_product("Ceiling track hoist")
    members = [
        make_member(f"Member {n}", conditions=["Stroke"], show_conditions=True)
        for n in range(MEMBERS)
    ]
    starts = {member.pk: threading.Barrier(2) for member in members}

    def send(member):
        try:
            starts[member.pk].wait()
            review = Review(product=product, author=member)
            submit(member, review, CONTENT, Subject.SELF)
        finally:
            connections.close_all()

    def hide(member):
        try:
            starts[member.pk].wait()
            with transaction.atomic():
                profile = Profile.objects.get(user=member)
                profile.show_conditions = False
                profile.save()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2 * MEMBERS) as pool:
        futures = [pool.submit(work, m) for m in members for work in (send, hide)]
        for future in futures:
            future.result()

    assert Review.objects.count() == MEMBERS
    kept = Review.author_conditions.through.objects.values_list("review__author__pk", flat=True)
    assert list(kept) == []
