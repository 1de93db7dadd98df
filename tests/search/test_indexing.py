"""The database implementation's index follows every change, through the real task queue."""

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from reviews import moderation
from search.backends.database import DatabaseBackend
from search.store import SearchDocument
from search.types import Query
from taxonomy.models import Need
from tests.elasticsearch.helpers import durable_tasks
from tests.factories import (
    make_manufacturer,
    make_member,
    make_product,
    make_review,
    make_tip,
)

pytestmark = pytest.mark.django_db


def document(product):
    return SearchDocument.objects.get(pk=product.pk).document


def found(text="", **filters):
    return DatabaseBackend().search(Query(text=text, filters=filters)).ids


def test_publishing_indexes_a_product_and_unpublishing_removes_it(commits):
    product = commits(make_product, "Bath board", needs=["Washing and bathing"])
    assert found("bath board") == [product.pk]
    assert document(product)["needs"] == ["washing-and-bathing"]

    commits(product.unpublish)
    assert found("bath board") == []
    assert not SearchDocument.objects.filter(pk=product.pk).exists()


def test_deleting_and_moving_a_product_follow(commits):
    product = commits(make_product, "Perching stool")
    other = commits(make_product, "Kitchen trolley")
    commits(other.move, product, pos="last-child")
    assert document(other)["url"].startswith(product.url)
    commits(other.delete)
    assert not SearchDocument.objects.filter(pk=other.pk).exists()


def test_every_moderation_decision_updates_what_search_knows(commits):
    product = commits(make_product, "Tap turner")
    review = commits(make_review, product, make_member(role="family_carer"), approved=False,
                     title="Opens stiff taps")  # fmt: skip
    assert document(product)["review_count"] == 0
    commits(moderation.approve, review, None)
    assert document(product)["review_count"] == 1
    assert document(product)["reviewer_roles"] == ["family_carer"]
    assert found("stiff taps") == [product.pk]

    tip = commits(make_tip, product, title="A longer lever from a wooden spoon")
    assert document(product)["tips"] == ["with_tips"]
    assert found(tips=["with_tips"]) == [product.pk]
    commits(moderation.reject, tip, None, "Not safe with hot water.")
    assert document(product)["tips"] == []
    commits(moderation.reject, review, None, "Names a person.", withdraw=True)
    assert found("stiff taps") == []


def test_renaming_a_need_reindexes_its_products(commits):
    product = commits(make_product, "Kettle tipper", needs=["Cooking"])
    need = Need.objects.get(name="Cooking")
    need.name = "Cooking and making drinks"
    commits(need.save)
    assert "Cooking and making drinks" in document(product)["needs_text"]


def test_renaming_a_manufacturer_reindexes_its_products(commits):
    maker = make_manufacturer("Able Living")
    product = commits(make_product, "Kettle tipper", manufacturer=maker)
    maker.name = "Able Living Ltd"
    commits(maker.save)
    assert document(product)["manufacturer"] == "Able Living Ltd"
    assert DatabaseBackend().search(Query(text="able ltd")).ids == [product.pk]


# The worker opens its own transactions, as it does in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_durable_queue_keeps_the_work_until_the_worker_runs(settings, commits):
    """With the database task backend, a publish leaves a task; db_worker does it."""
    durable_tasks(settings)
    product = commits(make_product, "Rollator with a seat")
    waiting = DBTaskResult.objects.filter(task_path="search.tasks.reindex_products")
    assert waiting.filter(status="READY").exists()
    assert not SearchDocument.objects.filter(pk=product.pk).exists()

    call_command("db_worker", queue_name="search", batch=True, verbosity=0)
    assert waiting.filter(status="SUCCESSFUL").exists()
    assert found("rollator") == [product.pk]


def test_status_reports_drift_and_catch_up_mends_it(commits, capsys):
    kept = commits(make_product, "Grab rail")
    changed = commits(make_product, "Bath lift")
    call_command("search_index", "rebuild", verbosity=0)
    call_command("search_index", "status")

    SearchDocument.objects.filter(pk=kept.pk).delete()  # lost
    review = make_review(changed, approved=False)
    moderation.approve(review, None)  # decided without its task running
    with pytest.raises(CommandError, match="2 products differ"):
        call_command("search_index", "status")
    output = capsys.readouterr().out
    assert f"Missing from the index: 1 ({kept.pk})" in output
    assert f"Changed since they were indexed: 1 ({changed.pk})" in output

    call_command("search_index", "catch-up", verbosity=0)
    call_command("search_index", "status")
    assert "The index equals the database." in capsys.readouterr().out
    assert document(changed)["review_count"] == 1


def test_status_and_catch_up_see_an_edit_approved_and_a_review_withdrawn(commits, capsys):
    """Neither decision moves the product's last change, but both change what search holds."""
    edited = commits(make_product, "Bath lift")
    review = commits(make_review, edited, rating=2, title="Too slow")
    withdrawn = commits(make_product, "Grab rail")
    kept = commits(make_review, withdrawn, rating=5)
    gone = commits(make_review, withdrawn, rating=1)
    call_command("search_index", "rebuild", verbosity=0)
    call_command("search_index", "status")
    capsys.readouterr()

    # Decided without their tasks running, as when the worker was down.
    review.submit({**review.content(), "rating": 5})
    review.save()
    moderation.approve(review, None)
    moderation.reject(gone, None, "Names a person.", withdraw=True)
    assert document(edited)["rating"] == 2
    assert document(withdrawn)["review_count"] == 2

    with pytest.raises(CommandError, match="2 products differ"):
        call_command("search_index", "status")
    assert f"Changed since they were indexed: 2 ({edited.pk}, {withdrawn.pk})" in (
        capsys.readouterr().out
    )

    call_command("search_index", "catch-up", verbosity=0)
    call_command("search_index", "status")
    assert "The index equals the database." in capsys.readouterr().out
    assert document(edited)["rating"] == 5
    assert (document(withdrawn)["review_count"], document(withdrawn)["rating"]) == (1, kept.rating)
