"""Load all the demo data: the catalogue, then members' contributions."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.contributions import DEFAULT_REVIEWS
from demo.people import DEFAULT_MEMBERS
from search.tasks import reindex_once


class Command(BaseCommand):
    help = (
        "Load the demo catalogue and then demo contributions (load_demo_catalogue, "
        "load_demo_contributions). Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, metavar="N", help="Load only the first N catalogue products."
        )
        parser.add_argument("--members", type=int, default=DEFAULT_MEMBERS, metavar="N")
        parser.add_argument("--reviews", type=int, default=DEFAULT_REVIEWS, metavar="N")

    def handle(self, *args, limit=None, members, reviews, verbosity=1, **options):
        streams = {"stdout": self.stdout, "stderr": self.stderr, "verbosity": verbosity}
        with reindex_once():  # one reindex of the products for both parts
            call_command("load_demo_catalogue", limit=limit, **streams)
            call_command("load_demo_contributions", members=members, reviews=reviews, **streams)
