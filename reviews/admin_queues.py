"""What each moderation queue holds and how its decision reads: one description per type.

Reviews and tips are moderated alike (an edit to a published one waits beside it); a photo
is judged with the review or tip it belongs to; acting on a report decides about the
reported review, tip or photo, and closes every open report on it. What a moderator reads
is written in the decision templates (`templates/reviews/admin/`).
"""

import copy
from datetime import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from accounts.models import Role
from reviews import moderation
from reviews.admin_views import (
    APPROVE,
    REJECT,
    Moderated,
    QueueFilterSet,
    decision_url,
    radio_filter,
    status_column,
)
from reviews.models import DIMENSIONS, Photo, Report, ReportReason, Review, Tip
from reviews.permissions import can_moderate

# == Reviews and tips ==


def kind_of(item):
    """A review or tip as the queue describes it: new, or an edit to a published one."""
    what = item.kind.lower()
    return f"Edit to a published {what}" if item.pending_changes is not None else f"New {what}"


def product_filter(items, **kwargs):
    """A queue's filter by product, offering those it holds something for."""
    return django_filters.ModelChoiceFilter(
        label="Product",
        queryset=lambda request: items().products().order_by("title"),
        empty_label="Any product",
        **kwargs,
    )


class Contribution(Moderated):
    """A review or tip: read in full, with a waiting edit beside the published version."""

    columns = [
        "title",
        Column("product", label="Product", accessor="product.title", sort_key="product__title"),
        Column("author", label="Author", accessor="author_name"),
        Column("kind", label="What it is", accessor=kind_of),
        DateColumn("submitted_at", label="Submitted", sort_key="submitted_at"),
        status_column(),
    ]
    ordering = "submitted_at"
    template_name = "reviews/admin/decision_contribution.html"
    bulk_template = "reviews/admin/confirm_bulk_approve.html"
    bulk_done = "approved and published"
    approve = staticmethod(moderation.approve)
    reason_help = (
        "Needed to reject. The author sees it with their {what} and gets it by email, "
        "so say what to change."
    )
    tracks_changes = True
    # Where the public reads a published item, for saying that rejecting takes it off.
    public_place = "the site"

    role_label = "Author’s role"

    def __init__(self):
        self.filterset_class = type(
            f"{self.model.__name__}FilterSet",
            (QueueFilterSet,),
            {
                "author_role": radio_filter(self.role_label, Role.choices, "Any role"),
                "product": product_filter(self.model.objects.all),
            },
        )

    def queryset(self):
        return self.model.objects.select_related("product", "author__profile")

    def version(self, item, content, changed=()):
        """The item as it reads with `content`, for `includes/content.html`: an unsaved copy,
        so the template has the model's labels, and which fields changed."""
        version = copy.copy(item)
        vars(version).update(content)
        return {"item": version, "changed": dict.fromkeys(changed, True)}

    def initial(self, item):
        return {"seen": item.updated_at.isoformat()}

    def choices(self, item):
        return [
            (APPROVE, "Approve: publish it as written"),
            (REJECT, "Reject: send it back to the author"),
        ]

    def decide(self, item, moderator, data):
        try:
            seen = datetime.fromisoformat(data["seen"])
        except ValueError:
            raise ValidationError(moderation.changed_message(item)) from None
        if data["decision"] == APPROVE:
            moderation.approve(item, moderator, seen=seen)
            return f"{item.kind} ‘{item.content()['title']}’ approved and published."
        withdrawn = item.is_published and item.pending_changes is None
        moderation.reject(item, moderator, data["reason"], seen=seen)
        message = f"{item.kind} ‘{item.title}’ rejected. The author will be told why."
        if withdrawn:
            message += f" It is no longer on {self.public_place}."
        return message

    def context(self, item):
        submitted, changed = item.content(), ()
        context = {"item": item, "kind": kind_of(item), "public_place": self.public_place}
        if item.pending_changes is not None:
            published = item.published_content()
            changed = {name for name in item.content_fields if submitted[name] != published[name]}
            context["published"] = self.version(item, published)
        return {**context, "submitted": self.version(item, submitted, changed)}


class ModeratedReview(Contribution):
    model = Review
    role_label = "Reviewer role"
    search_fields = ["title", "body"]
    decide_label = "Review"
    public_place = "the product page"

    def version(self, review, content, changed=()):
        version = super().version(review, content, changed)
        version["ratings"] = [
            (label, content[name], name in changed)
            for name, label in DIMENSIONS.items()
            if content.get(name) is not None
        ]
        return version


class ModeratedTip(Contribution):
    """A tip is read with the problem, every step with its photo, and what it costs."""

    model = Tip
    icon = "list-ol"
    search_fields = ["title", "problem"]

    def decision_queryset(self):
        return self.queryset().select_related("based_on").prefetch_related("photos__image")

    def version(self, tip, content, changed=()):
        """Photos belong to a step by its number, so each step shows the photo sent for it.

        A changed step is one whose text differs from the published step with its number.
        """
        version = super().version(tip, content, changed)
        photos = {photo.step: photo for photo in tip.photos.all()}
        version["steps"] = [
            {
                "text": step["text"],
                "photo": photos.get(number),
                "changed": "steps" in changed and tip.steps[number - 1 : number] != [step],
            }
            for number, step in enumerate(content["steps"], start=1)
        ]
        return version


# == Photos ==


def belongs_to(photo):
    """What the photo shows, as the queue names it: the review, or the tip and its step."""
    item = photo.contribution
    step = f", step {photo.step}" if photo.step else ""
    return f"{item.kind}: {item.title}{step}"


class PhotoFilterSet(QueueFilterSet):
    product = product_filter(Photo.objects.all, method="filter_product")

    def filter_product(self, queryset, name, value):
        return queryset.filter(Q(review__product=value) | Q(tip__product=value))


class ThumbnailColumn(Column):
    """The photo small, as a rendition, described by the author's own alt text."""

    cell_template_name = "reviews/admin/includes/thumbnail_cell.html"


class ModeratedPhoto(Moderated):
    """A photo is public only while both it and its review or tip are approved."""

    model = Photo
    icon = "image"
    # The title column links to the decision; it shows the author's description.
    title_label = "Description"
    columns = [
        "__str__",
        ThumbnailColumn("image", label="Photo"),
        Column("product", label="Product", accessor="product_title", sort_key="product_title"),
        Column("belongs_to", label="Photo of", accessor=belongs_to),
        Column("author", label="Author", accessor="contribution.author_name"),
        DateColumn("created_at", label="Sent", sort_key="created_at"),
        status_column(),
    ]
    filterset_class = PhotoFilterSet
    template_name = "reviews/admin/decision_photo.html"
    bulk_template = "reviews/admin/confirm_bulk_approve_photos.html"
    approve = staticmethod(moderation.approve_photo)

    def queryset(self):
        return Photo.objects.for_moderation()

    def choices(self, photo):
        return [
            (APPROVE, f"Approve: show it with the {photo.contribution.kind.lower()}"),
            (REJECT, "Reject: do not show it, and tell the author why"),
        ]

    def decide(self, photo, moderator, data):
        if data["decision"] == REJECT:
            moderation.reject_photo(photo, moderator, data["reason"])
            return f"Photo ‘{photo.alt_text}’ rejected. The author will be told why."
        moderation.approve_photo(photo, moderator)
        item = photo.contribution
        if item.is_published:
            return f"Photo ‘{photo.alt_text}’ approved."
        return (
            f"Photo ‘{photo.alt_text}’ approved. "
            f"It will be shown once its {item.kind.lower()} is published."
        )

    def context(self, photo):
        return {"photo": photo}


# == Reports ==

WITHDRAW = "withdraw"
KEEP = "keep"


class ReportFilterSet(WagtailFilterSet):
    kind = radio_filter(
        "What was reported",
        [("review", "Reviews"), ("tip", "Tips"), ("photo", "Photos")],
        "Reviews, tips and photos",
        method="filter_kind",
    )
    reason = radio_filter("Reason", ReportReason.choices, "Any reason")

    def filter_kind(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})


class SubjectColumn(Column):
    """What was reported, linked to the moderation decision on it."""

    cell_template_name = "reviews/admin/includes/subject_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        return {**context, "subject": instance.subject, "url": decision_url(instance.subject)}


class ModeratedReport(Moderated):
    """Acting on a report withdraws the reported item (the author is told) or keeps it."""

    model = Report
    icon = "warning"
    columns = [
        "reason",
        SubjectColumn("subject", label="What was reported"),
        Column("details", label="Details"),
        Column("open_on_item", label="Open reports on it"),
        Column("reporter", label="Reported by", accessor="reporter_name"),
        DateColumn("created_at", label="Reported", sort_key="created_at"),
    ]
    filterset_class = ReportFilterSet
    template_name = "reviews/admin/decision_report.html"
    decide_label = "Act on it"
    history = False
    waiting_text = "{count:,} open {noun}"
    question = "What to do"
    choose_message = "Choose whether to withdraw it or keep it."
    reason_help = "Needed to withdraw. The author gets it by email, so say what was wrong."

    def waiting(self):
        return Report.objects.open()

    def queryset(self):
        return Report.objects.open().for_moderation()

    def decision_queryset(self):
        return Report.objects.all()

    def refusal(self, report):
        if report.closed_at is not None:
            return "That report is closed: someone has already acted on it."
        return None

    def subject(self, report):
        subject = report.subject
        return subject.snippet_viewset.moderated.decision_queryset().get(pk=subject.pk)

    def choices(self, subject):
        what = subject.kind.lower()
        return [
            (WITHDRAW, f"Withdraw the {what}: take it off the site and tell the author why"),
            (KEEP, f"Keep it: the {what} stays as it is"),
        ]

    def decide(self, subject, moderator, data):
        withdraw = data["decision"] == WITHDRAW
        if withdraw and not can_moderate(moderator, type(subject)):
            raise ValidationError(f"You may not withdraw this {subject.kind.lower()}.")
        closed = moderation.act_on_reports(subject, moderator, withdraw, data["reason"])
        message = ngettext(
            "%(count)d report on the %(what)s closed.",
            "%(count)d reports on the %(what)s closed.",
            closed,
        ) % {"count": closed, "what": f"{subject.kind.lower()} ‘{subject}’"}
        if withdraw:
            return message + " It was withdrawn and the author will be told why."
        return message + " It stays as it is."

    def context(self, subject):
        reports = Report.objects.open().about(subject).for_moderation().order_by("created_at", "pk")
        context = {"subject": subject, "reports": reports, "decision_url": decision_url(subject)}
        if isinstance(subject, Photo):
            return {**context, "photo": subject}
        # The text the public reads, as the review's or tip's own decision page shows it.
        moderated = subject.snippet_viewset.moderated
        return {**context, "content": moderated.version(subject, subject.published_content())}


QUEUES = [ModeratedReview(), ModeratedTip(), ModeratedPhoto(), ModeratedReport()]
