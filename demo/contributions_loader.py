"""Write a contributions plan into the database the way members and moderators would.

Members are created with a verified allauth address and a profile; reviews go through
`reviews.moderation.submit` and `approve`, so product figures are recounted exactly
as on the live site; votes go through `reviews.feedback.vote_helpful`. Members are
recognised by email address, reviews by product and author and votes by review and voter,
so a second run creates nothing. Tips, "I did this too" and photos are `tips_loader`'s.
"""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import Profile, Role
from demo import tips_loader
from demo.catalogue_loader import MissingTaxonomyError
from reviews.feedback import vote_helpful
from reviews.models import Review, Subject
from reviews.moderation import approve, submit
from taxonomy.models import Condition


@dataclass
class ContributionsResult:
    members_created: int = 0
    members_present: int = 0
    reviews_created: int = 0
    reviews_pending: int = 0
    reviews_present: int = 0
    edits_pending: int = 0
    votes_created: int = 0
    votes_present: int = 0
    tips_created: int = 0
    tips_pending: int = 0
    tips_rejected: int = 0
    tips_present: int = 0
    tip_edits_pending: int = 0
    done_created: int = 0  # "I did this too"
    done_present: int = 0
    tip_votes_created: int = 0
    tip_votes_present: int = 0
    photos_created: int = 0
    photos_pending: int = 0
    photos_present: int = 0


def load(plan, products, progress=None, now=None):
    """Create what `plan` describes; `products` maps the plan's slugs to ProductPages."""
    now = now or timezone.now()
    result = ContributionsResult()
    users = _members(plan.members, result, progress)
    reviews = {}
    existing = {
        (review.product_id, review.author_id): review
        for review in Review.objects.filter(author__in=users).only("pk", "product", "author")
    }
    for index, spec in enumerate(plan.reviews):
        product, author = products[spec.product], users[spec.member]
        review = existing.get((product.pk, author.pk))
        if review is None:
            review = _review(spec, product, author, now)
            result.reviews_created += 1
            result.reviews_pending += spec.pending
            result.edits_pending += spec.edit is not None
        else:
            result.reviews_present += 1
        reviews[index] = review
        _tick(progress)
    for review_index, voter_index in plan.votes:
        if vote_helpful(reviews[review_index], users[voter_index]):
            result.votes_created += 1
        else:
            result.votes_present += 1
        _tick(progress)
    tips_loader.load(plan, products, users, reviews, result, progress, now=now)
    return result


def _tick(progress):
    if progress is not None:
        progress.update(1)


def _members(specs, result, progress):
    names = {name for spec in specs for name in spec.conditions}
    conditions = {c.name: c for c in Condition.objects.filter(name__in=names)}
    if missing := sorted(names - conditions.keys()):
        raise MissingTaxonomyError(", ".join(missing))
    User = get_user_model()
    present = {user.email: user for user in User.objects.filter(email__in=[s.email for s in specs])}
    users = []
    for spec in specs:
        user = present.get(spec.email)
        if user is None:
            user = _member(User, spec, conditions)
            result.members_created += 1
        else:
            result.members_present += 1
        users.append(user)
        _tick(progress)
    return users


@transaction.atomic
def _member(User, spec, conditions):  # noqa: N803 - the model class
    # No password: demo reviewers are for reading, not for signing in as.
    user = User.objects.create_user(spec.username, spec.email, password=None)
    EmailAddress.objects.create(user=user, email=spec.email, verified=True, primary=True)
    profile = Profile.objects.create(
        user=user,
        display_name=spec.display_name,
        role=spec.role,
        show_conditions=spec.show_conditions,
    )
    profile.conditions.set([conditions[name] for name in spec.conditions])
    return user


@transaction.atomic
def _review(spec, product, author, now):
    """Write, and unless it is to wait, approve a review; then perhaps edit it."""
    published = product.first_published_at or now
    created_at = published + (now - published) * spec.age
    # A family carer writes about the person they look after, whose conditions the demo
    # keeps on the carer's profile: shown with the review only if the carer shows them.
    carer = author.profile.role == Role.FAMILY_CARER
    about = {
        "subject": Subject.CARED_FOR if carer else Subject.SELF,
        "chosen": author.profile.shown_conditions(),
    }
    review = submit(
        author, Review(product=product, author=author, created_at=created_at), spec.content, **about
    )
    # The plan is checked as a form would check it; a fault rolls the review back.
    review.full_clean(validate_unique=False, validate_constraints=False)
    if spec.pending:
        return review
    review = approve(review, None)
    # Approval stamps "now"; a catalogue that grew over months had reviews over months too.
    review.published_at = min(created_at + timedelta(days=spec.publish_delay_days), now)
    if spec.edit is None:
        review.save()
    else:
        review = submit(author, review, spec.edit, **about)
    return review
