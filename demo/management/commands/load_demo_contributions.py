"""Add invented members, their reviews and helpful votes to the demo catalogue."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo.catalogue import CatalogueError, build_catalogue
from demo.catalogue_loader import MissingTaxonomyError
from demo.contributions import DEFAULT_REVIEWS, DEFAULT_SEED, describe, plan
from demo.contributions_loader import load
from demo.people import DEFAULT_MEMBERS
from demo.progress import progress_bar, quiet_loggers
from products.models import ProductPage
from search.tasks import reindex_once


class Command(BaseCommand):
    help = (
        "Load demo contributions: members with verified addresses, reviews of the demo "
        "products and adaptation tips (a few of each waiting for a moderator), drawn photos, "
        "helpful votes and 'I did this too'. Run load_demo_catalogue first. Safe to run "
        "again: what is there is recognised."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--members",
            type=int,
            default=DEFAULT_MEMBERS,
            metavar="N",
            help=f"How many reviewers to invent. Default: {DEFAULT_MEMBERS}.",
        )
        parser.add_argument(
            "--reviews",
            type=int,
            default=DEFAULT_REVIEWS,
            metavar="N",
            help=f"How many reviews to write. Default: {DEFAULT_REVIEWS}.",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Vary who writes what. Default: {DEFAULT_SEED}.",
        )

    def handle(self, *args, members, reviews, seed, verbosity=1, **options):
        started = time.monotonic()
        if members < 0 or reviews < 0:
            raise CommandError("--members and --reviews cannot be negative.")
        pages, products = self.products()
        if not products:
            raise CommandError(
                "There are no demo products to review: run `manage.py load_demo_catalogue` first."
            )
        wanted = plan(products, seed=seed, members=members, reviews=reviews)
        with (
            quiet_loggers(verbosity),
            progress_bar(self, wanted.size, "Demo contributions", " items", verbosity) as bar,
            reindex_once(),  # every decision on a review reindexes its product; once will do
        ):
            try:
                result = load(wanted, pages, progress=bar)
            except MissingTaxonomyError as error:
                raise CommandError(
                    f"The database lacks conditions the demo members have: {error}. "
                    "Have the taxonomy migrations run?"
                ) from error
        elapsed = time.monotonic() - started

        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Demo contributions: done in {elapsed:.1f} s."))
            self.stdout.write(
                f"  Members: {result.members_created} created, "
                f"{result.members_present} already present."
            )
            self.stdout.write(
                f"  Reviews: {result.reviews_created} created "
                f"({result.reviews_pending} waiting for a moderator), "
                f"{result.reviews_present} already present."
            )
            self.stdout.write(f"  Edits waiting for a moderator: {result.edits_pending}.")
            self.stdout.write(
                f"  Helpful votes: {result.votes_created} created, "
                f"{result.votes_present} already present."
            )
            self.stdout.write(
                f"  Tips: {result.tips_created} created ({result.tips_pending} waiting for a "
                f"moderator, {result.tips_rejected} not published), "
                f"{result.tips_present} already present."
            )
            self.stdout.write(f"  Tip edits waiting for a moderator: {result.tip_edits_pending}.")
            self.stdout.write(
                f"  “I did this too”: {result.done_created} created, "
                f"{result.done_present} already present."
            )
            self.stdout.write(
                f"  Helpful votes on tips: {result.tip_votes_created} created, "
                f"{result.tip_votes_present} already present."
            )
            self.stdout.write(
                f"  Photos (drawn diagrams): {result.photos_created} created "
                f"({result.photos_pending} waiting for a moderator), "
                f"{result.photos_present} already present."
            )

    def products(self):
        """The live demo products, as pages by slug and as the plan needs them, in the
        catalogue's order so that the plan does not depend on the database's."""
        try:
            specs = build_catalogue()
        except CatalogueError as error:
            raise CommandError(f"The demo catalogue data is inconsistent: {error}") from error
        pages = {
            page.slug: page
            for page in ProductPage.objects.live().filter(slug__in=[spec.slug for spec in specs])
        }
        products = [
            describe(spec, pages[spec.slug].price_min) for spec in specs if spec.slug in pages
        ]
        return pages, products
