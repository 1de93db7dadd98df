"""Keep what is derived from contributions right, however rows are deleted."""

from django.db.models.signals import post_delete

from reviews.models import HelpfulVote, Photo


def delete_image(sender, instance, **kwargs):
    # The image may already be gone, as when the whole collection is deleted.
    type(instance).image.field.related_model.objects.filter(pk=instance.image_id).delete()


def recount_after_vote_removed(sender, instance, **kwargs):
    # Votes go with their voter's account; the review's count must follow.
    from reviews.feedback import recount_helpful

    recount_helpful(instance.review_id)


def connect():
    post_delete.connect(delete_image, sender=Photo, dispatch_uid="reviews-photo-image")
    post_delete.connect(
        recount_after_vote_removed, sender=HelpfulVote, dispatch_uid="reviews-vote-recount"
    )
