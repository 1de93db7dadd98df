"""A member's own view of their reviews: the contributions page and the data download."""

import json
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reviews import moderation
from tests.factories import make_member, make_product, make_review
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
