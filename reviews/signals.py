"""Keep what is derived from contributions right, however rows are deleted."""

from django.db.models.signals import post_delete
from django.dispatch import Signal

from reviews.models import DidThisToo, HelpfulVote, Photo, Review, Tip

# Sent by reviews.moderation after each decision on a review, tip or photo, with the
# product's id: what is derived from approved contributions elsewhere (search) follows it.
moderated = Signal()


def delete_image(sender, instance, **kwargs):
    # The image may already be gone, as when the whole collection is deleted.
    type(instance).image.field.related_model.objects.filter(pk=instance.image_id).delete()


# Votes go with their voter's account; the counts must follow.


def recount_after_vote_removed(sender, instance, **kwargs):
    from reviews.feedback import recount_helpful

    recount_helpful(
        Review(pk=instance.review_id) if instance.review_id else Tip(pk=instance.tip_id)
    )


def recount_after_done_removed(sender, instance, **kwargs):
    from reviews.feedback import recount_done

    recount_done(instance.tip_id)


def connect():
    post_delete.connect(delete_image, sender=Photo, dispatch_uid="reviews-photo-image")
    post_delete.connect(
        recount_after_vote_removed, sender=HelpfulVote, dispatch_uid="reviews-vote-recount"
    )
    post_delete.connect(
        recount_after_done_removed, sender=DidThisToo, dispatch_uid="reviews-done-recount"
    )
