"""The moderation screens for adaptation tips: the queue, a decision on each, bulk approval.

Tips are moderated as reviews are (`reviews.admin_views` holds what both share): a moderator
reads the problem, every step with its photo, and what the tip costs in money, time and
skill, then approves or rejects it. An edit to a published tip waits beside the published one.
"""

from reviews.admin_views import (
    ApproveContributionsBulkAction,
    ContributionDecisionView,
    ContributionFilterSet,
    QueueView,
    ReviewPermissionPolicy,
    decision_url,
    version,
)
from reviews.models import CostBand, Difficulty, TimeNeeded, Tip


class TipPermissionPolicy(ReviewPermissionPolicy):
    """Nobody adds or deletes tips in the admin: members write them, moderators decide."""


SEARCH_FIELDS = ["title", "problem"]


class TipFilterSet(ContributionFilterSet):
    role_label = "Author’s role"

    class Meta:
        model = Tip
        fields = ["status", "author_role", "product"]


class ApproveTipsBulkAction(ApproveContributionsBulkAction):
    aria_label = "Approve selected tips"
    models = [Tip]
    filterset_class = TipFilterSet
    search_fields = SEARCH_FIELDS


class TipQueueView(QueueView):
    bulk_action = ApproveTipsBulkAction


def choice_label(choices, value):
    return dict(choices.choices).get(value, value)


def content_rows(tip, content, changed=()):
    """A tip's text as a moderator reads it: what it takes, the problem, and each step.

    Photos belong to a step by its number, so each step shows the photo sent for it, if any.
    A changed step is one whose text differs from the published step with the same number.
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
        steps.append(
            {
                "number": number,
                "text": step["text"],
                "changed": "steps" in changed
                and (number > len(published) or published[number - 1] != step),
                "photo": photo,
                "photo_url": decision_url(photo) if photo else None,
            }
        )
    return version(
        content,
        changed,
        rows,
        [("problem", "The problem it solves")],
        steps=steps,
        steps_changed="steps" in changed,
    )


class TipDecisionView(ContributionDecisionView):
    model = Tip
    content_rows = staticmethod(content_rows)

    def get_queryset(self):
        return super().get_queryset().select_related("based_on").prefetch_related("photos__image")

    def extra_facts(self):
        based_on = self.object.based_on
        if based_on is None:
            return []
        return [
            {"label": "Based on the tip", "text": based_on.title, "url": decision_url(based_on)}
        ]
