"""What each moderation queue holds and how its decision reads: one description per type.

Reviews and tips are moderated alike (an edit to a published one waits beside it); a photo
is judged with the review or tip it belongs to; acting on a report decides about the
reported review, tip or photo, and closes every open report on it.
"""

from datetime import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from accounts.models import Role
from products.models import ProductPage
from reviews import moderation
from reviews.admin_views import (
    APPROVE,
    REJECT,
    Moderated,
    QueueFilterSet,
    decision_url,
    moderated_for,
    status_column,
)
from reviews.models import (
    DIMENSIONS,
    FORMER_MEMBER,
    CostBand,
    Difficulty,
    Photo,
    Report,
    ReportReason,
    Review,
    TimeNeeded,
    Tip,
    UsagePeriod,
)
from reviews.permissions import can_moderate

# == Reviews and tips ==


def kind_of(item):
    """A review or tip as the queue describes it: new, or an edit to a published one."""
    what = item.kind.lower()
    return f"Edit to a published {what}" if item.pending_changes is not None else f"New {what}"


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


def product_filter(products, **kwargs):
    """A queue's filter by product: `products()` are those the queue holds something for."""
    return django_filters.ModelChoiceFilter(
        label="Product",
        queryset=lambda request: products().order_by("title"),
        empty_label="Any product",
        **kwargs,
    )


def contribution_filters(model, role_label):
    """A review or tip queue's filters: status, the author's role and the product."""

    class Filters(QueueFilterSet):
        Meta = type("Meta", (), {"model": model, "fields": ["status", "author_role", "product"]})

        author_role = django_filters.ChoiceFilter(
            label=role_label, choices=Role.choices, empty_label="Any role", widget=forms.RadioSelect
        )
        product = product_filter(
            lambda: ProductPage.objects.filter(pk__in=model.objects.values("product"))
        )

    Filters.__name__ = f"{model.__name__}FilterSet"
    return Filters


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

    def queryset(self):
        return self.model.objects.select_related("product", "author__profile")

    def content(self, item, content, changed=()):
        """The item's text as a moderator reads it (see `version`)."""
        raise NotImplementedError

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

    def extra_facts(self, item):
        """More about the item than every review and tip has: {"label", "text", "url"}."""
        return []

    def context(self, item):
        submitted = item.content()
        context = {}
        changed = ()
        if item.pending_changes is not None:
            published = item.published_content()
            changed = {name for name in item.content_fields if submitted[name] != published[name]}
            context["published"] = self.content(item, published)
        return {
            **context,
            "item": item,
            "what": item.kind.lower(),
            "kind": kind_of(item),
            "public_place": self.public_place,
            "submitted": self.content(item, submitted, changed),
            "conditions": [condition.name for condition in item.author_conditions.all()],
            "extra_facts": self.extra_facts(item),
        }


class ModeratedReview(Contribution):
    model = Review
    filterset_class = contribution_filters(Review, "Reviewer role")
    search_fields = ["title", "body"]
    decide_label = "Review"
    public_place = "the product page"

    def content(self, review, content, changed=()):
        usage = dict(UsagePeriod.choices)
        rows = [("rating", "Overall rating", f"{content['rating']} out of 5")]
        rows += [
            (name, label, f"{content[name]} out of 5")
            for name, label in DIMENSIONS.items()
            if content.get(name) is not None
        ]
        used_for = usage.get(content["used_for"], content["used_for"])
        rows.append(("used_for", "How long they have used it", used_for))
        rows.append(("still_using", "Still using it", "Yes" if content["still_using"] else "No"))
        if not content["still_using"]:
            rows.append(("stopped_reason", "Why they stopped", content["stopped_reason"]))
        return version(content, changed, rows, [("body", "Review text")])


def choice_label(choices, value):
    return dict(choices.choices).get(value, value)


class ModeratedTip(Contribution):
    """A tip is read with the problem, every step with its photo, and what it costs."""

    model = Tip
    icon = "list-ol"
    filterset_class = contribution_filters(Tip, "Author’s role")
    search_fields = ["title", "problem"]

    def decision_queryset(self):
        return self.queryset().select_related("based_on").prefetch_related("photos__image")

    def content(self, tip, content, changed=()):
        """Photos belong to a step by its number, so each step shows the photo sent for it.

        A changed step is one whose text differs from the published step with its number.
        """
        rows = [
            ("difficulty", "Difficulty", choice_label(Difficulty, content["difficulty"])),
            ("cost", "Cost", choice_label(CostBand, content["cost"])),
            ("time_needed", "Time it takes", choice_label(TimeNeeded, content["time_needed"])),
            ("tools", "Tools and materials", content["tools"] or "None listed"),
            ("safety_note", "Safety note", content["safety_note"] or "None given"),
        ]
        photos = {photo.step: photo for photo in tip.photos.all()}
        published = tip.steps
        steps = []
        for number, step in enumerate(content["steps"], start=1):
            photo = photos.get(number)
            changed_step = number > len(published) or published[number - 1] != step
            steps.append(
                {
                    "number": number,
                    "text": step["text"],
                    "changed": "steps" in changed and changed_step,
                    "photo": photo,
                    "photo_url": decision_url(photo) if photo else None,
                }
            )
        texts = [("problem", "The problem it solves")]
        return version(content, changed, rows, texts, steps=steps, steps_changed="steps" in changed)

    def extra_facts(self, tip):
        if tip.based_on is None:
            return []
        based_on = tip.based_on
        return [
            {"label": "Based on the tip", "text": based_on.title, "url": decision_url(based_on)}
        ]


# == Photos ==


def belongs_to(photo):
    """What the photo shows, as the queue names it: the review, or the tip and its step."""
    item = photo.contribution
    if photo.step:
        return f"{item.kind}: {item.title}, step {photo.step}"
    return f"{item.kind}: {item.title}"


class PhotoFilterSet(QueueFilterSet):
    product = product_filter(
        lambda: ProductPage.objects.filter(
            Q(pk__in=Review.objects.filter(photos__isnull=False).values("product"))
            | Q(pk__in=Tip.objects.filter(photos__isnull=False).values("product"))
        ),
        method="filter_product",
    )

    class Meta:
        model = Photo
        fields = ["status", "product"]

    def filter_product(self, queryset, name, value):
        return queryset.filter(Q(review__product=value) | Q(tip__product=value))


class ThumbnailColumn(Column):
    """The photo small, as a rendition, described by the author's own alt text."""

    cell_template_name = "reviews/admin/includes/thumbnail_cell.html"


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
        return Photo.objects.select_related(
            "image",
            "review__product",
            "review__author__profile",
            "tip__product",
            "tip__author__profile",
        ).annotate(product_title=Coalesce(F("review__product__title"), F("tip__product__title")))

    def choices(self, photo):
        return [
            (APPROVE, f"Approve: show it with the {photo.contribution.kind.lower()}"),
            (REJECT, "Reject: do not show it, and tell the author why"),
        ]

    def decide(self, photo, moderator, data):
        if data["decision"] == APPROVE:
            moderation.approve_photo(photo, moderator)
            message = f"Photo ‘{photo.alt_text}’ approved."
            item = photo.contribution
            if not item.is_published:
                message += f" It will be shown once its {item.kind.lower()} is published."
            return message
        moderation.reject_photo(photo, moderator, data["reason"])
        return f"Photo ‘{photo.alt_text}’ rejected. The author will be told why."

    context = staticmethod(photo_context)


# == Reports ==

WITHDRAW = "withdraw"
KEEP = "keep"


def reporter_name(report):
    """The reporter as members see each other: a display name, never an email."""
    if report.reporter_id is None:
        return FORMER_MEMBER
    profile = getattr(report.reporter, "profile", None)
    return profile.display_name if profile is not None else "a member"


class ReportFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label="What was reported",
        choices=[("review", "Reviews"), ("tip", "Tips"), ("photo", "Photos")],
        empty_label="Reviews, tips and photos",
        widget=forms.RadioSelect,
        method="filter_kind",
    )
    reason = django_filters.ChoiceFilter(
        label="Reason",
        choices=ReportReason.choices,
        empty_label="Any reason",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Report
        fields = ["kind", "reason"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})


class SubjectColumn(Column):
    """What was reported, linked to the moderation decision on it."""

    cell_template_name = "reviews/admin/includes/subject_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        subject = instance.subject
        context.update(kind=subject.kind, text=str(subject), url=decision_url(subject))
        return context


class ModeratedReport(Moderated):
    """Acting on a report withdraws the reported item (the author is told) or keeps it."""

    model = Report
    icon = "warning"
    columns = [
        "reason",
        SubjectColumn("subject", label="What was reported"),
        Column("details", label="Details"),
        Column("open_on_item", label="Open reports on it"),
        Column("reporter", label="Reported by", accessor=reporter_name),
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
        """Open reports, each with how many open reports its item has (itself included)."""
        same_item = (
            Report.objects.open()
            .filter(
                Q(review_id=OuterRef("review_id"))
                | Q(tip_id=OuterRef("tip_id"))
                | Q(photo_id=OuterRef("photo_id"))
            )
            .order_by()
            .annotate(count=Func(F("pk"), function="COUNT"))
            .values("count")
        )
        return (
            Report.objects.open()
            .select_related(
                "reporter__profile",
                "review__product",
                "tip__product",
                "photo__review__product",
                "photo__tip__product",
                "photo__image",
            )
            .annotate(open_on_item=Subquery(same_item))
        )

    def decision_queryset(self):
        return Report.objects.all()

    def refusal(self, report):
        if report.closed_at is not None:
            return "That report is closed: someone has already acted on it."
        return None

    def subject(self, report):
        subject = report.subject
        return moderated_for(subject).decision_queryset().get(pk=subject.pk)

    def choices(self, subject):
        what = subject.kind.lower()
        return [
            (WITHDRAW, f"Withdraw the {what}: take it off the site and tell the author why"),
            (KEEP, f"Keep it: the {what} stays as it is"),
        ]

    def decide(self, subject, moderator, data):
        withdraw = data["decision"] == WITHDRAW
        outcome = moderation.REPORT_WITHDRAWN if withdraw else moderation.REPORT_KEPT
        if withdraw and not can_moderate(moderator, type(subject)):
            raise ValidationError(f"You may not withdraw this {subject.kind.lower()}.")
        with transaction.atomic():
            closed = moderation.close_reports(subject, moderator, outcome)
            if not closed:
                raise ValidationError("Someone else has already acted on these reports.")
            if withdraw and isinstance(subject, Photo):
                moderation.reject_photo(subject, moderator, data["reason"])
            elif withdraw:
                moderation.reject(subject, moderator, data["reason"], withdraw=True)
        what = f"{subject.kind.lower()} ‘{subject}’"
        message = ngettext(
            "%(count)d report on the %(what)s closed.",
            "%(count)d reports on the %(what)s closed.",
            closed,
        ) % {"count": closed, "what": what}
        if withdraw:
            return message + " It was withdrawn and the author will be told why."
        return message + " It stays as it is."

    def context(self, subject):
        reports = (
            Report.objects.open()
            .filter(**{subject._meta.model_name: subject})
            .select_related("reporter__profile")
            .order_by("created_at", "pk")
        )
        if isinstance(subject, Photo):
            context = photo_context(subject)
        else:
            # The text the public reads, as the review's or tip's own decision page shows it.
            content = moderated_for(subject).content(subject, subject.published_content())
            context = {"content": content}
        return {
            **context,
            "subject": subject,
            "kind": subject.kind,
            "decision_url": decision_url(subject),
            "reports": [{"report": r, "reporter": reporter_name(r)} for r in reports],
        }


QUEUES = [ModeratedReview(), ModeratedTip(), ModeratedPhoto(), ModeratedReport()]
