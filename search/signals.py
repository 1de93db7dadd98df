"""What changes a product's index entry: publishing, moving or removing its page, renaming
its terms or its manufacturer, and every moderation decision on its reviews, tips and
photos."""

from django.db.models.signals import post_delete, post_save
from modelsearch.index import get_indexed_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from products.models import Manufacturer, ProductPage
from reviews.signals import moderated, shown_conditions_changed
from search.admin_search import backends_after_commit
from search.tasks import queue_admin_search_update, queue_reindex
from taxonomy.models import Condition, IsoCategory, Need


def page_changed(sender, instance, **kwargs):
    queue_reindex([instance.pk])


def decision_made(sender, product_id, **kwargs):
    queue_reindex([product_id])


def conditions_changed(sender, product_ids, **kwargs):
    queue_reindex(product_ids)


def term_renamed(sender, instance, created, raw=False, **kwargs):
    if not (created or raw):
        queue_reindex(instance.tagged_products.values_list("content_object_id", flat=True))


def manufacturer_changed(sender, instance, created, raw=False, **kwargs):
    # The name is searched and shown on every card of the manufacturer's products.
    if not (created or raw):
        queue_reindex(instance.products.values_list("pk", flat=True))


def category_changed(sender, instance, created, raw=False, **kwargs):
    # A new code or title changes every product filed under the category.
    if created or raw:
        return
    filed = ProductPage.objects.filter(primary_category=instance).values_list("pk", flat=True)
    also = instance.secondary_products.values_list("pk", flat=True)
    queue_reindex([*filed, *also])


def admin_object_changed(sender, instance, raw=False, **kwargs):
    # Wagtail's own search (search.admin_search), for the backends left to us to update.
    if not raw and backends_after_commit():
        queue_admin_search_update(instance)


def connect():
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(page_changed, sender=ProductPage, dispatch_uid=f"search-{id(signal)}")
    moderated.connect(decision_made, dispatch_uid="search-moderated")
    shown_conditions_changed.connect(conditions_changed, dispatch_uid="search-conditions")
    for model in (Need, Condition):
        post_save.connect(term_renamed, sender=model, dispatch_uid=f"search-{model.__name__}")
    post_save.connect(category_changed, sender=IsoCategory, dispatch_uid="search-category")
    post_save.connect(manufacturer_changed, sender=Manufacturer, dispatch_uid="search-manufacturer")
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            uid = f"admin-search-{model._meta.label_lower}"
            post_save.connect(admin_object_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(admin_object_changed, sender=model, dispatch_uid=f"{uid}-delete")
