"""Moderating photos and reports in the Wagtail admin, through the pages and forms it renders."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import ModelLogEntry

from reviews import moderation
from reviews.models import Photo, Report, Status
from reviews.uploads import check_and_clean, save_contributed_image
from tests.factories import make_image, make_member, make_product, make_review
from tests.html import soup
from tests.rendered_forms import RenderedForm
from tests.reviews import hostile_images as files
from tests.staff import signed_in_staff

pytestmark = pytest.mark.django_db

PHOTOS = "photo_moderation:list"
DECIDE_PHOTO = "photo_moderation:decide"
PHOTO_HISTORY = "photo_moderation:history"
REPORTS = "report_moderation:list"
ACT = "report_moderation:decide"
REVIEW_DECISION = "review_moderation:decide"
REVIEW_HISTORY = "review_moderation:history"
HOME = "wagtailadmin_home"

APPROVE = "Approve: show it with the review"
REJECT = "Reject: do not show it, and tell the author why"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def editor(client, django_user_model):
    return signed_in_staff(client, "Editors", "ed")


@pytest.fixture
def kettle():
    return make_product("Easy-grip kettle tipper")


def make_photo(item, alt_text="The tipper on a worktop", status=Status.PENDING, step=None):
    """A photo of a review (or of a tip's `step`) stored as the upload form stores one:
    checked, cleaned, in its collection."""
    data = files.encode(PILImage.new("RGB", (40, 30)), "PNG")
    clean = check_and_clean(files.upload("a.png", data, "image/png"))
    image = save_contributed_image(clean, f"Photo with {item.title}")
    return Photo.objects.create(
        **{item._meta.model_name: item}, step=step, image=image, alt_text=alt_text, status=status
    )


def report(subject, reporter=None, reason="abuse", details=""):
    """A member's report on a review, tip or photo."""
    return Report.objects.create(
        **{subject._meta.model_name: subject},
        reporter=reporter or make_member("Reporter"),
        reason=reason,
        details=details,
    )


def listed(response):
    return [
        link.get_text(strip=True)
        for link in soup(response).select("#listing-results td.title .title-wrapper a")
    ]


def rows(response):
    return [
        tr.get_text(" ", strip=True) for tr in soup(response).select("#listing-results tbody tr")
    ]


def photo_form(client, photo):
    response = client.get(reverse(DECIDE_PHOTO, args=[photo.pk]))
    return RenderedForm(response, form_id="photo-decision")


def report_form(client, a_report):
    return RenderedForm(client.get(reverse(ACT, args=[a_report.pk])), form_id="report-decision")


# == Photos ==


def test_the_photo_queue_lists_waiting_photos_oldest_first(client, moderator, kettle):
    author = make_member("Priya")
    review = make_review(kettle, author, title="Saves my wrists")
    first = make_photo(review, "First photo")
    make_photo(review, "Already shown", status=Status.APPROVED)
    second = make_photo(make_review(make_product("Tap turner")), "Second photo")
    Photo.objects.filter(pk=first.pk).update(created_at=second.created_at.replace(year=2000))

    response = client.get(reverse(PHOTOS))

    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["First photo", "Second photo"]
    row = rows(response)[0]
    assert "Easy-grip kettle tipper" in row and "Priya" in row
    assert "Waiting for a moderator" in row
    assert author.email not in response.text
    thumbnail = soup(response).select_one("#listing-results tbody tr img")
    assert thumbnail["alt"] == "First photo"
    assert first.image.get_rendition("fill-120x90").url == thumbnail["src"]


def test_the_photo_queue_filters_by_status_and_product(client, moderator, kettle):
    make_photo(make_review(kettle), "Waiting kettle")
    make_photo(make_review(kettle), "Shown kettle", status=Status.APPROVED)
    make_photo(make_review(make_product("Tap turner")), "Waiting taps")

    def descriptions(**query):
        return sorted(listed(client.get(reverse(PHOTOS), query)))

    assert descriptions() == ["Waiting kettle", "Waiting taps"]
    assert descriptions(status="approved") == ["Shown kettle"]
    assert descriptions(status="") == ["Shown kettle", "Waiting kettle", "Waiting taps"]
    assert descriptions(status="", product=kettle.pk) == ["Shown kettle", "Waiting kettle"]
    page = soup(client.get(reverse(PHOTOS)))
    assert page.select_one("input[name=status][value=pending]").has_attr("checked")
    assert page.select_one(f"select[name=product] option[value='{kettle.pk}']") is not None


def test_the_photo_decision_page_shows_the_photo_and_its_review(client, moderator, kettle):
    review = make_review(kettle, approved=False, title="Saves my wrists")
    photo = make_photo(review, "The tipper holding a full kettle")

    page = soup(client.get(reverse(DECIDE_PHOTO, args=[photo.pk])))

    text = " ".join(page.find(id="photo-moderation").get_text(" ").split())
    large = page.select_one("#photo-moderation figure img")
    assert large["alt"] == "The tipper holding a full kettle"
    assert large["src"] == photo.image.get_rendition("max-800x600").url
    assert "Saves my wrists" in text and "Easy-grip kettle tipper" in text
    assert "Review published No" in text
    assert "Photos are shown publicly only when both the photo and its review are approved." in text
    assert "the photo stays hidden until the review is approved too" in text
    link = page.find("a", string="Saves my wrists")
    assert link["href"] == reverse(REVIEW_DECISION, args=[review.pk])


def test_approving_a_photo_shows_it_with_its_published_review(client, moderator, kettle):
    photo = make_photo(make_review(kettle, title="Saves my wrists"), "Tipper on a worktop")

    form = photo_form(client, photo)
    form.choose("decision", APPROVE)
    response = form.submit(client, follow=True)

    assert response.redirect_chain == [(reverse(PHOTOS), HTTPStatus.FOUND)]
    assert "Photo ‘Tipper on a worktop’ approved." in response.text
    photo.refresh_from_db()
    assert photo.status == Status.APPROVED
    entry = ModelLogEntry.objects.get(action=moderation.APPROVE_PHOTO)
    assert (entry.object_id, entry.user) == (str(photo.pk), moderator)
    history = client.get(reverse(PHOTO_HISTORY, args=[photo.pk]))
    assert "Photo approved" in [td.get_text(strip=True) for td in soup(history).select("tbody td")]


def test_rejecting_a_photo_needs_a_reason(client, moderator, kettle):
    photo = make_photo(make_review(kettle))

    form = photo_form(client, photo)
    form.choose("decision", REJECT)
    form.set("reason", "  ")
    response = form.submit(client)

    assert response.status_code == HTTPStatus.OK
    errors = soup(response).select(".w-field__errors .error-message")
    assert [e.get_text(strip=True) for e in errors] == ["Say why, so the author can put it right."]
    photo.refresh_from_db()
    assert photo.status == Status.PENDING
    assert not ModelLogEntry.objects.filter(action=moderation.REJECT_PHOTO).exists()
    assert mail.outbox == []
    response = photo_form(client, photo).submit(client)
    assert "Choose whether to approve or reject this photo." in response.text


def test_rejecting_a_photo_emails_the_author_after_commit(
    client, moderator, kettle, django_capture_on_commit_callbacks
):
    review = make_review(kettle)
    photo = make_photo(review, "A price list")
    reason = "The photo shows a shop's price list, not the product in use."

    form = photo_form(client, photo)
    form.choose("decision", REJECT)
    form.set("reason", reason)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client, follow=True)

    assert "Photo ‘A price list’ rejected. The author will be told why." in response.text
    photo.refresh_from_db()
    assert (photo.status, photo.rejection_reason) == (Status.REJECTED, reason)
    assert [m.to for m in mail.outbox] == [[review.author.email]]
    entry = ModelLogEntry.objects.get(action=moderation.REJECT_PHOTO)
    assert (entry.user, entry.data) == (moderator, {"reason": reason})
    history = client.get(reverse(PHOTO_HISTORY, args=[photo.pk]))
    cells = [td.get_text(" ", strip=True) for td in soup(history).select("tbody td")]
    assert f"Photo rejected. Reason given: “{reason}”" in cells


def test_bulk_approve_approves_exactly_the_chosen_photos(client, moderator, kettle):
    review = make_review(kettle)
    chosen = [make_photo(review, f"Chosen {n}") for n in range(2)]
    left = make_photo(review, "Not chosen")
    queue = client.get(reverse(PHOTOS))
    button = soup(queue).find("a", attrs={"data-bulk-action-button": True})
    assert button.get_text(strip=True) == "Approve"
    query = urlencode([("next", reverse(PHOTOS))] + [("id", p.pk) for p in chosen])

    confirmation = client.get(f"{button['href']}?{query}")
    assert "Approve 2 photos?" in " ".join(confirmation.text.split())
    response = RenderedForm(confirmation).submit(client, follow=True)

    assert "2 photos approved." in response.text
    assert set(Photo.objects.approved()) == set(chosen)
    left.refresh_from_db()
    assert left.status == Status.PENDING
    assert ModelLogEntry.objects.filter(action=moderation.APPROVE_PHOTO).count() == 2


# == Reports ==


def test_the_report_queue_lists_open_reports_oldest_first(client, moderator, kettle):
    review = make_review(kettle, title="Buy it at Shopco")
    photo = make_photo(make_review(kettle), "A hand on the lever", status=Status.APPROVED)
    reporter = make_member("Careful Carol")
    first = report(review, reporter, reason="spam", details="It is an advert.")
    report(review)
    report(photo, reason="personal", details="A letter with an address is in shot.")
    closed = report(make_review(make_product(), title="Settled"))
    Report.objects.filter(pk=closed.pk).update(closed_at=first.created_at)

    response = client.get(reverse(REPORTS))

    assert response.status_code == HTTPStatus.OK
    assert listed(response) == [
        "Advertising or spam",
        "Offensive, hateful or abusive",
        "It gives someone's personal details",
    ]
    first_row, _, photo_row = rows(response)
    assert "Review: Buy it at Shopco" in first_row and "It is an advert." in first_row
    assert "Careful Carol" in first_row and reporter.email not in response.text
    assert "Photo: A hand on the lever" in photo_row
    counts = [
        tr.select("td")[3].get_text(strip=True)
        for tr in soup(response).select("#listing-results tbody tr")
    ]
    assert counts == ["2", "2", "1"]
    page = soup(response)
    assert page.find("a", string="Buy it at Shopco")["href"] == reverse(
        REVIEW_DECISION, args=[review.pk]
    )
    assert page.find("a", string="A hand on the lever")["href"] == reverse(
        DECIDE_PHOTO, args=[photo.pk]
    )
    assert "Settled" not in response.text
    # Filters: what was reported, and why.
    assert listed(client.get(reverse(REPORTS), {"kind": "photo"})) == [
        "It gives someone's personal details"
    ]
    assert listed(client.get(reverse(REPORTS), {"reason": "spam"})) == ["Advertising or spam"]


def test_withdrawing_a_reported_review_needs_a_reason(client, moderator, kettle):
    review = make_review(kettle)
    a_report = report(review)

    form = report_form(client, a_report)
    form.choose("decision", "Withdraw the review: take it off the site and tell the author why")
    response = form.submit(client)

    errors = soup(response).select(".w-field__errors .error-message")
    assert [e.get_text(strip=True) for e in errors] == ["Say why, so the author can put it right."]
    review.refresh_from_db()
    assert review.is_published
    assert Report.objects.open().count() == 1
    assert not ModelLogEntry.objects.filter(action=moderation.CLOSE_REPORTS).exists()


def test_withdrawing_a_reported_review_closes_all_its_reports_and_tells_the_author(
    client, moderator, kettle, django_capture_on_commit_callbacks
):
    review = make_review(kettle, title="Buy it at Shopco")
    reports = [report(review, reason="spam"), report(review)]
    other = report(make_review(kettle, title="Another"))
    reason = "It reads as an advert for one shop."

    form = report_form(client, reports[1])
    assert "Open reports on this review (2)" in form.form.find_parent("main").get_text()
    form.choose("decision", "Withdraw the review: take it off the site and tell the author why")
    form.set("reason", reason)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.submit(client, follow=True)

    assert response.redirect_chain == [(reverse(REPORTS), HTTPStatus.FOUND)]
    assert (
        "2 reports on the review ‘Buy it at Shopco’ closed. "
        "It was withdrawn and the author will be told why." in response.text
    )
    review.refresh_from_db()
    assert (review.status, review.is_published) == (Status.REJECTED, False)
    assert "Buy it at Shopco" not in client.get(kettle.url).text
    for closed in reports:
        closed.refresh_from_db()
        assert (closed.closed_by, closed.closed_at is not None) == (moderator, True)
    assert list(Report.objects.open()) == [other]
    assert [m.to for m in mail.outbox] == [[review.author.email]]
    entry = ModelLogEntry.objects.get(action=moderation.CLOSE_REPORTS)
    assert (entry.object_id, entry.user, entry.data) == (
        str(review.pk),
        moderator,
        {"outcome": "withdrawn", "reports": [r.pk for r in reports]},
    )
    history = client.get(reverse(REVIEW_HISTORY, args=[review.pk]))
    cells = [td.get_text(" ", strip=True) for td in soup(history).select("tbody td")]
    assert "2 reports closed: withdrawn" in cells


def test_keeping_a_reported_photo_leaves_it_shown_and_closes_its_reports(client, moderator, kettle):
    photo = make_photo(make_review(kettle), "A grab rail by the bath", status=Status.APPROVED)
    reports = [report(photo), report(photo, reason="other", details="Looks staged.")]

    page = client.get(reverse(ACT, args=[reports[0].pk]))
    assert "Looks staged." in page.text
    assert soup(page).select_one("#report-moderation figure img")["alt"] == (
        "A grab rail by the bath"
    )
    form = RenderedForm(page, form_id="report-decision")
    form.choose("decision", "Keep it: the photo stays as it is")
    response = form.submit(client, follow=True)

    assert "2 reports on the photo ‘A grab rail by the bath’ closed. It stays as it is." in (
        response.text
    )
    photo.refresh_from_db()
    assert photo.status == Status.APPROVED
    assert not Report.objects.open().exists()
    assert ModelLogEntry.objects.get(action=moderation.CLOSE_REPORTS).data["outcome"] == "kept"
    assert mail.outbox == []


def test_keeping_a_reported_review_leaves_it_published(client, moderator, kettle):
    review = make_review(kettle, title="Honest and harsh")
    form = report_form(client, report(review))
    form.choose("decision", "Keep it: the review stays as it is")
    form.submit(client)

    review.refresh_from_db()
    assert (review.status, review.is_published) == (Status.APPROVED, True)
    assert "Honest and harsh" in client.get(kettle.url).text
    assert not Report.objects.open().exists()


def test_withdrawing_a_reported_photo_rejects_it_and_tells_the_author(
    client, moderator, kettle, django_capture_on_commit_callbacks
):
    review = make_review(kettle)
    photo = make_photo(review, "A letter with an address", status=Status.APPROVED)
    form = report_form(client, report(photo, reason="personal"))
    form.choose("decision", "Withdraw the photo: take it off the site and tell the author why")
    form.set("reason", "It shows someone's address.")
    with django_capture_on_commit_callbacks(execute=True):
        form.submit(client)

    photo.refresh_from_db()
    assert (photo.status, photo.rejection_reason) == (
        Status.REJECTED,
        "It shows someone's address.",
    )
    assert [m.to for m in mail.outbox] == [[review.author.email]]
    assert not Report.objects.open().exists()


def test_closing_reports_twice_closes_them_once(moderator, kettle):
    review = make_review(kettle)
    report(review)
    report(review)

    assert moderation.close_reports(review, moderator, moderation.REPORT_KEPT) == 2
    assert moderation.close_reports(review, moderator, moderation.REPORT_KEPT) == 0
    assert ModelLogEntry.objects.filter(action=moderation.CLOSE_REPORTS).count() == 1


def test_a_report_already_acted_on_sends_the_moderator_back_to_the_queue(client, moderator, kettle):
    review = make_review(kettle)
    reports = [report(review), report(review)]
    form = report_form(client, reports[1])
    form.choose("decision", "Keep it: the review stays as it is")
    form.submit(client)

    response = client.get(reverse(ACT, args=[reports[0].pk]), follow=True)

    assert response.redirect_chain == [(reverse(REPORTS), HTTPStatus.FOUND)]
    assert "That report is closed: someone has already acted on it." in response.text
    assert form.submit(client).status_code == HTTPStatus.FOUND
    assert ModelLogEntry.objects.filter(action=moderation.CLOSE_REPORTS).count() == 1


def test_withdrawing_a_reported_review_with_an_edit_waiting_takes_it_off_the_site(
    client, moderator, kettle
):
    review = make_review(kettle, title="Published text")
    review.submit(review.content() | {"title": "Edited text"})
    review.save()
    a_report = report(review)

    assert (
        "takes the published text off the site" in client.get(reverse(ACT, args=[a_report.pk])).text
    )
    form = report_form(client, a_report)
    form.choose("decision", "Withdraw the review: take it off the site and tell the author why")
    form.set("reason", "It names a private person.")
    form.submit(client)

    review.refresh_from_db()
    assert not review.is_published
    assert Report.objects.open().count() == 0


# == Who may do it ==


def test_staff_without_moderation_permissions_are_refused(client, editor, kettle):
    photo = make_photo(make_review(kettle))
    a_report = report(photo)

    home = client.get(reverse(HOME))
    assert home.status_code == HTTPStatus.OK
    assert "waiting for moderation" not in home.text and "open report" not in home.text
    for url in [
        reverse(PHOTOS),
        reverse(DECIDE_PHOTO, args=[photo.pk]),
        reverse(PHOTO_HISTORY, args=[photo.pk]),
        reverse(REPORTS),
        reverse(ACT, args=[a_report.pk]),
    ]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, reverse(HOME))
    client.post(reverse(DECIDE_PHOTO, args=[photo.pk]), {"decision": "approve"})
    client.post(reverse(ACT, args=[a_report.pk]), {"decision": "keep"})
    photo.refresh_from_db()
    assert photo.status == Status.PENDING
    assert Report.objects.open().count() == 1


def test_nobody_adds_or_deletes_photos_or_reports_in_the_admin(client, kettle, django_user_model):
    photo = make_photo(make_review(kettle))
    a_report = report(photo)
    admin = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    client.force_login(admin)

    for namespace, item in [("photo_moderation", photo), ("report_moderation", a_report)]:
        queue = client.get(reverse(f"{namespace}:list"))
        assert reverse(f"{namespace}:add") not in queue.text
        assert reverse(f"{namespace}:delete", args=[item.pk]) not in queue.text
        assert client.get(reverse(f"{namespace}:add"))["Location"] == reverse(HOME)
        client.post(reverse(f"{namespace}:delete", args=[item.pk]))
    assert Photo.objects.filter(pk=photo.pk).exists()
    assert Report.objects.filter(pk=a_report.pk).exists()


def test_moderators_see_photo_and_report_counts_on_the_dashboard(client, moderator, kettle):
    review = make_review(kettle)
    for _ in range(3):
        make_photo(review)
    make_photo(review, status=Status.APPROVED)
    report(review)
    report(review)

    home = client.get(reverse(HOME))

    text = " ".join(soup(home).get_text().split())
    assert "3 photos waiting for moderation" in text
    assert "2 open reports" in text
    page = soup(home)
    assert page.find("a", string=lambda s: s and "photos waiting" in s)["href"] == reverse(PHOTOS)
    assert page.find("a", string=lambda s: s and "open reports" in s)["href"] == reverse(REPORTS)


# == The image library ==


def test_members_photos_stay_out_of_the_editors_image_library(client, editor, kettle):
    make_photo(make_review(kettle, title="Secret kitchen"))
    make_image(title="Catalogue picture")

    listing = client.get(reverse("wagtailimages:index"))
    chooser = client.get(reverse("wagtailimages_chooser:choose"))

    for response in [listing, chooser]:
        assert response.status_code == HTTPStatus.OK
        assert "Catalogue picture" in response.text
        assert "Photo with Secret kitchen" not in response.text
