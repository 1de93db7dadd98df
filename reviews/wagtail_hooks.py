from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from reviews import admin_views, moderation
from reviews.models import Review

# Registered before anything asks for the policy, or Wagtail would make a default one.
register_permission_policy(Review, admin_views.ReviewPermissionPolicy(Review))


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action(moderation.APPROVE, "Approve review", "Review approved")
    actions.register_action(moderation.APPROVE_PHOTO, "Approve photo", "Photo approved")
    actions.register_action(moderation.REJECT_PHOTO, "Reject photo", "Photo rejected")

    @actions.register_action(moderation.REJECT)
    class RejectFormatter(LogFormatter):
        label = "Reject review"

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason")
            if reason:
                # Plain text: the history view escapes it.
                return f"Review rejected. Reason given: “{reason}”"
            return "Review rejected"


class ReviewViewSet(SnippetViewSet):
    """The moderation queue; its "edit" view is the decision on one review."""

    model = Review
    icon = "tasks"
    menu_label = "Reviews"
    url_prefix = "moderation/reviews"
    url_namespace = "review_moderation"
    index_view_class = admin_views.ReviewQueueView
    edit_view_class = admin_views.ReviewDecisionView
    history_view_class = admin_views.ReviewHistoryView
    index_template_name = "reviews/admin/index.html"
    list_display = admin_views.queue_columns()
    filterset_class = admin_views.ReviewFilterSet
    search_fields = admin_views.SEARCH_FIELDS
    ordering = "submitted_at"
    copy_view_enabled = False

    def get_queryset(self, request):
        return Review.objects.select_related("product", "author__profile")

    @property
    def edit_view(self):
        # Only the shared settings (model, URL names, breadcrumbs): not the model form
        # and edit template a snippet's edit view gets.
        return self.construct_view(self.edit_view_class)

    def get_permissions_to_register(self):
        return admin_views.moderator_permissions()


class ModerationGroup(SnippetViewSetGroup):
    menu_label = "Moderation"
    menu_icon = "tasks"
    menu_order = 140
    items = (ReviewViewSet,)


register_snippet(ModerationGroup)
hooks.register("register_bulk_action", admin_views.ApproveBulkAction)


@hooks.register("construct_homepage_summary_items")
def add_waiting_reviews(request, summary_items):
    queue = Review.snippet_viewset.get_url_name("list")
    summary_items.append(admin_views.WaitingReviewsSummaryItem(request, queue))
