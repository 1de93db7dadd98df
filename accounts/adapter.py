"""How django-allauth behaves on this site (settings.ACCOUNT_ADAPTER)."""

from urllib.parse import quote, urljoin, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from core.ratelimits import client_ip

# The links allauth's emails carry besides those made from a key (which the methods below
# make), by email and context name, with the URL name each points at.
EMAIL_LINKS = {
    "account/email/unknown_account": {"signup_url": "account_signup"},
    "account/email/account_already_exists": {
        "signup_url": "account_signup",
        "password_reset_url": "account_reset_password",
    },
}


def site_url(path):
    """`path` on the site's one configured address (settings.WAGTAILADMIN_BASE_URL).

    allauth builds links from the request, whose Host header the sender chooses: a reset
    asked for with "Host: evil.example" would mail a link to that host.
    """
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


class SiteAddress:
    """What allauth's email templates read as `current_site`, from the configured address."""

    @property
    def name(self):
        return settings.WAGTAIL_SITE_NAME

    @property
    def domain(self):
        return urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc


# allauth's messages that the next page already says, or that would turn up on a later,
# unrelated page (after signing in, people may go back to any page through "next").
QUIET_MESSAGES = {
    "account/messages/logged_in.txt",
    "account/messages/logged_out.txt",
}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "The email address or password is not right",
        "too_many_login_attempts": (
            "You have tried to sign in too many times. Wait 5 minutes, then try again, "
            "or reset your password"
        ),
        "enter_current_password": "Your current password is not right",
        "incorrect_password": "The password is not right",
        "email_taken": "There is already an account with this email address",
        "duplicate_email": "This is already your email address",
        "same_as_current": "This is already your email address",
        "rate_limited": "You have done this too many times. Wait a few minutes, then try again",
    }

    def send_mail(self, template_prefix, email, context_data):
        """Write the email now, while the request is here; send it once the data is saved.

        A verification link sent before the transaction commits could point at an address
        that was rolled back. Outside a transaction, on_commit sends at once.
        """
        request = context.request
        links = EMAIL_LINKS.get(template_prefix, {})
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                **context_data,
                "current_site": SiteAddress(),
                **{key: site_url(reverse(name)) for key, name in links.items()},
            },
        )
        transaction.on_commit(message.send)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        # allauth's own way to put its opaque key into the URL pattern's two parts.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_url(path.replace("UID-KEY", quote(key)))

    def get_client_ip(self, request):
        """allauth's rate limits count by the same address as django-ratelimit's."""
        return client_ip(request)

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        if message_template in QUIET_MESSAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def get_password_change_redirect_url(self, request):
        return reverse("accounts:home")
