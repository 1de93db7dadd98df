"""Production settings: refuse to start without the values a public site needs."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, env_bool

missing = [
    name
    for name, value in (
        ("SECRET_KEY", SECRET_KEY),
        ("ALLOWED_HOSTS", ALLOWED_HOSTS),
        ("DATABASE_URL", os.environ.get("DATABASE_URL", "").strip()),
        # Members cannot sign up or reset a password without email.
        ("EMAIL_HOST", os.environ.get("EMAIL_HOST", "").strip()),
        ("DEFAULT_FROM_EMAIL", os.environ.get("DEFAULT_FROM_EMAIL", "").strip()),
        # The one address that links in emails point at, whatever Host a request named.
        ("WAGTAILADMIN_BASE_URL", os.environ.get("WAGTAILADMIN_BASE_URL", "").strip()),
    )
    if not value
]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(missing)
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")
# "*" would let any Host header through, and with it links and redirects to any host.
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts, not '*'.")

WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"].strip().rstrip("/")
_base_url = urlsplit(WAGTAILADMIN_BASE_URL)
if _base_url.scheme not in {"http", "https"} or not _base_url.hostname or _base_url.path:
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the site's address, such as https://enabled.example.org"
    )

DEBUG = False

# Email goes out through an SMTP server (STARTTLS on port 587 unless told otherwise).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ["EMAIL_HOST"].strip()
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ["DEFAULT_FROM_EMAIL"].strip()
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in emails (verification, password reset) use https.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# WhiteNoise serves the collected static files; media belongs to the web server or a bucket.
MIDDLEWARE = [
    *MIDDLEWARE[:1],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]

# Rate limits (allauth's and django-ratelimit's) count in the cache, which every process
# must share: Redis when REDIS_URL is set, else a table in the database, made by
# `manage.py createcachetable` after `migrate`.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "enabled_cache"}}
# django-ratelimit vouches only for the caches it lists, and says so for both of these:
# Redis increments atomically, and core.cache.DatabaseCache locks the row to increment.
# Its error for a cache that is not shared or not atomic stays on.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
