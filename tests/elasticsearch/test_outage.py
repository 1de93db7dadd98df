"""A member's save while Elasticsearch is frozen: it neither waits for the node nor loses the
update to Wagtail's own search, which reaches the node once it answers again.

Found by freezing the node (SIGSTOP): removing a photo deletes its Wagtail image, and Wagtail's
admin-search index was updated inside the request (10 s timeout, two retries: 30 s).
"""

import time
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from enabled.settings.base import search_backends
from reviews.models import Photo
from tests.elasticsearch.helpers import durable_tasks
from tests.factories import make_image, make_member, make_product, make_review
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.elasticsearch

# A generous bound: today's wait is 30 s; a save that queues its work takes well under one.
SAVE_SECONDS = 3


def run_worker(queue_name="*", **options):
    call_command("db_worker", queue_name=queue_name, batch=True, verbosity=0, **options)


def image_indexed(node, prefix, image_pk):
    client = node.client(request_timeout=30)
    index = f"{prefix}wagtailimages_image"
    client.indices.refresh(index=index)
    return client.exists(index=index, id=str(image_pk)).body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_removing_a_photo_while_the_node_is_frozen_returns_at_once_and_lands_later(
    own_node, index_prefix, settings, client
):
    durable_tasks(settings)
    settings.SEARCH_RETRY_SECONDS = 0
    prefix = f"{index_prefix}outage_"
    # The backends production uses (its timeout and retries), on our own node.
    settings.WAGTAILSEARCH_BACKENDS = search_backends(own_node.url, prefix)

    author = make_member("Rosa")
    review = make_review(make_product("Tap turner"), author)
    photo = Photo.objects.create(
        review=review, image=make_image("Tap turner in use"), alt_text="A hand on the lever"
    )
    run_worker()
    assert image_indexed(own_node, prefix, photo.image_id)

    client.force_login(author)
    page = client.get(reverse("reviews:photos", args=[review.pk]))
    form = RenderedForm(page, f"remove-photo-{photo.pk}")
    own_node.freeze()
    try:
        started = time.perf_counter()
        response = form.submit(client, button="remove")
        took = time.perf_counter() - started
        assert response.status_code == HTTPStatus.FOUND
        assert not Photo.objects.filter(pk=photo.pk).exists()
        assert took < SAVE_SECONDS

        # The worker's attempt meets the frozen node (briefly, here) and queues another.
        quick = search_backends(own_node.url, prefix)
        quick["default"].update(TIMEOUT=1, OPTIONS={"max_retries": 0})
        settings.WAGTAILSEARCH_BACKENDS = quick
        run_worker("search", max_tasks=1)
        waiting = DBTaskResult.objects.filter(
            task_path="search.tasks.update_admin_search", status="READY"
        )
        assert waiting.exists()
    finally:
        own_node.thaw()

    settings.WAGTAILSEARCH_BACKENDS = search_backends(own_node.url, prefix)
    run_worker()
    assert not waiting.exists()
    assert not image_indexed(own_node, prefix, photo.image_id)
