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
# The task worker (`manage.py db_worker`) writes beside the web server: on SQLite, let each
# wait its turn for the file rather than fail with "database is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# The demo data and its commands (`manage.py load_demo`); production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
