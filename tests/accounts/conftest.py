"""A member, a signed-in client, and a fresh rate-limit cache for every test."""

import pytest
from django.core.cache import cache

from tests.accounts.helpers import make_member


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache: one test's attempts must not limit the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return make_member()


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client
