"""Moderators' decisions on reviews, and what each decision changes.

Every decision runs in one transaction that locks the review, recounts its product's
figures from the approved reviews while holding a lock on them, and records the decision
in Wagtail's audit log. Authors are told of a rejection by email once it is committed.
"""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Avg, Count
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from reviews.models import (
    CONTENT_FIELDS,
    DIMENSIONS,
    Photo,
    ProductRating,
    Report,
    Review,
    Status,
)

APPROVE = "enabled.review.approve"
REJECT = "enabled.review.reject"
CHANGED = "This review changed while you were reading it. Read it again, then decide."
APPROVE_PHOTO = "enabled.photo.approve"
REJECT_PHOTO = "enabled.photo.reject"


def _lock(review, seen):
    """The review, locked; refused if it changed since the moderator read it (`seen`)."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if seen is not None and review.updated_at != seen:
        raise ValidationError(CHANGED, code="changed")
    return review


@transaction.atomic
def approve(review, moderator, seen=None):
    review = _lock(review, seen)
    if review.pending_changes is not None:
        for name in CONTENT_FIELDS:
            setattr(review, name, review.pending_changes[name])
        review.pending_changes = None
    review.status = Status.APPROVED
    review.rejection_reason = ""
    if review.published_at is None:
        review.published_at = timezone.now()
    review.save()
    recount(review.product_id)
    log(review, APPROVE, user=moderator)
    return review


@transaction.atomic
def reject(review, moderator, reason, seen=None, withdraw=False):
    """Refuse the author's latest text; a published review without an edit is withdrawn.

    `withdraw` takes a published review off the site even when an edit is waiting, as a
    report upheld does. `seen` is the review's `updated_at` when the moderator read it.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, so the author can put it right."})
    review = _lock(review, seen)
    if withdraw or review.pending_changes is None:
        review.published_at = None
    review.status = Status.REJECTED
    review.rejection_reason = reason
    review.save()
    recount(review.product_id)
    log(review, REJECT, user=moderator, data={"reason": reason})
    if review.author_id and review.author.email:
        transaction.on_commit(lambda: _tell_author_of_rejection(review))
    return review


@transaction.atomic
def approve_photo(photo, moderator):
    photo = Photo.objects.select_for_update().get(pk=photo.pk)
    photo.status = Status.APPROVED
    photo.rejection_reason = ""
    photo.save()
    log(photo, APPROVE_PHOTO, user=moderator)
    return photo


@transaction.atomic
def reject_photo(photo, moderator, reason):
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, so the author can put it right."})
    photo = (
        Photo.objects.select_for_update(of=("self",))
        .select_related("review__author")
        .get(pk=photo.pk)
    )
    photo.status = Status.REJECTED
    photo.rejection_reason = reason
    photo.save()
    log(photo, REJECT_PHOTO, user=moderator, data={"reason": reason})
    author = photo.review.author
    if author is not None and author.email:
        transaction.on_commit(lambda: _tell_author_of_rejected_photo(photo))
    return photo


def recount(product_id):
    """Rewrite a product's stored figures from its approved reviews."""
    # The row must exist before it can be locked; a concurrent insert is harmless.
    ProductRating.objects.bulk_create([ProductRating(product_id=product_id)], ignore_conflicts=True)
    summary = ProductRating.objects.select_for_update().get(product_id=product_id)
    approved = Review.objects.approved().filter(product_id=product_id)
    figures = approved.aggregate(
        count=Count("pk"),
        average=Avg("rating"),
        **{f"{name}__average": Avg(name) for name in DIMENSIONS},
        **{f"{name}__count": Count(name) for name in DIMENSIONS},
    )
    by_rating = dict(approved.values_list("rating").annotate(n=Count("pk")).order_by())
    summary.review_count = figures["count"]
    summary.average = round(figures["average"], 2) if figures["average"] is not None else None
    summary.distribution = [by_rating.get(stars, 0) for stars in range(1, 6)]
    summary.dimensions = {
        name: {
            "average": round(float(figures[f"{name}__average"]), 2),
            "count": figures[f"{name}__count"],
        }
        for name in DIMENSIONS
        if figures[f"{name}__count"]
    }
    summary.save()
    return summary


def _tell_author_of_rejection(review):
    context = {"review": review, "product": review.product}
    send_mail(
        subject=f"Your review of {review.product.title} was not published",
        message=render_to_string("reviews/email/rejected.txt", context),
        from_email=None,
        recipient_list=[review.author.email],
    )


def _tell_author_of_rejected_photo(photo):
    review = photo.review
    context = {"photo": photo, "review": review, "product": review.product}
    send_mail(
        subject=f"Your photo of {review.product.title} was not published",
        message=render_to_string("reviews/email/photo_rejected.txt", context),
        from_email=None,
        recipient_list=[review.author.email],
    )


# == Reports ==

CLOSE_REPORTS = "enabled.report.close"
REPORT_WITHDRAWN = "withdrawn"
REPORT_KEPT = "kept"


@transaction.atomic
def close_reports(subject, moderator, outcome):
    """Close every open report on a review or photo; the decision on the item is the caller's.

    The reports are locked first, so two moderators acting at once close them only once:
    the second finds none open and gets 0 back. Logged on the item, so its history shows it.
    """
    field = "review" if isinstance(subject, Review) else "photo"
    reports = list(
        Report.objects.open().select_for_update().filter(**{field: subject}).order_by("pk")
    )
    if not reports:
        return 0
    Report.objects.filter(pk__in=[report.pk for report in reports]).update(
        closed_at=timezone.now(), closed_by=moderator
    )
    log(
        subject,
        CLOSE_REPORTS,
        user=moderator,
        data={"outcome": outcome, "reports": [report.pk for report in reports]},
    )
    return len(reports)
