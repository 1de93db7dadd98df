"""A contribution's way through moderation: members submit, moderators approve or reject.

Views, test factories and the demo all go through these functions, so a review or tip is
written the same way wherever it comes from. Every decision on a review or tip runs in one
transaction that locks it, recounts its product's figures from the approved contributions
while holding a lock on them, and records the decision in Wagtail's audit log. Authors are
told of a rejection by email once it is committed, unless the caller says not to
(`notify=False`: the demo's invented members have no inboxes).
"""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Avg, Count
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import Profile
from reviews import conditions
from reviews.models import DIMENSIONS, Photo, ProductRating, Report, Review, Status, Tip
from reviews.photo_files import discard_files
from reviews.signals import moderated

APPROVE = "enabled.review.approve"
REJECT = "enabled.review.reject"
APPROVE_TIP = "enabled.tip.approve"
REJECT_TIP = "enabled.tip.reject"
APPROVE_PHOTO = "enabled.photo.approve"
REJECT_PHOTO = "enabled.photo.reject"
NEEDS_REASON = "Say why, so the author can put it right."
PHOTO_DELETED = (
    "This photo was deleted when it was rejected, so it cannot be approved. "
    "The author can send it again."
)


def changed_message(item):
    return (
        f"This {item.kind.lower()} changed while you were reading it. Read it again, then decide."
    )


def _action(item, decision):
    return f"enabled.{item._meta.model_name}.{decision}"


def _lock(item, seen):
    """The review or tip, locked; refused if it changed since the moderator read it (`seen`)."""
    item = type(item).objects.select_for_update().get(pk=item.pk)
    if seen is not None and item.updated_at != seen:
        raise ValidationError(changed_message(item), code="changed")
    return item


@transaction.atomic
def submit(user, item, content, subject=None, chosen=()):
    """Send a review or tip to the moderators, with who the author is as they show it now.

    Whose experience it is (`subject`, kept if None) and the conditions `chosen` for someone
    else's take effect at once, even on a published review: they decide what the public sees
    of someone's health, so withdrawing one never waits for a moderator.
    """
    profile, _ = Profile.objects.select_for_update().get_or_create(
        user=user, defaults={"display_name": user.first_name or "Enabled member"}
    )
    item.author_role = profile.role
    if subject is not None:
        item.subject = subject
    item.submit(content)
    item.save()
    conditions.apply(item, profile, chosen)
    return item


@transaction.atomic
def approve(item, moderator, seen=None):
    """Publish a review or tip as its author last wrote it."""
    item = _lock(item, seen)
    item.apply_pending_changes()
    item.status = Status.APPROVED
    item.rejection_reason = ""
    if item.published_at is None:
        item.published_at = timezone.now()
    item.save()
    recount(item.product_id)
    log(item, _action(item, "approve"), user=moderator)
    moderated.send(sender=type(item), product_id=item.product_id)
    return item


@transaction.atomic
def reject(item, moderator, reason, seen=None, withdraw=False, notify=True):
    """Refuse the author's latest text; a published item without an edit is withdrawn.

    `withdraw` takes a published review or tip off the site even when an edit is waiting,
    as a report upheld does. `seen` is its `updated_at` when the moderator read it.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": NEEDS_REASON})
    item = _lock(item, seen)
    if withdraw or item.pending_changes is None:
        item.published_at = None
    item.status = Status.REJECTED
    item.rejection_reason = reason
    item.save()
    recount(item.product_id)
    log(item, _action(item, "reject"), user=moderator, data={"reason": reason})
    moderated.send(sender=type(item), product_id=item.product_id)
    if notify and item.author_id and item.author.email:
        transaction.on_commit(lambda: _tell_author_of_rejection(item))
    return item


@transaction.atomic
def approve_photo(photo, moderator):
    photo = Photo.objects.select_for_update().get(pk=photo.pk)
    if not photo.has_file:
        raise ValidationError(PHOTO_DELETED, code="deleted")
    photo.status = Status.APPROVED
    photo.rejection_reason = ""
    photo.save()
    log(photo, APPROVE_PHOTO, user=moderator)
    moderated.send(sender=Photo, product_id=photo.contribution.product_id)
    return photo


@transaction.atomic
def reject_photo(photo, moderator, reason, notify=True):
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": NEEDS_REASON})
    photo = (
        Photo.objects.select_for_update(of=("self",))
        .select_related("review__author", "tip__author")
        .get(pk=photo.pk)
    )
    photo.status = Status.REJECTED
    photo.rejection_reason = reason
    photo.save()
    # Nobody is to see it again, so its files go (the row keeps the reason for the author).
    discard_files(photo.image)
    log(photo, REJECT_PHOTO, user=moderator, data={"reason": reason})
    moderated.send(sender=Photo, product_id=photo.contribution.product_id)
    author = photo.contribution.author
    if notify and author is not None and author.email:
        transaction.on_commit(lambda: _tell_author_of_rejected_photo(photo))
    return photo


def recount(product_id):
    """Rewrite a product's stored figures from its approved reviews and tips."""
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
    summary.tip_count = Tip.objects.approved().filter(product_id=product_id).count()
    summary.save()
    return summary


def _tell_author_of_rejection(item):
    kind = item.kind.lower()
    context = {"item": item, "kind": kind, "product": item.product}
    send_mail(
        subject=f"Your {kind} of {item.product.title} was not published",
        message=render_to_string("reviews/email/rejected.txt", context),
        from_email=None,
        recipient_list=[item.author.email],
    )


def _tell_author_of_rejected_photo(photo):
    item = photo.contribution
    context = {"photo": photo, "item": item, "kind": item.kind.lower(), "product": item.product}
    send_mail(
        subject=f"Your photo of {item.product.title} was not published",
        message=render_to_string("reviews/email/photo_rejected.txt", context),
        from_email=None,
        recipient_list=[item.author.email],
    )


# == Reports ==

CLOSE_REPORTS = "enabled.report.close"
REPORT_WITHDRAWN = "withdrawn"
REPORT_KEPT = "kept"


@transaction.atomic
def close_reports(subject, moderator, outcome):
    """Close every open report on a review, tip or photo; the decision on it is the caller's.

    The reports are locked first, so two moderators acting at once close them only once:
    the second finds none open and gets 0 back. Logged on the item, so its history shows it.
    """
    field = subject._meta.model_name
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


@transaction.atomic
def act_on_reports(subject, moderator, withdraw, reason=""):
    """Close every open report on a review, tip or photo, and withdraw it (its author is
    told the `reason`) or keep it as it is. Returns how many reports it closed."""
    closed = close_reports(subject, moderator, REPORT_WITHDRAWN if withdraw else REPORT_KEPT)
    if not closed:
        raise ValidationError("Someone else has already acted on these reports.", code="closed")
    if withdraw and isinstance(subject, Photo):
        reject_photo(subject, moderator, reason)
    elif withdraw:
        reject(subject, moderator, reason, withdraw=True)
    return closed
