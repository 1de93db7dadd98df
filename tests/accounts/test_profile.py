"""The account page and the profile: conditions are private until the member shows them."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model

from accounts.models import Profile, Role
from tests.accounts.helpers import choose, error_summary_links, soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


def test_pages_need_a_signed_in_member(client):
    for url in ["/account/", "/account/profile/", "/account/data/", "/account/delete/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"] == f"/account/login/?next={url}"


def test_account_page_links_to_everything_a_member_manages(signed_in):
    page = soup(signed_in.get("/account/"))

    assert page.h1.get_text() == "Your account"
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a")}
    assert links == {
        "Change your profile": "/account/profile/",
        "Change your email address": "/account/email/",
        "Change your password": "/account/password/change/",
        "Your reviews and tips": "/account/contributions/",
        "Download your data": "/account/data/",
        "Delete your account": "/account/delete/",
    }
    assert "Private: only you can see these." in page.get_text()


def test_edit_profile_and_choose_to_show_conditions(signed_in, member):
    form = RenderedForm(signed_in.get("/account/profile/"), "profile-form")
    assert form.values("display_name") == ["Sam"]
    assert form.values("role") == [Role.USER]
    form.set("display_name", "Sam T")
    choose(form, "role", "Paid carer or support worker")
    choose(form, "conditions", "Tremor")
    choose(form, "conditions", "Dementia")

    response = form.submit(signed_in, follow=True)

    assert response.redirect_chain[-1][0] == "/account/"
    assert "Your profile has been saved." in response.content.decode()
    profile = Profile.objects.get(user=member)
    assert profile.display_name == "Sam T"
    assert profile.role == Role.PAID_CARER
    assert sorted(c.name for c in profile.conditions.all()) == ["Dementia", "Tremor"]
    # Private by default: ticking conditions does not show them.
    assert profile.shown_conditions() == []

    form = RenderedForm(signed_in.get("/account/profile/"), "profile-form")
    choose(form, "show_conditions", "Show my conditions with my reviews and tips")
    form.submit(signed_in)
    profile.refresh_from_db()
    assert sorted(c.name for c in profile.shown_conditions()) == ["Dementia", "Tremor"]


def test_profile_form_explains_privacy_and_groups_the_choices(signed_in):
    page = soup(signed_in.get("/account/profile/"))

    show = page.select_one("#id_show_conditions")
    assert not show.has_attr("checked")
    hint = page.select_one(f"#{show['aria-describedby']}").get_text()
    assert "your conditions are private" in hint
    conditions = page.select_one("#id_conditions_0").find_parent("fieldset")
    assert conditions.legend.get_text(strip=True) == "Your conditions or impairments (optional)"
    assert (
        "Nobody else sees them" in page.select_one(f"#{conditions['aria-describedby']}").get_text()
    )


def test_profile_errors_keep_the_input(signed_in):
    form = RenderedForm(signed_in.get("/account/profile/"), "profile-form")
    form.set("display_name", "")
    choose(form, "conditions", "Tremor")

    response = form.submit(signed_in)

    assert response.status_code == HTTPStatus.OK
    assert error_summary_links(response) == [("Enter a display name", "#id_display_name")]
    page = soup(response)
    tremor = page.find("label", string="Tremor")["for"]
    assert page.select_one(f"#{tremor}").has_attr("checked")


def test_someone_without_a_profile_can_make_one(client):
    editor = get_user_model().objects.create_user("ed", "ed@example.invalid", "pw")
    client.force_login(editor)
    assert "Set up your profile" in client.get("/account/").content.decode()

    form = RenderedForm(client.get("/account/profile/"), "profile-form")
    form.set("display_name", "Ed")
    form.submit(client)

    assert Profile.objects.get(user=editor).display_name == "Ed"


def test_contributions_page_when_there_are_none(signed_in):
    response = signed_in.get("/account/contributions/")
    assert response.context["contributions"] == []
    assert "You have not written any reviews or tips, or added any photos, yet." in response.text
