"""One moderation viewset: each queue is a description of its type, and a decision runs the
same way on every one of them, through the form the decision page renders."""

from http import HTTPStatus

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.models import ModelLogEntry

from reviews.admin_queues import QUEUES
from reviews.admin_views import ModerationViewSet
from reviews.models import Photo, Report, Review, Status, Tip
from tests.factories import make_product, make_review, make_tip
from tests.html import soup
from tests.rendered_forms import RenderedForm
from tests.reviews.test_moderation_photos_reports import make_photo, report

pytestmark = pytest.mark.django_db

NEEDS_REASON = "Say why, so the author can put it right."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_every_queue_is_the_one_viewset_built_from_its_description():
    models = [Review, Tip, Photo, Report]
    assert [queue.model for queue in QUEUES] == models
    for model, description in zip(models, QUEUES, strict=True):
        viewset = model.snippet_viewset
        assert type(viewset) is ModerationViewSet
        assert viewset.moderated is description
        assert viewset.url_namespace == f"{model._meta.model_name}_moderation"
        assert reverse(viewset.get_url_name("decide"), args=[1]).startswith("/admin/moderation/")


def test_no_queue_has_an_edit_view_to_change_what_members_wrote(client, moderator):
    review = make_review(make_product("Kettle tipper"), approved=False)
    for model in [Review, Tip, Photo, Report]:
        with pytest.raises(NoReverseMatch):
            reverse(f"{model._meta.model_name}_moderation:edit", args=[review.pk])
    response = client.get(f"/admin/moderation/reviews/edit/{review.pk}/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    # Wagtail's own links to an item ("edit") lead to the decision on it.
    queue = client.get(reverse("review_moderation:list"))
    assert reverse("review_moderation:decide", args=[review.pk]) in queue.text


def waiting_review():
    return make_review(make_product("Kettle tipper"), approved=False)


def waiting_tip():
    return make_tip(make_product("Cutlery set"), approved=False)


def waiting_photo():
    return make_photo(make_review(make_product("Kettle tipper")))


def open_report():
    return report(make_review(make_product("Kettle tipper")))


def approved(item):
    item.refresh_from_db()
    return item.status == Status.APPROVED


def closed_and_kept(a_report):
    a_report.refresh_from_db()
    return a_report.closed_at is not None and a_report.review.is_published


# Each type: how to make one waiting, its refusing and accepting choices, and what accepting does.
DECISIONS = {
    "review": (
        waiting_review,
        "Reject: send it back to the author",
        "Approve: publish it as written",
        approved,
    ),
    "tip": (
        waiting_tip,
        "Reject: send it back to the author",
        "Approve: publish it as written",
        approved,
    ),
    "photo": (
        waiting_photo,
        "Reject: do not show it, and tell the author why",
        "Approve: show it with the review",
        approved,
    ),
    "report": (
        open_report,
        "Withdraw the review: take it off the site and tell the author why",
        "Keep it: the review stays as it is",
        closed_and_kept,
    ),
}


@pytest.mark.parametrize("name", DECISIONS)
def test_a_decision_runs_the_same_way_on_every_queue(client, moderator, name):
    make, refuse, accept, accepted = DECISIONS[name]
    item = make()
    page = reverse(f"{name}_moderation:decide", args=[item.pk])
    logged = ModelLogEntry.objects.count()

    form = RenderedForm(client.get(page), form_id=f"{name}-decision")
    form.choose("decision", refuse)
    response = form.submit(client)
    assert response.status_code == HTTPStatus.OK
    errors = soup(response).select(".w-field__errors .error-message")
    assert [e.get_text(strip=True) for e in errors] == [NEEDS_REASON]
    assert ModelLogEntry.objects.count() == logged

    form = RenderedForm(response, form_id=f"{name}-decision")
    form.choose("decision", accept)
    response = form.submit(client)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse(f"{name}_moderation:list")
    assert accepted(item)
    assert ModelLogEntry.objects.count() == logged + 1
