"""Who may moderate what members send: reviews, tips, photos and reports.

Kept apart from the admin's views so that the site (such as the photo file view) can ask
without importing them.
"""

from django.contrib.auth.models import Permission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

# What a moderator may do with what members send; adding and deleting are not among them.
MODERATOR_ACTIONS = ["view", "change"]


class ModeratedPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds or deletes what members send in the admin.

    Reviews, tips, photos and reports come from members on the site. Deleting one would skip
    the recount of the product's figures and leave no trace in the audit log: rejecting
    withdraws it instead, and a report is closed.
    """

    def user_has_permission(self, user, action):
        if action not in MODERATOR_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in MODERATOR_ACTIONS])


def moderator_permissions(model):
    """The Permission rows the Wagtail group editor offers for a moderated model."""
    return Permission.objects.filter(
        content_type__app_label=model._meta.app_label,
        codename__in=[f"{action}_{model._meta.model_name}" for action in MODERATOR_ACTIONS],
    )


def can_moderate(user, model):
    return policy_registry.get_by_type(model).user_has_permission(user, "change")
