"""Deleting an account erases the member's personal data; downloading it gives them a copy."""

import json
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts import export
from accounts.models import Profile
from reviews import feedback
from reviews.models import FORMER_MEMBER, DidThisToo, HelpfulVote, Photo, ProductRating, Tip
from taxonomy.models import Condition
from tests.accounts.helpers import make_member, soup
from tests.factories import make_image, make_product, make_review, make_tip
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


def test_delete_asks_first_with_a_warning(signed_in):
    page = soup(signed_in.get("/account/delete/"))

    warning = page.select_one(".warning-text").get_text(" ", strip=True)
    assert warning.startswith("! Warning You cannot undo this.")
    button = page.select_one("#delete-form button")
    assert button.get_text() == "Delete my account"
    assert "button--warning" in button["class"]


def test_delete_erases_the_member_and_signs_them_out(signed_in, member):
    other = make_member(email="other@example.invalid")
    member_id = member.pk

    response = RenderedForm(signed_in.get("/account/delete/"), "delete-form").submit(
        signed_in, follow=True
    )

    assert response.redirect_chain[-1][0] == "/account/deleted/"
    assert soup(response).h1.get_text() == "Your account has been deleted"
    assert not response.context["user"].is_authenticated
    assert not get_user_model().objects.filter(pk=member_id).exists()
    assert not Profile.objects.filter(user_id=member_id).exists()
    assert not EmailAddress.objects.filter(user_id=member_id).exists()
    assert not EmailAddress.objects.filter(email="sam@example.invalid").exists()
    # Nobody else is touched, and the confirmation is not shown twice.
    assert Profile.objects.filter(user=other).exists()
    assert signed_in.get("/account/deleted/")["Location"] == "/"
    assert signed_in.get("/account/")["Location"].startswith("/account/login/")


def test_deleting_keeps_tips_by_a_former_member_and_takes_marks_and_votes(signed_in, member):
    """Tips and their photos stay; the member's marks and votes go, and counts follow."""
    other = make_member(email="other@example.invalid", display_name="Someone else")
    product = make_product("Kettle tipper")
    mine = make_tip(product, member, title="Mat under the tipper")
    photo = Photo.objects.create(tip=mine, step=1, image=make_image(), alt_text="The mat")
    feedback.did_this_too(mine, other)
    feedback.vote_helpful(mine, other)
    theirs = make_tip(make_product("Reacher"), other, title="Magnet on the jaw")
    review = make_review(make_product("Bath board"), other)
    feedback.did_this_too(theirs, member)
    feedback.vote_helpful(theirs, member)
    feedback.vote_helpful(review, member)
    counts = Tip.objects.values_list("done_count", "helpful_count")
    assert counts.get(pk=theirs.pk) == (1, 1)

    RenderedForm(signed_in.get("/account/delete/"), "delete-form").submit(signed_in)

    mine.refresh_from_db()
    assert mine.author is None and mine.author_name == FORMER_MEMBER and mine.is_published
    assert (mine.done_count, mine.helpful_count) == (1, 1), "others' marks on it stay"
    assert Photo.objects.filter(pk=photo.pk, tip=mine).exists()
    assert ProductRating.objects.get(product=product).tip_count == 1
    assert counts.get(pk=theirs.pk) == (0, 0)
    assert not DidThisToo.objects.filter(tip=theirs).exists()
    assert not HelpfulVote.objects.filter(tip=theirs).exists()
    review.refresh_from_db()
    assert review.helpful_count == 0 and not review.helpful_votes.exists()


def test_delete_needs_a_post(signed_in, member):
    signed_in.get("/account/delete/")
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_editors_cannot_delete_themselves_here(client):
    editor = get_user_model().objects.create_user("ed", "ed@example.invalid", "pw", is_staff=True)
    client.force_login(editor)
    assert client.post("/account/delete/").status_code == HTTPStatus.OK
    assert get_user_model().objects.filter(pk=editor.pk).exists()


def download(client):
    page = client.get("/account/data/")
    assert page.status_code == HTTPStatus.OK
    return RenderedForm(page, "data-form").submit(client)


def test_download_data_is_a_json_attachment_of_the_members_own_data(signed_in, member):
    profile = member.profile
    profile.conditions.set(Condition.objects.filter(name__in=["Tremor", "Autism"]))
    make_member(email="other@example.invalid", display_name="Someone else")

    response = download(signed_in)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="enabled-personal-data-'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert set(data) == {
        "exported_at",
        "account",
        "profile",
        "reviews",
        "tips",
        "tips_you_did_too",
        "helpful_votes",
    }
    assert data["reviews"] == data["tips"] == data["tips_you_did_too"] == []
    assert data["helpful_votes"] == []
    assert data["account"]["email_addresses"] == [
        {"email": "sam@example.invalid", "primary": True, "verified": True}
    ]
    assert set(data["account"]) == {"email_addresses", "date_joined", "last_login"}
    assert data["account"]["date_joined"].startswith(str(member.date_joined.year))
    assert data["profile"] == {
        "display_name": "Sam",
        "role": "I use the products",
        "conditions": ["Autism", "Tremor"],
        "show_conditions": False,
    }
    text = response.content.decode()
    assert member.password not in text and "md5$" not in text
    assert "other@example.invalid" not in text and "Someone else" not in text


def test_download_needs_a_post(signed_in):
    response = signed_in.get("/account/data/")
    assert response["Content-Type"].startswith("text/html")


def test_other_apps_add_their_part_through_the_registry(member, monkeypatch):
    monkeypatch.setattr(export, "EXPORTERS", [lambda user: {"reviews": [user.profile.pk]}])
    assert export.personal_data(member)["reviews"] == [member.profile.pk]

    monkeypatch.setattr(export, "EXPORTERS", [lambda user: {"profile": "clash"}])
    with pytest.raises(ValueError, match="profile"):
        export.personal_data(member)
