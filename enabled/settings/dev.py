import contextlib
import os

from .base import *  # noqa: F403
from .base import ELASTICSEARCH_URL, env_list, search_backends

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# Emails (sign-up verification, password resets) are printed to the console.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Enabled <enabled@localhost>"
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "enabled_dev_")
WAGTAILSEARCH_BACKENDS = search_backends(ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)
# The demo data and its commands (`manage.py load_demo`); production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
