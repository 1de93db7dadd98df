"""Moderating reviews in the Wagtail admin, through the pages and forms the admin renders."""

from decimal import Decimal
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from reviews import moderation
from reviews.models import ProductRating, Review, Status
from tests.factories import make_member, make_product, make_review
from tests.html import soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

QUEUE = "review_moderation:list"
DECIDE = "review_moderation:decide"
HISTORY = "review_moderation:history"
HOME = "wagtailadmin_home"


@pytest.fixture
def kettle():
    return make_product("Easy-grip kettle tipper")


def listed_titles(response):
    return [
        link.get_text(strip=True)
        for link in soup(response).select("#listing-results td.title .title-wrapper a")
    ]


def decide(client, review):
    return RenderedForm(client.get(reverse(DECIDE, args=[review.pk])), form_id="review-decision")


def test_the_queue_lists_waiting_reviews_oldest_first(client, moderator, kettle):
    first = make_review(kettle, approved=False, title="First in")
    make_review(kettle, title="Already published")
    rejected = make_review(kettle, approved=False, title="Turned down")
    moderation.reject(rejected, moderator, "Advertising.")
    second = make_review(make_product("Tap turner"), approved=False, title="Second in")
    Review.objects.filter(pk=second.pk).update(submitted_at=first.submitted_at.replace(year=2030))

    response = client.get(reverse(QUEUE))

    assert response.status_code == HTTPStatus.OK
    assert listed_titles(response) == ["First in", "Second in"]
    row = soup(response).select_one("#listing-results tbody tr").get_text(" ", strip=True)
    assert "Easy-grip kettle tipper" in row and "New review" in row
    assert "Waiting for a moderator" in row
    assert first.author.profile.display_name in row
    assert first.author.email not in response.text


def test_the_queue_filters_by_status_role_and_product_and_searches(client, moderator, kettle):
    carer = make_member("Ann", role="family_carer")
    make_review(kettle, carer, approved=False, title="For my mum", body="She grips it well.")
    make_review(kettle, approved=False, title="For me", body="Light enough.")
    make_review(make_product("Tap turner"), approved=False, title="Taps")
    make_review(kettle, title="Old news")

    def titles(**query):
        return sorted(listed_titles(client.get(reverse(QUEUE), query)))

    assert titles(author_role="family_carer") == ["For my mum"]
    assert titles(product=kettle.pk) == ["For me", "For my mum"]
    assert titles(status="approved") == ["Old news"]
    assert titles(status="") == ["For me", "For my mum", "Old news", "Taps"]
    assert titles(q="light") == ["For me"]
    # The filters the queue offers are the ones tried above.
    page = soup(client.get(reverse(QUEUE)))
    assert page.select_one("input[name=status][value=pending]").has_attr("checked")
    assert page.select_one("input[name=author_role][value=family_carer]") is not None
    assert page.select_one(f"select[name=product] option[value='{kettle.pk}']") is not None


def test_staff_without_review_permissions_are_refused(client, django_user_model, kettle):
    review = make_review(kettle, approved=False)
    editor = django_user_model.objects.create_user("ed", "ed@example.invalid", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    home = client.get(reverse(HOME))
    assert home.status_code == HTTPStatus.OK
    assert reverse(QUEUE) not in home.text
    assert "waiting for moderation" not in home.text
    for url in [
        reverse(QUEUE),
        reverse(DECIDE, args=[review.pk]),
        reverse(HISTORY, args=[review.pk]),
    ]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, reverse(HOME))
    response = client.post(reverse(DECIDE, args=[review.pk]), {"decision": "approve"})
    assert response.status_code == HTTPStatus.FOUND
    review.refresh_from_db()
    assert review.status == Status.PENDING


def test_moderators_find_the_queue_in_the_menu_and_a_count_on_the_dashboard(
    client, moderator, kettle
):
    for _ in range(3):
        make_review(make_product(), approved=False)
    make_review(kettle)

    home = client.get(reverse(HOME))

    assert "3 reviews waiting for moderation" in " ".join(soup(home).get_text().split())
    link = soup(home).find("a", string=lambda s: s and "waiting for moderation" in s)
    assert link["href"] == reverse(QUEUE)
    assert reverse(QUEUE) in home.text  # the sidebar's "Moderation" › "Reviews"
    assert "Moderation" in home.text


def test_nobody_adds_or_deletes_reviews_in_the_admin(client, kettle, django_user_model):
    review = make_review(kettle, approved=False)
    admin = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    client.force_login(admin)

    queue = client.get(reverse(QUEUE))
    assert "Add review" not in queue.text
    assert reverse("review_moderation:add") not in queue.text
    assert reverse("review_moderation:delete", args=[review.pk]) not in queue.text
    assert "delete" not in [
        a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in soup(queue).select("[data-bulk-action-button]")
    ]
    for url in [
        reverse("review_moderation:add"),
        reverse("review_moderation:delete", args=[review.pk]),
    ]:
        assert client.get(url)["Location"] == reverse(HOME)
    assert client.post(reverse("review_moderation:delete", args=[review.pk])).status_code == 302
    assert Review.objects.filter(pk=review.pk).exists()
    # The decision view has no field for the author's words.
    form = decide(client, review)
    assert set(form.data) | {"decision", "reason"} == {
        "csrfmiddlewaretoken",
        "seen",
        "decision",
        "reason",
    }


def test_approving_publishes_the_review_and_recounts_the_product(client, moderator, kettle):
    make_review(kettle, rating=2)
    review = make_review(kettle, approved=False, rating=5, title="Changed my mornings")

    form = decide(client, review)
    form.choose("decision", "Approve: publish it as written")
    response = form.submit(client, follow=True)

    assert response.redirect_chain == [(reverse(QUEUE), HTTPStatus.FOUND)]
    assert "Review ‘Changed my mornings’ approved and published." in response.text
    review.refresh_from_db()
    assert (review.status, review.is_published) == (Status.APPROVED, True)
    summary = ProductRating.objects.get(product=kettle)
    assert (summary.review_count, summary.average) == (2, Decimal("3.50"))
    assert "Changed my mornings" in client.get(kettle.url).text


def test_rejecting_without_a_reason_shows_the_error_and_changes_nothing(client, moderator, kettle):
    review = make_review(kettle, approved=False)

    form = decide(client, review)
    form.choose("decision", "Reject: send it back to the author")
    form.set("reason", "   ")
    response = form.submit(client)

    assert response.status_code == HTTPStatus.OK
    errors = soup(response).select(".w-field__errors .error-message")
    assert [e.get_text(strip=True) for e in errors] == ["Say why, so the author can put it right."]
    assert "The decision could not be saved" in response.text
    review.refresh_from_db()
    assert (review.status, review.rejection_reason) == (Status.PENDING, "")
    assert not ModelLogEntry.objects.filter(action=moderation.REJECT).exists()
    assert mail.outbox == []

    # Choosing nothing is refused too.
    response = decide(client, review).submit(client)
    assert "Choose whether to approve or reject this review." in response.text


def test_rejecting_with_a_reason_emails_the_author_and_is_in_the_history(
    client, moderator, kettle, django_capture_on_commit_callbacks
):
    review = make_review(kettle, approved=False, title="Buy it at Shopco")
    reason = "Please take out the shop's name and phone number."

    form = decide(client, review)
    form.choose("decision", "Reject: send it back to the author")
    form.set("reason", reason)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client, follow=True)

    assert response.redirect_chain == [(reverse(QUEUE), HTTPStatus.FOUND)]
    assert "Review ‘Buy it at Shopco’ rejected. The author will be told why." in response.text
    review.refresh_from_db()
    assert (review.status, review.rejection_reason) == (Status.REJECTED, reason)
    assert [m.to for m in mail.outbox] == [[review.author.email]]
    assert reason in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action=moderation.REJECT)
    assert (entry.object_id, entry.user, entry.data) == (
        str(review.pk),
        moderator,
        {"reason": reason},
    )

    history = client.get(reverse(HISTORY, args=[review.pk]))
    assert history.status_code == HTTPStatus.OK
    cells = [td.get_text(" ", strip=True) for td in soup(history).select("tbody td")]
    assert f"Review rejected. Reason given: “{reason}”" in cells


def test_approvals_show_in_the_history(client, moderator, kettle):
    review = make_review(kettle, approved=False)
    form = decide(client, review)
    form.choose("decision", "Approve: publish it as written")
    form.submit(client)

    history = client.get(reverse(HISTORY, args=[review.pk]))
    assert "Review approved" in [td.get_text(strip=True) for td in soup(history).select("tbody td")]


def test_an_edit_to_a_published_review_shows_both_texts(client, moderator, kettle):
    review = make_review(kettle, rating=2, title="Wobbly", body="It rocks on my worktop.")
    review.submit(review.content() | {"rating": 4, "title": "Better after tightening"})
    review.save()

    page = soup(client.get(reverse(DECIDE, args=[review.pk])))

    waiting = page.find(id="submitted-heading").find_parent("section").get_text(" ", strip=True)
    public = page.find(id="published-heading").find_parent("section").get_text(" ", strip=True)
    assert page.find(id="submitted-heading").get_text() == "The edit waiting for a decision"
    assert page.find(id="published-heading").get_text() == "What the public sees now"
    assert "Better after tightening Changed" in waiting and "4 out of 5 Changed" in waiting
    assert "Wobbly" in public and "2 out of 5" in public and "Changed" not in public
    assert "It rocks on my worktop." in waiting and "It rocks on my worktop." in public
    assert "Edit to a published review" in page.get_text()

    queue = client.get(reverse(QUEUE)).content.decode()
    assert "Edit to a published review" in queue


def test_a_review_that_changed_while_being_read_is_not_decided(client, moderator, kettle):
    review = make_review(kettle, approved=False, title="First go")
    form = decide(client, review)
    review.submit(review.content() | {"title": "Second go"})
    review.save()

    form.choose("decision", "Approve: publish it as written")
    response = form.submit(client)

    assert "This review changed while you were reading it" in response.text
    assert not Review.objects.approved().exists()
    # Read again, the decision goes through.
    form = RenderedForm(response, form_id="review-decision")
    form.choose("decision", "Approve: publish it as written")
    form.submit(client)
    assert Review.objects.approved().get().title == "Second go"


def bulk_approve_url(queue_response, ids, next_url):
    """The URL the footer's script builds from the listing's "Approve" button."""
    button = soup(queue_response).find("a", attrs={"data-bulk-action-button": True})
    assert button.get_text(strip=True) == "Approve"
    query = urlencode([("next", next_url)] + [("id", pk) for pk in ids])
    return f"{button['href']}?{query}"


def test_bulk_approve_approves_exactly_the_chosen_reviews(client, moderator, kettle):
    chosen = [make_review(kettle, approved=False, title=f"Chosen {n}") for n in range(2)]
    left = make_review(kettle, approved=False, title="Not chosen")
    queue = client.get(reverse(QUEUE))

    url = bulk_approve_url(queue, [r.pk for r in chosen], reverse(QUEUE))
    confirmation = client.get(url)
    assert confirmation.status_code == HTTPStatus.OK
    assert "Approve and publish 2 reviews as written?" in confirmation.text
    response = RenderedForm(confirmation).submit(client, follow=True)

    assert "2 reviews approved and published." in response.text
    assert set(Review.objects.approved()) == set(chosen)
    left.refresh_from_db()
    assert left.status == Status.PENDING
    assert ProductRating.objects.get(product=kettle).review_count == 2
    assert ModelLogEntry.objects.filter(action=moderation.APPROVE).count() == 2


def test_bulk_approve_of_the_whole_listing_keeps_to_its_filters(client, moderator, kettle):
    mine = [make_review(kettle, approved=False) for _ in range(2)]
    other = make_review(make_product("Tap turner"), approved=False)
    filtered = f"{reverse(QUEUE)}?product={kettle.pk}"

    url = bulk_approve_url(client.get(filtered), ["all"], filtered)
    RenderedForm(client.get(url)).submit(client)

    assert set(Review.objects.approved()) == set(mine)
    other.refresh_from_db()
    assert other.status == Status.PENDING


def test_moderators_hold_exactly_the_permissions_the_queues_need():
    group = Group.objects.get(name="Moderators")
    held = set(
        group.permissions.filter(content_type__app_label="reviews").values_list(
            "codename", flat=True
        )
    )
    assert held == {
        "view_review",
        "change_review",
        "view_tip",
        "change_tip",
        "view_photo",
        "change_photo",
        "view_report",
        "change_report",
    }
    # Adding and deleting exist as permissions; the group just never holds them.
    assert (
        Permission.objects.filter(
            content_type__app_label="reviews",
            codename__in=[
                f"{a}_{m}" for a in ("add", "delete") for m in ("review", "tip", "photo", "report")
            ],
        ).count()
        == 8
    )


def test_rejecting_a_published_review_takes_it_off_the_product_page(client, moderator, kettle):
    review = make_review(kettle, title="Reported as an advert")
    page = client.get(reverse(DECIDE, args=[review.pk]))
    assert "Rejecting it takes it off the product page." in page.text

    form = RenderedForm(page, form_id="review-decision")
    form.choose("decision", "Reject: send it back to the author")
    form.set("reason", "It reads as an advert for one shop.")
    response = form.submit(client, follow=True)

    assert "It is no longer on the product page." in response.text
    assert not Review.objects.approved().exists()
    assert ProductRating.objects.get(product=kettle).review_count == 0
    assert "Reported as an advert" not in client.get(kettle.url).text
