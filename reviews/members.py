"""What the reviews app adds to a member's own pages: their contributions and their data."""

from reviews.models import CONTENT_FIELDS, Photo, Review


def contributions(user):
    """The member's reviews and photos, newest first, each with its moderation state."""
    reviews = Review.objects.by(user).select_related("product").order_by("-created_at")
    photos = Photo.objects.filter(review__author=user).select_related("review__product")
    return [*reviews, *photos.order_by("-created_at")]


def exported_reviews(user):
    reviews = (
        Review.objects.by(user)
        .select_related("product")
        .prefetch_related("author_conditions", "photos")
    )
    return {
        "reviews": [
            {
                "product": review.product.title,
                "written": review.created_at,
                "status": review.get_status_display(),
                "rejection_reason": review.rejection_reason,
                **{name: getattr(review, name) for name in CONTENT_FIELDS},
                "edit_waiting_for_a_moderator": review.pending_changes,
                "role_when_written": review.get_author_role_display(),
                "conditions_shown": [c.name for c in review.author_conditions.all()],
                "photos": [
                    {"description": photo.alt_text, "status": photo.get_status_display()}
                    for photo in review.photos.all()
                ],
            }
            for review in reviews
        ]
    }
