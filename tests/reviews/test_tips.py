"""Adaptation tips, written and read through the real pages and forms."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage

from reviews import feedback, moderation
from reviews.models import DidThisToo, HelpfulVote, Photo, ProductRating, Report, Status, Tip
from tests.factories import make_member, make_product, make_tip
from tests.rendered_forms import RenderedForm
from tests.reviews import hostile_images as files

pytestmark = pytest.mark.django_db

STEPS = [
    "Measure the handle and cut the foam tubing 1 cm longer.",
    "Twist the handle into the tubing until it sits flush.",
]


@pytest.fixture
def product():
    return make_product("Stainless steel cutlery set")


@pytest.fixture
def member(client):
    user = make_member("Ade", role="user", conditions=["Osteoarthritis"], show_conditions=True)
    client.force_login(user)
    return user


def tip_form(client, product, query=""):
    return RenderedForm(client.get(reverse("reviews:write_tip", args=[product.pk]) + query))


def fill_in(form, steps=STEPS, **changes):
    form.set("title", "Foam tubing makes cutlery easier to grip")
    form.set("problem", "The handles are too thin to hold when my fingers are stiff.")
    for number, text in enumerate(steps, start=1):
        form.set(f"step_{number}", text)
    form.set("tools", "Foam tubing with a 1.5 cm hole\nScissors")
    form.choose("time_needed", "Less than 15 minutes")
    form.choose("difficulty", "Easy: no special skills")
    form.choose("cost", "Less than £10")
    for name, value in changes.items():
        form.set(name, value)
    return form


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "lxml").get_text().split())


def test_visitors_are_asked_to_sign_in(client, product):
    response = client.get(reverse("reviews:write_tip", args=[product.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_writes_a_tip_that_waits_for_a_moderator(client, member, product):
    form = tip_form(client, product)
    assert [name for name in form.data if name.startswith("step_")] == [
        "step_1",
        "step_2",
        "step_3",
    ]
    response = fill_in(form).submit(client, button="send", follow=True)

    tip = Tip.objects.get()
    assert response.redirect_chain == [
        (reverse("reviews:tip_photos", args=[tip.pk]), HTTPStatus.FOUND)
    ]
    assert (tip.author, tip.status, tip.author_role) == (member, Status.PENDING, "user")
    assert tip.steps == [{"text": text} for text in STEPS]  # the empty third box is left out
    assert (tip.difficulty, tip.cost, tip.time_needed) == ("easy", "under_10", "minutes")
    assert [c.name for c in tip.author_conditions.all()] == ["Osteoarthritis"]

    # Only the author sees it until it is approved.
    own = client.get(tip.get_absolute_url())
    assert own.status_code == HTTPStatus.OK
    assert "waiting for a moderator" in text_of(own)
    client.logout()
    assert client.get(tip.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert "Foam tubing makes cutlery" not in client.get(product.url).text


def test_pressing_enter_sends_the_tip_rather_than_removing_a_step(client, member, product):
    form = fill_in(tip_form(client, product))
    first_button = form.form.find("button")
    assert (first_button["name"], first_button["type"]) == ("send", "submit")


def test_adding_and_removing_steps_keeps_everything_typed(client, member, product):
    form = fill_in(tip_form(client, product), steps=[*STEPS, "Wash the tubing by hand."])
    response = form.submit(client, button="add_step")
    assert response.status_code == HTTPStatus.OK
    assert "There is a problem" not in response.text
    form = RenderedForm(response)
    assert [form.values(f"step_{n}") for n in range(1, 5)] == [
        [STEPS[0]],
        [STEPS[1]],
        ["Wash the tubing by hand."],
        [""],
    ]
    assert form.values("title") == ["Foam tubing makes cutlery easier to grip"]
    assert form.values("cost") == ["under_10"]

    form = RenderedForm(form.submit(client, button="remove_step", value="1"))
    assert [form.values(f"step_{n}") for n in range(1, 4)] == [
        [STEPS[1]],
        ["Wash the tubing by hand."],
        [""],
    ]
    assert form.values("step_4") == []
    form.submit(client, button="send")
    assert Tip.objects.get().step_texts() == [STEPS[1], "Wash the tubing by hand."]


def test_errors_are_summarised_and_nothing_typed_is_lost(client, member, product):
    form = fill_in(tip_form(client, product), steps=["", "", ""], title="")
    form.data.pop("cost")
    response = form.submit(client, button="send")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    soup = BeautifulSoup(response.content, "lxml")
    links = [a["href"] for a in soup.select(".error-summary a")]
    assert links == ["#id_title", "#id_step_1", "#id_cost_0"]
    assert "Describe at least one step" in response.text
    page = RenderedForm(response)
    assert page.values("problem") == ["The handles are too thin to hold when my fingers are stiff."]
    assert page.values("tools") == ["Foam tubing with a 1.5 cm hole\nScissors"]
    assert not Tip.objects.exists()


def test_an_approved_tip_is_on_the_product_page_and_its_own(client, product, member):
    tip = make_tip(
        product,
        title="Non-slip matting under the plate",
        safety_note="Keep the matting away from the hob.",
        steps=[{"text": "Cut the mat to size."}, {"text": "Lay it under the plate."}],
    )
    assert ProductRating.objects.get(product=product).tip_count == 1

    page = client.get(product.url)
    soup = BeautifulSoup(page.content, "lxml")
    tips = soup.find(id="tips")
    assert tips.find("a", string="Non-slip matting under the plate")["href"] == (
        tip.get_absolute_url()
    )
    assert "Nobody has shared a tip" not in tips.get_text()

    detail = client.get(tip.get_absolute_url())
    soup = BeautifulSoup(detail.content, "lxml")
    assert [" ".join(li.get_text().split()) for li in soup.select(".steps-list__item")] == [
        "Step 1 Cut the mat to size.",
        "Step 2 Lay it under the plate.",
    ]
    assert "Keep the matting away from the hob." in soup.find(class_="safety-note").get_text()
    assert soup.find("button", string="I did this too")


def test_an_edit_to_a_published_tip_waits_while_the_public_keeps_the_old_one(
    client, product, member
):
    tip = make_tip(product, member, title="The published title")
    form = RenderedForm(client.get(tip.get_edit_url()))
    assert form.values("title") == ["The published title"]
    form.set("title", "The edited title")
    form.set("step_3", "A new last step.")
    assert form.submit(client, button="send").status_code == HTTPStatus.FOUND

    tip.refresh_from_db()
    assert (tip.title, tip.status) == ("The published title", Status.PENDING)
    assert "The edited title" in client.get(tip.get_absolute_url()).text  # the author's view
    client.logout()
    public = client.get(tip.get_absolute_url()).text
    assert "The published title" in public and "A new last step." not in public

    moderation.approve(tip, None)
    public = client.get(tip.get_absolute_url()).text
    assert "The edited title" in public and "A new last step." in public


def test_a_tip_based_on_another_starts_from_its_steps_and_both_show_the_lineage(
    client, product, member
):
    original = make_tip(product, title="Original tip")
    detail = BeautifulSoup(client.get(original.get_absolute_url()).content, "lxml")
    link = detail.find("a", string="Write your own version of this tip")["href"]

    form = RenderedForm(client.get(link))
    assert form.values("step_1") == [original.steps[0]["text"]]
    assert form.values("title") == [""]
    form.set("title", "Original tip, with a longer tube")
    form.set("problem", "My hands are larger, so I needed more grip.")
    assert form.submit(client, button="send").status_code == HTTPStatus.FOUND

    adaptation = Tip.objects.get(based_on=original)
    moderation.approve(adaptation, None)
    assert "Based on “Original tip”" in text_of(client.get(adaptation.get_absolute_url()))
    original_page = BeautifulSoup(client.get(original.get_absolute_url()).content, "lxml")
    assert original_page.find("a", string="Original tip, with a longer tube")


def test_i_did_this_too_counts_once_and_never_for_the_author(client, product, member):
    tip = make_tip(product)
    done_url = reverse("reviews:did_this_too", args=[tip.pk])
    assert client.post(done_url).status_code == HTTPStatus.FOUND
    assert client.post(done_url).status_code == HTTPStatus.FOUND
    tip.refresh_from_db()
    assert tip.done_count == 1 == DidThisToo.objects.count()
    page = text_of(client.get(tip.get_absolute_url()))
    assert "1 person did this too" in page and "You said you did this too" in page

    own = make_tip(product, member)
    assert "I did this too" not in client.get(own.get_absolute_url()).text
    assert client.post(reverse("reviews:did_this_too", args=[own.pk])).status_code == (
        HTTPStatus.FORBIDDEN
    )
    client.logout()
    assert client.post(done_url)["Location"].startswith(reverse("account_login"))


def test_helpful_votes_on_tips_are_one_each_and_never_on_your_own(client, product, member):
    tip = make_tip(product)
    url = reverse("reviews:helpful_tip", args=[tip.pk])
    client.post(url)
    client.post(url)
    tip.refresh_from_db()
    assert tip.helpful_count == 1 == HelpfulVote.objects.filter(tip=tip).count()
    own = make_tip(product, member)
    assert client.post(reverse("reviews:helpful_tip", args=[own.pk])).status_code == (
        HTTPStatus.FORBIDDEN
    )


def test_a_member_reports_a_tip(client, product, member):
    tip = make_tip(product)
    detail = BeautifulSoup(client.get(tip.get_absolute_url()).content, "lxml")
    form = RenderedForm(client.get(detail.find("a", string="Report this tip")["href"]))
    form.choose("reason", "It gives unsafe advice")
    response = form.submit(client)
    assert response["Location"] == tip.get_absolute_url()
    report = Report.objects.get()
    assert (report.tip, report.reason, report.reporter) == (tip, "unsafe", member)


def test_a_photo_shows_one_step_and_each_step_has_at_most_one(
    client, product, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    tip = make_tip(product, member)
    url = reverse("reviews:tip_photos", args=[tip.pk])
    form = RenderedForm(client.get(url), "add-photo")
    form.set("alt_text", "Foam tubing pushed onto a fork handle")
    form.choose("step", f"Step 2: {tip.steps[1]['text']}")
    upload = files.upload("fork.png", files.encode(PILImage.new("RGB", (8, 8)), "PNG"), "image/png")
    assert form.submit(client, files={"photo": upload}).status_code == HTTPStatus.FOUND

    photo = Photo.objects.get()
    assert (photo.tip, photo.step, photo.review, photo.status) == (tip, 2, None, Status.PENDING)
    form = RenderedForm(client.get(url), "add-photo")
    with pytest.raises(AssertionError):
        form.choose("step", f"Step 2: {tip.steps[1]['text']}")

    client.logout()
    steps = BeautifulSoup(client.get(tip.get_absolute_url()).content, "lxml")
    assert not steps.select(".steps-list__item img")  # waiting for a moderator
    moderation.approve_photo(photo, None)
    steps = BeautifulSoup(client.get(tip.get_absolute_url()).content, "lxml")
    items = steps.select(".steps-list__item")
    assert not items[0].find("img")
    assert items[1].find("img")["alt"] == "Foam tubing pushed onto a fork handle"


def test_the_product_tips_page_lists_the_most_followed_first(client, product):
    quiet = make_tip(product, title="A quiet tip")
    popular = make_tip(product, title="A popular tip")
    feedback.did_this_too(popular, make_member("Follower"))
    assert quiet.done_count == 0
    page = BeautifulSoup(
        client.get(reverse("reviews:product_tips", args=[product.pk])).content, "lxml"
    )
    assert [h.get_text(strip=True) for h in page.select(".review__title")] == [
        "A popular tip",
        "A quiet tip",
    ]


def test_tips_of_a_product_taken_down_are_not_shown(client, product):
    tip = make_tip(product)
    product.unpublish()
    assert client.get(tip.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_product_page_queries_do_not_grow_with_tips(client, product):
    make_tip(product)
    client.get(product.url)  # warm Wagtail's site cache, as the second visitor finds it
    with CaptureQueriesContext(connection) as one:
        client.get(product.url)
    for n in range(5):
        make_tip(product, make_member(f"Tipster {n}", conditions=["Stroke"], show_conditions=True))
    with CaptureQueriesContext(connection) as six:
        response = client.get(product.url)
    assert len(six) == len(one)
    assert "See all 6 tips" in text_of(response)
