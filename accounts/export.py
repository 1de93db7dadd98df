"""A member's personal data, as one JSON document they can download ("Download your data").

`personal_data(user)` gives the account and the profile, then whatever other apps add.
An app adds its part by appending an exporter to `EXPORTERS` in its AppConfig.ready():

    from accounts.export import EXPORTERS

    def reviews_data(user):
        return {"reviews": [...], "tips": [...]}

    EXPORTERS.append(reviews_data)

An exporter takes the user and returns a dict of new top-level keys, built only from that
member's own rows. Nothing here may hold a password hash, a token, or anyone else's data.
"""

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import Profile

EXPORTERS = []


def account_data(user):
    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "account": {
            "email_addresses": [
                {"email": a.email, "primary": a.primary, "verified": a.verified} for a in addresses
            ],
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        }
    }


def profile_data(user):
    profile = Profile.objects.filter(user=user).prefetch_related("conditions").first()
    if profile is None:
        return {"profile": None}
    return {
        "profile": {
            "display_name": profile.display_name,
            "role": profile.get_role_display(),
            "conditions": sorted(condition.name for condition in profile.conditions.all()),
            "show_conditions": profile.show_conditions,
        }
    }


def personal_data(user):
    """Everything the site holds about `user`, as a dict ready for JSON (dates as datetimes)."""
    data = {"exported_at": timezone.now()}
    for exporter in [account_data, profile_data, *EXPORTERS]:
        part = exporter(user)
        clash = data.keys() & part.keys()
        if clash:
            raise ValueError(f"{exporter.__qualname__} repeats {', '.join(sorted(clash))}")
        data.update(part)
    return data
