"""The moderation screens: one viewset builds each queue, history, bulk approval and decision
page from a description of the moderated type (`Moderated`, see `reviews.admin_queues`).

Moderators never change what members wrote, so there is no edit view: Wagtail's "edit" links
lead to the decision page, the viewset's extra URL.
"""

import copy
from urllib.parse import urlsplit

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, StatusTagColumn
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import HistoryView, IndexView, SnippetViewSet

from reviews.models import Status
from reviews.permissions import can_moderate, moderator_permissions

APPROVE = "approve"
REJECT = "reject"


class Moderated:
    """What one moderated type's queue and decision page need: one subclass per model.

    Each also gives `choices(subject)` for the form, `decide(subject, moderator, data)`
    (returning what to tell the moderator), `context(subject)` for its template (which fills
    the `item` block of `reviews/admin/decision.html`), and `approve(item, moderator)` if it
    has bulk approval.
    """

    model = None
    icon = "tasks"
    columns = ()
    filterset_class = None
    search_fields = ()
    ordering = "created_at"
    template_name = None
    decide_label = "Decide"
    title_label = None  # the title column's heading, if not the model's name
    history = True  # whether the item's history is linked
    bulk_template = None  # bulk approval's confirmation page; None for no bulk approval
    bulk_done = "approved"
    waiting_text = "{count:,} {noun} waiting for moderation"
    question = "Your decision"
    choose_message = "Choose whether to approve or reject this {what}."
    reason_help = "Needed to reject. The author gets it by email, so say what was wrong."
    # Whether a decision must be on the version the moderator read (a hidden `seen` field).
    tracks_changes = False

    def queryset(self):
        return self.model.objects.all()

    def decision_queryset(self):
        return self.queryset()

    def waiting(self):
        return self.model.objects.pending()

    def subject(self, item):
        """What the decision is about (a report decides about what it reports)."""
        return item

    def refusal(self, item):
        """Why no decision can be taken on the item now, or None."""

    def initial(self, subject):
        return {}


def decision_url(item):
    """The moderation page of a review, tip, photo or report."""
    return reverse(item.snippet_viewset.get_url_name("decide"), args=[quote(item.pk)])


def noun(model, count):
    return model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural


def status_column():
    """Each queue's status, marked while the item waits for a decision."""
    return StatusTagColumn(
        "status",
        label="Status",
        accessor="get_status_display",
        primary=lambda item: item.status == Status.PENDING,
    )


def radio_filter(label, choices, empty_label, **kwargs):
    return django_filters.ChoiceFilter(
        label=label, choices=choices, empty_label=empty_label, widget=forms.RadioSelect, **kwargs
    )


class QueueFilterSet(WagtailFilterSet):
    """With no status chosen, a queue shows what waits (see `QueueView`)."""

    status = radio_filter("Status", Status.choices, "Any status", initial=Status.PENDING)


class ApproveBulkAction(SnippetBulkAction):
    """Approve several waiting items at once; a rejection needs its own reason, so is never bulk.
    `ModerationViewSet` makes one subclass per model with a `bulk_template`."""

    display_name = "Approve"
    action_type = "approve"
    action_priority = 10
    moderated = None

    def check_perm(self, item):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", item
        )

    def get_all_objects_in_listing_query(self, parent_id):
        """ "Select all in listing" means the queue as filtered and searched, nothing more."""
        listing = copy.copy(self.request)
        listing.GET = QueryDict(urlsplit(self.next_url).query)
        index = self.model.snippet_viewset.index_view
        queue = index.view_class(**index.view_initkwargs)
        queue.setup(listing)
        return queue.get_queryset().values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        waiting = [item for item in objects if item.status == Status.PENDING]
        extra["items_not_waiting"] = [item for item in objects if item.status != Status.PENDING]
        return waiting, extra

    @classmethod
    def execute_action(cls, objects, **kwargs):
        moderator = kwargs["self"].request.user
        for item in objects:
            cls.moderated.approve(item, moderator)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        count = num_parent_objects
        return f"{count} {noun(self.models[0], count)} {self.moderated.bulk_done}."


class QueueView(IndexView):
    """A queue: each item links to its decision, and its history where kept. Its template offers
    only its own approval (Wagtail's footer would offer delete too), to those who may take it."""

    moderated = None
    history_url_name = None

    def get_filterset_kwargs(self):
        # Waiting items unless a status (even "any") was chosen; filters read the queue's items.
        kwargs = super().get_filterset_kwargs()
        kwargs["data"] = kwargs["data"].copy()
        kwargs["data"].setdefault("status", Status.PENDING)
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    @cached_property
    def columns(self):
        columns = super().columns
        if self.moderated.bulk_template is None:
            columns = [c for c in columns if not isinstance(c, BulkActionsCheckboxColumn)]
        if self.moderated.title_label:
            columns[1 if self.moderated.bulk_template else 0].label = self.moderated.title_label
        return columns

    def get_list_more_buttons(self, instance):
        buttons = []
        if edit_url := self.get_edit_url(instance):
            buttons.append(
                MenuItem(self.moderated.decide_label, url=edit_url, icon_name="tasks", priority=10)
            )
        if self.moderated.history and self.user_has_permission("change"):
            url = reverse(self.history_url_name, args=(quote(instance.pk),))
            buttons.append(MenuItem("History", url=url, icon_name="history", priority=20))
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["can_approve"] = self.user_has_permission("change")
        return context


class QueueHistoryView(HistoryView):
    """An item's history, with a way back to deciding on it."""

    moderated = None

    @cached_property
    def header_buttons(self):
        url = self.get_edit_url(self.object)
        return [HeaderButton(self.moderated.decide_label, url=url, icon_name="tasks")]


# == One item, and the decision on it ==


class DecisionForm(forms.Form):
    """The moderator's choice and the reason the author is sent, worded by the description."""

    decision = forms.ChoiceField(widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, moderated, subject, **kwargs):
        super().__init__(*args, **kwargs)
        what = subject.kind.lower()
        decision = self.fields["decision"]
        decision.label = moderated.question
        decision.choices = moderated.choices(subject)
        decision.error_messages["required"] = moderated.choose_message.format(what=what)
        self.fields["reason"].help_text = moderated.reason_help.format(what=what)
        if moderated.tracks_changes:
            # When the moderator read it: a decision must be on the text they read.
            self.fields["seen"] = forms.CharField(widget=forms.HiddenInput)


class DecisionView(BaseObjectMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """One item, what a moderator reads of it, and their decision: the viewset's extra URL."""

    permission_required = "change"
    form_class = DecisionForm
    model = None
    moderated = None
    index_url_name = None
    history_url_name = None

    def get_base_object_queryset(self):
        return self.moderated.decision_queryset()

    @cached_property
    def subject(self):
        return self.moderated.subject(self.object)

    def get(self, request, *args, **kwargs):
        return self.refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refused() or super().post(request, *args, **kwargs)

    def refused(self):
        if warning := self.moderated.refusal(self.object):
            messages.warning(self.request, warning)
            return redirect(self.index_url_name)
        return None

    def get_page_title(self):
        return capfirst(self.model._meta.verbose_name)

    def get_page_subtitle(self):
        return str(self.subject)

    def get_breadcrumbs_items(self):
        plural = capfirst(self.model._meta.verbose_name_plural)
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": plural},
            {"url": "", "label": str(self.subject)},
        ]

    @cached_property
    def history_url(self):
        if self.moderated.history:
            return reverse(self.history_url_name, args=(quote(self.object.pk),))

    def get_initial(self):
        return self.moderated.initial(self.subject)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "moderated": self.moderated, "subject": self.subject}

    def form_valid(self, form):
        try:
            message = self.moderated.decide(self.subject, self.request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        buttons = [messages.button(self.history_url, "History")] if self.history_url else []
        messages.success(self.request, message, buttons=buttons)
        return redirect(self.index_url_name)

    def form_invalid(self, form):
        # The page shows the item as it is now, so a decision sent from it is on that version.
        form.data = form.data.copy()
        form.data.update(self.get_initial())  # QueryDict: the value given last is the one read
        messages.validation_error(
            self.request, "The decision could not be saved. Correct the errors below.", form
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **self.moderated.context(self.subject),
            "item_type": self.model._meta.model_name,
            "history_url": self.history_url,
        }


# == The dashboard ==


class QueueSummaryItem(SummaryItem):
    """A count on the dashboard for those who may moderate, linked to the queue."""

    template_name = "reviews/admin/summary_item_count.html"

    def __init__(self, request, viewset, order):
        super().__init__(request)
        self.viewset, self.moderated, self.order = viewset, viewset.moderated, order

    def get_context_data(self, parent_context):
        count = self.moderated.waiting().count()
        text = self.moderated.waiting_text.format(
            count=count, noun=noun(self.moderated.model, count)
        )
        return {
            "text": text,
            "url": reverse(self.viewset.get_url_name("list")),
            "icon": self.viewset.icon,
        }

    def is_shown(self):
        return can_moderate(self.request.user, self.viewset.model)


# == The viewset ==


class ModerationViewSet(SnippetViewSet):
    """A moderation queue, its items' history and the decision on each, from a description."""

    index_view_class = QueueView
    history_view_class = QueueHistoryView
    copy_view_enabled = False

    def __init__(self, moderated):
        model = moderated.model
        plural = model._meta.verbose_name_plural
        super().__init__(
            model=model,
            moderated=moderated,
            icon=moderated.icon,
            menu_label=capfirst(plural),
            url_prefix=f"moderation/{plural}",
            url_namespace=f"{model._meta.model_name}_moderation",
            list_display=moderated.columns,
            filterset_class=moderated.filterset_class,
            search_fields=moderated.search_fields or self.UNDEFINED,
            ordering=moderated.ordering,
            index_template_name="reviews/admin/index.html"
            if moderated.bulk_template
            else "reviews/admin/index_without_bulk_actions.html",
        )
        self.bulk_action = None
        if moderated.bulk_template:
            self.bulk_action = type(
                f"Approve{model.__name__}BulkAction",
                (ApproveBulkAction,),
                {
                    "models": [model],
                    "moderated": moderated,
                    "aria_label": f"Approve selected {plural}",
                    "template_name": moderated.bulk_template,
                },
            )

    def get_queryset(self, request):
        return self.moderated.queryset()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            moderated=self.moderated, edit_url_name=self.get_url_name("decide"), **kwargs
        )

    @property
    def url_finder_class(self):
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("decide")
        return finder

    def get_urlpatterns(self):
        # No edit view: moderators never change what members wrote.
        patterns = [p for p in super().get_urlpatterns() if p.name != "edit"]
        decision = self.construct_view(DecisionView, template_name=self.moderated.template_name)
        return [*patterns, path(f"decide/<{self.pk_path_converter}:pk>/", decision, name="decide")]

    def get_permissions_to_register(self):
        return moderator_permissions(self.model)
