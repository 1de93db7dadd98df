"""The moderation screens for reviews: the queue, a decision on each, bulk approval.

Built from what every queue shares (`reviews.admin_views`), as the tip queue is.
"""

from reviews.admin_views import (
    ApproveContributionsBulkAction,
    ContributionDecisionView,
    ContributionFilterSet,
    QueueHistoryView,
    QueueView,
    version,
)
from reviews.models import DIMENSIONS, Review, UsagePeriod

SEARCH_FIELDS = ["title", "body"]


class ReviewFilterSet(ContributionFilterSet):
    role_label = "Reviewer role"

    class Meta:
        model = Review
        fields = ["status", "author_role", "product"]


class ApproveBulkAction(ApproveContributionsBulkAction):
    aria_label = "Approve selected reviews"
    models = [Review]
    filterset_class = ReviewFilterSet
    search_fields = SEARCH_FIELDS


class ReviewQueueView(QueueView):
    decide_label = "Review"
    bulk_action = ApproveBulkAction


class ReviewHistoryView(QueueHistoryView):
    decide_label = "Review"


def content_rows(review, content, changed=()):
    """A review's text as a moderator reads it, field by field."""
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
    return version(content, changed, rows, [("body", "Review text")])


class ReviewDecisionView(ContributionDecisionView):
    model = Review
    public_place = "the product page"
    content_rows = staticmethod(content_rows)
