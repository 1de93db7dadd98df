"""The moderation screens for members' reports: the queue of open reports and acting on one.

Acting on a report decides about the reported review, tip or photo, not about the one report:
it either withdraws the item (through `reviews.moderation`, which tells the author) or keeps
it, and either way closes every open report on that item and writes the audit log.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import IndexView

from reviews import moderation
from reviews.admin_photos import photo_context, photo_queryset
from reviews.admin_views import (
    DecisionView,
    QueueSummaryItem,
    ReviewPermissionPolicy,
    decision_url,
)
from reviews.models import FORMER_MEMBER, Photo, Report, ReportReason


class ReportPermissionPolicy(ReviewPermissionPolicy):
    """Reports come from members on the site and are closed, never deleted, in the admin."""


def open_reports():
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


def reporter_name(report):
    """The reporter as members see each other: a display name, never an email."""
    if report.reporter_id is None:
        return FORMER_MEMBER
    profile = getattr(report.reporter, "profile", None)
    return profile.display_name if profile is not None else "a member"


# == The queue ==


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
        context.update(
            kind=subject.kind,
            text=str(subject),
            url=decision_url(subject),
        )
        return context


class ReportQueueView(IndexView):
    page_title = "Reports"

    @cached_property
    def columns(self):
        # Reports have no bulk actions, so no boxes to tick.
        columns = super().columns
        return [c for c in columns if not isinstance(c, BulkActionsCheckboxColumn)]

    def get_list_more_buttons(self, instance):
        if edit_url := self.get_edit_url(instance):
            return [MenuItem("Act on it", url=edit_url, icon_name="tasks", priority=10)]
        return []


def queue_columns():
    return [
        "reason",
        SubjectColumn("subject", label="What was reported"),
        Column("details", label="Details"),
        Column("open_on_item", label="Open reports on it"),
        Column("reporter", label="Reported by", accessor=reporter_name),
        DateColumn("created_at", label="Reported", sort_key="created_at"),
    ]


# == Acting on a report ==


class ReportActionForm(forms.Form):
    WITHDRAW = "withdraw"
    KEEP = "keep"

    action = forms.ChoiceField(
        label="What to do",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to withdraw it or keep it."},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed to withdraw. The author gets it by email, so say what was wrong.",
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        what = kind.lower()
        self.fields["action"].choices = [
            (self.WITHDRAW, f"Withdraw the {what}: take it off the site and tell the author why"),
            (self.KEEP, f"Keep it: the {what} stays as it is"),
        ]


class ReportActionView(DecisionView):
    """The reported item with all its open reports, and the choice to withdraw or keep it."""

    model = Report
    form_class = ReportActionForm
    template_name = "reviews/admin/report.html"
    page_title = "Report"
    header_icon = "warning"
    index_url_name = None

    @cached_property
    def object(self):
        return get_object_or_404(Report, pk=unquote(str(self.kwargs["pk"])))

    def get(self, request, *args, **kwargs):
        if self.object.closed_at is not None:
            return self.already_closed()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.closed_at is not None:
            return self.already_closed()
        return super().post(request, *args, **kwargs)

    def already_closed(self):
        messages.warning(self.request, "That report is closed: someone has already acted on it.")
        return redirect(self.index_url_name)

    @cached_property
    def subject(self):
        subject = self.object.subject
        if isinstance(subject, Photo):
            return photo_queryset().get(pk=subject.pk)
        return type(subject).objects.select_related("product", "author__profile").get(pk=subject.pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.subject.kind}

    def get_page_subtitle(self):
        return str(self.subject)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Reports"},
            {"url": "", "label": str(self.subject)},
        ]

    def form_valid(self, form):
        subject, user = self.subject, self.request.user
        withdraw = form.cleaned_data["action"] == ReportActionForm.WITHDRAW
        outcome = moderation.REPORT_WITHDRAWN if withdraw else moderation.REPORT_KEPT
        try:
            if withdraw and not policy_registry.get_by_type(type(subject)).user_has_permission(
                user, "change"
            ):
                raise ValidationError(f"You may not withdraw this {subject.kind.lower()}.")
            with transaction.atomic():
                closed = moderation.close_reports(subject, user, outcome)
                if not closed:
                    raise ValidationError("Someone else has already acted on these reports.")
                if withdraw and isinstance(subject, Photo):
                    moderation.reject_photo(subject, user, form.cleaned_data["reason"])
                elif withdraw:
                    moderation.reject(subject, user, form.cleaned_data["reason"], withdraw=True)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        what = f"{subject.kind.lower()} ‘{subject}’"
        message = ngettext(
            "%(count)d report on the %(what)s closed.",
            "%(count)d reports on the %(what)s closed.",
            closed,
        ) % {"count": closed, "what": what}
        if withdraw:
            message += " It was withdrawn and the author will be told why."
        else:
            message += " It stays as it is."
        messages.success(self.request, message)
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        subject = self.subject
        reports = (
            Report.objects.open()
            .filter(**{subject._meta.model_name: subject})
            .select_related("reporter__profile")
            .order_by("created_at", "pk")
        )
        if isinstance(subject, Photo):
            context.update(photo_context(subject))
        else:
            # The text the public reads, as the review's or tip's own decision page shows it.
            decision_view = subject.snippet_viewset.edit_view_class
            context["content"] = decision_view.content_rows(subject, subject.published_content())
        context.update(
            subject=subject,
            kind=subject.kind,
            decision_url=decision_url(subject),
            reports=[{"report": r, "reporter": reporter_name(r)} for r in reports],
        )
        return context


# == The dashboard ==


class OpenReportsSummaryItem(QueueSummaryItem):
    def count(self):
        return Report.objects.open().count()

    def text(self, count, noun):
        return f"{count:,} open {noun}"
