"""What changes a product's index entry: publishing, moving or removing its page, renaming
its terms, and every moderation decision on its reviews, tips and photos."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from products.models import ProductPage
from reviews.signals import moderated
from search.tasks import queue_reindex
from taxonomy.models import Condition, Need


def page_changed(sender, instance, **kwargs):
    queue_reindex([instance.pk])


def decision_made(sender, product_id, **kwargs):
    queue_reindex([product_id])


def term_renamed(sender, instance, created, raw=False, **kwargs):
    if not (created or raw):
        queue_reindex(instance.tagged_products.values_list("content_object_id", flat=True))


def connect():
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(page_changed, sender=ProductPage, dispatch_uid=f"search-{id(signal)}")
    moderated.connect(decision_made, dispatch_uid="search-moderated")
    for model in (Need, Condition):
        post_save.connect(term_renamed, sender=model, dispatch_uid=f"search-{model.__name__}")
