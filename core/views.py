from http import HTTPStatus

from django.shortcuts import render


def rate_limited(request, exception=None):
    """Too many submissions from one account or address (django-ratelimit's RATELIMIT_VIEW)."""
    return render(request, "429.html", status=HTTPStatus.TOO_MANY_REQUESTS)
