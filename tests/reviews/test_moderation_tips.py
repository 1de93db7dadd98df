"""Moderating adaptation tips in the Wagtail admin, through the pages and forms it renders:
the tip queue, a decision on one tip, and tips' photos and reports in their own queues."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from reviews import moderation
from reviews.models import ProductRating, Report, Status, Tip
from tests.factories import make_member, make_product, make_tip
from tests.html import soup
from tests.rendered_forms import RenderedForm
from tests.reviews.test_moderation_photos_reports import make_photo, report

pytestmark = pytest.mark.django_db

QUEUE = "tip_moderation:list"
DECIDE = "tip_moderation:decide"
HISTORY = "tip_moderation:history"
PHOTOS = "photo_moderation:list"
DECIDE_PHOTO = "photo_moderation:decide"
REPORTS = "report_moderation:list"
ACT = "report_moderation:decide"
HOME = "wagtailadmin_home"

APPROVE = "Approve: publish it as written"
REJECT = "Reject: send it back to the author"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def cutlery():
    return make_product("Stainless steel cutlery set")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def listed(response):
    return [
        link.get_text(strip=True)
        for link in soup(response).select("#listing-results td.title .title-wrapper a")
    ]


def rows(response):
    return [text_of(tr) for tr in soup(response).select("#listing-results tbody tr")]


def history_cells(client, url_name, item):
    history = client.get(reverse(url_name, args=[item.pk]))
    assert history.status_code == HTTPStatus.OK
    return [td.get_text(" ", strip=True) for td in soup(history).select("tbody td")]


def decide(client, tip):
    return RenderedForm(client.get(reverse(DECIDE, args=[tip.pk])), form_id="tip-decision")


def bulk_approve_url(queue_response, ids, next_url):
    """The URL the footer's script builds from the listing's "Approve" button."""
    button = soup(queue_response).find("a", attrs={"data-bulk-action-button": True})
    assert (button.get_text(strip=True), button["aria-label"]) == (
        "Approve",
        "Approve selected tips",
    )
    query = urlencode([("next", next_url)] + [("id", pk) for pk in ids])
    return f"{button['href']}?{query}"


# == The queue ==


def test_the_queue_lists_waiting_tips_oldest_first(client, moderator, cutlery):
    author = make_member("Ade")
    first = make_tip(cutlery, author, approved=False, title="First in")
    make_tip(cutlery, title="Already published")
    rejected = make_tip(cutlery, approved=False, title="Turned down")
    moderation.reject(rejected, moderator, "It is an advert.")
    second = make_tip(make_product("Tap turner"), approved=False, title="Second in")
    Tip.objects.filter(pk=second.pk).update(submitted_at=first.submitted_at.replace(year=2030))

    response = client.get(reverse(QUEUE))

    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["First in", "Second in"]
    row = rows(response)[0]
    assert "Stainless steel cutlery set" in row and "New tip" in row and "Ade" in row
    assert "Waiting for a moderator" in row
    assert author.email not in response.text
    link = soup(response).select_one("#listing-results td.title .title-wrapper a")
    assert link["href"] == reverse(DECIDE, args=[first.pk])


def test_the_queue_filters_by_status_role_and_product_and_searches(client, moderator, cutlery):
    carer = make_member("Ann", role="family_carer")
    make_tip(cutlery, carer, approved=False, title="For my mum", problem="Her grip is weak.")
    make_tip(cutlery, approved=False, title="For me", problem="The handles are too thin.")
    make_tip(make_product("Tap turner"), approved=False, title="Taps")
    make_tip(cutlery, title="Old news")

    def titles(**query):
        return sorted(listed(client.get(reverse(QUEUE), query)))

    assert titles(author_role="family_carer") == ["For my mum"]
    assert titles(product=cutlery.pk) == ["For me", "For my mum"]
    assert titles(status="approved") == ["Old news"]
    assert titles(status="") == ["For me", "For my mum", "Old news", "Taps"]
    assert titles(q="handles") == ["For me"]  # the problem
    assert titles(q="taps") == ["Taps"]  # the title
    page = soup(client.get(reverse(QUEUE)))
    assert page.select_one("input[name=status][value=pending]").has_attr("checked")
    assert page.select_one("input[name=author_role][value=family_carer]") is not None
    products = [o.get_text() for o in page.select("select[name=product] option")]
    assert products == ["Any product", "Stainless steel cutlery set", "Tap turner"]


def test_moderators_find_tips_in_the_menu_between_reviews_and_photos_and_a_count(
    client, moderator, cutlery
):
    for _ in range(2):
        make_tip(make_product(), approved=False)
    make_tip(cutlery)

    home = client.get(reverse(HOME))

    assert "2 tips waiting for moderation" in text_of(soup(home))
    link = soup(home).find("a", string=lambda s: s and "tips waiting" in s)
    assert link["href"] == reverse(QUEUE)
    queues = [reverse(f"{name}_moderation:list") for name in ("review", "tip", "photo", "report")]
    positions = [home.text.index(f'"{url}"') for url in queues]  # the sidebar's menu, in order
    assert positions == sorted(positions)


# == One tip, and the decision on it ==


def test_the_decision_page_shows_the_whole_tip(client, moderator, cutlery):
    original = make_tip(cutlery, title="Foam on forks")
    author = make_member("Ade", role="paid_carer", conditions=["Stroke"], show_conditions=True)
    tip = make_tip(
        cutlery,
        author,
        approved=False,
        based_on=original,
        title="Foam on knives too",
        problem="The knife handle slips in a weak grip.",
        steps=[{"text": "Cut the foam."}, {"text": "Push the knife in."}, {"text": "Wash it."}],
        difficulty="moderate",
        cost="under_10",
        time_needed="under_1_hour",
        tools="Foam tubing\nScissors",
        safety_note="Keep the blade covered while you work.",
    )
    photo = make_photo(tip, "The knife handle in foam", step=2)

    page = soup(client.get(reverse(DECIDE, args=[tip.pk])))

    whole = text_of(page.find(id="tip-moderation"))
    for expected in [
        "What it is New tip",
        "Product Stainless steel cutlery set",
        "Author Ade",
        "How they know the product Paid carer",
        "Whose experience Mine",
        "Conditions they chose to show Stroke",
        "Based on the tip Foam on forks",
        "Difficulty Moderate: some DIY experience",
        "Cost Less than £10",
        "Time it takes 15 minutes to an hour",
        "Tools and materials Foam tubing Scissors",
        "Safety note Keep the blade covered while you work.",
        "The problem it solves The knife handle slips in a weak grip.",
    ]:
        assert expected in whole
    assert page.find("a", string="Foam on forks")["href"] == reverse(DECIDE, args=[original.pk])
    steps = page.select("ol.tip-moderation__steps > li")
    assert [text_of(step.find("div")) for step in steps] == [
        "Cut the foam.",
        "Push the knife in.",
        "Wash it.",
    ]
    assert steps[0].find("img") is None and steps[2].find("img") is None
    thumbnail = steps[1].find("img")
    assert thumbnail["alt"] == "The knife handle in foam"
    assert thumbnail["src"] == photo.image.get_rendition("fill-120x90").url
    assert "Waiting for a moderator" in text_of(steps[1])
    link = steps[1].find("a", string="Decide on step 2’s photo")
    assert link["href"] == reverse(DECIDE_PHOTO, args=[photo.pk])
    assert author.email not in page.decode()


def test_approving_publishes_the_tip_and_counts_it_for_the_product(client, moderator, cutlery):
    make_tip(cutlery)
    tip = make_tip(cutlery, approved=False, title="Foam on knives")

    form = decide(client, tip)
    form.choose("decision", APPROVE)
    response = form.submit(client, follow=True)

    assert response.redirect_chain == [(reverse(QUEUE), HTTPStatus.FOUND)]
    assert "Tip ‘Foam on knives’ approved and published." in response.text
    tip.refresh_from_db()
    assert (tip.status, tip.is_published) == (Status.APPROVED, True)
    assert ProductRating.objects.get(product=cutlery).tip_count == 2
    entry = ModelLogEntry.objects.filter(action=moderation.APPROVE_TIP).latest("pk")
    assert (entry.object_id, entry.user) == (str(tip.pk), moderator)
    assert "Tip approved" in history_cells(client, HISTORY, tip)
    client.logout()
    assert "Foam on knives" in client.get(tip.get_absolute_url()).text


def test_rejecting_needs_a_reason(client, moderator, cutlery):
    tip = make_tip(cutlery, approved=False)

    form = decide(client, tip)
    form.choose("decision", REJECT)
    form.set("reason", "   ")
    response = form.submit(client)

    assert response.status_code == HTTPStatus.OK
    errors = soup(response).select(".w-field__errors .error-message")
    assert [e.get_text(strip=True) for e in errors] == ["Say why, so the author can put it right."]
    tip.refresh_from_db()
    assert (tip.status, tip.rejection_reason) == (Status.PENDING, "")
    assert not ModelLogEntry.objects.filter(action=moderation.REJECT_TIP).exists()
    assert mail.outbox == []
    response = decide(client, tip).submit(client)
    assert "Choose whether to approve or reject this tip." in response.text


def test_rejecting_with_a_reason_emails_the_author_and_is_in_the_history(
    client, moderator, cutlery, django_capture_on_commit_callbacks
):
    tip = make_tip(cutlery, approved=False, title="Buy the Shopco grip")
    reason = "Please take out the shop's name."

    form = decide(client, tip)
    form.choose("decision", REJECT)
    form.set("reason", reason)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client, follow=True)

    assert "Tip ‘Buy the Shopco grip’ rejected. The author will be told why." in response.text
    tip.refresh_from_db()
    assert (tip.status, tip.rejection_reason) == (Status.REJECTED, reason)
    assert [m.to for m in mail.outbox] == [[tip.author.email]]
    assert reason in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action=moderation.REJECT_TIP)
    assert (entry.user, entry.data) == (moderator, {"reason": reason})
    assert f"Tip rejected. Reason given: “{reason}”" in history_cells(client, HISTORY, tip)


def test_rejecting_a_published_tip_takes_it_off_the_site(client, moderator, cutlery):
    tip = make_tip(cutlery, title="Reported as an advert")
    page = client.get(reverse(DECIDE, args=[tip.pk]))
    assert "This tip is published. Rejecting it takes it off the site." in text_of(soup(page))

    form = RenderedForm(page, form_id="tip-decision")
    form.choose("decision", REJECT)
    form.set("reason", "It reads as an advert.")
    response = form.submit(client, follow=True)

    assert "It is no longer on the site." in response.text
    assert not Tip.objects.approved().exists()
    assert ProductRating.objects.get(product=cutlery).tip_count == 0


def test_an_edit_to_a_published_tip_waits_in_the_queue_beside_the_published_one(
    client, moderator, cutlery
):
    steps = [{"text": "Cut the foam."}, {"text": "Push the fork in."}]
    tip = make_tip(cutlery, title="Foam on forks", steps=steps, cost="free")
    edited = [{"text": "Cut the foam."}, {"text": "Push the fork in firmly."}, {"text": "Dry."}]
    tip.submit(tip.content() | {"title": "Foam on all cutlery", "steps": edited})
    tip.save()

    queue = client.get(reverse(QUEUE))
    assert listed(queue) == ["Foam on forks"]  # as published, as for reviews
    assert "Edit to a published tip" in rows(queue)[0]
    client.logout()
    public = client.get(tip.get_absolute_url()).text
    assert "Foam on forks" in public and "Push the fork in firmly." not in public
    client.force_login(moderator)

    page = soup(client.get(reverse(DECIDE, args=[tip.pk])))
    waiting = page.find(id="submitted-heading").find_parent("section")
    shown = page.find(id="published-heading").find_parent("section")
    assert page.find(id="published-heading").get_text() == "What the public sees now"
    assert "Foam on all cutlery Changed" in text_of(waiting)
    assert "Foam on forks" in text_of(shown) and "Changed" not in text_of(shown)
    assert "Cost Nothing: uses what most homes have" in text_of(waiting)  # unchanged, unmarked
    assert "Cost Nothing: uses what most homes have Changed" not in text_of(waiting)
    assert "Steps Changed" in text_of(waiting)
    marked = [
        "Changed" in text_of(step) for step in waiting.select("ol.tip-moderation__steps > li")
    ]
    assert marked == [False, True, True]
    assert len(shown.select("ol.tip-moderation__steps > li")) == 2

    form = decide(client, tip)
    form.choose("decision", APPROVE)
    form.submit(client)
    tip.refresh_from_db()
    assert (tip.title, tip.steps, tip.pending_changes) == ("Foam on all cutlery", edited, None)


def test_a_tip_that_changed_while_being_read_is_not_decided(client, moderator, cutlery):
    tip = make_tip(cutlery, approved=False, title="First go")
    form = decide(client, tip)
    tip.submit(tip.content() | {"title": "Second go"})
    tip.save()

    form.choose("decision", APPROVE)
    response = form.submit(client)

    assert "This tip changed while you were reading it" in response.text
    assert not Tip.objects.approved().exists()
    # Read again, the decision goes through.
    form = RenderedForm(response, form_id="tip-decision")
    form.choose("decision", APPROVE)
    form.submit(client)
    assert Tip.objects.approved().get().title == "Second go"


# == Bulk approval ==


def test_bulk_approve_approves_exactly_the_chosen_tips(client, moderator, cutlery):
    chosen = [make_tip(cutlery, approved=False, title=f"Chosen {n}") for n in range(2)]
    left = make_tip(cutlery, approved=False, title="Not chosen")
    queue = client.get(reverse(QUEUE))

    confirmation = client.get(bulk_approve_url(queue, [t.pk for t in chosen], reverse(QUEUE)))
    assert confirmation.status_code == HTTPStatus.OK
    assert text_of(soup(confirmation).find("h1")) == "Approve tips"
    text = text_of(soup(confirmation))
    assert "Approve and publish 2 tips as written?" in text
    assert "Chosen 0 , a tip of Stainless steel cutlery set" in text
    response = RenderedForm(confirmation).submit(client, follow=True)

    assert "2 tips approved and published." in response.text
    assert set(Tip.objects.approved()) == set(chosen)
    left.refresh_from_db()
    assert left.status == Status.PENDING
    assert ProductRating.objects.get(product=cutlery).tip_count == 2
    assert ModelLogEntry.objects.filter(action=moderation.APPROVE_TIP).count() == 2


def test_bulk_approve_of_the_whole_listing_keeps_to_its_filters_and_search(
    client, moderator, cutlery
):
    mine = [make_tip(cutlery, approved=False, title=f"Foam {n}") for n in range(2)]
    others = [
        make_tip(cutlery, approved=False, title="Tape"),
        make_tip(make_product("Tap turner"), approved=False, title="Foam on the tap"),
    ]
    filtered = f"{reverse(QUEUE)}?product={cutlery.pk}&q=foam"

    RenderedForm(client.get(bulk_approve_url(client.get(filtered), ["all"], filtered))).submit(
        client
    )

    assert set(Tip.objects.approved()) == set(mine)
    assert all(Tip.objects.get(pk=t.pk).status == Status.PENDING for t in others)


# == Who may do it ==


def test_moderators_hold_view_and_change_on_tips_and_editors_nothing():
    def held(name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__model="tip")
            .values_list("codename", flat=True)
        )

    assert held("Moderators") == {"view_tip", "change_tip"}
    assert held("Editors") == set()


def test_staff_without_tip_permissions_are_refused(client, django_user_model, cutlery):
    tip = make_tip(cutlery, approved=False)
    editor = django_user_model.objects.create_user("ed", "ed@example.invalid", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    home = client.get(reverse(HOME))
    assert home.status_code == HTTPStatus.OK
    assert reverse(QUEUE) not in home.text and "tips waiting" not in home.text
    for url in [reverse(QUEUE), reverse(DECIDE, args=[tip.pk]), reverse(HISTORY, args=[tip.pk])]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, reverse(HOME))
    client.post(reverse(DECIDE, args=[tip.pk]), {"decision": "approve"})
    tip.refresh_from_db()
    assert tip.status == Status.PENDING


def test_nobody_adds_or_deletes_tips_in_the_admin(client, cutlery, django_user_model):
    tip = make_tip(cutlery, approved=False)
    admin = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    client.force_login(admin)

    queue = client.get(reverse(QUEUE))
    assert reverse("tip_moderation:add") not in queue.text
    assert reverse("tip_moderation:delete", args=[tip.pk]) not in queue.text
    assert [a["aria-label"] for a in soup(queue).select("[data-bulk-action-button]")] == [
        "Approve selected tips"
    ]
    assert client.get(reverse("tip_moderation:add"))["Location"] == reverse(HOME)
    client.post(reverse("tip_moderation:delete", args=[tip.pk]))
    assert Tip.objects.filter(pk=tip.pk).exists()
    # The decision page has no field for the author's words.
    assert set(decide(client, tip).data) == {"csrfmiddlewaretoken", "seen", "reason"}


# == A tip's photos ==


def test_a_tips_photo_waits_in_the_photo_queue_with_its_product_and_step(
    client, moderator, cutlery
):
    tip = make_tip(cutlery, make_member("Ade"), approved=False, title="Foam on forks")
    photo = make_photo(tip, "A fork in foam", step=2)
    make_photo(make_tip(make_product("Tap turner")), "A tap", step=1)

    queue = client.get(reverse(PHOTOS))
    assert sorted(listed(queue)) == ["A fork in foam", "A tap"]
    row = next(r for r in rows(queue) if "A fork in foam" in r)
    assert "Stainless steel cutlery set" in row and "Ade" in row
    assert "Tip: Foam on forks, step 2" in row
    assert listed(client.get(reverse(PHOTOS), {"product": cutlery.pk})) == ["A fork in foam"]
    by_product = client.get(reverse(PHOTOS), {"ordering": "-product_title"})
    assert listed(by_product) == ["A tap", "A fork in foam"]

    page = client.get(reverse(DECIDE_PHOTO, args=[photo.pk]))
    text = text_of(soup(page).find(id="photo-moderation"))
    assert "The tip it belongs to" in text
    assert f"Step Step 2: {tip.steps[1]['text']}" in text
    assert "Tip published No" in text
    assert "The tip is not published yet, so the photo stays hidden" in text
    link = soup(page).find("a", string="Foam on forks")
    assert link["href"] == reverse(DECIDE, args=[tip.pk])

    form = RenderedForm(page, form_id="photo-decision")
    form.choose("decision", "Approve: show it with the tip")
    response = form.submit(client, follow=True)
    assert (
        "Photo ‘A fork in foam’ approved. It will be shown once its tip is published."
        in response.text
    )
    photo.refresh_from_db()
    assert photo.status == Status.APPROVED


def test_rejecting_a_tips_photo_tells_the_tips_author(
    client, moderator, cutlery, django_capture_on_commit_callbacks
):
    tip = make_tip(cutlery)
    photo = make_photo(tip, "A price list", step=1)

    form = RenderedForm(
        client.get(reverse(DECIDE_PHOTO, args=[photo.pk])), form_id="photo-decision"
    )
    form.choose("decision", "Reject: do not show it, and tell the author why")
    form.set("reason", "It shows a price list, not the tip.")
    with django_capture_on_commit_callbacks(execute=True):
        form.submit(client)

    photo.refresh_from_db()
    assert (photo.status, photo.rejection_reason) == (
        Status.REJECTED,
        "It shows a price list, not the tip.",
    )
    assert [m.to for m in mail.outbox] == [[tip.author.email]]


# == Reports on tips ==


def test_withdrawing_a_reported_tip_closes_its_reports_and_tells_the_author(
    client, moderator, cutlery, django_capture_on_commit_callbacks
):
    tip = make_tip(cutlery, title="Bypass the safety cut-out")
    reports = [report(tip, reason="unsafe", details="This is dangerous."), report(tip)]
    reason = "Taking out a safety cut-out can start a fire."

    queue = client.get(reverse(REPORTS))
    assert "Tip: Bypass the safety cut-out" in rows(queue)[0]
    assert soup(queue).find("a", string="Bypass the safety cut-out")["href"] == reverse(
        DECIDE, args=[tip.pk]
    )
    assert len(listed(client.get(reverse(REPORTS), {"kind": "tip"}))) == 2
    assert listed(client.get(reverse(REPORTS), {"kind": "review"})) == []

    page = client.get(reverse(ACT, args=[reports[0].pk]))
    text = text_of(soup(page).find(id="report-moderation"))
    assert "Open reports on this tip (2)" in text and "This is dangerous." in text
    assert "Bypass the safety cut-out" in text and "Steps" in text
    form = RenderedForm(page, form_id="report-decision")
    form.choose("decision", "Withdraw the tip: take it off the site and tell the author why")
    form.set("reason", reason)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client, follow=True)

    assert (
        "2 reports on the tip ‘Bypass the safety cut-out’ closed. "
        "It was withdrawn and the author will be told why." in response.text
    )
    tip.refresh_from_db()
    assert (tip.status, tip.is_published, tip.rejection_reason) == (
        Status.REJECTED,
        False,
        reason,
    )
    assert ProductRating.objects.get(product=cutlery).tip_count == 0
    assert not Report.objects.open().exists()
    assert [m.to for m in mail.outbox] == [[tip.author.email]]
    cells = history_cells(client, HISTORY, tip)
    assert "2 reports closed: withdrawn" in cells
    assert f"Tip rejected. Reason given: “{reason}”" in cells


def test_keeping_a_reported_tip_leaves_it_published(client, moderator, cutlery):
    tip = make_tip(cutlery, title="Honest and odd")
    form = RenderedForm(client.get(reverse(ACT, args=[report(tip).pk])), form_id="report-decision")
    form.choose("decision", "Keep it: the tip stays as it is")
    form.submit(client)

    tip.refresh_from_db()
    assert (tip.status, tip.is_published) == (Status.APPROVED, True)
    assert not Report.objects.open().exists()
