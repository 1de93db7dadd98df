"""How django-allauth behaves on this site (settings.ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.urls import reverse

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
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context_data,
            },
        )
        transaction.on_commit(message.send)

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        if message_template in QUIET_MESSAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def get_password_change_redirect_url(self, request):
        return reverse("accounts:home")
