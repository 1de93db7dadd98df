"""The moderation screens in the Wagtail admin: the queue of reviews and a decision on each.

Moderators read what members wrote and approve or reject it; they never change an author's
words, and reviews are written on the site, never in the admin. Every decision goes through
`reviews.moderation`, which recounts the product's figures and writes the audit log.
"""

from datetime import datetime
from urllib.parse import urlsplit

import django_filters
from django import forms
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import HistoryView, IndexView

from accounts.models import Role
from products.models import ProductPage
from reviews import moderation
from reviews.models import CONTENT_FIELDS, DIMENSIONS, Review, Status, UsagePeriod

# What a moderator may do with reviews; adding and deleting are not among them.
MODERATOR_ACTIONS = ["view", "change"]


class ReviewPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds or deletes reviews in the admin.

    Reviews come from members on the site. Deleting one would skip the recount of the
    product's figures and leave no trace in the audit log: rejecting withdraws it instead.
    """

    def user_has_permission(self, user, action):
        if action not in MODERATOR_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in MODERATOR_ACTIONS])


def moderator_permissions(model=Review):
    """The Permission rows the Wagtail group editor offers for a moderated model."""
    return Permission.objects.filter(
        content_type__app_label="reviews",
        codename__in=[f"{action}_{model._meta.model_name}" for action in MODERATOR_ACTIONS],
    )


def can_moderate(user, model=Review):
    return policy_registry.get_by_type(model).user_has_permission(user, "change")


def kind_of(review):
    return "Edit to a published review" if review.pending_changes is not None else "New review"


# == The queue ==


class ReviewFilterSet(WagtailFilterSet):
    """The queue's filters. With no status chosen, the queue shows what waits (see the view)."""

    status = django_filters.ChoiceFilter(
        label="Status",
        choices=Status.choices,
        empty_label="Any status",
        widget=forms.RadioSelect,
        initial=Status.PENDING,
    )
    author_role = django_filters.ChoiceFilter(
        label="Reviewer role",
        choices=Role.choices,
        empty_label="Any role",
        widget=forms.RadioSelect,
    )
    product = django_filters.ModelChoiceFilter(
        label="Product",
        queryset=ProductPage.objects.filter(reviews__isnull=False).distinct().order_by("title"),
        empty_label="Any product",
    )

    class Meta:
        model = Review
        fields = ["status", "author_role", "product"]


def queue_filter_data(query):
    """The queue's filter values: waiting reviews unless a status (even "any") was chosen."""
    data = query.copy()
    if "status" not in data:
        data["status"] = Status.PENDING
    return data


SEARCH_FIELDS = ["title", "body"]


def search_reviews(queryset, words):
    query = Q()
    for field in SEARCH_FIELDS:
        query |= Q(**{f"{field}__icontains": words})
    return queryset.filter(query) if words else queryset


class ReviewQueueView(IndexView):
    page_title = "Reviews"
    history_url_name = None  # set by the viewset, as for the other views

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["data"] = queue_filter_data(self.request.GET)
        return kwargs

    def get_list_more_buttons(self, instance):
        # The edit URL is the decision view; history is where decisions are listed.
        buttons = []
        if edit_url := self.get_edit_url(instance):
            buttons.append(MenuItem("Review", url=edit_url, icon_name="tasks", priority=10))
        if self.user_has_permission("change"):
            history_url = reverse(self.history_url_name, args=(quote(instance.pk),))
            buttons.append(MenuItem("History", url=history_url, icon_name="history", priority=20))
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["bulk_action_buttons"] = self.bulk_action_buttons()
        return context

    def bulk_action_buttons(self):
        """Only the bulk actions this user may take (Wagtail's footer would list delete too)."""
        buttons = []
        if self.user_has_permission("change"):
            url = reverse("wagtail_bulk_action", args=["reviews", "review", "approve"])
            buttons.append(
                ListingButton(
                    ApproveBulkAction.display_name,
                    url,
                    attrs={
                        "aria-label": ApproveBulkAction.aria_label,
                        "data-bulk-action-button": "",
                    },
                    classname="bulk-action-btn",
                )
            )
        return buttons


def queue_columns():
    return [
        "title",
        Column("product", label="Product", accessor="product.title", sort_key="product__title"),
        Column("author", label="Author", accessor="author_name"),
        Column("kind", label="What it is", accessor=kind_of),
        DateColumn("submitted_at", label="Submitted", sort_key="submitted_at"),
        StatusTagColumn(
            "status",
            label="Status",
            accessor="get_status_display",
            primary=lambda review: review.status == Status.PENDING,
        ),
    ]


# == One review, and the decision on it ==


class DecisionForm(forms.Form):
    """Approve, or reject with a reason the author is sent; subclasses word it for their item."""

    APPROVE = "approve"
    REJECT = "reject"
    item = "item"
    approve_label = "Approve"
    reject_label = "Reject"
    reason_help = "Needed to reject. The author gets it by email."

    decision = forms.ChoiceField(label="Your decision", choices=[], widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decision = self.fields["decision"]
        decision.choices = [(self.APPROVE, self.approve_label), (self.REJECT, self.reject_label)]
        decision.error_messages["required"] = (
            f"Choose whether to approve or reject this {self.item}."
        )
        self.fields["reason"].help_text = self.reason_help


class ReviewDecisionForm(DecisionForm):
    item = "review"
    approve_label = "Approve: publish it as written"
    reject_label = "Reject: send it back to the author"
    reason_help = (
        "Needed to reject. The author sees it with their review and gets it by email, "
        "so say what to change."
    )
    # When the moderator read it: a decision must be on the text they read.
    seen = forms.CharField(widget=forms.HiddenInput)


def content_rows(content, changed=()):
    """The author's text as a moderator reads it, field by field."""
    usage = dict(UsagePeriod.choices)
    rows = [("rating", "Overall rating", f"{content['rating']} out of 5")]
    rows += [
        (name, label, f"{content[name]} out of 5")
        for name, label in DIMENSIONS.items()
        if content.get(name) is not None
    ]
    rows.append(
        (
            "used_for",
            "How long they have used it",
            usage.get(content["used_for"], content["used_for"]),
        )
    )
    rows.append(("still_using", "Still using it", "Yes" if content["still_using"] else "No"))
    if not content["still_using"]:
        rows.append(("stopped_reason", "Why they stopped", content["stopped_reason"]))
    return {
        "title": content["title"],
        "title_changed": "title" in changed,
        "body": content["body"],
        "body_changed": "body" in changed,
        "rows": [
            {"label": label, "value": value, "changed": name in changed}
            for name, label, value in rows
        ],
    }


class ReviewDecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Read a review in full and approve or reject it: the admin's "edit" view for reviews."""

    model = Review
    permission_required = "change"
    form_class = ReviewDecisionForm
    template_name = "reviews/admin/decision.html"
    page_title = "Review"
    header_icon = "tasks"
    index_url_name = None
    history_url_name = None

    @cached_property
    def object(self):
        reviews = Review.objects.select_related("product", "author__profile")
        return get_object_or_404(reviews, pk=unquote(str(self.kwargs["pk"])))

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Reviews"},
            {"url": "", "label": self.object.title},
        ]

    @cached_property
    def history_url(self):
        return reverse(self.history_url_name, args=(quote(self.object.pk),))

    def get_initial(self):
        return {"seen": self.object.updated_at.isoformat()}

    def form_valid(self, form):
        review = self.object
        user = self.request.user
        try:
            seen = datetime.fromisoformat(form.cleaned_data["seen"])
        except ValueError:
            seen = None
        try:
            if seen is None:
                raise ValidationError(moderation.changed_message(review))
            if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                moderation.approve(review, user, seen=seen)
                message = f"Review ‘{review.content()['title']}’ approved and published."
            else:
                withdrawn = review.is_published and review.pending_changes is None
                moderation.reject(review, user, form.cleaned_data["reason"], seen=seen)
                message = f"Review ‘{review.title}’ rejected. The author will be told why."
                if withdrawn:
                    message += " It is no longer on the product page."
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, message, buttons=[messages.button(self.history_url, "History")]
        )
        return redirect(self.index_url_name)

    def form_invalid(self, form):
        messages.validation_error(
            self.request, "The decision could not be saved. Correct the errors below.", form
        )
        # The page shows the review as it is now, so a decision sent from it is on that text.
        form.data = form.data.copy()
        form.data["seen"] = self.object.updated_at.isoformat()
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object
        submitted = review.content()
        if review.pending_changes is not None:
            published = {name: getattr(review, name) for name in CONTENT_FIELDS}
            changed = {name for name in CONTENT_FIELDS if submitted[name] != published[name]}
            context["published"] = content_rows(published)
        else:
            changed = ()
        context.update(
            review=review,
            kind=kind_of(review),
            submitted=content_rows(submitted, changed),
            conditions=[condition.name for condition in review.author_conditions.all()],
            history_url=self.history_url,
        )
        return context


class ReviewHistoryView(HistoryView):
    @cached_property
    def header_buttons(self):
        return [HeaderButton("Review", url=self.get_edit_url(self.object), icon_name="tasks")]


# == Bulk approval ==


class ApproveWaitingBulkAction(SnippetBulkAction):
    """Approve several waiting items at once; a rejection needs its own reason, so is never bulk.

    Subclasses name the model, the queue's filters and the moderation function that approves.
    """

    display_name = "Approve"
    action_type = "approve"
    action_priority = 10
    filterset_class = None

    @staticmethod
    def approve(item, moderator):
        raise NotImplementedError

    def check_perm(self, item):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", item
        )

    def queue(self, query):
        """ "Select all in listing" means the queue as filtered, nothing more."""
        model = self.models[0]
        filters = self.filterset_class(queue_filter_data(query), queryset=model.objects.all())
        return filters.qs if filters.is_valid() else model.objects.pending()

    def get_all_objects_in_listing_query(self, parent_id):
        query = QueryDict(urlsplit(self.next_url).query)
        return self.queue(query).values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        waiting = [item for item in objects if item.status == Status.PENDING]
        extra["items_not_waiting"] = [item for item in objects if item.status != Status.PENDING]
        return waiting, extra

    @classmethod
    def execute_action(cls, objects, **kwargs):
        moderator = kwargs["self"].request.user
        for item in objects:
            cls.approve(item, moderator)
        return len(objects), 0


class ApproveBulkAction(ApproveWaitingBulkAction):
    aria_label = "Approve selected reviews"
    template_name = "reviews/admin/confirm_bulk_approve.html"
    models = [Review]
    filterset_class = ReviewFilterSet
    approve = staticmethod(moderation.approve)

    def queue(self, query):
        return search_reviews(super().queue(query), query.get("q", "").strip())

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d review approved and published.",
            "%(count)d reviews approved and published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


# == The dashboard ==


class WaitingReviewsSummaryItem(SummaryItem):
    order = 50
    template_name = "reviews/admin/summary_item.html"

    def __init__(self, request, queue_url_name):
        super().__init__(request)
        self.queue_url_name = queue_url_name

    def get_context_data(self, parent_context):
        return {"count": Review.objects.pending().count(), "url": reverse(self.queue_url_name)}

    def is_shown(self):
        return can_moderate(self.request.user)
