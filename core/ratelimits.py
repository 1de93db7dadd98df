"""Limits on how often one account, and one address, may send public contributions, and
the one way the site tells visitors' addresses apart for every rate limit.

Behind a reverse proxy REMOTE_ADDR is the proxy's address, shared by every visitor. Each
proxy we run appends the address that connected to it to X-Forwarded-For, so with
settings.TRUSTED_PROXY_COUNT proxies the visitor's address is that many entries from the
right; anything further left was written by the visitor and may be made up.
"""

import ipaddress
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django_ratelimit.decorators import ratelimit


def client_ip(request):
    """The visitor's address as the outermost trusted proxy saw it, or REMOTE_ADDR when no
    proxy is trusted. allauth (accounts.adapter) and django-ratelimit
    (settings.RATELIMIT_IP_META_KEY) both count by it."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    # Fewer entries than proxies: the request came in past the outer ones, and every
    # entry there was still written by one of ours, so the leftmost is the visitor.
    address = entries[-min(count, len(entries))] if count and entries else None
    address = _valid(address) or _valid(request.META.get("REMOTE_ADDR"))
    if address is None:
        raise PermissionDenied("The client's address could not be read")
    return address


def _valid(address):
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return None


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
