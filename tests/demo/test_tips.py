"""Demo adaptation tips: the data file, the plan drawn from it, and what loading it leaves."""

import io
import json
import re
import shutil
from collections import Counter

import pytest
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from demo import catalogue_loader
from demo.catalogue import build_catalogue
from demo.contributions import describe, plan
from demo.datafiles import DATA_DIR, DataFileError
from demo.tips import APPROVED, PENDING, REJECTED, tip_data
from products.models import ProductIndexPage
from reviews import moderation
from reviews.models import DidThisToo, HelpfulVote, Photo, ProductRating, Status, Tip
from reviews.moderation import recount
from reviews.uploads import COLLECTION_NAME

MEMBERS, REVIEWS = 24, 80
# Risky work that a tip must warn about; the rejected tip is refused for lacking exactly that.
RISKY = re.compile(
    r"\b(boiling|hot|flame|lighter|drill\w*|saw|knife|epoxy|magnets?|bath|mains|bleach|"
    r"batter(y|ies))\b",
    re.IGNORECASE,
)
AMERICAN = re.compile(
    r"\b(colors?|center|gray|organiz\w*|aluminum|faucet|trash|mom|flashlight|"
    r"sidewalk|apartment|meters?|tire|cell phone|pacifier|diaper|gotten)\b",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def entries():
    return tip_data()[0]


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue()


@pytest.fixture(scope="module")
def tip_products(catalogue, entries):
    """The catalogue products the tips are for, as the plan has them."""
    slugs = {entry.product for entry in entries}
    return [spec for spec in catalogue if spec.slug in slugs]


@pytest.fixture(scope="module")
def full_plan(catalogue):
    return plan([describe(spec) for spec in catalogue])


def texts(content):
    steps = [step["text"] for step in content["steps"]]
    return [content["title"], content["problem"], *steps, content["tools"], content["safety_note"]]


# The data file and the plan, without a database


def test_the_data_holds_enough_varied_tips(entries, catalogue):
    assert len(entries) >= 25
    assert {entry.product for entry in entries} <= {spec.slug for spec in catalogue}
    assert len({entry.product for entry in entries}) >= 25, "spread over many products"
    assert all(2 <= len(entry.content["steps"]) <= 8 for entry in entries)
    assert set(Counter(entry.author for entry in entries)) == {
        "user",
        "family_carer",
        "paid_carer",
        "professional",
    }
    assert len({entry.content["difficulty"] for entry in entries}) >= 2
    assert len({entry.content["cost"] for entry in entries}) >= 2
    assert len({entry.content["time_needed"] for entry in entries}) >= 2
    assert sum(bool(entry.content["tools"]) for entry in entries) >= 20


def test_states_and_lineage(entries):
    states = Counter(entry.state for entry in entries)
    assert 2 <= states[PENDING] <= 3 and states[REJECTED] == 1
    assert states[APPROVED] == len(entries) - states[PENDING] - states[REJECTED]
    (rejected,) = [entry for entry in entries if entry.state == REJECTED]
    assert rejected.rejection_reason
    (edited,) = [entry for entry in entries if entry.edit]
    assert edited.state == APPROVED and edited.edit != edited.content

    parents = {entry.key: entry.based_on for entry in entries}
    assert sum(bool(parent) for parent in parents.values()) >= 4
    chains = [key for key, parent in parents.items() if parent and parents[parent]]
    assert chains, "one tip is based on a tip that is itself based on another"


def test_texts_fit_the_model(entries):
    for entry in entries:
        for content in filter(None, (entry.content, entry.edit)):
            tip = Tip(author_role="user", **content)
            tip.clean_fields(exclude=["product", "author"])


def test_risky_tips_have_a_safety_note(entries):
    for entry in entries:
        if entry.state != REJECTED and RISKY.search(" ".join(texts(entry.content))):
            assert entry.content["safety_note"], entry.key


def test_tips_are_in_british_english(entries):
    for entry in entries:
        for text in texts(entry.content) + [entry.rejection_reason]:
            assert not AMERICAN.search(text), (entry.key, AMERICAN.search(text)[0])


def test_a_mistake_in_the_tips_file_is_named(monkeypatch, tmp_path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / "contributions" / "tips.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    content["tips"][0]["based_on"] = "no-such-tip"
    path.write_text(json.dumps(content), encoding="utf-8")
    monkeypatch.setattr("demo.datafiles.DATA_DIR", tmp_path / "data")
    tip_data.cache_clear()
    try:
        with pytest.raises(DataFileError, match="foam-cutlery.*no-such-tip"):
            tip_data()
    finally:
        tip_data.cache_clear()


def test_plan_gives_each_tip_an_author_of_its_role(full_plan, entries):
    assert [tip.key for tip in full_plan.tips] == [entry.key for entry in entries]
    by_key = {entry.key: entry for entry in entries}
    for tip in full_plan.tips:
        assert full_plan.members[tip.member].role == by_key[tip.key].author
        assert "{" not in " ".join(texts(tip.content))
        if tip.based_on is not None:
            original = full_plan.tips[tip.based_on]
            assert original.key == by_key[tip.key].based_on
            assert original.member != tip.member, "an adaptation is someone else's"


def test_marks_and_votes_are_never_the_authors_and_only_on_published_tips(full_plan):
    for pairs in (full_plan.done, full_plan.tip_votes):
        assert len(pairs) >= 2 * len(full_plan.tips)
        assert len(set(pairs)) == len(pairs)
        for tip_index, member in pairs:
            assert member != full_plan.tips[tip_index].member
            assert full_plan.tips[tip_index].state == APPROVED
    done = Counter(tip for tip, _ in full_plan.done)
    assert len(set(done.values())) >= 4, "some tips are followed far more than others"
    for photo in full_plan.review_photos:
        assert not full_plan.reviews[photo.review].pending


def test_a_tip_is_planned_the_same_whatever_else_is_loaded(catalogue, tip_products, full_plan):
    smaller = plan([describe(spec) for spec in tip_products])
    assert [tip.key for tip in smaller.tips] == [tip.key for tip in full_plan.tips]
    for mine, theirs in zip(smaller.tips, full_plan.tips, strict=True):
        assert (mine.member, mine.content, mine.age) == (theirs.member, theirs.content, theirs.age)

    # With only the first products, a tip whose original is missing is left out too.
    first = plan([describe(spec) for spec in catalogue[:24]])
    keys = {tip.key for tip in first.tips}
    assert keys and "foam-cutlery" not in keys and "foam-strap" not in keys


# Loading


def load(tip_products):
    """The tips' products, then the contributions command over them."""
    if not ProductIndexPage.objects.get().get_children().exists():
        catalogue_loader.load(tip_products, ProductIndexPage.objects.get())
    stdout = io.StringIO()
    call_command(
        "load_demo_contributions",
        members=MEMBERS,
        reviews=REVIEWS,
        stdout=stdout,
        stderr=io.StringIO(),
    )
    return stdout.getvalue()


def snapshot():
    tips = Tip.objects.order_by("product__slug", "title").select_related("product", "author")
    return {
        "tips": [
            (
                tip.product.slug,
                tip.author.email,
                tip.title,
                tip.steps,
                tip.status,
                tip.pending_changes,
                tip.based_on_id,
                tip.published_at,
                tip.done_count,
                tip.helpful_count,
            )
            for tip in tips
        ],
        "photos": sorted(Photo.objects.values_list("alt_text", "status", "image__file")),
        "images": get_image_model().objects.count(),
        "done": sorted(DidThisToo.objects.values_list("tip_id", "member_id")),
        "votes": set(HelpfulVote.objects.values_list("review_id", "tip_id", "voter_id")),
        "log": ModelLogEntry.objects.count(),
        "ratings": sorted(ProductRating.objects.values_list("product_id", "tip_count")),
    }


@pytest.mark.django_db
def test_load_writes_tips_photos_and_marks_as_the_site_would(tip_products, entries):
    output = load(tip_products)

    states = Counter(entry.state for entry in entries)
    assert (
        f"Tips: {len(entries)} created ({states[PENDING]} waiting for a moderator, "
        "1 not published), 0 already present."
    ) in output
    assert "Tip edits waiting for a moderator: 1." in output
    tips = Tip.objects.select_related("author__profile", "based_on")
    assert tips.count() == len(entries)
    published = Tip.objects.approved()
    assert published.count() == states[APPROVED]

    # Waiting, refused and edited tips are as a moderator would find them.
    waiting = Tip.objects.pending().filter(published_at__isnull=True)
    assert waiting.count() == states[PENDING]
    (rejected,) = Tip.objects.filter(status=Status.REJECTED)
    assert rejected.published_at is None
    assert rejected.rejection_reason.startswith("Thank you for sharing this.")
    (edited,) = Tip.objects.filter(pending_changes__isnull=False)
    assert edited.is_published and edited.status == Status.PENDING
    assert len(edited.pending_changes["steps"]) == len(edited.steps) + 1
    assert ModelLogEntry.objects.filter(action=moderation.APPROVE_TIP).count() == published.count()
    assert ModelLogEntry.objects.filter(action=moderation.REJECT_TIP).count() == 1

    # Lineage, with a chain of three; adaptations come after their originals.
    chain = tips.get(based_on__based_on__isnull=False)
    assert chain.based_on.based_on.based_on is None
    for tip in tips.filter(based_on__isnull=False):
        assert tip.author_id != tip.based_on.author_id
        assert tip.created_at > tip.based_on.published_at

    # Written by demo members of several roles, as their profiles say.
    assert len({tip.author_role for tip in tips}) >= 3
    for tip in tips:
        assert tip.author.email.endswith(".example")
        assert tip.author_role == tip.author.profile.role
        assert "{relative}" not in tip.problem

    # Stored counts are what a recount gives, and nobody marks or votes for their own tip.
    for tip in tips:
        assert tip.done_count == tip.done_by.count()
        assert tip.helpful_count == tip.helpful_votes.count()
        assert not tip.done_by.filter(member=tip.author).exists()
        assert not tip.helpful_votes.filter(voter=tip.author).exists()
    assert DidThisToo.objects.count() >= 2 * published.count()
    assert not DidThisToo.objects.filter(tip__published_at__isnull=True).exists()
    marks = DidThisToo.objects.select_related("tip")
    assert all(mark.tip.published_at <= mark.created_at for mark in marks)
    assert len({mark.created_at.date() for mark in marks}) > 10, "over months, not all today"
    assert HelpfulVote.objects.filter(tip__isnull=False).count() >= 2 * published.count()
    for rating in ProductRating.objects.all():
        stored = rating.tip_count
        assert recount(rating.product_id).tip_count == stored
        assert stored == published.filter(product_id=rating.product_id).count()


@pytest.mark.django_db
def test_photos_are_cleaned_drawings_in_the_contributors_collection(tip_products, entries):
    output = load(tip_products)

    tip_photos = sum(len(entry.photos) for entry in entries)
    photos = Photo.objects.select_related("image__collection", "tip", "review")
    review_photos = photos.filter(review__isnull=False)
    assert photos.filter(tip__isnull=False).count() == tip_photos
    assert 5 <= review_photos.count() <= 8
    assert f"Photos (drawn diagrams): {photos.count()} created (2 waiting" in output
    assert photos.filter(status=Status.PENDING).count() == 2
    assert photos.filter(status=Status.APPROVED).count() == photos.count() - 2
    # A photo of a tip waiting for a moderator waits too.
    waiting = photos.filter(tip__isnull=False, tip__published_at__isnull=True)
    assert waiting.exists() and not waiting.filter(status=Status.APPROVED).exists()
    for photo in photos:
        assert photo.image.collection.name == COLLECTION_NAME
        assert photo.alt_text.startswith("Diagram: a simple drawing of ")
        assert len(photo.alt_text) <= 250
        if photo.tip_id:
            assert 1 <= photo.step <= len(photo.tip.steps)
            assert f"the number {photo.step} in a circle" in photo.alt_text
        assert photo.image.title.startswith(f"Photo with a {photo.contribution.kind.lower()} of ")
        with PILImage.open(photo.image.file.path) as image:
            assert image.format == "JPEG" and image.size == (800, 600)
            assert not image.getexif() and "exif" not in image.info


@pytest.mark.django_db
def test_second_load_adds_and_changes_nothing(tip_products, entries):
    load(tip_products)
    before = snapshot()

    output = load(tip_products)

    assert snapshot() == before
    assert f"Tips: 0 created (0 waiting for a moderator, 0 not published), {len(entries)}" in output
    assert "Tip edits waiting for a moderator: 0." in output
    assert "“I did this too”: 0 created" in output
    assert "Helpful votes on tips: 0 created" in output
    assert "Photos (drawn diagrams): 0 created (0 waiting for a moderator)" in output
