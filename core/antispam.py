"""Quiet checks that keep spam robots out of public forms, with no CAPTCHA for people.

- A honeypot: a text box people never see or reach, which robots fill in.
- A fill time: the form carries a signed stamp of when it was drawn and for which form. A
  form sent back faster than a person could fill it in is refused, and so is a stamp older
  than settings.FORM_MAX_FILL_SECONDS or made for another form, so a robot cannot keep one
  stamp and post it forever, or anywhere.

People who trip a check get a plain message and keep everything they typed; a stamp that is
too old or not this form's is replaced, so sending the form again works.
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
TOO_OLD = (
    "This form was open too long to send as it is. Your answers are still here: check them, "
    "then send the form again."
)
NOT_THIS_FORM = (
    "We could not check that this form came from this page. Your answers are still here: "
    "check them, then send the form again."
)
ROBOT = "We could not accept this form. If you are a person, please contact us."


def form_name(form):
    """What a stamp is bound to: the form's class, and its prefix where a page has several."""
    return f"{type(form).__module__}.{type(form).__qualname__}:{form.prefix or ''}"


def stamp_now(name):
    return signing.Signer(salt=SALT).sign_object({"form": name, "at": int(time.time())})


def read_stamp(stamp, name):
    """Seconds since the stamp was made for form `name`, or the error to show."""
    try:
        content = signing.Signer(salt=SALT).unsign_object(stamp or "")
        age = time.time() - int(content["at"])
        made_for = content["form"]
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        return None, NOT_THIS_FORM
    if made_for != name:
        return None, NOT_THIS_FORM
    if age > settings.FORM_MAX_FILL_SECONDS:
        return None, TOO_OLD
    return age, None


class HumanCheckMixin:
    """Mix into a public form, before the form class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = form_name(self)
        self.fields[STARTED] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            initial=lambda: stamp_now(name),
            # Drawn as the hidden input alone, even where a page draws every field in a loop.
            template_name="forms/hidden_field.html",
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
        age, error = read_stamp(cleaned.get(STARTED), form_name(self))
        if error:
            # The page drawn again carries a good stamp, so the person can send it.
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED)] = stamp_now(form_name(self))
            raise ValidationError(error, code="stamp")
        if age < settings.FORM_MIN_FILL_SECONDS:
            raise ValidationError(TOO_FAST, code="too_fast")
        return cleaned
