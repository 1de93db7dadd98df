"""Staff accounts for the admin tests: a new user in one of the groups the migrations make."""

from django.contrib.auth.models import Group, User


def signed_in_staff(client, group, username):
    """A new member of `group`, signed in to the test client."""
    user = User.objects.create_user(username, f"{username}@example.invalid", "pass")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user
