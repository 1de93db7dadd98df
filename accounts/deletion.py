"""Deleting a member's account: their personal data goes, their contributions stay."""

from django.db import transaction


def delete_account(user):
    """Erase `user`'s personal data by deleting the User row itself.

    Deleting the row takes with it, by ON DELETE CASCADE: the Profile (display name, role,
    conditions), every allauth EmailAddress and its confirmations, and the password hash.
    Contributions are kept on purpose: reviews, tips and photos point at the user with
    `on_delete=models.SET_NULL`, so they lose their author and show as written by "a
    former member". Their helpful votes and "I did this too" marks go by CASCADE, and
    the handlers in `reviews.handlers` recount the reviews and tips they counted towards.
    A model that points at the user with PROTECT would stop this; any new one must use
    SET_NULL (keep the content) or CASCADE (personal data).

    Sessions on other devices are left in the session store, but they hold only the
    deleted user's id, so Django treats them as signed out on their next request.
    """
    with transaction.atomic():
        user.delete()
