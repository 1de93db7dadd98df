from django import forms
from django.utils.text import normalize_newlines

from core.antispam import HumanCheckMixin
from core.forms import ModelForm
from reviews.models import CONTENT_FIELDS, DIMENSIONS, Photo, Report, Review
from reviews.uploads import MESSAGES, check_and_clean

ACCEPTED_TYPES = (
    "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif"
)

STARS = [(n, f"{n} out of 5") for n in range(1, 6)]
YES_NO = [(True, "Yes"), (False, "No")]


def stars_field(label, required):
    choices = STARS if required else [*STARS, ("", "I'd rather not say")]
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
    )


class ReviewForm(HumanCheckMixin, ModelForm):
    """What a reviewer writes. Who they are comes from their profile, not from the form.

    Bind it to a new, unsaved Review that holds the text being edited (`Review.content()`):
    a ModelForm writes into its instance while validating, and a published review's columns
    must not change before a moderator approves the edit.
    """

    rating = stars_field("Overall, how would you rate it?", required=True)
    still_using = forms.TypedChoiceField(
        label="Are you still using it?",
        choices=YES_NO,
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Review
        fields = CONTENT_FIELDS
        widgets = {
            "used_for": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 8}),
            "stopped_reason": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "title": "Give your review a title",
            "body": "Your review",
            "used_for": "How long have you used it?",
            "stopped_reason": "If not, why did you stop?",
        }
        help_texts = {
            "title": "For example: Sturdy, but too heavy to lift into the car",
            "body": (
                "What is it like to live with? Say what works, what does not, and who you "
                "think it suits."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in DIMENSIONS.items():
            self.fields[name] = stars_field(label, required=False)
        self.order_fields(CONTENT_FIELDS)
        self.fields["used_for"].choices = self.fields["used_for"].choices[1:]  # no "-----"

    def clean(self):
        cleaned = super().clean()
        # Browsers send \r\n; store one kind of line break.
        for name in ("title", "body", "stopped_reason"):
            if cleaned.get(name):
                cleaned[name] = normalize_newlines(cleaned[name]).strip()
        return cleaned


class PhotoForm(HumanCheckMixin, ModelForm):
    """One photo and its description. The file is checked and cleaned before anything is kept."""

    photo = forms.FileField(
        label="Choose a photo",
        help_text="A JPEG, PNG, WebP or HEIC file, smaller than 10 MB.",
        widget=forms.FileInput(attrs={"accept": ACCEPTED_TYPES}),
        error_messages={"required": "Select a photo", "empty": MESSAGES["empty"]},
    )

    class Meta:
        model = Photo
        fields = ["alt_text"]
        widgets = {"alt_text": forms.Textarea(attrs={"rows": 3})}

    field_order = ["photo", "alt_text"]

    def clean_photo(self):
        self.clean_image = check_and_clean(self.cleaned_data["photo"])
        return self.cleaned_data["photo"]

    def clean_alt_text(self):
        return normalize_newlines(self.cleaned_data["alt_text"]).strip()


class ReportForm(HumanCheckMixin, ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "details"]
        widgets = {"reason": forms.RadioSelect, "details": forms.Textarea(attrs={"rows": 4})}
        labels = {"reason": "What is wrong with it?"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = self.fields["reason"].choices[1:]  # no "-----"
        self.fields["reason"].error_messages["required"] = "Choose what is wrong with it"
