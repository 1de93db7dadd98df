"""Keep what is derived from contributions right, however rows are deleted."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from accounts.models import Profile
from reviews.conditions import follow_profile, withdraw_all
from reviews.feedback import recount_done, recount_helpful
from reviews.models import DidThisToo, HelpfulVote, Photo, Review, Tip


def delete_image(sender, instance, **kwargs):
    # The image may already be gone, as when the whole collection is deleted.
    type(instance).image.field.related_model.objects.filter(pk=instance.image_id).delete()


# Votes go with their voter's account; the counts must follow.


def recount_after_vote_removed(sender, instance, **kwargs):
    recount_helpful(
        Review(pk=instance.review_id) if instance.review_id else Tip(pk=instance.tip_id)
    )


def recount_after_done_removed(sender, instance, **kwargs):
    recount_done(instance.tip_id)


# What the public sees of a member's health follows their profile, however it changes.


def profile_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        follow_profile(instance.user_id)


def profile_conditions_changed(sender, instance, action, reverse, **kwargs):
    # Profile.conditions has no reverse manager (related_name="+"), so `instance` is a profile.
    if action in {"post_add", "post_remove", "post_clear"} and not reverse:
        follow_profile(instance.user_id)


def profile_deleted(sender, instance, **kwargs):
    follow_profile(instance.user_id)


def account_deleting(sender, instance, **kwargs):
    withdraw_all(instance.pk)


def connect():
    post_delete.connect(delete_image, sender=Photo, dispatch_uid="reviews-photo-image")
    post_delete.connect(
        recount_after_vote_removed, sender=HelpfulVote, dispatch_uid="reviews-vote-recount"
    )
    post_delete.connect(
        recount_after_done_removed, sender=DidThisToo, dispatch_uid="reviews-done-recount"
    )
    post_save.connect(profile_saved, sender=Profile, dispatch_uid="reviews-profile-saved")
    m2m_changed.connect(
        profile_conditions_changed,
        sender=Profile.conditions.through,
        dispatch_uid="reviews-profile-conditions",
    )
    post_delete.connect(profile_deleted, sender=Profile, dispatch_uid="reviews-profile-deleted")
    pre_delete.connect(
        account_deleting, sender=get_user_model(), dispatch_uid="reviews-account-deleting"
    )
