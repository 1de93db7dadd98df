"""Keep products' search entries in step with their needs and conditions.

A product's index entry holds the names of its needs and conditions, so publishing it,
and renaming or deleting a term, changes what finds it.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from modelsearch.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from products.models import ProductPage
from taxonomy.models import Condition, Need


def reindex_products(product_ids):
    for pk in product_ids:
        insert_or_update_object_task.enqueue("products", "productpage", str(pk))


def _products_tagged(term):
    return list(term.tagged_products.values_list("content_object_id", flat=True).distinct())


def term_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    product_ids = _products_tagged(instance)
    transaction.on_commit(lambda: reindex_products(product_ids))


def term_deleted(sender, instance, **kwargs):
    # Collected before the delete, which takes the product links with it.
    product_ids = _products_tagged(instance)
    transaction.on_commit(lambda: reindex_products(product_ids))


def product_published(sender, instance, **kwargs):
    # Wagtail indexes the page when it is saved, before its needs and conditions are
    # written; once the publish is committed they are all there.
    transaction.on_commit(lambda: reindex_products([instance.pk]))


def connect():
    page_published.connect(product_published, sender=ProductPage, dispatch_uid="reindex-product")
    for model in (Need, Condition):
        post_save.connect(term_saved, sender=model, dispatch_uid=f"reindex-{model.__name__}")
        pre_delete.connect(term_deleted, sender=model, dispatch_uid=f"unindex-{model.__name__}")
