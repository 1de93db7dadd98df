"""Helpful votes and reports, through the buttons and forms on the rendered pages."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reviews.models import HelpfulVote, Report, Review
from tests.factories import make_member, make_product, make_review
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return make_review(
        make_product("Long-handled sponge"), make_member("Author"), title="Reaches my back"
    )


def press_helpful(client, review):
    page = client.get(review.product.url)
    action = reverse("reviews:helpful", args=[review.pk])
    form = BeautifulSoup(page.content, "lxml").find("form", action=action)
    assert form is not None, "no helpful button on the page"
    return client.post(action, {"csrfmiddlewaretoken": "unused in tests"})


def test_a_member_votes_once_and_the_count_shows(client, review):
    client.force_login(make_member("Reader"))
    assert press_helpful(client, review).status_code == HTTPStatus.FOUND
    page = client.get(review.product.url).text
    assert "1 person found this helpful." in page
    assert "You found this helpful." in page

    again = client.post(reverse("reviews:helpful", args=[review.pk]), follow=True)
    assert "You have already said this review helped you." in again.text
    review.refresh_from_db()
    assert review.helpful_count == HelpfulVote.objects.filter(review=review).count() == 1


def test_nobody_votes_for_their_own_review_and_visitors_must_sign_in(client, review):
    response = client.post(reverse("reviews:helpful", args=[review.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))
    assert "Sign in to say whether this review helped you" in client.get(review.product.url).text

    client.force_login(review.author)
    assert "This helped me" not in client.get(review.product.url).text
    response = client.post(reverse("reviews:helpful", args=[review.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not HelpfulVote.objects.exists()


def test_votes_on_unpublished_reviews_are_refused(client):
    hidden = make_review(make_product(), approved=False)
    client.force_login(make_member("Reader"))
    response = client.post(reverse("reviews:helpful", args=[hidden.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_count_follows_a_voter_who_deletes_their_account(client, review):
    voters = [make_member(f"Reader {n}") for n in range(3)]
    for voter in voters:
        client.force_login(voter)
        press_helpful(client, review)
    voters[0].delete()
    review.refresh_from_db()
    assert review.helpful_count == 2


def test_most_helpful_first(client, review):
    other = make_review(review.product, make_member("Second"), title="Second review")
    client.force_login(make_member("Reader"))
    press_helpful(client, other)
    page = client.get(review.product.url, {"sort": "helpful"}).text
    assert page.index("Second review") < page.index("Reaches my back")


def test_a_member_reports_a_review_with_a_reason(client, review):
    reporter = make_member("Reader")
    client.force_login(reporter)
    form = RenderedForm(client.get(reverse("reviews:report_review", args=[review.pk])))
    form.choose("reason", "It gives someone's personal details")
    form.set("details", "The second paragraph has a phone number.")
    response = form.submit(client, follow=True)

    assert "A moderator will look at the review you reported" in response.text
    report = Report.objects.open().get()
    assert (report.review, report.reporter, report.reason) == (review, reporter, "personal")


def test_a_report_without_a_reason_is_refused_and_kept(client, review):
    client.force_login(make_member("Reader"))
    form = RenderedForm(client.get(reverse("reviews:report_review", args=[review.pk])))
    form.set("details", "Something is off.")
    response = form.submit(client)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Choose what is wrong with it" in response.text
    assert RenderedForm(response).values("details") == ["Something is off."]

    form.choose("reason", "Something else")
    form.set("details", "")
    assert "Tell us what is wrong." in form.submit(client).text
    assert not Report.objects.exists()
    assert Review.objects.approved().count() == 1
