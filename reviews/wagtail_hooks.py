from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from reviews import (
    admin_photos,
    admin_reports,
    admin_reviews,
    admin_tips,
    admin_views,
    moderation,
)
from reviews.models import Photo, Report, Review, Tip
from reviews.uploads import COLLECTION_NAME

# == Members' photos stay out of the editors' image library, choosers and admin API ==
# They are Wagtail images only so renditions work. Choosers have a hook for their queryset
# (below); the library's listing has none, but takes its images from the image permission
# policy, so a policy that leaves the collection out covers the listing and its bulk actions,
# and refusing each of them covers every view of one image (edit, replace, delete, URL
# generator, preview, usage, "chosen"). Moderators see them in the photo queue instead.


def contributed_collection_ids():
    return list(Collection.objects.filter(name=COLLECTION_NAME).values_list("pk", flat=True))


def without_contributed_photos(images):
    # By the collection's id: search can filter images on `collection` but not its name.
    ids = contributed_collection_ids()
    return images.exclude(collection__in=ids) if ids else images


def is_contributed(image):
    return image.collection_id in contributed_collection_ids()


class LibraryImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's own image policy (`wagtail.images.get_permission_policy`), minus members'
    photos, for everyone, superusers too: a replacement there would skip the upload checks."""

    def instances_user_has_any_permission_for(self, user, actions):
        images = super().instances_user_has_any_permission_for(user, actions)
        return without_contributed_photos(images)

    def instances_user_has_permission_for(self, user, action):
        return without_contributed_photos(super().instances_user_has_permission_for(user, action))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if is_contributed(instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


class LibraryImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images (listing and each one), without members' photos."""

    def get_queryset(self):
        return without_contributed_photos(super().get_queryset())


@hooks.register("construct_admin_api", order=1)  # after wagtail.images registers its own
def replace_admin_api_images(router):
    router.register_endpoint("images", LibraryImagesAdminAPIViewSet)


# Registered before anything asks for the policy, or Wagtail would make a default one.
register_permission_policy(Review, admin_views.ReviewPermissionPolicy(Review))
register_permission_policy(Tip, admin_tips.TipPermissionPolicy(Tip))
register_permission_policy(Photo, admin_photos.PhotoPermissionPolicy(Photo))
register_permission_policy(Report, admin_reports.ReportPermissionPolicy(Report))
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

    kind = None

    @property
    def label(self):
        return f"Reject {self.kind.lower()}"

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason")
        if reason:
            # Plain text: the history view escapes it.
            return f"{self.kind} rejected. Reason given: “{reason}”"
        return f"{self.kind} rejected"


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    for model, approve, reject in [
        (Review, moderation.APPROVE, moderation.REJECT),
        (Tip, moderation.APPROVE_TIP, moderation.REJECT_TIP),
        (Photo, moderation.APPROVE_PHOTO, moderation.REJECT_PHOTO),
    ]:
        kind = model.kind
        actions.register_action(approve, f"Approve {kind.lower()}", f"{kind} approved")
        actions.register_action(reject)(
            type(f"Reject{kind}Formatter", (RejectFormatter,), {"kind": kind})
        )

    @actions.register_action(moderation.CLOSE_REPORTS)
    class CloseReportsFormatter(LogFormatter):
        label = "Close reports"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            count = len(data.get("reports", []))
            closed = f"{count} report{'s' if count != 1 else ''} closed"
            if data.get("outcome") == moderation.REPORT_WITHDRAWN:
                return f"{closed}: withdrawn"
            return f"{closed}: kept as it is"


class QueueViewSet(SnippetViewSet):
    """A moderation queue: its "edit" view is the decision on one item, never a model form."""

    index_template_name = "reviews/admin/index.html"
    copy_view_enabled = False
    history_view_class = admin_views.QueueHistoryView

    @property
    def edit_view(self):
        # Only the shared settings (model, URL names, breadcrumbs): not the model form
        # and edit template a snippet's edit view gets.
        return self.construct_view(self.edit_view_class)

    def get_permissions_to_register(self):
        return admin_views.moderator_permissions(self.model)


class ContributionViewSet(QueueViewSet):
    """The review or tip queue, oldest first; its "edit" view is the decision on one."""

    list_display = admin_views.queue_columns()
    ordering = "submitted_at"

    def get_queryset(self, request):
        return self.model.objects.select_related("product", "author__profile")


class ReviewViewSet(ContributionViewSet):
    model = Review
    icon = "tasks"
    menu_label = "Reviews"
    url_prefix = "moderation/reviews"
    url_namespace = "review_moderation"
    index_view_class = admin_reviews.ReviewQueueView
    edit_view_class = admin_reviews.ReviewDecisionView
    history_view_class = admin_reviews.ReviewHistoryView
    filterset_class = admin_reviews.ReviewFilterSet
    search_fields = admin_reviews.SEARCH_FIELDS


class TipViewSet(ContributionViewSet):
    model = Tip
    icon = "list-ol"
    menu_label = "Tips"
    url_prefix = "moderation/tips"
    url_namespace = "tip_moderation"
    index_view_class = admin_tips.TipQueueView
    edit_view_class = admin_tips.TipDecisionView
    filterset_class = admin_tips.TipFilterSet
    search_fields = admin_tips.SEARCH_FIELDS


class PhotoViewSet(QueueViewSet):
    """The photo queue; its "edit" view is the decision on one photo."""

    model = Photo
    icon = "image"
    menu_label = "Photos"
    url_prefix = "moderation/photos"
    url_namespace = "photo_moderation"
    index_view_class = admin_photos.PhotoQueueView
    edit_view_class = admin_photos.PhotoDecisionView
    list_display = admin_photos.queue_columns()
    filterset_class = admin_photos.PhotoFilterSet
    ordering = "created_at"

    def get_queryset(self, request):
        return admin_photos.photo_queryset()


class ReportViewSet(QueueViewSet):
    """The open reports; acting on one is its "edit" view."""

    model = Report
    icon = "warning"
    menu_label = "Reports"
    url_prefix = "moderation/reports"
    url_namespace = "report_moderation"
    index_template_name = "reviews/admin/report_index.html"
    index_view_class = admin_reports.ReportQueueView
    edit_view_class = admin_reports.ReportActionView
    list_display = admin_reports.queue_columns()
    filterset_class = admin_reports.ReportFilterSet
    ordering = "created_at"

    def get_queryset(self, request):
        return admin_reports.open_reports()


class ModerationGroup(SnippetViewSetGroup):
    menu_label = "Moderation"
    menu_icon = "tasks"
    menu_order = 140
    items = (ReviewViewSet, TipViewSet, PhotoViewSet, ReportViewSet)


register_snippet(ModerationGroup)
hooks.register("register_bulk_action", admin_reviews.ApproveBulkAction)
hooks.register("register_bulk_action", admin_tips.ApproveTipsBulkAction)
hooks.register("register_bulk_action", admin_photos.ApprovePhotosBulkAction)


@hooks.register("construct_homepage_summary_items")
def add_moderation_counts(request, summary_items):
    summary_items.extend(
        [
            admin_views.QueueSummaryItem(request, Review, order=50),
            admin_views.QueueSummaryItem(request, Tip, order=51),
            admin_views.QueueSummaryItem(request, Photo, order=52),
            admin_reports.OpenReportsSummaryItem(request, Report, order=53),
        ]
    )


@hooks.register("construct_image_chooser_queryset")
def leave_contributed_photos_out_of_the_chooser(images, request):
    return without_contributed_photos(images)
