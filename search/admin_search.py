"""Wagtail's own search (the admin's pages, images and documents) updated off the request.

modelsearch updates an Elasticsearch backend inside the save itself: deleting a member's
photo deletes its Wagtail image, which waited for the node up to its timeout and retries, and
an update that failed was only logged. Backends configured with AUTO_UPDATE off and
UPDATE_AFTER_COMMIT on (enabled.settings.base.search_backends) are left to this module
instead: each save or delete queues a durable task after the commit (search.signals), which
retries while the node cannot be reached (search.tasks.update_admin_search).
"""

from django.apps import apps
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_instance

from search.elasticsearch import unavailable_on_failure


def backends_after_commit():
    """Names of the backends this module keeps up to date."""
    return [
        name
        for name, params in get_app_config().get_search_backend_config().items()
        if params.get("UPDATE_AFTER_COMMIT") and params.get("AUTO_UPDATE", True) is False
    ]


@unavailable_on_failure()
def update_object(app_label, model_name, pk):
    """Index the object as it is now in every such backend, or remove it if it is gone."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    indexed = get_indexed_instance(instance) if instance is not None else None
    for name in backends_after_commit():
        backend = get_search_backend(name)
        if indexed is not None:
            backend.add(indexed)
        else:
            backend.delete(model(pk=pk))
