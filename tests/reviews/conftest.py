import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def moderator(client, django_user_model):
    """A member of the Moderators group, signed in to the test client."""
    user = django_user_model.objects.create_user("moderator", "mod@example.invalid", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user
