"""Members' photos are private until approved: fetched as a visitor, an author, a moderator and
an editor would fetch them, through the pages and URLs the site and its admin give out."""

import importlib
import io
from http import HTTPStatus
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.http import Http404, HttpResponseNotFound
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.static import serve
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from reviews.models import Photo, Report, Status
from reviews.photo_files import key_of
from reviews.uploads import contributors_collection
from tests.factories import make_image, make_member, make_product, make_review
from tests.html import soup
from tests.rendered_forms import RenderedForm
from tests.reviews import hostile_images as files

pytestmark = pytest.mark.django_db

Image = get_image_model()
ALT = "The chair raiser under a kitchen chair's legs"
APPROVE = "Approve: show it with the review"
REJECT = "Reject: do not show it, and tell the author why"
WITHDRAW = "Withdraw the photo: take it off the site and tell the author why"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings


@pytest.fixture
def author():
    return make_member("Rosa")


@pytest.fixture
def review(author):
    return make_review(make_product("Chair raiser"), author, title="Chairs at the right height")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def staff(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.invalid", "pw")
    user.groups.add(Group.objects.get(name=group))
    return signed_in(user)


@pytest.fixture
def moderator(django_user_model):
    return staff(django_user_model, "moderator", "Moderators")


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, "editor", "Editors")


def upload(author, item, alt=ALT):
    """Send a photo through the review's photos page, as its author does."""
    client = signed_in(author)
    form = RenderedForm(client.get(item.get_photos_url()), "add-photo")
    form.set("alt_text", alt)
    data = files.encode(PILImage.new("RGB", (60, 40), (200, 80, 40)), "PNG")
    response = form.submit(client, files={"photo": files.upload("chair.png", data, "image/png")})
    assert response.status_code == HTTPStatus.FOUND
    return Photo.objects.get(alt_text=alt)


def shown_src(client, item):
    """The address of the photo's image on its author's photos page."""
    return soup(client.get(item.get_photos_url())).select_one(".photo-list img")["src"]


def decide(client, photo, decision, reason=""):
    form = RenderedForm(
        client.get(reverse("photo_moderation:decide", args=[photo.pk])), form_id="photo-decision"
    )
    form.choose("decision", decision)
    if reason:
        form.set("reason", reason)
    return form.submit(client)


def files_of(photo):
    """Every stored file of a photo: its original and its renditions, by name."""
    image = Image.objects.get(pk=photo.image_id)
    names = [image.file.name, *Rendition.objects.filter(image=image).values_list("file", flat=True)]
    return [name for name in names if name]


def fetch(client, url):
    """A GET as production answers it: the web server sends MEDIA_ROOT to anyone, by itself."""
    if url.startswith(settings.MEDIA_URL):
        request = RequestFactory().get(url)
        try:
            return serve(request, url.removeprefix(settings.MEDIA_URL), settings.MEDIA_ROOT)
        except Http404:
            return HttpResponseNotFound()
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        # The test client closes the file once the content is read; closing it again here
        # would also close the test's database connection.
        b"".join(response.streaming_content)
    return response


def everything_under(root):
    root = Path(root)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# == What the public, the author and moderators get ==


def test_a_pending_photo_is_served_to_its_author_and_moderators_only(
    author, review, moderator, settings
):
    photo = upload(author, review)
    author_client = signed_in(author)
    rendition_url = shown_src(author_client, review)
    original_url = Image.objects.get(pk=photo.image_id).file.url

    for url in [rendition_url, original_url]:
        assert fetch(Client(), url).status_code == HTTPStatus.NOT_FOUND
        assert fetch(signed_in(make_member("Nosy")), url).status_code == HTTPStatus.NOT_FOUND
        mine = fetch(author_client, url)
        assert mine.status_code == HTTPStatus.OK
        assert mine["Content-Type"].startswith("image/")
        assert "no-store" in mine["Cache-Control"]
        assert fetch(moderator, url).status_code == HTTPStatus.OK
    # The moderator's decision page shows it too.
    large = soup(moderator.get(reverse("photo_moderation:decide", args=[photo.pk])))
    src = large.select_one("#photo-moderation figure img")["src"]
    assert fetch(moderator, src).status_code == HTTPStatus.OK
    # Nothing of it lies where the web server serves MEDIA_ROOT to anyone.
    assert not any("member-" in name for name in everything_under(settings.MEDIA_ROOT))
    for name in files_of(photo):
        assert (Path(settings.PRIVATE_MEDIA_ROOT) / name).is_file()


def test_an_approved_photo_is_served_to_everyone_while_its_review_is_published(
    author, review, moderator
):
    photo = upload(author, review)
    decide(moderator, photo, APPROVE)

    page = soup(Client().get(review.product.url))
    src = page.find("img", alt=ALT)["src"]
    response = fetch(Client(), src)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"].startswith("public")
    original_url = Image.objects.get(pk=photo.image_id).file.url
    assert fetch(Client(), original_url).status_code == HTTPStatus.OK

    # Its review withdrawn, the photo is no longer the public's, though it is still approved.
    form = RenderedForm(
        moderator.get(reverse("review_moderation:decide", args=[review.pk])),
        form_id="review-decision",
    )
    form.choose("decision", "Reject: send it back to the author")
    form.set("reason", "It names a shop.")
    form.submit(moderator)
    review.refresh_from_db()
    assert not review.is_published
    assert fetch(Client(), src).status_code == HTTPStatus.NOT_FOUND
    assert fetch(signed_in(author), src).status_code == HTTPStatus.OK


def test_rejecting_a_photo_deletes_its_files_and_nobody_can_fetch_it(
    author, review, moderator, settings, django_capture_on_commit_callbacks
):
    photo = upload(author, review)
    author_client = signed_in(author)
    rendition_url = shown_src(author_client, review)
    original_url = Image.objects.get(pk=photo.image_id).file.url
    stored = files_of(photo)
    assert len(stored) == 2  # the original, and the rendition the author's page made

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator, photo, REJECT, "It shows a letter with an address.")

    assert everything_under(settings.PRIVATE_MEDIA_ROOT) == []
    for name in stored:
        assert not default_storage.exists(name)
    for client in [Client(), author_client, moderator]:
        for url in [rendition_url, original_url]:
            assert fetch(client, url).status_code == HTTPStatus.NOT_FOUND
    # The author still sees why, and can remove it; moderators still read the decision.
    page = author_client.get(review.get_photos_url())
    assert page.status_code == HTTPStatus.OK
    assert "We deleted this photo when we did not publish it." in page.text
    assert soup(page).select(".photo-list img") == []
    decision = moderator.get(reverse("photo_moderation:decide", args=[photo.pk]))
    assert "The photo itself was deleted when it was rejected." in decision.text
    # It cannot be approved with nothing to show.
    response = decide(moderator, photo, APPROVE)
    assert "This photo was deleted when it was rejected" in response.text
    photo.refresh_from_db()
    assert photo.status == Status.REJECTED


def test_withdrawing_a_reported_photo_deletes_its_files(
    author, review, moderator, settings, django_capture_on_commit_callbacks
):
    photo = upload(author, review)
    decide(moderator, photo, APPROVE)
    src = soup(Client().get(review.product.url)).find("img", alt=ALT)["src"]
    assert fetch(Client(), src).status_code == HTTPStatus.OK
    complaint = Report.objects.create(
        photo=photo, reporter=make_member("Reporter"), reason="personal"
    )

    form = RenderedForm(
        moderator.get(reverse("report_moderation:decide", args=[complaint.pk])),
        form_id="report-decision",
    )
    form.choose("decision", WITHDRAW)
    form.set("reason", "It shows someone's address.")
    with django_capture_on_commit_callbacks(execute=True):
        form.submit(moderator)

    assert everything_under(settings.PRIVATE_MEDIA_ROOT) == []
    assert fetch(Client(), src).status_code == HTTPStatus.NOT_FOUND
    assert ALT not in Client().get(review.product.url).text


def test_an_editors_upload_named_like_a_members_photo_stays_public(editor, settings):
    image = make_image(title="Sneaky")
    image.file.save(f"member-{'a' * 32}.png", image.file.file, save=True)
    document = get_document_model().objects.create(
        title="Sneaky", file=ContentFile(b"%PDF-1.4", name=f"member-{'b' * 32}.pdf")
    )
    for stored in [image.file, image.get_rendition("max-20x20").file, document.file]:
        assert key_of(stored.name) is None
        assert (Path(settings.MEDIA_ROOT) / stored.name).is_file()


def test_the_file_view_refuses_names_that_are_not_members_photos(author, review):
    upload(author, review)
    author_client = signed_in(author)
    url = reverse("reviews:photo_file", args=["original_images/../../etc/passwd"])
    assert fetch(author_client, url).status_code == HTTPStatus.NOT_FOUND
    fake = reverse("reviews:photo_file", args=[f"original_images/member-{'0' * 32}.png"])
    assert fetch(author_client, fake).status_code == HTTPStatus.NOT_FOUND


def test_nginx_can_send_the_file_once_the_view_allows_it(author, review, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/private-media/"
    photo = upload(author, review)
    name = Image.objects.get(pk=photo.image_id).file.name
    response = signed_in(author).get(reverse("reviews:photo_file", args=[name]))
    assert response.status_code == HTTPStatus.OK
    assert response["X-Accel-Redirect"] == f"/private-media/{name}"
    assert Client().get(reverse("reviews:photo_file", args=[name])).status_code == 404


# == Editors and the image library ==


def test_editors_cannot_open_replace_download_or_delete_a_members_photo(
    author, review, editor, django_user_model
):
    photo = upload(author, review)
    image = Image.objects.get(pk=photo.image_id)
    original_name = image.file.name
    refused = {HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN}

    for name, args in [
        ("wagtailimages:edit", [image.pk]),
        ("wagtailimages:delete", [image.pk]),
        ("wagtailimages:url_generator", [image.pk]),
        ("wagtailimages:preview", [image.pk, "original"]),
        ("wagtailimages:image_usage", [image.pk]),
        ("wagtailimages_chooser:chosen", [image.pk]),
    ]:
        response = editor.get(reverse(name, args=args))
        assert response.status_code in refused, name

    replacement = files.encode(PILImage.new("RGB", (30, 30)), "PNG")
    response = editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Mine now", "file": files.upload("new.png", replacement, "image/png")},
    )
    assert response.status_code in refused
    response = editor.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert response.status_code in refused
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])
    editor.post(f"{bulk_delete}?id={image.pk}")
    image.refresh_from_db()
    assert (image.title, image.file.name) == (
        "Photo with a review of Chair raiser",
        original_name,
    )
    # The download link Wagtail would give: the original, which is not theirs to see.
    assert fetch(editor, image.file.url).status_code == HTTPStatus.NOT_FOUND
    # Superusers are kept out of the library's copy too: moderation is the way in.
    admin = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    response = signed_in(admin).get(reverse("wagtailimages:edit", args=[image.pk]))
    assert response.status_code in refused


def test_the_admin_api_leaves_members_photos_out(author, review, editor):
    photo = upload(author, review)
    make_image(title="Catalogue chair")

    listing = editor.get("/admin/api/main/images/")
    assert listing.status_code == HTTPStatus.OK
    titles = [item["title"] for item in listing.json()["items"]]
    assert titles == ["Catalogue chair"]
    detail = editor.get(f"/admin/api/main/images/{photo.image_id}/")
    assert detail.status_code == HTTPStatus.NOT_FOUND


def test_searching_the_image_library_and_chooser_works_and_leaves_members_photos_out(
    author, review, editor
):
    upload(author, review)  # titled "Photo with a review of Chair raiser"
    make_image(title="Office chair")
    make_image(title="Bath lift")

    library = editor.get(reverse("wagtailimages:index"), {"q": "chair"})
    assert library.status_code == HTTPStatus.OK
    assert "Office chair" in library.text
    assert "Bath lift" not in library.text
    assert "Chair raiser" not in library.text

    for name in ["wagtailimages_chooser:choose", "wagtailimages_chooser:choose_results"]:
        chooser = editor.get(reverse(name), {"q": "chair"})
        assert chooser.status_code == HTTPStatus.OK, name
        assert "Office chair" in chooser.text
        assert "Chair raiser" not in chooser.text


# == Removing a photo ==


def test_removing_a_photo_that_is_not_there_is_a_form_error(author, review):
    photo = upload(author, review)
    client = signed_in(author)
    form = RenderedForm(client.get(review.get_photos_url()), f"remove-photo-{photo.pk}")
    form.set("remove", "abc")  # a crafted POST: the page only offers real photos

    response = form.submit(client)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    summary = soup(response).select_one(".error-summary")
    assert "That photo is not one of yours here" in summary.get_text()
    assert summary.find("a")["href"] == "#your-photos"
    assert Photo.objects.filter(pk=photo.pk).exists()
    # The upload form is drawn fresh, not complaining about fields nobody sent.
    assert "Select a photo" not in response.text


# == Photos stored before this change ==


def test_photos_stored_in_media_root_before_move_out_by_the_migration(
    author, review, settings, django_capture_on_commit_callbacks
):
    migration = importlib.import_module("reviews.migrations.0009_photo_file_key")

    def legacy_photo(alt, status):
        # As the previous version stored one: in MEDIA_ROOT, named photo-…, with a rendition.
        data = files.encode(PILImage.new("RGB", (40, 30)), "PNG")
        image = Image.objects.create(
            title="Photo with a review of Chair raiser",
            collection=contributors_collection(),
            file=ImageFile(io.BytesIO(data), name=f"photo-{len(alt):012x}.png"),
        )
        image.get_rendition("max-320x240")
        return Photo.objects.create(review=review, image=image, alt_text=alt, status=status)

    shown = legacy_photo("Shown with the review", Status.APPROVED)
    refused = legacy_photo("Refused by a moderator", Status.REJECTED)
    assert len(everything_under(settings.MEDIA_ROOT)) == 4
    assert shown.file_key is None

    with django_capture_on_commit_callbacks(execute=True):
        migration.move_photo_files_out_of_media_root(django_apps, None)

    assert everything_under(settings.MEDIA_ROOT) == []
    shown.refresh_from_db()
    refused.refresh_from_db()
    assert shown.file_key and shown.image.file.name.startswith("original_images/member-")
    assert everything_under(settings.PRIVATE_MEDIA_ROOT) == [shown.image.file.name]
    assert (refused.has_file, refused.file_key is not None) == (False, True)
    assert fetch(Client(), shown.image.file.url).status_code == HTTPStatus.OK
    page = soup(Client().get(review.product.url))
    assert fetch(Client(), page.find("img", alt="Shown with the review")["src"]).status_code == 200


def test_searching_the_image_library_before_any_member_sent_a_photo(editor):
    make_image(title="Office chair")

    for name in ["wagtailimages:index", "wagtailimages_chooser:choose_results"]:
        response = editor.get(reverse(name), {"q": "chair"})
        assert response.status_code == HTTPStatus.OK, name
        assert "Office chair" in response.text


def test_the_site_refuses_to_start_with_private_photos_inside_media_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "private"
    with pytest.raises(SystemCheckError, match="PRIVATE_MEDIA_ROOT must lie outside MEDIA_ROOT"):
        call_command("check")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "elsewhere"
    call_command("check")
