"""Fill the catalogue with invented but plausible products, each with a drawn illustration."""

import logging
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from products.demo.catalogue import DEFAULT_SEED, CatalogueError, build_catalogue
from products.demo.loader import MissingTaxonomyError, load
from products.models import ProductIndexPage

# Loggers that report every page save and search-index task at INFO level.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


class Command(BaseCommand):
    help = (
        "Load the demo catalogue: product pages under the products index, with suppliers, "
        "prices and an illustration each. Safe to run again: products already present are "
        "skipped."
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

        with quiet_loggers(verbosity), self.progress_bar(len(specs), verbosity) as bar:
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

    @contextmanager
    def progress_bar(self, total, verbosity):
        """A tqdm bar on stderr when it is a terminal; the summary says the rest."""
        bar = tqdm(
            total=total,
            desc="Demo catalogue",
            unit=" products",
            file=_Unstyled(self.stderr),
            disable=verbosity == 0 or not self.stderr.isatty(),
            dynamic_ncols=True,
        )
        try:
            yield bar
        finally:
            bar.close()


class _Unstyled:
    """Hands tqdm's raw output to a command's stream, without Django's newline or colour."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    @property
    def encoding(self):  # tqdm draws a smooth bar only when the stream can take Unicode
        return getattr(self.wrapper, "encoding", None)

    def write(self, text):
        self.wrapper.write(text, style_func=str, ending="")

    def flush(self):
        self.wrapper.flush()


@contextmanager
def quiet_loggers(verbosity):
    """Silence per-page INFO logs, which would bury the progress bar, unless -v 2 or more."""
    if verbosity >= 2:
        yield
        return
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
