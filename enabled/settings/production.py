"""Production settings: refuse to start without the values a public site needs."""

import os

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
    )
    if not value
]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(missing)
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

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

CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]
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
