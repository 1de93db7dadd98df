"""Fill the catalogue with invented but plausible products, each with a drawn illustration."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo.catalogue import DEFAULT_SEED, CatalogueError, build_catalogue
from demo.catalogue_loader import MissingTaxonomyError, load
from demo.progress import progress_bar, quiet_loggers
from products.models import ProductIndexPage
from search.tasks import reindex_once


class Command(BaseCommand):
    help = (
        "Load the demo catalogue (demo/data/catalogue): product pages under the products "
        "index, with suppliers, prices and an illustration each. Safe to run again: products "
        "already present are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            metavar="N",
            help="Load only the first N products of the catalogue (they span many families).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="Vary shop prices, dates and discontinued products. Titles never depend on it, "
            f"so products already loaded are still recognised. Default: {DEFAULT_SEED}.",
        )

    def handle(self, *args, limit=None, seed=DEFAULT_SEED, verbosity=1, **options):
        started = time.monotonic()
        if limit is not None and limit < 0:
            raise CommandError("--limit cannot be negative.")
        index = ProductIndexPage.objects.first()
        if index is None:
            raise CommandError(
                "There is no products index page to load products under. It is created by "
                "the migrations: run `manage.py migrate` on an empty database first."
            )
        try:
            specs = build_catalogue(seed)
        except CatalogueError as error:
            raise CommandError(f"The demo catalogue data is inconsistent: {error}") from error
        if limit is not None:
            specs = specs[:limit]

        with (
            quiet_loggers(verbosity),
            progress_bar(self, len(specs), "Demo catalogue", " products", verbosity) as bar,
            reindex_once(),  # each product is saved three times; one reindex when all are in
        ):
            try:
                result = load(specs, index, progress=bar)
            except MissingTaxonomyError as error:
                raise CommandError(
                    f"The database lacks taxonomy terms the catalogue uses: {error}. "
                    "Have the taxonomy migrations run?"
                ) from error
        elapsed = time.monotonic() - started

        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Demo catalogue: done in {elapsed:.1f} s."))
            self.stdout.write(
                f"  Products: {result.products_created} created, "
                f"{result.products_present} already present."
            )
            self.stdout.write(
                f"  Images: {result.images_created} created, {result.images_reused} reused."
            )
            self.stdout.write(
                f"  Manufacturers: {result.manufacturers_created} created, "
                f"{result.manufacturers_present} already present."
            )
