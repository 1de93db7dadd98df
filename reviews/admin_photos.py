"""The moderation screens for members' photos: the queue, a decision on each, bulk approval.

Built like the review queue (`reviews.admin_views`), whose permission rule and patterns it
shares. A photo is public only while both it and its review are approved, so the decision
page shows the review beside the photo.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ValidationError
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
from wagtail.snippets.views.snippets import HistoryView, IndexView

from products.models import ProductPage
from reviews import moderation
from reviews.admin_views import (
    ApproveWaitingBulkAction,
    DecisionForm,
    ReviewPermissionPolicy,
    can_moderate,
)
from reviews.models import Photo, Status


class PhotoPermissionPolicy(ReviewPermissionPolicy):
    """Nobody adds or deletes photos in the admin: members send them, moderators decide."""


def photo_queryset():
    return Photo.objects.select_related("image", "review__product", "review__author__profile")


# == The queue ==


class PhotoFilterSet(WagtailFilterSet):
    """With no status chosen, the queue shows the photos that wait (see `queue_filter_data`)."""

    status = django_filters.ChoiceFilter(
        label="Status",
        choices=Status.choices,
        empty_label="Any status",
        widget=forms.RadioSelect,
        initial=Status.PENDING,
    )
    product = django_filters.ModelChoiceFilter(
        label="Product",
        field_name="review__product",
        queryset=ProductPage.objects.filter(reviews__photos__isnull=False)
        .distinct()
        .order_by("title"),
        empty_label="Any product",
    )

    class Meta:
        model = Photo
        fields = ["status", "product"]


def queue_filter_data(query):
    data = query.copy()
    if "status" not in data:
        data["status"] = Status.PENDING
    return data


class ThumbnailColumn(Column):
    """The photo small, as a rendition, described by the author's own alt text."""

    cell_template_name = "reviews/admin/includes/thumbnail_cell.html"


class PhotoQueueView(IndexView):
    page_title = "Photos"
    history_url_name = None

    @cached_property
    def columns(self):
        columns = super().columns
        # The title column links to the decision; it shows the author's description.
        columns[1].label = "Description"
        return columns

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["data"] = queue_filter_data(self.request.GET)
        return kwargs

    def get_list_more_buttons(self, instance):
        buttons = []
        if edit_url := self.get_edit_url(instance):
            buttons.append(MenuItem("Decide", url=edit_url, icon_name="tasks", priority=10))
        if self.user_has_permission("change"):
            history_url = reverse(self.history_url_name, args=(quote(instance.pk),))
            buttons.append(MenuItem("History", url=history_url, icon_name="history", priority=20))
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["bulk_items_label"] = "photos"
        context["bulk_action_buttons"] = []
        if self.user_has_permission("change"):
            url = reverse("wagtail_bulk_action", args=["reviews", "photo", "approve"])
            context["bulk_action_buttons"].append(
                ListingButton(
                    ApprovePhotosBulkAction.display_name,
                    url,
                    attrs={
                        "aria-label": ApprovePhotosBulkAction.aria_label,
                        "data-bulk-action-button": "",
                    },
                    classname="bulk-action-btn",
                )
            )
        return context


def queue_columns():
    return [
        "__str__",
        ThumbnailColumn("image", label="Photo"),
        Column(
            "product",
            label="Product",
            accessor="review.product.title",
            sort_key="review__product__title",
        ),
        Column("author", label="Author", accessor="review.author_name"),
        DateColumn("created_at", label="Sent", sort_key="created_at"),
        StatusTagColumn(
            "status",
            label="Status",
            accessor="get_status_display",
            primary=lambda photo: photo.status == Status.PENDING,
        ),
    ]


# == One photo, and the decision on it ==


class PhotoDecisionForm(DecisionForm):
    item = "photo"
    approve_label = "Approve: show it with the review"
    reject_label = "Reject: do not show it, and tell the author why"
    reason_help = "Needed to reject. The author gets it by email, so say what was wrong."


class PhotoDecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Look at a photo and its review and approve or reject it: the admin's "edit" view."""

    model = Photo
    permission_required = "change"
    form_class = PhotoDecisionForm
    template_name = "reviews/admin/photo_decision.html"
    page_title = "Photo"
    header_icon = "image"
    index_url_name = None
    history_url_name = None

    @cached_property
    def object(self):
        return get_object_or_404(photo_queryset(), pk=unquote(str(self.kwargs["pk"])))

    def get_page_subtitle(self):
        return self.object.alt_text

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Photos"},
            {"url": "", "label": self.object.alt_text},
        ]

    @cached_property
    def history_url(self):
        return reverse(self.history_url_name, args=(quote(self.object.pk),))

    def form_valid(self, form):
        photo = self.object
        user = self.request.user
        try:
            if form.cleaned_data["decision"] == PhotoDecisionForm.APPROVE:
                moderation.approve_photo(photo, user)
                message = f"Photo ‘{photo.alt_text}’ approved."
                if not photo.review.is_published:
                    message += " It will be shown once its review is published."
            else:
                moderation.reject_photo(photo, user, form.cleaned_data["reason"])
                message = f"Photo ‘{photo.alt_text}’ rejected. The author will be told why."
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
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object.review
        context.update(
            photo=self.object,
            review=review,
            review_url=reverse(review.snippet_viewset.get_url_name("edit"), args=[review.pk]),
            history_url=self.history_url,
        )
        return context


class PhotoHistoryView(HistoryView):
    @cached_property
    def header_buttons(self):
        return [HeaderButton("Decide", url=self.get_edit_url(self.object), icon_name="tasks")]


# == Bulk approval ==


class ApprovePhotosBulkAction(ApproveWaitingBulkAction):
    aria_label = "Approve selected photos"
    template_name = "reviews/admin/confirm_bulk_approve_photos.html"
    models = [Photo]
    filterset_class = PhotoFilterSet
    approve = staticmethod(moderation.approve_photo)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d photo approved.", "%(count)d photos approved.", num_parent_objects
        ) % {"count": num_parent_objects}


# == The dashboard ==


class WaitingPhotosSummaryItem(SummaryItem):
    order = 51
    template_name = "reviews/admin/summary_item_count.html"

    def __init__(self, request, queue_url_name):
        super().__init__(request)
        self.queue_url_name = queue_url_name

    def get_context_data(self, parent_context):
        count = Photo.objects.pending().count()
        text = ngettext(
            "%(count)s photo waiting for moderation",
            "%(count)s photos waiting for moderation",
            count,
        ) % {"count": f"{count:,}"}
        return {"text": text, "url": reverse(self.queue_url_name), "icon": "image"}

    def is_shown(self):
        return can_moderate(self.request.user, Photo)
