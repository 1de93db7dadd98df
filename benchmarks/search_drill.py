"""An outage drill for search: changes made while Elasticsearch is stopped, then frozen, and
during two rebuilds; then whether every one of them reached the indices.

    .venv/bin/python benchmarks/search_drill.py [--products 200] [--changes 20]

It makes a throwaway test database (an SQLite file, or PostgreSQL when DATABASE_URL is set) and
starts a node of its own from the install scripts/elasticsearch.sh made (never the shared
node, which it does not touch), with the durable task queue as production has it. In each
phase members remove photos through the site and moderators approve reviews; the slowest of
those saves is timed. The node is then started or thawed, the worker runs, and an update is
lost when the product index or Wagtail's admin search still differs from the database.
During the rebuilds a thread searches without pause and every failed search is counted.
"""

import argparse
import io
import os
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enabled.settings.test")
os.environ.setdefault("TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="enabled-drill-media-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from enabled.settings.base import search_backends  # noqa: E402
from tests.elasticsearch.own_node import OwnNode, available  # noqa: E402


def worker(**options):
    call_command("db_worker", queue_name="*", batch=True, verbosity=0, **options)


class Drill:
    def __init__(self, node, prefix, products, changes):
        from search.backends.elasticsearch import ElasticsearchBackend

        self.node, self.prefix, self.changes = node, prefix, changes
        self.engine = ElasticsearchBackend()
        self.client = Client()
        self.products = self.catalogue(products)
        self.removed_images = []

    def catalogue(self, count):
        from tests.factories import make_product

        return [make_product(f"Drill product {n}", needs=["Cooking"]) for n in range(count)]

    def waiting_review(self, product):
        from tests.factories import make_review

        return make_review(product, approved=False, title="Sturdy and light")

    def photo(self, product):
        from reviews.models import Photo
        from tests.factories import make_image, make_member, make_review

        author = make_member("Drill member")
        review = make_review(product, author)
        image = make_image("Drill photo")
        return author, Photo.objects.create(review=review, image=image, alt_text="In use")

    def prepare(self):
        """Reviews waiting for approval, and photos whose images admin search holds."""
        self.pending = [self.waiting_review(p) for p in self.products[: self.changes]]
        self.photos = [self.photo(p) for p in self.products[-self.changes :]]
        worker()

    def changes_timed(self):
        """The approvals and photo removals, through the site; how many, and the slowest, s."""
        from reviews import moderation
        from tests.rendered_forms import RenderedForm

        slowest = 0.0
        for review in self.pending:
            started = time.perf_counter()
            moderation.approve(review, None)
            slowest = max(slowest, time.perf_counter() - started)
        for author, photo in self.photos:
            self.client.force_login(author)
            page = self.client.get(reverse("reviews:photos", args=[photo.review_id]))
            form = RenderedForm(page, f"remove-photo-{photo.pk}")
            started = time.perf_counter()
            response = form.submit(self.client, button="remove")
            slowest = max(slowest, time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            self.removed_images.append(photo.image_id)
        return len(self.pending) + len(self.photos), slowest

    def lost(self):
        """Products whose index entry differs from the database, and removed images Wagtail's
        admin search still holds."""
        self.engine.refresh()
        products = len(self.engine.status().drifted)
        client = self.node.client(request_timeout=30)
        index = f"{self.prefix}admin_wagtailimages_image"
        if not client.indices.exists(index=index):
            return products  # no image reached it: none can linger there
        client.indices.refresh(index=index)
        images = sum(client.exists(index=index, id=str(pk)).body for pk in self.removed_images)
        return products + images

    def outage(self, name, begin, end, attempts=0):
        self.prepare()
        begin()
        try:
            made, slowest = self.changes_timed()
            # While the node is away, each attempt fails and queues its task again.
            if attempts:
                worker(max_tasks=attempts)
        finally:
            end()
        worker()
        return {"phase": name, "changes": made, "slowest save (s)": round(slowest, 2),
                "lost": self.lost()}  # fmt: skip

    def rebuilds(self):
        from reviews import moderation
        from search.types import Query

        pending = [self.waiting_review(p) for p in self.products]
        searches, failed, done = [0], [0], threading.Event()

        def search():
            while not done.is_set():
                searches[0] += 1
                try:
                    self.engine.search(Query(text="drill product"))
                except Exception:  # noqa: BLE001 - counted
                    failed[0] += 1
            connections.close_all()

        def rebuild_twice():
            try:
                for _ in range(2):
                    self.engine.rebuild()
            finally:
                done.set()
                connections.close_all()

        threads = [threading.Thread(target=search), threading.Thread(target=rebuild_twice)]
        for thread in threads:
            thread.start()
        approved = 0
        while not done.is_set() and approved < len(pending):
            moderation.approve(pending[approved], None)
            approved += 1
            worker()  # the worker writes through the alias while the rebuild loads
        for thread in threads:
            thread.join()
        worker()
        return {"phase": "two rebuilds", "changes": approved, "searches": searches[0],
                "searches failed": failed[0], "lost": self.lost()}  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--changes", type=int, default=20, help="of each kind, per phase")
    args = parser.parse_args()
    if reason := available():
        sys.exit(f"search_drill: {reason}")

    node = OwnNode()
    try:
        node.start()
        rows = run(node, args)
    finally:
        node.remove()
    print(f"\nSearch outage drill, {args.products} products, {connection.vendor}\n")
    columns = ["phase", "changes", "slowest save (s)", "lost", "searches", "searches failed"]
    print("| " + " | ".join(columns) + " |")
    print("|---" * len(columns) + "|")
    for row in rows:
        print("| " + " | ".join(str(row.get(column, "")) for column in columns) + " |")
    return 1 if any(row["lost"] or row.get("searches failed") for row in rows) else 0


def run(node, args):
    prefix = f"enabled_drill_{secrets.token_hex(3)}_"
    setup_test_environment()
    if connection.vendor == "sqlite":  # a file, so the drill's threads share it
        database = Path(tempfile.mkdtemp(prefix="enabled-drill-db-")) / "drill.sqlite3"
        connection.settings_dict["TEST"]["NAME"] = str(database)
        # The rebuild's thread and the moderators' writes take turns at SQLite's one lock.
        connection.settings_dict.setdefault("OPTIONS", {})["timeout"] = 60
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    queues = settings.TASK_QUEUES
    try:
        with override_settings(
            ELASTICSEARCH_URL=node.url,
            SEARCH_BACKEND="search.backends.elasticsearch.ElasticsearchBackend",
            ELASTICSEARCH_INDEX_PREFIX=prefix,
            WAGTAILSEARCH_BACKENDS=search_backends(node.url, f"{prefix}admin_"),
            TASKS={
                "default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend", "QUEUES": queues}
            },  # fmt: skip
            SEARCH_RETRY_SECONDS=0,
        ):
            from search.elasticsearch import get_client

            get_client.cache_clear()
            drill = Drill(node, prefix, args.products, args.changes)
            worker()
            call_command("search_index", "rebuild", verbosity=0, stdout=io.StringIO())
            rows = [
                drill.outage("node stopped", node.stop, node.start, attempts=4),
                drill.outage("node frozen", node.freeze, node.thaw),
                drill.rebuilds(),
            ]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return rows


if __name__ == "__main__":
    sys.exit(main())
