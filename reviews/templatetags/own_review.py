"""What a member's own review of a product is waiting for, said where they would write one."""

from dataclasses import dataclass

from django import template

from reviews.models import Review, Status

register = template.Library()

EDITS_WAIT = (
    "If you change it, a moderator checks your changes first. Until they approve them, "
    "people keep reading the published version."
)
CHECKED_AGAIN = "If you change it, a moderator checks it again before it appears."


@dataclass
class OwnReview:
    state: str  # what has become of it, in a sentence
    reason: str  # the moderator's, when they did not publish it
    on_change: str  # what happens if the member changes it


@register.filter
def described(review):
    """What has become of a member's review, for the review they are changing."""
    if review.is_published:
        if review.status == Status.PENDING:
            state = "Your review is published. Your changes are waiting for a moderator."
        elif review.status == Status.REJECTED:
            state = "Your review is published, but your changes were not published:"
        else:
            state = "Your review is published."
        return OwnReview(state, review.rejection_reason, EDITS_WAIT)
    if review.status == Status.REJECTED:
        return OwnReview("Your review was not published:", review.rejection_reason, CHECKED_AGAIN)
    return OwnReview("Your review is waiting for a moderator.", "", CHECKED_AGAIN)


@register.simple_tag(takes_context=True)
def own_review(context, product):
    """The signed-in member's review of `product`, described; None if they have none."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated or product.pk is None:
        return None
    review = (
        Review.objects.by(request.user)
        .for_product(product)
        .only("status", "published_at", "rejection_reason", "pending_changes")
        .first()
    )
    return described(review) if review else None
