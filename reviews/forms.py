import re

from django import forms
from django.utils.text import Truncator, normalize_newlines

from accounts.forms import ConditionChoiceField
from core.antispam import HumanCheckMixin
from core.forms import ModelForm
from reviews.models import (
    CONTENT_FIELDS,
    DIMENSIONS,
    MAX_STEPS,
    Photo,
    Report,
    Review,
    Subject,
    Tip,
)
from reviews.uploads import MESSAGES, check_and_clean
from taxonomy.models import Condition

ACCEPTED_TYPES = (
    "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif"
)


def tidy(text):
    # Browsers send \r\n; store one kind of line break.
    return normalize_newlines(text).strip()


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


class RevealingRadioSelect(forms.RadioSelect):
    """Radios where some answers reveal a further question, as GOV.UK's conditional radios do.

    An answer in `reveals` names its revealed block in `data-aria-controls` (the block's id
    is the input's id followed by "-reveal"); static/js/conditional-reveal.js makes that
    aria-controls and hides the blocks of the answers not chosen. Without the script every
    block shows, and the form still works.
    """

    def __init__(self, *args, reveals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.reveals = set(reveals)

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value in self.reveals and "id" in option["attrs"]:
            option["attrs"]["data-aria-controls"] = f"{option['attrs']['id']}-reveal"
        return option


# Each "someone else" answer reveals its own question about that person's conditions.
REVEALED = {
    Subject.CARED_FOR: "cared_for_conditions",
    Subject.SUPPORTED: "supported_conditions",
}
ABOUT_FIELDS = ("subject", *REVEALED.values())


def their_conditions_field():
    return ConditionChoiceField(
        label="Which of their conditions should we show with your review?",
        queryset=Condition.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "This helps people in the same situation find your review. Only tick what they "
            "are happy for others to know. You can remove them at any time by changing your "
            "review."
        ),
    )


class ReviewForm(HumanCheckMixin, ModelForm):
    """What a reviewer writes. Who they are comes from their profile, not from the form;
    whose experience it tells, and that person's conditions when it is not theirs, do.

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
    subject = forms.ChoiceField(
        label="Whose experience is this review about?",
        choices=Subject.choices,
        widget=RevealingRadioSelect(reveals=REVEALED),
        help_text=(
            "For your own experience, we show the conditions on your profile only while you "
            "choose to show them there."
        ),
        error_messages={"required": "Select whose experience your review is about"},
    )
    cared_for_conditions = their_conditions_field()
    supported_conditions = their_conditions_field()
    about_fields = ABOUT_FIELDS

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

    def __init__(self, *args, about=None, **kwargs):
        """`about` is the review being changed, if any: its answers are filled in."""
        super().__init__(*args, **kwargs)
        for name, label in DIMENSIONS.items():
            self.fields[name] = stars_field(label, required=False)
        self.order_fields([*ABOUT_FIELDS, *CONTENT_FIELDS])
        self.fields["used_for"].choices = self.fields["used_for"].choices[1:]  # no "-----"
        if about is not None:
            self.initial["subject"] = about.subject
            if about.subject in REVEALED:
                self.initial[REVEALED[about.subject]] = list(about.author_conditions.all())

    def subject_answers(self):
        """Each answer to "whose experience" with the question it reveals, or None."""
        return [
            (answer, self[REVEALED[answer.data["value"]]] if answer.data["value"] in REVEALED
             else None)
            for answer in self["subject"]
        ]  # fmt: skip

    def about(self):
        """(whose experience, the conditions to show when it is someone else's)."""
        subject = self.cleaned_data["subject"]
        return subject, list(self.cleaned_data.get(REVEALED.get(subject), []) or [])

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "body", "stopped_reason"):
            if cleaned.get(name):
                cleaned[name] = tidy(cleaned[name])
        return cleaned


STEP_FIELD = re.compile(r"^step_(\d+)$")
NEW_TIP_STEPS = 3


class TipForm(HumanCheckMixin, ModelForm):
    """An adaptation tip as its author writes it: the steps are one text box each.

    Bind it, as ReviewForm, to an unsaved Tip holding the text being edited (`Tip.content()`).
    `step_count` says how many step boxes to draw; a bound form draws as many as were sent.
    Blank steps are left out and the rest numbered in order.
    """

    class Meta:
        model = Tip
        fields = ["title", "problem", "tools", "time_needed", "difficulty", "cost", "safety_note"]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "tools": forms.Textarea(attrs={"rows": 3}),
            "safety_note": forms.Textarea(attrs={"rows": 3}),
            "time_needed": forms.RadioSelect,
            "difficulty": forms.RadioSelect,
            "cost": forms.RadioSelect,
        }
        labels = {
            "title": "Give your tip a title",
            "problem": "What problem does it solve?",
            "tools": "Tools and materials",
            "time_needed": "How long does it take?",
            "difficulty": "How hard is it?",
            "cost": "How much does it cost?",
            "safety_note": "Safety",
        }
        help_texts = {
            "title": "Say what it does, for example: Foam tubing makes cutlery easier to grip",
            "problem": "What was hard to do with the product as it came, and for whom.",
            "tools": "One on each line, for example: Foam tubing with a 2 cm hole",
            "safety_note": (
                "Anything to take care over, such as heat, sharp tools or weight limits. Say so "
                "if the change could affect the product's warranty or safety."
            ),
        }

    required_messages = {
        "title": "Enter a title for your tip",
        "problem": "Say what problem the tip solves",
        "time_needed": "Choose how long it takes",
        "difficulty": "Choose how hard it is",
        "cost": "Choose how much it costs",
    }

    def __init__(self, *args, step_count=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("time_needed", "difficulty", "cost"):
            self.fields[name].choices = self.fields[name].choices[1:]  # no "-----"
        for name, message in self.required_messages.items():
            self.fields[name].error_messages["required"] = message
        texts = self.instance.step_texts()
        if step_count is None:
            step_count = self.sent_step_count() if self.is_bound else len(texts) or NEW_TIP_STEPS
        step_count = max(1, min(step_count, MAX_STEPS))
        steps = {}
        for number in range(1, step_count + 1):
            steps[f"step_{number}"] = field = forms.CharField(
                label=f"Step {number}",
                required=False,
                max_length=2000,
                initial=texts[number - 1] if number <= len(texts) else "",
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=(
                    "One thing to do in each step. You can add photos of the steps after "
                    "you send your tip."
                    if number == 1
                    else ""
                ),
            )
            field.mark_optional = False  # one step at least is needed; blank ones are left out
        fields = list(self.fields.items())
        at = [name for name, _ in fields].index("problem") + 1
        self.fields = dict(fields[:at] + list(steps.items()) + fields[at:])
        self.step_count = step_count

    def sent_step_count(self):
        numbers = [int(m[1]) for key in self.data if (m := STEP_FIELD.match(key))]
        return max(numbers, default=1)

    @property
    def step_fields(self):
        return [self[f"step_{number}"] for number in range(1, self.step_count + 1)]

    @property
    def can_add_step(self):
        return self.step_count < MAX_STEPS

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "problem", "tools", "safety_note"):
            if cleaned.get(name):
                cleaned[name] = tidy(cleaned[name])
        steps = []
        for number in range(1, self.step_count + 1):
            text = tidy(cleaned.pop(f"step_{number}", "") or "")
            if text:
                steps.append({"text": text})
        if not steps and not self.has_error("step_1"):
            self.add_error("step_1", "Describe at least one step")
        cleaned["steps"] = steps
        self.instance.steps = steps
        return cleaned

    def content(self):
        return {name: self.cleaned_data[name] for name in Tip.content_fields}

    def values(self):
        """What was typed, to draw the form again after a step is added or removed."""
        values = {name: self.data.get(name, "") for name in self.Meta.fields}
        values["steps"] = [
            self.data.get(f"step_{number}", "") for number in range(1, self.sent_step_count() + 1)
        ]
        return values


class PhotoForm(HumanCheckMixin, ModelForm):
    """One photo and its description. The file is checked and cleaned before anything is kept.

    For a tip's photo, `steps` lists (number, text) of the steps it may show.
    """

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

    field_order = ["photo", "alt_text", "step"]

    def __init__(self, *args, steps=None, **kwargs):
        super().__init__(*args, **kwargs)
        if steps is not None:
            self.fields["step"] = forms.TypedChoiceField(
                label="Which step does it show?",
                choices=[
                    (number, f"Step {number}: {Truncator(text).chars(80)}")
                    for number, text in steps
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose the step the photo shows"},
            )

    def clean_photo(self):
        self.clean_image = check_and_clean(self.cleaned_data["photo"])
        return self.cleaned_data["photo"]

    def clean_alt_text(self):
        return tidy(self.cleaned_data["alt_text"])


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


class RemovePhotoForm(forms.Form):
    """Which of the page's photos to remove: the number its Remove button sends."""

    remove = forms.ModelChoiceField(
        queryset=Photo.objects.none(),
        error_messages={
            "required": "Choose a photo to remove",
            "invalid_choice": "That photo is not one of yours here: it may have been removed",
        },
    )

    def __init__(self, *args, photos, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].queryset = photos
