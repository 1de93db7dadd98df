"""A member's own view of their reviews: the contributions page and the data download."""

import json
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews import feedback, moderation
from reviews.models import Photo
from tests.factories import make_image, make_member, make_product, make_review, make_tip
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


def test_contributions_show_each_state_and_the_reason_for_a_rejection(client):
    member = make_member("Rosa")
    client.force_login(member)
    make_review(make_product("Bath board"), member, title="Sturdy")
    waiting = make_review(make_product("Tap turner"), member, title="Handy", approved=False)
    refused = make_review(make_product("Kettle tipper"), member, title="Meh", approved=False)
    moderation.reject(refused, None, "Please say what the product is like to use.")
    make_review(make_product("Sock aid"), make_member("Someone else"), title="Not mine")

    page = client.get(reverse("accounts:contributions"))
    assert page.status_code == HTTPStatus.OK
    table = BeautifulSoup(page.content, "lxml").select("tbody tr")
    rows = [" ".join(row.get_text(" ", strip=True).split()) for row in table]
    assert len(rows) == 3
    assert any("Sturdy" in row and "Published" in row for row in rows)
    assert any("Handy" in row and "Waiting for a moderator" in row for row in rows)
    assert any(
        "Meh" in row and "Not published" in row and "Please say what the product" in row
        for row in rows
    )
    assert "Not mine" not in page.text
    assert f'href="{waiting.get_edit_url()}"' in page.text


def test_the_data_download_holds_the_members_reviews(client):
    member = make_member("Rosa", conditions=["Stroke"], show_conditions=True)
    client.force_login(member)
    make_review(make_product("Bath board"), member, title="Sturdy", rating=5)
    make_review(make_product("Sock aid"), make_member("Someone else"), title="Not mine")

    response = RenderedForm(client.get(reverse("accounts:data")), "data-form").submit(client)
    data = json.loads(response.content)
    assert [(r["product"], r["title"], r["rating"], r["status"]) for r in data["reviews"]] == [
        ("Bath board", "Sturdy", 5, "Published")
    ]
    assert data["reviews"][0]["conditions_shown"] == ["Stroke"]


# Tips


def add_photo(item, alt_text, step=None, *, approved=False):
    photo = Photo.objects.create(
        **{item._meta.model_name: item}, step=step, image=make_image(), alt_text=alt_text
    )
    return moderation.approve_photo(photo, None) if approved else photo


def rows(page):
    table = BeautifulSoup(page.content, "lxml").select("tbody tr")
    return [" ".join(row.get_text(" ", strip=True).split()) for row in table]


def links(page, text):
    """The addresses of the table's links whose visible words start with `text`."""
    table = BeautifulSoup(page.content, "lxml").select("tbody a")
    return [a["href"] for a in table if a.get_text(" ", strip=True).startswith(text)]


def test_contributions_show_tips_and_their_photos_with_state_reason_and_links(client):
    member = make_member("Rosa")
    client.force_login(member)
    published = make_tip(make_product("Kettle tipper"), member, title="Mat under the tipper")
    add_photo(published, "The mat cut to the tipper's base", 2, approved=True)
    edited = make_tip(make_product("Reacher"), member, title="Magnet on the jaw")
    edited.submit({**edited.published_content(), "title": "Magnet on the jaw, glued"})
    edited.save()
    waiting = make_tip(make_product("Rollator"), member, title="Basket liner", approved=False)
    add_photo(waiting, "The liner fixed with cable ties", 1)
    refused = make_tip(make_product("Riser chair"), member, title="Extension lead", approved=False)
    moderation.reject(refused, None, "A lead under a rug is a fire risk.")
    make_tip(make_product("Sock aid"), make_member("Someone else"), title="Not mine")

    page = client.get(reverse("accounts:contributions"))

    assert page.status_code == HTTPStatus.OK
    found = rows(page)
    assert len(found) == 6
    assert any(row.startswith("Tip: Mat under the tipper Kettle tipper Published") for row in found)
    assert any(
        "Tip: Magnet on the jaw" in row and "Your changes are waiting for a moderator" in row
        for row in found
    )
    assert any(
        row.startswith("Tip: Basket liner Rollator Waiting for a moderator") for row in found
    )
    assert any(
        "Tip: Extension lead" in row
        and "Not published" in row
        and "Reason: A lead under a rug is a fire risk." in row
        for row in found
    )
    assert any(
        row.startswith("Photo: The mat cut to the tipper's base Step 2 of your tip")
        and "Kettle tipper Published" in row
        for row in found
    )
    assert any(
        row.startswith("Photo: The liner fixed with cable ties Step 1 of your tip “Basket liner”")
        and "Waiting for a moderator" in row
        for row in found
    )
    assert "Not mine" not in page.text
    # Every tip can be changed; only published ones can be viewed.
    changes = links(page, "Change")
    for tip in (published, edited, waiting, refused):
        assert tip.get_edit_url() in changes
    assert waiting.get_photos_url() in changes and published.get_photos_url() in changes
    assert sorted(links(page, "View")) == sorted(
        [published.get_absolute_url(), edited.get_absolute_url()]
    )


def test_contributions_page_costs_the_same_however_much_the_member_wrote(client):
    member = make_member("Rosa")
    client.force_login(member)

    def write(number):
        review = make_review(make_product(f"Product {number}"), member, title=f"Review {number}")
        add_photo(review, f"Review photo {number}", approved=number % 2 == 0)
        tip = make_tip(make_product(f"Tipped {number}"), member, title=f"Tip {number}")
        add_photo(tip, f"Step photo {number}", 1)

    write(1)
    client.get(reverse("accounts:contributions"))  # also fills Wagtail's cached site paths
    with CaptureQueriesContext(connection) as one:
        assert len(rows(client.get(reverse("accounts:contributions")))) == 4
    for number in range(2, 6):
        write(number)
    with CaptureQueriesContext(connection) as five:
        assert len(rows(client.get(reverse("accounts:contributions")))) == 20
    assert len(five) == len(one)


def test_the_data_download_holds_the_members_tips_marks_and_votes(client):
    member = make_member("Rosa", conditions=["Tremor"], show_conditions=True)
    other = make_member("Someone else")
    client.force_login(member)
    original = make_tip(make_product("Fork"), other, title="Foam on the handle")
    mine = make_tip(
        make_product("Spoon"),
        member,
        based_on=original,
        title="A strap over the foam",
        difficulty="moderate",
        tools="Hook-and-loop strap",
        safety_note="Check the skin after meals.",
    )
    mine.submit({**mine.published_content(), "title": "A strap over the foam, stitched"})
    mine.save()
    add_photo(mine, "The strap closed over the hand", 2, approved=True)
    refused = make_tip(make_product("Riser chair"), member, title="Extension lead", approved=False)
    moderation.reject(refused, None, "A lead under a rug is a fire risk.")
    feedback.did_this_too(original, member)
    feedback.vote_helpful(original, member)
    review = make_review(make_product("Bath board"), other, title="Sturdy")
    feedback.vote_helpful(review, member)
    feedback.did_this_too(mine, other)  # someone else's mark on the member's tip

    response = RenderedForm(client.get(reverse("accounts:data")), "data-form").submit(client)
    data = json.loads(response.content)

    assert [tip["title"] for tip in data["tips"]] == ["A strap over the foam", "Extension lead"]
    strap, lead = data["tips"]
    assert strap["product"] == "Spoon" and strap["status"] == "Waiting for a moderator"
    assert strap["steps"] == [
        "Cut a length of foam tubing to fit the handle.",
        "Push the handle into the tubing.",
    ]
    assert strap["difficulty"] == "Moderate: some DIY experience"
    assert (strap["cost"], strap["time_needed"]) == ("Less than £10", "Less than 15 minutes")
    assert strap["problem"].startswith("The handle is too thin")
    assert strap["tools"] == "Hook-and-loop strap"
    assert strap["safety_note"] == "Check the skin after meals."
    assert strap["edit_waiting_for_a_moderator"]["title"] == "A strap over the foam, stitched"
    assert strap["edit_waiting_for_a_moderator"]["steps"] == strap["steps"]
    assert strap["based_on"] == "Foam on the handle"
    assert strap["conditions_shown"] == ["Tremor"]
    assert strap["photos"] == [
        {"description": "The strap closed over the hand", "status": "Published", "step": 2}
    ]
    assert (lead["status"], lead["rejection_reason"]) == (
        "Not published",
        "A lead under a rug is a fire risk.",
    )
    assert lead["edit_waiting_for_a_moderator"] is None and lead["based_on"] is None

    assert [(m["tip"], m["product"]) for m in data["tips_you_did_too"]] == [
        ("Foam on the handle", "Fork")
    ]
    assert [(v["kind"], v["title"], v["product"]) for v in data["helpful_votes"]] == [
        ("Tip", "Foam on the handle", "Fork"),
        ("Review", "Sturdy", "Bath board"),
    ]
    assert "Someone else" not in response.content.decode()
