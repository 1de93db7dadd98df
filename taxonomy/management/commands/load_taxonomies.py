from django.core.management.base import BaseCommand

from taxonomy.loading import load_all
from taxonomy.models import Condition, IsoCategory, Need


class Command(BaseCommand):
    help = "Create or update the ISO 9999 categories, needs and conditions shipped with Enabled."

    def handle(self, *args, **options):
        for label, created in load_all(IsoCategory, Need, Condition).items():
            self.stdout.write(f"{label}: {created} created")
