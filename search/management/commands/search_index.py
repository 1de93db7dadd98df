"""manage.py search_index rebuild | status | catch-up"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.engine import get_backend
from search.indexing import live_ids
from search.types import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Manage the product search index. rebuild: index every live product into a new index "
        "and switch search to it when it is complete. status: compare the index with the "
        "database. catch-up: reindex only the products that differ."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "catch-up"])

    def handle(self, *args, action, verbosity=1, **options):
        backend = get_backend()
        try:
            self.run(backend, action, quiet=verbosity == 0)
        except SearchUnavailable as error:
            raise CommandError(f"{backend.name} search cannot be reached: {error}") from error

    def run(self, backend, action, quiet):
        if action == "rebuild":
            total = len(live_ids())
            with tqdm(total=total, unit="product", disable=quiet, file=self.stderr) as bar:
                count = backend.rebuild(progress=bar.update)
            self.stdout.write(f"Indexed {count} products with {backend.name} search.")
        elif action == "status":
            self.report(backend, backend.status())
        else:
            drifted = backend.status().drifted
            with tqdm(total=len(drifted), unit="product", disable=quiet, file=self.stderr) as bar:
                count = backend.catch_up(progress=bar.update)
            self.stdout.write(f"Reindexed {count} products that had drifted.")

    def report(self, backend, status):
        self.stdout.write(f"Search: {backend.name}")
        self.stdout.write(f"Live products in the database: {status.in_database}")
        self.stdout.write(f"Products in the index: {status.in_index}")
        for label, ids in [
            ("Missing from the index", status.missing),
            ("In the index but no longer live", status.extra),
            ("Changed since they were indexed", status.stale),
        ]:
            shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" ({shown})" if ids else ""))
        if status.drifted:
            raise CommandError(
                f"{len(status.drifted)} products differ: run `manage.py search_index catch-up`."
            )
        self.stdout.write(self.style.SUCCESS("The index equals the database."))
