"""What the public sees of a member's health is what they allow now, everywhere it appears.

Members review through the rendered form, change their profile and delete their account
through the rendered forms too; then the product page, its "Who lives with" filter, the
search document (both implementations index the same one) and their data download are read.
"""

import importlib
import json
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reviews import moderation
from reviews.models import Review
from search.engine import get_backend
from search.store import SearchDocument
from taxonomy.models import Condition
from tests.factories import make_member, make_product, make_review
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

MND = "Motor neurone disease"


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the commit (indexing), as a real request's end would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def product(commits):
    return commits(make_product, "Ceiling track hoist")


def review_form(client, product):
    return RenderedForm(client.get(reverse("reviews:write", args=[product.pk])))


def write_review(client, commits, product, subject="Mine", conditions=(), field=None):
    form = review_form(client, product)
    form.choose("subject", subject)
    for name in conditions:
        form.tick(field, name)
    form.choose("rating", "4 out of 5")
    form.set("title", "Transfers without a second carer")
    form.set("body", "The hoist lifts smoothly and the remote is easy to hold.")
    form.choose("used_for", "1 to 6 months")
    form.choose("still_using", "Yes")
    response = commits(form.submit, client)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()
    review = Review.objects.get(product=product, author=response.wsgi_request.user)
    return commits(moderation.approve, review, None)


def listed(client, product, condition=None):
    """{review title: byline} as the product page lists them, filtered by condition."""
    query = {"condition": condition} if condition else {}
    page = BeautifulSoup(client.get(product.url, query).content, "lxml")
    return {
        article.select_one(".review__title").get_text(strip=True): " ".join(
            article.select_one(".review__byline").get_text(" ", strip=True).split()
        )
        for article in page.select("article.review")
    }


def reviewer_conditions(product):
    return SearchDocument.objects.get(pk=product.pk).document["reviewer_conditions"]


def exported_conditions(client):
    data = json.loads(client.post(reverse("accounts:data")).content)
    return [(r["whose_experience"], r["conditions_shown"]) for r in data["reviews"]]


def test_unticking_show_on_the_profile_withdraws_the_conditions_everywhere(
    client, commits, product
):
    member = make_member("Rosa", conditions=["Stroke", "Tremor"], show_conditions=True)
    client.force_login(member)
    write_review(client, commits, product)

    title = "Transfers without a second carer"
    assert "Lives with Stroke and Tremor" in listed(client, product)[title]
    assert title in listed(client, product, "stroke")
    assert reviewer_conditions(product) == ["stroke", "tremor"]

    form = RenderedForm(client.get(reverse("accounts:profile")), "profile-form")
    form.untick("show_conditions", "Show my conditions with my reviews and tips")
    assert commits(form.submit, client).status_code == HTTPStatus.FOUND

    assert "Lives with" not in listed(client, product)[title]
    assert listed(client, product, "stroke") == {}
    assert reviewer_conditions(product) == []
    assert exported_conditions(client) == [("Mine", [])]

    # Showing them again shows them again, and changing them changes every review.
    form = RenderedForm(client.get(reverse("accounts:profile")), "profile-form")
    form.tick("show_conditions", "Show my conditions with my reviews and tips")
    form.untick("conditions", "Tremor")
    commits(form.submit, client)
    assert "Lives with Stroke" in listed(client, product)[title]
    assert listed(client, product, "tremor") == {}
    assert reviewer_conditions(product) == ["stroke"]


def test_deleting_the_account_withdraws_every_condition_shown(client, commits, product):
    other = commits(make_product, "Riser recliner chair")
    member = make_member("Ann", role="family_carer", conditions=["Stroke"], show_conditions=True)
    client.force_login(member)
    write_review(client, commits, product)
    write_review(client, commits, other, "Someone I care for", [MND], "cared_for_conditions")
    assert reviewer_conditions(product) == ["stroke"]
    assert reviewer_conditions(other) == ["motor-neurone-disease"]

    form = RenderedForm(client.get(reverse("accounts:delete")), "delete-form")
    assert commits(form.submit, client).status_code == HTTPStatus.FOUND

    for item, slug in ((product, "stroke"), (other, "motor-neurone-disease")):
        (byline,) = listed(client, item).values()
        assert byline.startswith("By a former member")
        assert "lives with" not in byline.lower()
        assert listed(client, item, slug) == {}
        assert reviewer_conditions(item) == []
    assert not Review.author_conditions.through.objects.exists()


def test_a_carers_review_shows_the_condition_they_chose_until_they_withdraw_it(
    client, commits, product
):
    # The carer's own conditions are private; the review is about their husband's MND.
    carer = make_member("Ann", role="family_carer", conditions=["Osteoarthritis"])
    client.force_login(carer)
    write_review(client, commits, product, "Someone I care for", [MND], "cared_for_conditions")

    title = "Transfers without a second carer"
    byline = listed(client, product, "motor-neurone-disease")[title]
    assert "About someone they care for, who lives with Motor neurone disease" in byline
    assert "Osteoarthritis" not in byline
    assert reviewer_conditions(product) == ["motor-neurone-disease"]

    # Showing their own conditions later does not change whom the review is about.
    form = RenderedForm(client.get(reverse("accounts:profile")), "profile-form")
    form.tick("show_conditions", "Show my conditions with my reviews and tips")
    commits(form.submit, client)
    assert reviewer_conditions(product) == ["motor-neurone-disease"]

    # The form holds what was chosen; unticking it takes it off at once, without waiting
    # for a moderator, though the changed text does wait.
    form = review_form(client, product)
    assert form.values("subject") == ["cared_for"]
    form.untick("cared_for_conditions", MND)
    assert commits(form.submit, client).status_code == HTTPStatus.FOUND

    assert listed(client, product, "motor-neurone-disease") == {}
    byline = listed(client, product)[title]
    assert "About someone they care for" in byline
    assert "lives with" not in byline
    assert reviewer_conditions(product) == []
    assert exported_conditions(client) == [("Someone I care for", [])]


def test_switching_a_review_to_the_members_own_experience_follows_the_profile(
    client, commits, product
):
    member = make_member("Jo", role="paid_carer", conditions=["Tremor"], show_conditions=True)
    client.force_login(member)
    write_review(client, commits, product, "Someone I support at work", [MND],
                 "supported_conditions")  # fmt: skip
    assert (
        "About someone they support at work, who lives with Motor neurone disease"
        in (listed(client, product)["Transfers without a second carer"])
    )

    form = review_form(client, product)
    form.choose("subject", "Mine")
    commits(form.submit, client)
    assert reviewer_conditions(product) == ["tremor"]
    assert listed(client, product, "motor-neurone-disease") == {}


def test_the_question_works_without_javascript(client, product):
    client.force_login(make_member("Rosa"))
    response = client.get(reverse("reviews:write", args=[product.pk]))
    page = BeautifulSoup(response.content, "lxml")
    fieldset = page.select_one("#id_subject_0").find_parent("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Whose experience is this review about?"
    answers = fieldset.select("input[name=subject]")
    assert [a.find_next("label").get_text(strip=True) for a in answers] == [
        "Mine",
        "Someone I care for",
        "Someone I support at work",
    ]
    assert not any(a.has_attr("checked") for a in answers)  # GOV.UK: never chosen for them
    # Each "someone else" answer reveals its own checkboxes, there in the page, not hidden.
    for answer, field in zip(
        answers[1:], ["cared_for_conditions", "supported_conditions"], strict=True
    ):
        block = page.find(id=answer["data-aria-controls"])
        assert block is not None and "radios__conditional--hidden" not in block["class"]
        assert block.select(f"input[type=checkbox][name={field}]")
        assert block.find_previous("input", attrs={"name": "subject"}) == answer
    assert not answers[0].has_attr("data-aria-controls")

    # Not answering is a clear error, and nothing typed is lost.
    form = RenderedForm(response)
    form.set("title", "Kept title")
    form.tick("cared_for_conditions", MND)
    response = form.submit(client)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    again = RenderedForm(response)
    assert "Select whose experience your review is about" in response.content.decode()
    assert again.values("title") == ["Kept title"]
    assert again.values("cared_for_conditions") != []


def test_conditions_ticked_under_another_answer_are_not_shown(client, commits, product):
    # Without JavaScript both lists show; only the chosen answer's ticks count.
    client.force_login(make_member("Rosa"))
    form = review_form(client, product)
    form.tick("supported_conditions", "Stroke")
    form.choose("subject", "Someone I care for")
    form.tick("cared_for_conditions", MND)
    form.choose("rating", "3 out of 5")
    form.set("title", "Fine")
    form.set("body", "Works.")
    form.choose("used_for", "1 to 6 months")
    form.choose("still_using", "Yes")
    commits(form.submit, client)
    review = commits(moderation.approve, Review.objects.get(), None)
    assert [c.name for c in review.author_conditions.all()] == [MND]
    assert reviewer_conditions(product) == ["motor-neurone-disease"]


def test_the_migration_withdraws_copies_made_before_and_catch_up_mends_search(commits, product):
    """Rows written by the old code kept the conditions shown when the review was sent."""
    from django.apps import apps
    from django.core.management import call_command

    migration = importlib.import_module("reviews.migrations.0010_contribution_subject")
    stroke = Condition.objects.get(name="Stroke")
    private = make_member("Pat", conditions=["Stroke"])
    shown = make_member("Jo", conditions=["Tremor"], show_conditions=True)
    gone = make_member("Al")
    reviews = [commits(make_review, product, author) for author in (private, shown, gone)]
    for review in reviews:  # as the old code left them
        review.author_conditions.set([stroke])
    commits(gone.delete)
    Review.author_conditions.through.objects.get_or_create(review=reviews[2], condition=stroke)
    assert get_backend().status().stale == []  # the old copies were indexed as they were

    migration.follow_profiles(apps, None)

    assert [[c.name for c in r.author_conditions.all()] for r in reviews] == [[], ["Tremor"], []]
    assert get_backend().status().stale == [product.pk]
    call_command("search_index", "catch-up", verbosity=0)
    assert reviewer_conditions(product) == ["tremor"]
