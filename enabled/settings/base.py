"""Settings shared by every environment. Values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "core",
    "accounts",
    "taxonomy",
    "products",
    "reviews",
    "search",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own form templates, so core.forms.FormRenderer (TemplatesSetting) finds them.
    "django.forms",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    # Installed for its system check, which names a cache that rate limits cannot count in.
    "django_ratelimit",
    # The search API's documentation page, with its own copy of Swagger UI (no CDN, no
    # inline script, so it keeps to the Content Security Policy).
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Members' photos answer 404 in Wagtail's image admin.
    "reviews.image_library.HideMembersPhotosFromTheImageAdmin",
]

ROOT_URLCONF = "enabled.urls"
WSGI_APPLICATION = "enabled.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# An SQLite file is the embedded default; production must say where its database is.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Members sign in with their email address (django-allauth); editors still sign in to the
# Wagtail admin with their username, through Django's own backend.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# No username and no second password box (GOV.UK: do not ask people to repeat a password).
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# One address per member; a new one replaces the old only once it is verified.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "accounts:signed_out"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Enabled: "
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "add_email": "accounts.forms.AddEmailForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
}
# allauth's defaults, written out so they are easy to find. Over a limit, allauth answers
# 429 with templates/429.html; "login_failed" (per address) shows an error on the form.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Members' photos and their renditions, served only through reviews.photo_files: never
# inside MEDIA_ROOT, which the web server serves to anyone.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# Set to an internal nginx location aliasing PRIVATE_MEDIA_ROOT to let nginx send the files.
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")

STORAGES = {
    "default": {"BACKEND": "reviews.photo_files.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Enabled"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_I18N_ENABLED = False
# Slugs are addresses, and Django's slug converter matches ASCII only.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_CASE_INSENSITIVE = True

# Search: unset ELASTICSEARCH_URL means the database backend, so the site needs no server.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "").strip()
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "10"))
# The product search backend's class (search.backends), by dotted path; a SEARCH_BACKEND
# in the environment wins over the choice ELASTICSEARCH_URL makes.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "").strip() or (
    "search.backends.elasticsearch.ElasticsearchBackend"
    if ELASTICSEARCH_URL
    else "search.backends.database.DatabaseBackend"
)


def search_backends(url, index_prefix):
    """Wagtail's search backends: Elasticsearch when a URL is given, else the database."""
    if not url:
        return {"default": {"BACKEND": "modelsearch.backends.database"}}
    return {
        "default": {
            "BACKEND": "modelsearch.backends.elasticsearch8",
            "URLS": [url],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
            "OPTIONS": {"retry_on_timeout": True, "max_retries": 2},
            # Updated by a durable task after the commit (search.admin_search), never inside
            # a save: a save must not wait for the node, nor lose the update when it is down.
            "AUTO_UPDATE": False,
            "UPDATE_AFTER_COMMIT": True,
        }
    }


# Each environment has its own prefix, so development and tests never share an index.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "enabled_")
# The product index's layout: one shard suits a catalogue of this size; a production cluster
# with several nodes can add replicas (or shards) without a code change.
ELASTICSEARCH_SHARDS = int(os.environ.get("ELASTICSEARCH_SHARDS", "1"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
WAGTAILSEARCH_BACKENDS = search_backends(ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)
# Days a logged search is kept (search.log), then purged: the log is for recent demand.
SEARCH_LOG_DAYS = int(os.environ.get("SEARCH_LOG_DAYS", "90"))

# Background work (search indexing above all) waits in the database until `manage.py
# db_worker` runs it, so it survives restarts and a search node that is down for a while.
TASK_QUEUES = ["default", "search"]
TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend", "QUEUES": TASK_QUEUES}}
# How long an indexing task first waits to try again when Elasticsearch does not answer;
# each later wait doubles, up to ten minutes.
SEARCH_RETRY_SECONDS = int(os.environ.get("SEARCH_RETRY_SECONDS", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail and django-tasks log every page save and task at INFO: too loud for commands.
    "loggers": {
        # Django adds its own console handler in development; one line per message is enough.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        **{name: {"level": "WARNING"} for name in ("elastic_transport", "wagtail", "django_tasks")},
    },
}

# ---- Public contributions: abuse and safety -------------------------------------------------
# Seconds a person needs at least to fill in a public form (core.antispam).
FORM_MIN_FILL_SECONDS = int(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))
# ...and at most, from drawing the form to sending it: a day is time to write a long review.
FORM_MAX_FILL_SECONDS = int(os.environ.get("FORM_MAX_FILL_SECONDS", str(24 * 60 * 60)))
# Submissions per account and per address (django-ratelimit); over them, HTTP 429.
SUBMISSION_RATE_PER_ACCOUNT = os.environ.get("SUBMISSION_RATE_PER_ACCOUNT", "20/h")
SUBMISSION_RATE_PER_ADDRESS = os.environ.get("SUBMISSION_RATE_PER_ADDRESS", "60/h")
RATELIMIT_VIEW = "core.views.rate_limited"
# How many reverse proxies of ours stand in front of the site, each adding the address that
# connected to it to X-Forwarded-For. 0: visitors connect directly, and REMOTE_ADDR is theirs.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# django-ratelimit and allauth (accounts.adapter) tell visitors apart by this one function.
RATELIMIT_IP_META_KEY = "core.ratelimits.client_ip"
# Rate limits count in the default cache. Django's default, a memory cache in each process,
# serves one development server; production settings choose a shared one, and keep the check.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
MIDDLEWARE += [
    "django_ratelimit.middleware.RatelimitMiddleware",
    "csp.middleware.CSPMiddleware",
]
# No inline script or style on the public site. The Wagtail admin brings its own inline
# code and is for signed-in editors only, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["https:"],  # video embeds in product pages
        "form-action": ["'self'"],
        # The admin's preview shows public pages in a frame of its own origin.
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
