"""What members say about others' reviews and tips: helpful votes and "I did this too"."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from reviews.models import DidThisToo, HelpfulVote, Tip

OWN_REVIEW = "You cannot vote for your own review."
OWN_TIP = "You cannot vote for your own tip."
OWN_TIP_DONE = "This is your own tip: others can say they did it too."


def _field(item):
    return "tip" if isinstance(item, Tip) else "review"


def vote_helpful(item, user):
    """Count `user` as finding a review or tip helpful; True if this is a new vote."""
    if item.author_id == user.pk:
        raise PermissionDenied(OWN_TIP if isinstance(item, Tip) else OWN_REVIEW)
    if not _add_once(HelpfulVote, **{_field(item): item, "voter": user}):
        return False
    recount_helpful(item)
    return True


def did_this_too(tip, user):
    """Count `user` as having followed `tip`; True if they had not said so before."""
    if tip.author_id == user.pk:
        raise PermissionDenied(OWN_TIP_DONE)
    if not _add_once(DidThisToo, tip=tip, member=user):
        return False
    recount_done(tip.pk)
    return True


def _add_once(model, **fields):
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False  # said so before: once each
    return True


def recount_helpful(item):
    """Store a review's or tip's helpful count from its votes."""
    field = _field(item)
    votes = (
        HelpfulVote.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    type(item).objects.filter(pk=item.pk).update(helpful_count=Coalesce(Subquery(votes), 0))


def recount_done(tip_id):
    done = (
        DidThisToo.objects.filter(tip=OuterRef("pk"))
        .order_by()
        .values("tip")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Tip.objects.filter(pk=tip_id).update(done_count=Coalesce(Subquery(done), 0))
