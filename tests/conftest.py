import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counts must not carry over."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def editor_client(client, db):
    """The test client, signed in as a member of the Editors group the migrations create."""
    editor = User.objects.create_user("editor", "editor@example.invalid", "pass")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client
