"""What members say about others' reviews: helpful votes and reports."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from reviews.models import HelpfulVote, Review

OWN_REVIEW = "You cannot vote for your own review."


def vote_helpful(review, user):
    """Count `user` as finding `review` helpful; True if this is a new vote."""
    if review.author_id == user.pk:
        raise PermissionDenied(OWN_REVIEW)
    try:
        with transaction.atomic():
            HelpfulVote.objects.create(review=review, voter=user)
    except IntegrityError:
        return False  # voted before: one vote each
    recount_helpful(review.pk)
    return True


def recount_helpful(review_id):
    """Store a review's helpful count from its votes, so it always equals a recount."""
    votes = (
        HelpfulVote.objects.filter(review=OuterRef("pk"))
        .order_by()
        .values("review")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Review.objects.filter(pk=review_id).update(helpful_count=Coalesce(Subquery(votes), 0))
