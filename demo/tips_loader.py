"""Write the plan's tips, their photos, marks and votes, and the reviews' photos.

Everything goes the way it goes on the site: tips through `reviews.moderation.submit` and
the moderators' `approve` and `reject` (telling nobody: invented members have no inboxes),
so product figures and the audit log are right; photos through `reviews.uploads` (checked,
re-encoded without metadata, stored in the contributors' collection) and `approve_photo`;
marks and votes through `reviews.feedback`, which keeps the stored counts. A tip is written
with its photos in one transaction and recognised by product and title, a review's photo by
its review and description, and marks and votes are once each anyway, so a second run
creates nothing.
"""

import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from demo import diagrams
from demo.tips import PENDING, REJECTED
from reviews.feedback import did_this_too, vote_helpful
from reviews.models import DidThisToo, HelpfulVote, Photo, Tip
from reviews.moderation import approve, approve_photo, reject, submit
from reviews.uploads import check_and_clean, save_contributed_image


def load(plan, pages, users, reviews, result, progress=None, *, now):
    """Create what the plan says beyond members, reviews and their votes.

    `pages` maps slugs to ProductPages, `users` are the plan's members in order and
    `reviews` maps its review indices to Reviews.
    """
    tips = {}
    wanted = [pages[spec.product] for spec in plan.tips]
    existing = {(tip.product_id, tip.title): tip for tip in Tip.objects.filter(product__in=wanted)}
    for index, spec in enumerate(plan.tips):
        page, author = pages[spec.product], users[spec.member]
        tip = existing.get((page.pk, spec.content["title"]))
        if tip is None:
            parent = tips[spec.based_on] if spec.based_on is not None else None
            tip = _tip(spec, page, plan.products[spec.product], author, parent, now, result)
        else:
            result.tips_present += 1
            result.photos_present += len(spec.photos)
        tips[index] = tip
        _tick(progress)

    for tip_index, member_index in plan.done:
        tip, member = tips[tip_index], users[member_index]
        # An earlier run with other members may have given the tip another author.
        if tip.author_id != member.pk and did_this_too(tip, member):
            _backdate(DidThisToo.objects.filter(tip=tip, member=member), tip, member, now)
            result.done_created += 1
        else:
            result.done_present += 1
        _tick(progress)
    for tip_index, voter_index in plan.tip_votes:
        tip, voter = tips[tip_index], users[voter_index]
        if tip.author_id != voter.pk and vote_helpful(tip, voter):
            _backdate(HelpfulVote.objects.filter(tip=tip, voter=voter), tip, voter, now)
            result.tip_votes_created += 1
        else:
            result.tip_votes_present += 1
        _tick(progress)

    _review_photos(plan, pages, users, reviews, result, progress, now)


def _backdate(rows, tip, member, now):
    """Marks and votes came in over the months after a tip was published, not all today."""
    published = tip.published_at or now
    share = random.Random(f"{tip.title}:{member.email}:{rows.model.__name__}").random()
    rows.update(created_at=published + (now - published) * share)


def _tick(progress):
    if progress is not None:
        progress.update(1)


@transaction.atomic
def _tip(spec, page, product, author, parent, now, result):
    """Write a tip and add its photos; then approve or reject them, or leave them waiting."""
    start = (parent.published_at if parent is not None else None) or page.first_published_at
    start = start or now
    created_at = start + (now - start) * spec.age
    tip = submit(
        author,
        Tip(product=page, author=author, based_on=parent, created_at=created_at),
        spec.content,
    )
    # The plan is checked as a form would check it; a fault rolls the tip back.
    tip.full_clean(validate_unique=False, validate_constraints=False)
    # Sent when it was written, so the moderators' queue keeps the plan's order.
    tip.submitted_at = created_at
    tip.save(update_fields=["submitted_at"])
    photos = [
        _photo(photo, page, product, author, created_at + timedelta(minutes=5 * number), tip=tip)
        for number, photo in enumerate(spec.photos, start=1)
    ]
    result.tips_created += 1
    result.photos_created += len(photos)
    if spec.state == PENDING:
        result.tips_pending += 1
        result.photos_pending += len(photos)
        return tip
    if spec.state == REJECTED:
        result.tips_rejected += 1
        result.photos_pending += len(photos)
        return reject(tip, None, spec.rejection_reason, notify=False)

    tip = approve(tip, None)
    # Approval stamps "now"; tips, like reviews, were published over months.
    tip.published_at = min(created_at + timedelta(days=spec.publish_delay_days), now)
    if spec.edit is None:
        tip.save()
    else:
        tip = submit(author, tip, spec.edit)
        result.tip_edits_pending += 1
    for photo, photo_spec in zip(photos, spec.photos, strict=True):
        if photo_spec.pending:
            result.photos_pending += 1
        else:
            approve_photo(photo, None)
    return tip


def _photo(spec, page, product, author, created_at, *, tip=None, review=None):
    """Draw a picture and store it as the member's upload would be: checked and cleaned."""
    kind = "tip" if tip is not None else "review"
    data = diagrams.render(product.pictogram, product.category, spec.shows, spec.step)
    upload = SimpleUploadedFile(f"{product.slug}.jpg", data, content_type="image/jpeg")
    image = save_contributed_image(
        check_and_clean(upload),
        title=f"Photo with a {kind} of {page.title}",
        uploaded_by_user=author,
    )
    return Photo.objects.create(
        tip=tip,
        review=review,
        step=spec.step,
        image=image,
        alt_text=diagrams.alt_text(product.picture, spec.shows, spec.step),
        created_at=created_at,
    )


def _review_photos(plan, pages, users, reviews, result, progress, now):
    existing = set(
        Photo.objects.filter(
            review__in=[reviews[spec.review] for spec in plan.review_photos]
        ).values_list("review_id", "alt_text")
    )
    for spec in plan.review_photos:
        review_spec, review = plan.reviews[spec.review], reviews[spec.review]
        page, product = pages[review_spec.product], plan.products[review_spec.product]
        alt_text = diagrams.alt_text(product.picture, spec.photo.shows)
        if (review.pk, alt_text) in existing:
            result.photos_present += 1
        else:
            # Added some weeks after the review; the one waiting for a moderator just now.
            added = now if spec.photo.pending else min(review.created_at + timedelta(days=20), now)
            author = users[review_spec.member]
            with transaction.atomic():
                photo = _photo(spec.photo, page, product, author, added, review=review)
                if spec.photo.pending:
                    result.photos_pending += 1
                else:
                    approve_photo(photo, None)
            result.photos_created += 1
        _tick(progress)
