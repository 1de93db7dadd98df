"""What the reviews app adds to a member's own pages: their contributions and their data."""

from django.db.models import Q

from reviews.models import CONTENT_FIELDS, DidThisToo, HelpfulVote, Photo, Review, Tip


def contributions(user):
    """The member's reviews, tips and photos, each kind newest first, with its moderation
    state. Three queries however many there are."""
    reviews = Review.objects.by(user).select_related("product").order_by("-created_at")
    tips = Tip.objects.by(user).select_related("product").order_by("-created_at")
    photos = (
        Photo.objects.filter(Q(review__author=user) | Q(tip__author=user))
        .select_related("review__product", "tip__product")
        .order_by("-created_at", "-pk")
    )
    return [*reviews, *tips, *photos]


def _photo_data(photo):
    data = {"description": photo.alt_text, "status": photo.get_status_display()}
    if photo.tip_id:
        data["step"] = photo.step
    if photo.rejection_reason:
        data["rejection_reason"] = photo.rejection_reason
    return data


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
                "whose_experience": review.get_subject_display(),
                # As the public sees them now, which follows your profile for your own
                # experience.
                "conditions_shown": [c.name for c in review.author_conditions.all()],
                "photos": [_photo_data(photo) for photo in review.photos.all()],
            }
            for review in reviews
        ]
    }


def _tip_content(content):
    """A tip's text as people read it: the steps as a list, choices in words."""
    choices = {
        name: dict(Tip._meta.get_field(name).choices)
        for name in ("difficulty", "cost", "time_needed")
    }
    return {
        **content,
        "steps": [step["text"] for step in content["steps"]],
        **{name: labels.get(content[name], content[name]) for name, labels in choices.items()},
    }


def exported_tips(user):
    """The member's tips, the tips they said they did too, and what they found helpful."""
    tips = (
        Tip.objects.by(user)
        .select_related("product", "based_on")
        .prefetch_related("author_conditions", "photos")
        .order_by("created_at")
    )
    done = DidThisToo.objects.filter(member=user).select_related("tip__product")
    votes = HelpfulVote.objects.filter(voter=user).select_related("review__product", "tip__product")
    return {
        "tips": [
            {
                "product": tip.product.title,
                "written": tip.created_at,
                "status": tip.get_status_display(),
                "rejection_reason": tip.rejection_reason,
                **_tip_content(tip.published_content()),
                "edit_waiting_for_a_moderator": (
                    _tip_content(tip.pending_changes) if tip.pending_changes else None
                ),
                "based_on": tip.based_on.title if tip.based_on else None,
                "role_when_written": tip.get_author_role_display(),
                "conditions_shown": [c.name for c in tip.author_conditions.all()],
                "photos": [_photo_data(photo) for photo in tip.photos.all()],
            }
            for tip in tips
        ],
        "tips_you_did_too": [
            {"tip": mark.tip.title, "product": mark.tip.product.title, "when": mark.created_at}
            for mark in done.order_by("created_at", "pk")
        ],
        "helpful_votes": [
            {
                "kind": vote.review.kind if vote.review_id else vote.tip.kind,
                "title": (vote.review or vote.tip).title,
                "product": (vote.review or vote.tip).product.title,
                "when": vote.created_at,
            }
            for vote in votes.order_by("created_at", "pk")
        ],
    }
