"""Helpers for the account tests: members as sign-up leaves them, and reading pages and emails."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.models import Profile, Role
from tests.html import soup

PASSWORD = "correct horse battery staple"  # noqa: S105 (test-only)
LINK = re.compile(r"https?://\S+")


def make_member(email="sam@example.invalid", password=PASSWORD, verified=True, **profile):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=password
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    Profile.objects.create(
        user=user,
        display_name=profile.get("display_name", "Sam"),
        role=profile.get("role", Role.USER),
    )
    return user


def link_in(message):
    """The one web address in an email's text."""
    links = LINK.findall(message.body)
    assert len(links) == 1, message.body
    return links[0]


def choose(form, name, label):
    """Tick the checkbox or radio called `name` whose <label for> reads `label`."""
    for element in form.form.find_all("input", attrs={"name": name}):
        text = form.form.find("label", attrs={"for": element["id"]}).get_text(strip=True)
        if text == label:
            if element["type"] == "radio":
                form.set(name, element["value"])
            else:
                form._add(name, element.get("value", "on"))
            return
    raise AssertionError(f"no option {label!r} for {name!r}")


def error_summary_links(response):
    """(text, href) of each link in the error summary."""
    summary = soup(response).select_one(".error-summary")
    assert summary is not None, "no error summary on the page"
    return [(a.get_text(strip=True), a["href"]) for a in summary.select("a")]
