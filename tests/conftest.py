import pytest

from tests.staff import signed_in_staff


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counts must not carry over."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def editor_client(client, db):
    """The test client, signed in as a member of the Editors group the migrations create."""
    signed_in_staff(client, "Editors", "editor")
    return client
