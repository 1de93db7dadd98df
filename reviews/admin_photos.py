"""The moderation screens for members' photos: the queue, a decision on each, bulk approval.

Built like the review and tip queues (`reviews.admin_views`), whose permission rule and
patterns it shares. A photo belongs to a review or to one step of a tip, and is public only
while both it and that review or tip are approved, so the decision page shows them together.
"""

import django_filters
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.images import get_image_model

from products.models import ProductPage
from reviews import moderation
from reviews.admin_views import (
    ApproveWaitingBulkAction,
    DecisionForm,
    DecisionView,
    QueueFilterSet,
    QueueView,
    ReviewPermissionPolicy,
    decision_url,
    status_column,
)
from reviews.models import Photo, Review, Tip
from reviews.uploads import COLLECTION_NAME


class PhotoPermissionPolicy(ReviewPermissionPolicy):
    """Nobody adds or deletes photos in the admin: members send them, moderators decide."""


def photo_queryset():
    return Photo.objects.select_related(
        "image",
        "review__product",
        "review__author__profile",
        "tip__product",
        "tip__author__profile",
    ).annotate(product_title=Coalesce(F("review__product__title"), F("tip__product__title")))


def belongs_to(photo):
    """What the photo shows, as the queue names it: the review, or the tip and its step."""
    item = photo.contribution
    if photo.step:
        return f"{item.kind}: {item.title}, step {photo.step}"
    return f"{item.kind}: {item.title}"


# == The queue ==


class PhotoFilterSet(QueueFilterSet):
    product = django_filters.ModelChoiceFilter(
        label="Product",
        queryset=ProductPage.objects.filter(
            Q(pk__in=Review.objects.filter(photos__isnull=False).values("product"))
            | Q(pk__in=Tip.objects.filter(photos__isnull=False).values("product"))
        ).order_by("title"),
        empty_label="Any product",
        method="filter_product",
    )

    class Meta:
        model = Photo
        fields = ["status", "product"]

    def filter_product(self, queryset, name, value):
        return queryset.filter(Q(review__product=value) | Q(tip__product=value))


class ApprovePhotosBulkAction(ApproveWaitingBulkAction):
    aria_label = "Approve selected photos"
    template_name = "reviews/admin/confirm_bulk_approve_photos.html"
    models = [Photo]
    filterset_class = PhotoFilterSet
    approve = staticmethod(moderation.approve_photo)


class ThumbnailColumn(Column):
    """The photo small, as a rendition, described by the author's own alt text."""

    cell_template_name = "reviews/admin/includes/thumbnail_cell.html"


class PhotoQueueView(QueueView):
    bulk_action = ApprovePhotosBulkAction

    @cached_property
    def columns(self):
        columns = super().columns
        # The title column links to the decision; it shows the author's description.
        columns[1].label = "Description"
        return columns


def queue_columns():
    return [
        "__str__",
        ThumbnailColumn("image", label="Photo"),
        Column("product", label="Product", accessor="product_title", sort_key="product_title"),
        Column("belongs_to", label="Photo of", accessor=belongs_to),
        Column("author", label="Author", accessor="contribution.author_name"),
        DateColumn("created_at", label="Sent", sort_key="created_at"),
        status_column(),
    ]


# == One photo, and the decision on it ==


class PhotoDecisionForm(DecisionForm):
    item = "photo"
    reject_label = "Reject: do not show it, and tell the author why"
    reason_help = "Needed to reject. The author gets it by email, so say what was wrong."

    def __init__(self, *args, shown_with, **kwargs):
        # Shown with a review, or with a tip's step.
        self.approve_label = f"Approve: show it with the {shown_with}"
        super().__init__(*args, **kwargs)


class PhotoDecisionView(DecisionView):
    """Look at a photo and what it belongs to and approve or reject it: the "edit" view."""

    model = Photo
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

    def get_form_kwargs(self):
        what = self.object.contribution.kind.lower()
        return {**super().get_form_kwargs(), "shown_with": what}

    def form_valid(self, form):
        photo = self.object
        user = self.request.user
        try:
            if form.cleaned_data["decision"] == PhotoDecisionForm.APPROVE:
                moderation.approve_photo(photo, user)
                message = f"Photo ‘{photo.alt_text}’ approved."
                item = photo.contribution
                if not item.is_published:
                    message += f" It will be shown once its {item.kind.lower()} is published."
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(photo_context(self.object), history_url=self.history_url)
        return context


def photo_context(photo):
    """What `includes/photo.html` needs to show a photo with what it belongs to."""
    item = photo.contribution
    step = None
    if photo.step and photo.step <= len(item.steps):
        step = item.steps[photo.step - 1]["text"]
    return {
        "photo": photo,
        "item": item,
        "what": item.kind.lower(),
        "item_url": decision_url(item),
        "step_text": step,
    }


# == Out of the image library ==

IMAGE_ADMIN = {"wagtailimages", "wagtailimages_chooser"}


class HideMembersPhotosFromTheImageAdmin:
    """Middleware: Wagtail's image admin and chooser answer 404 for a member's photo.

    The image permission policy (reviews.wagtail_hooks) already refuses them, but Wagtail
    turns a refusal into a redirect that confirms the image exists; moderators have their
    own views, and nobody should learn of a photo from the image admin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        image_id = str(view_kwargs.get("image_id", view_kwargs.get("pk", "")))
        if not image_id.isdigit() or match is None or not IMAGE_ADMIN & set(match.namespaces):
            return None
        images = get_image_model().objects.filter(pk=image_id, collection__name=COLLECTION_NAME)
        if images.exists():
            raise Http404("No image has that number.")
        return None
