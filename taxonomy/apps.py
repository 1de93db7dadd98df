from django.apps import AppConfig
from django.db.models.signals import post_migrate


def index_categories(sender, plan=None, **kwargs):
    """Index the ISO categories a migration loaded, so the admin's chooser can search them.

    Migrations write rows without Wagtail's signals, so nothing else puts them in the index.
    """
    if not any(
        migration.app_label == "taxonomy" and not backwards for migration, backwards in plan or []
    ):
        return
    from modelsearch.index import insert_or_update_object

    from taxonomy.models import IsoCategory

    for category in IsoCategory.objects.all():
        insert_or_update_object(category)


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Taxonomies"

    def ready(self):
        post_migrate.connect(
            index_categories, sender=self, dispatch_uid="taxonomy-index-categories"
        )
