"""Confirming an email address without losing the way.

The link in the email carries where the visitor was going (such as a product's review
form), so confirming in another browser, where this one's session is unknown, still leads
there. "Check your email" sends the email again, as allauth's own email page does.
"""

from http import HTTPStatus
from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from allauth.account.internal import flows
from allauth.account.internal.stagekit import unstash_login
from allauth.account.models import EmailAddress
from allauth.account.utils import get_next_redirect_url
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

# allauth already sends one email an address at most every few minutes
# (ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN); this stops one visitor trying many addresses.
SEND_AGAIN_RATE_PER_IP = "10/h"
TOO_SOON = (
    "We sent you an email a moment ago. Wait a few minutes for it to arrive, then ask for "
    "another if it has not."
)


def pending_login(request):
    """The sign-in waiting, in this browser, for its address to be confirmed; or None."""
    if request is None or request.user.is_authenticated:
        return None
    return unstash_login(request, peek=True)


def next_url(request):
    """Where the visitor was going when asked to confirm: the form's `next`, or the one kept
    with the sign-in waiting for confirmation; only ever an address on this site."""
    url = get_next_redirect_url(request) if request is not None else None
    login = pending_login(request)
    if not url and login and login.redirect_url and get_adapter().is_safe_url(login.redirect_url):
        url = login.redirect_url
    return url


def with_next(url, request):
    going = next_url(request)
    return f"{url}?{urlencode({'next': going})}" if going else url


@require_POST
@ratelimit(key="ip", rate=SEND_AGAIN_RATE_PER_IP, method="POST", group="send-confirmation-again")
def send_again(request):
    """The "Send the email again" button on "Check your email", for the sign-in waiting."""
    login = pending_login(request)
    if login is None:
        if request.user.is_authenticated:
            return redirect("account_email")  # which sends again for each of its addresses
        messages.info(request, "Sign in, and we will send you a new link if you still need one.")
        return redirect("account_login")
    if login.user is None:
        # The address already has an account: allauth emails its owner instead, and this
        # page must look the same as for a new address.
        address = EmailAddress(user=None, email=login.email)
    else:
        address = flows.email_verification.get_address_for_login(login)
        if address is None or address.verified:  # confirmed meanwhile, in another browser
            return redirect(with_next(reverse("account_login"), request))
    if not flows.email_verification.send_verification_email_to_address(
        request, address, signup=login.signup
    ):
        return render(
            request,
            "account/verification_sent.html",
            {"too_soon": TOO_SOON},
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    return redirect("account_email_verification_sent")
