from functools import partial

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from reviews import moderation
from reviews.admin_queues import QUEUES
from reviews.admin_views import ModerationViewSet, QueueSummaryItem
from reviews.image_library import (
    LibraryImagePermissionPolicy,
    LibraryImagesAdminAPIViewSet,
    without_contributed_photos,
)
from reviews.models import Photo, Review, Tip
from reviews.permissions import ModeratedPermissionPolicy


@hooks.register("construct_admin_api", order=1)  # after wagtail.images registers its own
def replace_admin_api_images(router):
    router.register_endpoint("images", LibraryImagesAdminAPIViewSet)


@hooks.register("construct_image_chooser_queryset")
def leave_contributed_photos_out_of_the_chooser(images, request):
    return without_contributed_photos(images)


# Registered before anything asks for the policy, or Wagtail would make a default one.
for queue in QUEUES:
    register_permission_policy(queue.model, ModeratedPermissionPolicy(queue.model))
# Takes over from the policy wagtail.images registers, so the image library leaves members'
# photos out. For the exact class, which is looked up first: wagtail.images registers its own
# in its AppConfig.ready(), which may run after this module is imported.
register_permission_policy(
    get_image_model(),
    LibraryImagePermissionPolicy(
        get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)


class RejectFormatter(LogFormatter):
    """A rejection in an item's history, with the reason the author was given."""

    def __init__(self, kind):
        self.kind, self.label = kind, f"Reject {kind.lower()}"

    def format_message(self, log_entry):
        # Plain text: the history view escapes it.
        if reason := (log_entry.data or {}).get("reason"):
            return f"{self.kind} rejected. Reason given: “{reason}”"
        return f"{self.kind} rejected"


class CloseReportsFormatter(LogFormatter):
    label = "Close reports"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        count = len(data.get("reports", []))
        closed = f"{count} report{'s' if count != 1 else ''} closed"
        kept = data.get("outcome") != moderation.REPORT_WITHDRAWN
        return f"{closed}: kept as it is" if kept else f"{closed}: withdrawn"


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    for model, approve, reject in [
        (Review, moderation.APPROVE, moderation.REJECT),
        (Tip, moderation.APPROVE_TIP, moderation.REJECT_TIP),
        (Photo, moderation.APPROVE_PHOTO, moderation.REJECT_PHOTO),
    ]:
        actions.register_action(approve, f"Approve {model.kind.lower()}", f"{model.kind} approved")
        actions.register_action(reject)(partial(RejectFormatter, model.kind))
    actions.register_action(moderation.CLOSE_REPORTS)(CloseReportsFormatter)


class ModerationGroup(SnippetViewSetGroup):
    menu_label = "Moderation"
    menu_icon = "tasks"
    menu_order = 140
    items = [ModerationViewSet(queue) for queue in QUEUES]


register_snippet(ModerationGroup)
for viewset in ModerationGroup.items:
    if viewset.bulk_action:
        hooks.register("register_bulk_action", viewset.bulk_action)


@hooks.register("construct_homepage_summary_items")
def add_moderation_counts(request, summary_items):
    summary_items.extend(
        QueueSummaryItem(request, viewset, order=50 + number)
        for number, viewset in enumerate(ModerationGroup.items)
    )
