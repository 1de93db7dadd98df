from django.conf import settings
from django.core.management.base import BaseCommand

from search.log import PURGE_BATCH_SIZE, purge_old_searches


class Command(BaseCommand):
    help = "Delete logged searches older than SEARCH_LOG_DAYS days, in batches."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=PURGE_BATCH_SIZE,
            help=f"Rows deleted per statement (default {PURGE_BATCH_SIZE}).",
        )

    def handle(self, *args, batch_size, **options):
        days = settings.SEARCH_LOG_DAYS
        deleted = purge_old_searches(days, batch_size=max(1, batch_size))
        noun = "search" if deleted == 1 else "searches"
        self.stdout.write(f"Deleted {deleted} {noun} older than {days} days.")
