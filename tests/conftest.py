import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counts must not carry over."""
    from django.core.cache import cache

    cache.clear()
    yield
