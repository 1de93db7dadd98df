"""Fast, isolated settings for the test suite."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
# Each pytest-xdist worker writes files of its own: tests assert on what a folder holds.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    MEDIA_ROOT = MEDIA_ROOT.with_name(f"{MEDIA_ROOT.name}-{worker}")
PRIVATE_MEDIA_ROOT = Path(f"{MEDIA_ROOT}-private")  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests index into their own prefix so they never touch a development index.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "enabled_test_")
# The suite uses database search unless a test opts into Elasticsearch explicitly.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tasks run at once, inside the test; tests/search/test_indexing.py runs the durable queue.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
# The site searches its database in tests, so a publish in any test indexes nothing on a
# node. The Elasticsearch tests find their node at TEST_ELASTICSEARCH_URL and point the
# site's settings at it for the test (tests/elasticsearch/helpers.search_on_the_node).
ELASTICSEARCH_URL = ""
SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
TEST_ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL") or (
    f"http://127.0.0.1:{os.environ.get('ELASTICSEARCH_PORT', '9200')}"
)
# Tests send forms at machine speed; tests/test_antispam.py puts the real minimum back.
FORM_MIN_FILL_SECONDS = 0
# The demo data and its commands, which several tests load; production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# Browser tests run their own oEmbed video provider on this machine, over plain HTTP.
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "frame-src": ["https:", "http://127.0.0.1:*"],
    },
}
