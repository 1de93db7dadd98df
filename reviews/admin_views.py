"""The moderation screens in the Wagtail admin: the queues, and a decision on each item.

Moderators read what members wrote and approve or reject it; they never change an author's
words, and reviews and tips are written on the site, never in the admin. Every decision goes
through `reviews.moderation`, which recounts the product's figures and writes the audit log.

This module holds what every queue shares; `reviews.admin_reviews`, `reviews.admin_tips`,
`reviews.admin_photos` and `reviews.admin_reports` build each queue from it.
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
from reviews.models import Review, Status

# What a moderator may do with what members send; adding and deleting are not among them.
MODERATOR_ACTIONS = ["view", "change"]


class ReviewPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds or deletes reviews in the admin.

    Reviews come from members on the site. Deleting one would skip the recount of the
    product's figures and leave no trace in the audit log: rejecting withdraws it instead.
    Tips, photos and reports follow the same rule, through subclasses.
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


def kind_of(item):
    """A review or tip as the queue describes it: new, or an edit to a published one."""
    what = item.kind.lower()
    return f"Edit to a published {what}" if item.pending_changes is not None else f"New {what}"


def decision_url(item):
    """The moderation page of a review, tip, photo or report."""
    return reverse(item.snippet_viewset.get_url_name("edit"), args=[quote(item.pk)])


def search(queryset, fields, words):
    """The queue's search, as Wagtail's index view does it for a model it does not index."""
    if not words:
        return queryset
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__icontains": words})
    return queryset.filter(query)


# == The queues ==


def queue_filter_data(query):
    """A queue's filter values: waiting items unless a status (even "any") was chosen."""
    data = query.copy()
    if "status" not in data:
        data["status"] = Status.PENDING
    return data


class QueueFilterSet(WagtailFilterSet):
    """With no status chosen, a queue shows what waits (see `queue_filter_data`)."""

    status = django_filters.ChoiceFilter(
        label="Status",
        choices=Status.choices,
        empty_label="Any status",
        widget=forms.RadioSelect,
        initial=Status.PENDING,
    )


class ContributionFilterSet(QueueFilterSet):
    """The review or tip queue's filters; subclasses name the model and the role's label."""

    role_label = "Author’s role"

    author_role = django_filters.ChoiceFilter(
        choices=Role.choices, empty_label="Any role", widget=forms.RadioSelect
    )
    product = django_filters.ModelChoiceFilter(
        label="Product", queryset=ProductPage.objects.none(), empty_label="Any product"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["author_role"].label = self.role_label
        # Only the products this queue holds something for, whatever its status.
        in_queue = self._meta.model.objects.values("product")
        self.filters["product"].queryset = ProductPage.objects.filter(pk__in=in_queue).order_by(
            "title"
        )


# == Bulk approval ==


class ApproveWaitingBulkAction(SnippetBulkAction):
    """Approve several waiting items at once; a rejection needs its own reason, so is never bulk.

    Subclasses name the model, the queue's filters and search, and the moderation function
    that approves.
    """

    display_name = "Approve"
    action_type = "approve"
    action_priority = 10
    filterset_class = None
    search_fields = ()
    # What the success message says happened to them.
    done = "approved"

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
        items = filters.qs if filters.is_valid() else model.objects.pending()
        return search(items, self.search_fields, query.get("q", "").strip())

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

    def get_success_message(self, num_parent_objects, num_child_objects):
        meta = self.models[0]._meta
        noun = meta.verbose_name if num_parent_objects == 1 else meta.verbose_name_plural
        return f"{num_parent_objects} {noun} {self.done}."


class ApproveContributionsBulkAction(ApproveWaitingBulkAction):
    """Publish several waiting reviews or tips as their authors wrote them."""

    template_name = "reviews/admin/confirm_bulk_approve.html"
    approve = staticmethod(moderation.approve)
    done = "approved and published"


class QueueView(IndexView):
    """A moderation queue. Its edit URL is the decision on an item; history lists decisions.

    Wagtail's footer would offer every bulk action registered for snippets, delete included,
    so the queue offers only its own `bulk_action`, and only to those who may take it.
    """

    decide_label = "Decide"
    bulk_action = None
    history_url_name = None  # set by the viewset, as for the other views

    def get_page_title(self):
        return self.model._meta.verbose_name_plural.capitalize()

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["data"] = queue_filter_data(self.request.GET)
        return kwargs

    def get_list_more_buttons(self, instance):
        buttons = []
        if edit_url := self.get_edit_url(instance):
            buttons.append(
                MenuItem(self.decide_label, url=edit_url, icon_name="tasks", priority=10)
            )
        if self.user_has_permission("change"):
            history_url = reverse(self.history_url_name, args=(quote(instance.pk),))
            buttons.append(MenuItem("History", url=history_url, icon_name="history", priority=20))
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["bulk_items_label"] = self.model._meta.verbose_name_plural
        context["bulk_action_buttons"] = self.bulk_action_buttons()
        return context

    def bulk_action_buttons(self):
        if self.bulk_action is None or not self.user_has_permission("change"):
            return []
        meta = self.model._meta
        url = reverse(
            "wagtail_bulk_action",
            args=[meta.app_label, meta.model_name, self.bulk_action.action_type],
        )
        return [
            ListingButton(
                self.bulk_action.display_name,
                url,
                attrs={"aria-label": self.bulk_action.aria_label, "data-bulk-action-button": ""},
                classname="bulk-action-btn",
            )
        ]


def queue_columns():
    """The review or tip queue's columns."""
    return [
        "title",
        Column("product", label="Product", accessor="product.title", sort_key="product__title"),
        Column("author", label="Author", accessor="author_name"),
        Column("kind", label="What it is", accessor=kind_of),
        DateColumn("submitted_at", label="Submitted", sort_key="submitted_at"),
        status_column(),
    ]


def status_column():
    """Each queue's status, marked while the item waits for a decision."""
    return StatusTagColumn(
        "status",
        label="Status",
        accessor="get_status_display",
        primary=lambda item: item.status == Status.PENDING,
    )


class QueueHistoryView(HistoryView):
    """An item's history, with a way back to deciding on it."""

    decide_label = "Decide"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(self.decide_label, url=self.get_edit_url(self.object), icon_name="tasks")
        ]


# == One review or tip, and the decision on it ==


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


class ContributionDecisionForm(DecisionForm):
    """The decision on a review or tip (`item` names which)."""

    approve_label = "Approve: publish it as written"
    reject_label = "Reject: send it back to the author"
    # When the moderator read it: a decision must be on the text they read.
    seen = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, item, **kwargs):
        self.item = item
        self.reason_help = (
            f"Needed to reject. The author sees it with their {item} and gets it by email, "
            "so say what to change."
        )
        super().__init__(*args, **kwargs)


def version(content, changed, rows, texts, **extra):
    """One version of an author's text as a moderator reads it, each changed field marked.

    `rows` are (field, label, value) facts; `texts` are (field, label) of longer texts.
    """
    return {
        "title": content["title"],
        "title_changed": "title" in changed,
        "rows": [
            {"label": label, "value": value, "changed": name in changed}
            for name, label, value in rows
        ],
        "texts": [
            {"label": label, "text": content[name], "changed": name in changed}
            for name, label in texts
        ],
        **extra,
    }


class DecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A queue's "edit" view: one item, and a moderator's decision on it."""

    permission_required = "change"

    def form_invalid(self, form):
        messages.validation_error(
            self.request, "The decision could not be saved. Correct the errors below.", form
        )
        return super().form_invalid(form)


class ContributionDecisionView(DecisionView):
    """Read a review or tip in full and approve or reject it: its queue's "edit" view.

    Subclasses name the model and say how its text reads (`content_rows`).
    """

    model = None
    form_class = ContributionDecisionForm
    template_name = "reviews/admin/decision.html"
    header_icon = "tasks"
    index_url_name = None
    history_url_name = None
    # Where the public reads a published item, for saying that rejecting takes it off.
    public_place = "the site"
    content_rows = None

    def get_queryset(self):
        return self.model.objects.select_related("product", "author__profile")

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=unquote(str(self.kwargs["pk"])))

    def get_page_title(self):
        return self.model.kind

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural.capitalize(),
            },
            {"url": "", "label": self.object.title},
        ]

    @cached_property
    def history_url(self):
        return reverse(self.history_url_name, args=(quote(self.object.pk),))

    def get_initial(self):
        return {"seen": self.object.updated_at.isoformat()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "item": self.model.kind.lower()}

    def form_valid(self, form):
        item = self.object
        user = self.request.user
        try:
            seen = datetime.fromisoformat(form.cleaned_data["seen"])
        except ValueError:
            seen = None
        try:
            if seen is None:
                raise ValidationError(moderation.changed_message(item))
            if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                moderation.approve(item, user, seen=seen)
                message = f"{item.kind} ‘{item.content()['title']}’ approved and published."
            else:
                withdrawn = item.is_published and item.pending_changes is None
                moderation.reject(item, user, form.cleaned_data["reason"], seen=seen)
                message = f"{item.kind} ‘{item.title}’ rejected. The author will be told why."
                if withdrawn:
                    message += f" It is no longer on {self.public_place}."
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, message, buttons=[messages.button(self.history_url, "History")]
        )
        return redirect(self.index_url_name)

    def form_invalid(self, form):
        # The page shows the item as it is now, so a decision sent from it is on that text.
        form.data = form.data.copy()
        form.data["seen"] = self.object.updated_at.isoformat()
        return super().form_invalid(form)

    def extra_facts(self):
        """More about the item than every review and tip has: {"label", "text", "url"}."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        submitted = item.content()
        if item.pending_changes is not None:
            published = item.published_content()
            changed = {name for name in item.content_fields if submitted[name] != published[name]}
            context["published"] = self.content_rows(item, published)
        else:
            changed = ()
        context.update(
            item=item,
            what=item.kind.lower(),
            kind=kind_of(item),
            public_place=self.public_place,
            submitted=self.content_rows(item, submitted, changed),
            conditions=[condition.name for condition in item.author_conditions.all()],
            extra_facts=self.extra_facts(),
            history_url=self.history_url,
        )
        return context


# == The dashboard ==


class QueueSummaryItem(SummaryItem):
    """A count on the dashboard for those who may moderate `model`, linked to its queue."""

    template_name = "reviews/admin/summary_item_count.html"

    def __init__(self, request, model, order):
        super().__init__(request)
        self.model = model
        self.order = order

    def count(self):
        return self.model.objects.pending().count()

    def text(self, count, noun):
        return f"{count:,} {noun} waiting for moderation"

    def get_context_data(self, parent_context):
        count = self.count()
        meta = self.model._meta
        noun = meta.verbose_name if count == 1 else meta.verbose_name_plural
        viewset = self.model.snippet_viewset
        return {
            "text": self.text(count, noun),
            "url": reverse(viewset.get_url_name("list")),
            "icon": viewset.icon,
        }

    def is_shown(self):
        return can_moderate(self.request.user, self.model)
