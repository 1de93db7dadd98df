from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from reviews import admin_photos, admin_reports, admin_views, moderation
from reviews.models import Photo, Report, Review
from reviews.uploads import COLLECTION_NAME

# == Members' photos stay out of the editors' image library and choosers ==
# They are Wagtail images only so renditions work. Choosers have a hook for their queryset
# (below); the library's listing has none, but takes its images from the image permission
# policy, so a policy that leaves the collection out covers the listing and its bulk actions.


def without_contributed_photos(images):
    return images.exclude(collection__name=COLLECTION_NAME)


class LibraryImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's own image policy (`wagtail.images.get_permission_policy`), minus members'
    photos in every list of images. Moderators see those in the photo queue instead."""

    def instances_user_has_any_permission_for(self, user, actions):
        images = super().instances_user_has_any_permission_for(user, actions)
        return without_contributed_photos(images)

    def instances_user_has_permission_for(self, user, action):
        return without_contributed_photos(super().instances_user_has_permission_for(user, action))


# Registered before anything asks for the policy, or Wagtail would make a default one.
register_permission_policy(Review, admin_views.ReviewPermissionPolicy(Review))
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


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action(moderation.APPROVE, "Approve review", "Review approved")
    actions.register_action(moderation.APPROVE_PHOTO, "Approve photo", "Photo approved")

    @actions.register_action(moderation.REJECT)
    class RejectFormatter(LogFormatter):
        label = "Reject review"

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason")
            if reason:
                # Plain text: the history view escapes it.
                return f"Review rejected. Reason given: “{reason}”"
            return "Review rejected"

    @actions.register_action(moderation.REJECT_PHOTO)
    class RejectPhotoFormatter(LogFormatter):
        label = "Reject photo"

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason")
            if reason:
                return f"Photo rejected. Reason given: “{reason}”"
            return "Photo rejected"

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

    @property
    def edit_view(self):
        # Only the shared settings (model, URL names, breadcrumbs): not the model form
        # and edit template a snippet's edit view gets.
        return self.construct_view(self.edit_view_class)

    def get_permissions_to_register(self):
        return admin_views.moderator_permissions(self.model)


class ReviewViewSet(QueueViewSet):
    """The moderation queue; its "edit" view is the decision on one review."""

    model = Review
    icon = "tasks"
    menu_label = "Reviews"
    url_prefix = "moderation/reviews"
    url_namespace = "review_moderation"
    index_view_class = admin_views.ReviewQueueView
    edit_view_class = admin_views.ReviewDecisionView
    history_view_class = admin_views.ReviewHistoryView
    list_display = admin_views.queue_columns()
    filterset_class = admin_views.ReviewFilterSet
    search_fields = admin_views.SEARCH_FIELDS
    ordering = "submitted_at"

    def get_queryset(self, request):
        return Review.objects.select_related("product", "author__profile")


class PhotoViewSet(QueueViewSet):
    """The photo queue; its "edit" view is the decision on one photo."""

    model = Photo
    icon = "image"
    menu_label = "Photos"
    url_prefix = "moderation/photos"
    url_namespace = "photo_moderation"
    index_view_class = admin_photos.PhotoQueueView
    edit_view_class = admin_photos.PhotoDecisionView
    history_view_class = admin_photos.PhotoHistoryView
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
    items = (ReviewViewSet, PhotoViewSet, ReportViewSet)


register_snippet(ModerationGroup)
hooks.register("register_bulk_action", admin_views.ApproveBulkAction)
hooks.register("register_bulk_action", admin_photos.ApprovePhotosBulkAction)


@hooks.register("construct_homepage_summary_items")
def add_moderation_counts(request, summary_items):
    summary_items.append(
        admin_views.WaitingReviewsSummaryItem(request, Review.snippet_viewset.get_url_name("list"))
    )
    summary_items.append(
        admin_photos.WaitingPhotosSummaryItem(request, Photo.snippet_viewset.get_url_name("list"))
    )
    summary_items.append(
        admin_reports.OpenReportsSummaryItem(request, Report.snippet_viewset.get_url_name("list"))
    )


@hooks.register("construct_image_chooser_queryset")
def leave_contributed_photos_out_of_the_chooser(images, request):
    return without_contributed_photos(images)
