import pytest

from tests.staff import signed_in_staff


@pytest.fixture
def moderator(client, django_user_model):
    """A member of the Moderators group, signed in to the test client."""
    return signed_in_staff(client, "Moderators", "moderator")
