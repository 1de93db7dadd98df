"""Quiet checks that keep spam robots out of public forms, with no CAPTCHA for people.

- A honeypot: a text box people never see or reach, which robots fill in.
- A minimum fill time: the form carries a signed time from when it was drawn, and a form
  sent back faster than a person could fill it in is refused.

People who trip either check get a plain message and keep everything they typed.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError

HONEYPOT = "contact_number"  # a name browsers have no reason to autofill
STARTED = "form_started"
SALT = "enabled.antispam"
TOO_FAST = (
    "That was quicker than we expected from a person. Check your answers, then send the form again."
)
ROBOT = "We could not accept this form. If you are a person, please contact us."


def stamp_now():
    return signing.Signer(salt=SALT).sign(str(int(time.time())))


def seconds_since(stamp):
    """Seconds since a stamp was made, or None if it is missing or forged."""
    try:
        return time.time() - int(signing.Signer(salt=SALT).unsign(stamp or ""))
    except (signing.BadSignature, ValueError):
        return None


class HumanCheckMixin:
    """Mix into a public form, before the form class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[STARTED] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=stamp_now
        )
        self.fields[HONEYPOT] = forms.CharField(
            label="Leave this box empty",
            required=False,
            template_name="forms/honeypot.html",
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise ValidationError(ROBOT, code="honeypot")
        age = seconds_since(cleaned.get(STARTED))
        if age is None or age < settings.FORM_MIN_FILL_SECONDS:
            raise ValidationError(TOO_FAST, code="too_fast")
        return cleaned
