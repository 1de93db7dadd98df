"""Reviews: the rules on the model, moderation, the stored figures and the product page."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import IntegrityError
from wagtail.models import ModelLogEntry

from reviews import moderation
from reviews.models import FORMER_MEMBER, Photo, ProductRating, Review, Status
from tests.factories import make_image, make_member, make_product, make_review, make_tip

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return make_product("Easy-grip kettle tipper")


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.create_user("mod", "mod@example.invalid", "pw")


def recount_from_scratch(product):
    approved = Review.objects.approved().for_product(product)
    ratings = [r.rating for r in approved]
    return len(ratings), [ratings.count(stars) for stars in range(1, 6)]


def test_a_new_review_waits_for_a_moderator_and_then_counts(product, moderator):
    review = make_review(product, approved=False, rating=5)
    assert review.status == Status.PENDING
    assert not Review.objects.approved().exists()
    assert not ProductRating.objects.filter(product=product).exists()

    moderation.approve(review, moderator)

    assert list(Review.objects.approved().for_product(product)) == [review]
    summary = ProductRating.objects.get(product=product)
    assert (summary.review_count, summary.average, summary.distribution) == (
        1,
        Decimal("5.00"),
        [0, 0, 0, 0, 1],
    )
    entry = ModelLogEntry.objects.get(action=moderation.APPROVE)
    assert (entry.object_id, entry.user_id) == (str(review.pk), moderator.pk)


def test_figures_always_equal_a_recount(product, moderator):
    reviews = [make_review(product, rating=r, comfort=c) for r, c in [(5, 4), (3, None), (4, 2)]]
    moderation.reject(reviews[1], moderator, "Off topic.")
    summary = ProductRating.objects.get(product=product)
    assert (summary.review_count, summary.distribution) == recount_from_scratch(product)
    assert summary.average == Decimal("4.50")
    assert summary.dimensions == {"comfort": {"average": 3.0, "count": 2}}


def test_an_edit_to_a_published_review_waits_and_the_public_keeps_the_old_text(product, moderator):
    review = make_review(product, rating=2, title="Wobbly")
    content = review.content() | {"rating": 4, "title": "Better after tightening"}
    review.submit(content)
    review.save()

    public = Review.objects.approved().get()
    assert (public.title, public.rating, public.status) == ("Wobbly", 2, Status.PENDING)
    assert public.content()["title"] == "Better after tightening"
    assert ProductRating.objects.get(product=product).average == Decimal("2.00")

    moderation.approve(review, moderator)
    public.refresh_from_db()
    assert (public.title, public.rating, public.pending_changes) == (
        "Better after tightening",
        4,
        None,
    )
    assert ProductRating.objects.get(product=product).average == Decimal("4.00")


def test_rejecting_needs_a_reason_and_tells_the_author_after_commit(
    product, moderator, django_capture_on_commit_callbacks
):
    review = make_review(product, approved=False)
    with pytest.raises(Exception, match="Say why"):
        moderation.reject(review, moderator, "   ")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        moderation.reject(review, moderator, "Please remove the shop's phone number.")
    assert mail.outbox == []  # nothing is sent before the decision is committed
    for callback in callbacks:
        callback()

    review.refresh_from_db()
    assert (review.status, review.rejection_reason) == (
        Status.REJECTED,
        "Please remove the shop's phone number.",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [review.author.email]
    assert "Please remove the shop's phone number." in mail.outbox[0].body
    assert ModelLogEntry.objects.get(action=moderation.REJECT).data == {
        "reason": "Please remove the shop's phone number."
    }


def test_rejecting_without_notice_decides_as_usual_and_emails_nobody(
    product, moderator, django_capture_on_commit_callbacks
):
    """The demo rejects for invented members, who have no inboxes: `notify=False`."""
    review = make_review(product, approved=False)
    tip = make_tip(product, approved=False)
    photo = Photo.objects.create(review=make_review(product), image=make_image(), alt_text="A")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.reject(review, moderator, "Off topic.", notify=False)
        moderation.reject(tip, moderator, "Unsafe.", notify=False)
        moderation.reject_photo(photo, moderator, "It shows a face.", notify=False)

    assert mail.outbox == []
    for item in (review, tip, photo):
        item.refresh_from_db()
        assert item.status == Status.REJECTED
    assert (review.rejection_reason, tip.rejection_reason) == ("Off topic.", "Unsafe.")
    assert ModelLogEntry.objects.filter(action__endswith=".reject").count() == 3


def test_rejecting_a_published_review_withdraws_it(product, moderator):
    review = make_review(product)
    moderation.reject(review, moderator, "Reported as advertising, and it is.")
    assert not Review.objects.approved().exists()
    assert ProductRating.objects.get(product=product).review_count == 0


def test_one_review_per_person_per_product(product):
    author = make_member()
    make_review(product, author)
    with pytest.raises(IntegrityError):
        make_review(product, author)


def test_deleting_the_account_keeps_the_review_as_a_former_members(product):
    review = make_review(product)
    review.author.delete()
    review.refresh_from_db()
    assert review.author is None
    assert review.author_name == FORMER_MEMBER
    assert Review.objects.approved().count() == 1


def test_conditions_are_recorded_only_as_the_author_chose_to_show_them(product):
    private = make_member("Pat", conditions=["Stroke"], show_conditions=False)
    public = make_member("Jo", role="family_carer", conditions=["Tremor"], show_conditions=True)
    hidden = make_review(product, private)
    shown = make_review(make_product(), public)
    assert list(hidden.author_conditions.all()) == []
    assert [c.name for c in shown.author_conditions.all()] == ["Tremor"]
    assert shown.author_role == "family_carer"


def test_stopped_using_it_needs_a_reason(product):
    review = make_review(product, approved=False, still_using=False, stopped_reason="")
    with pytest.raises(Exception, match="Say why you stopped"):
        review.full_clean()


def test_product_page_shows_the_rating_in_words_and_only_approved_reviews(client, product):
    make_review(product, rating=5, title="Changed my mornings")
    make_review(product, rating=4, title="Solid")
    make_review(product, rating=1, title="Not yet checked", approved=False)

    page = client.get(product.url)
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "4.5 out of 5</strong> from 2 reviews" in text
    assert "Changed my mornings" in text
    assert "Not yet checked" not in text


def test_people_like_me_filters_and_sorting(client, product):
    carer = make_member("Ann", role="family_carer", conditions=["Dementia"], show_conditions=True)
    make_review(product, carer, title="For my mum", rating=3)
    make_review(product, make_member("Bo"), title="For me", rating=5)

    by_carers = client.get(product.url, {"role": "family_carer"}).content.decode()
    assert "For my mum" in by_carers and "For me" not in by_carers
    dementia = client.get(product.url, {"condition": "dementia"}).content.decode()
    assert "For my mum" in dementia and "For me" not in dementia
    assert "1 review matches your choices" in dementia
    unknown = client.get(product.url, {"condition": "flying", "sort": "sideways"})
    assert unknown.status_code == HTTPStatus.OK
    assert "We could not use one of those choices" in unknown.content.decode()


def test_product_page_queries_do_not_grow_with_reviews(client, product, django_assert_num_queries):
    for n in range(5):
        make_review(
            product, make_member(f"Reviewer {n}", conditions=["Stroke"], show_conditions=True)
        )
    client.get(product.url)  # warm Wagtail's site cache, as the second visitor finds it
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        client.get(product.url)
    for n in range(5, 25):
        make_review(
            product, make_member(f"Reviewer {n}", conditions=["Stroke"], show_conditions=True)
        )
    with django_assert_num_queries(len(five)):
        client.get(product.url)


def test_withdrawing_a_published_review_with_an_edit_waiting_takes_it_off_the_site(
    product, moderator
):
    review = make_review(product, title="Published text")
    review.submit(review.content() | {"title": "Edited text"})
    review.save()
    moderation.reject(
        review, moderator, "Upheld a report: it names a private person.", withdraw=True
    )
    review.refresh_from_db()
    assert not Review.objects.approved().exists()
    assert review.status == Status.REJECTED
    assert ProductRating.objects.get(product=product).review_count == 0


def test_a_decision_on_a_review_that_changed_since_it_was_read_is_refused(product, moderator):
    review = make_review(product, approved=False)
    seen = review.updated_at
    review.submit(review.content() | {"title": "Changed meanwhile"})
    review.save()
    with pytest.raises(Exception, match="changed while you were reading"):
        moderation.approve(review, moderator, seen=seen)
    assert not Review.objects.approved().exists()
