"""The account forms: allauth's, in the site's GOV.UK style and words, and the profile form.

Each allauth form in use is subclassed here (settings.ACCOUNT_FORMS) with
core.forms.FormMixin, so allauth's templates render it with templates/forms/. Labels and
error messages follow GOV.UK's style: sentence case, and an error says what to do.
"""

from allauth.account import forms as allauth_forms
from django import forms
from django.db import transaction

from accounts.models import Profile, Role
from core.antispam import HumanCheckMixin
from core.forms import FormMixin, ModelForm
from taxonomy.models import Condition

# Advice, not a password (ruff's S105 guesses from the name).
PASSWORD_HINT = (
    "Use at least 8 characters. A few unrelated words are easy to remember and hard to guess. "  # noqa: S105
    "Avoid common passwords and ones made only of numbers."
)
EMAIL_ERRORS = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}


def email_field(field, label="Email address", hint=""):
    """allauth's email field with our words; the browser and password managers may fill it."""
    field.label = label
    field.help_text = hint
    field.error_messages.update(EMAIL_ERRORS)
    field.widget.attrs.update(
        {"autocomplete": "email", "spellcheck": "false", "autocapitalize": "none"}
    )
    return field


def password_field(field, label, autocomplete, hint="", required="Enter your password"):
    field.label = label
    field.help_text = hint
    field.error_messages["required"] = required
    field.widget.attrs["autocomplete"] = autocomplete
    return field


def display_name_field():
    return forms.CharField(
        label="Display name",
        max_length=Profile._meta.get_field("display_name").max_length,
        help_text=Profile._meta.get_field("display_name").help_text,
        error_messages={
            "required": "Enter a display name",
            "max_length": "Display name must be %(limit_value)d characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
    )


def role_field():
    return forms.ChoiceField(
        label="How do you know the products?",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you know the products"},
    )


class LoginForm(FormMixin, allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email_field(self.fields["login"])
        # allauth puts a "forgotten password" link in the hint; the template has its own.
        password_field(self.fields["password"], "Password", "current-password")
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"
            self.fields["remember"].help_text = "Do not tick this on a shared computer."


class SignupForm(HumanCheckMixin, FormMixin, allauth_forms.SignupForm):
    """Email and password for allauth, and the display name and role for the Profile.

    Public, so it carries the honeypot and the fill time, as the contribution forms do.
    """

    display_name = display_name_field()
    role = role_field()
    field_order = ["email", "password1", "display_name", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email_field(
            self.fields["email"],
            hint="We will send you an email to check it is yours. We never show it to anyone.",
        )
        password_field(
            self.fields["password1"],
            "Create a password",
            "new-password",
            hint=PASSWORD_HINT,
            required="Enter a password",
        )

    def save(self, request):
        # The user and their profile are made together, or not at all.
        with transaction.atomic():
            return super().save(request)

    def custom_signup(self, request, user):
        super().custom_signup(request, user)
        Profile.objects.create(
            user=user,
            display_name=self.cleaned_data["display_name"],
            role=self.cleaned_data["role"],
        )


class AddEmailForm(FormMixin, allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email_field(
            self.fields["email"],
            label="New email address",
            hint="We will send a link to this address. Your old address stays until you follow it.",
        )
        self.fields["email"].error_messages["required"] = "Enter your new email address"


class _NoRepeatMixin:
    """GOV.UK asks for a new password once; people who mistype it can reset it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("password2", None)
        password_field(
            self.fields["password1"],
            "New password",
            "new-password",
            hint=PASSWORD_HINT,
            required="Enter a new password",
        )


class ChangePasswordForm(FormMixin, _NoRepeatMixin, allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password_field(
            self.fields["oldpassword"],
            "Current password",
            "current-password",
            required="Enter your current password",
        )


class SetPasswordForm(FormMixin, _NoRepeatMixin, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordForm(FormMixin, allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email_field(self.fields["email"])


class ResetPasswordKeyForm(FormMixin, _NoRepeatMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ReauthenticateForm(FormMixin, allauth_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password_field(self.fields["password"], "Password", "current-password")


class ConditionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ProfileForm(ModelForm):
    """What a member tells others about themselves. Conditions stay private unless shown."""

    display_name = display_name_field()
    role = role_field()
    conditions = ConditionChoiceField(
        label="Your conditions or impairments",
        queryset=Condition.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "This helps people like you find your reviews. Select all that apply. "
            "Nobody else sees them unless you choose to show them below."
        ),
    )

    class Meta:
        model = Profile
        fields = ["display_name", "role", "conditions", "show_conditions"]
        labels = {"show_conditions": "Show my conditions with my reviews and tips"}
        help_texts = {
            "show_conditions": (
                "If you leave this unticked, your conditions are private: only you can see "
                "them, here on your account. A change here applies at once to every review "
                "and tip about your own experience, and to search. A review about someone "
                "you care for or support shows only the conditions you chose on that review."
            )
        }
