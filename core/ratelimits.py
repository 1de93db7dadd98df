"""Limits on how often one account, and one address, may send public contributions."""

from functools import wraps

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def limit_submissions(view):
    """Over either limit, django-ratelimit's middleware answers with core.views.rate_limited."""

    @ratelimit(
        key="user_or_ip",
        rate=lambda group, request: settings.SUBMISSION_RATE_PER_ACCOUNT,
        method="POST",
        group="submissions-account",
    )
    @ratelimit(
        key="ip",
        rate=lambda group, request: settings.SUBMISSION_RATE_PER_ADDRESS,
        method="POST",
        group="submissions-address",
    )
    @wraps(view)
    def limited(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return limited
