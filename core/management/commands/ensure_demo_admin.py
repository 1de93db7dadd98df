"""Give the local demo a superuser whose password nobody had to choose or remember."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import NoReverseMatch, reverse

USERNAME = "admin"
EMAIL = "admin@example.invalid"


class Command(BaseCommand):
    help = (
        "Create or update the superuser 'admin' with a new random password and print how to "
        "sign in. For local demos only: refuses to run when DEBUG is off, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (a known superuser on a public site is a hole).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "ensure_demo_admin is for local demo use and refuses to run with DEBUG off; "
                "pass --force if you really mean it."
            )

        # A fresh password every run: a demo database copied elsewhere keeps no usable login.
        password = secrets.token_urlsafe(12)
        user_model = get_user_model()
        with transaction.atomic():
            user, created = user_model._default_manager.get_or_create(
                **{user_model.USERNAME_FIELD: USERNAME}, defaults={"email": EMAIL}
            )
            user.email = EMAIL
            user.is_active = True
            user.is_staff = True
            user.is_superuser = True
            user.set_password(password)
            user.save()

        self.stdout.write(
            self.style.SUCCESS(f"Demo admin {'created' if created else 'updated'}.")
            + " Sign in with:"
        )
        self.stdout.write(f"  Admin:    {admin_url()}")
        self.stdout.write(f"  Username: {USERNAME}")
        self.stdout.write(f"  Password: {password}")
        self.stdout.write("(The password changes every time this command runs.)")


def admin_url():
    try:
        path = reverse("wagtailadmin_home")
    except NoReverseMatch:
        path = "/admin/"
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://127.0.0.1:8000"
    return base.rstrip("/") + path
