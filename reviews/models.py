"""Reviews: people who live with a product tell others what it is really like.

A review is public once a moderator approves it. Its columns always hold what the public
sees; an edit to a published review waits in `pending_changes` until it is approved too,
so the public keeps seeing the last approved version meanwhile.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Func, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from products.models import ProductPage
from reviews.photo_files import key_of

FORMER_MEMBER = "a former member"
# How a reviewer's role reads next to their name; the profile form asks it in the first person.
ROLE_BYLINES = {
    Role.USER: "Uses the product",
    Role.FAMILY_CARER: "Family carer",
    Role.PAID_CARER: "Paid carer or support worker",
    Role.PROFESSIONAL: "Occupational therapist or other professional",
}


class Subject(models.TextChoices):
    """Whose experience a contribution tells: it decides which conditions are shown with it."""

    SELF = "self", "Mine"
    CARED_FOR = "cared_for", "Someone I care for"
    SUPPORTED = "supported", "Someone I support at work"


# How the conditions shown with a contribution read after the author's name.
CONDITIONS_BYLINES = {
    Subject.SELF: ("", "Lives with"),
    Subject.CARED_FOR: (
        "About someone they care for",
        "About someone they care for, who lives with",
    ),
    Subject.SUPPORTED: (
        "About someone they support at work",
        "About someone they support at work, who lives with",
    ),
}


class Status(models.TextChoices):
    PENDING = "pending", "Waiting for a moderator"
    APPROVED = "approved", "Published"
    REJECTED = "rejected", "Not published"


class UsagePeriod(models.TextChoices):
    UNDER_A_MONTH = "under_1_month", "Less than a month"
    UNDER_SIX_MONTHS = "1_6_months", "1 to 6 months"
    UNDER_A_YEAR = "6_12_months", "6 months to a year"
    UNDER_THREE_YEARS = "1_3_years", "1 to 3 years"
    LONGER = "over_3_years", "More than 3 years"


def rating_field(verbose_name, required=False):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=not required,
        blank=not required,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


# The optional dimensions, after the consumer criteria researchers use for AT.
DIMENSIONS = {
    "ease_of_use": "Ease of use",
    "comfort": "Comfort",
    "reliability": "Reliability",
    "looks": "Looks",
    "value_for_money": "Value for money",
    "safety": "Safety",
}
# What an author writes; an edit to a published review holds these until approved.
CONTENT_FIELDS = [
    "rating",
    *DIMENSIONS,
    "title",
    "body",
    "used_for",
    "still_using",
    "stopped_reason",
]


class ContributionQuerySet(models.QuerySet):
    def approved(self):
        """What the public can read: approved at least once and not withdrawn."""
        return self.filter(published_at__isnull=False)

    def pending(self):
        return self.filter(status=Status.PENDING)

    def for_product(self, product):
        return self.filter(product=product)

    def by(self, user):
        return self.filter(author=user)

    def by_role(self, role):
        return self.filter(author_role=role)

    def with_condition(self, condition):
        return self.filter(author_conditions=condition)

    def for_display(self):
        return self.select_related("author__profile").prefetch_related("author_conditions")

    def products(self):
        """The products these are about."""
        return ProductPage.objects.filter(pk__in=self.values("product"))


class Contribution(models.Model):
    """What reviews and tips share: an author, and moderation of everything they write.

    The content columns always hold what the public sees. An edit to published content
    waits in `pending_changes` until a moderator approves it too, so the public keeps seeing
    the last approved version meanwhile. Subclasses name their `content_fields`.
    """

    content_fields = []

    product = models.ForeignKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="%(class)ss"
    )
    # Kept when the account is deleted: the contribution then reads as by "a former member".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="%(class)ss",
    )
    # The author's role when writing.
    author_role = models.CharField(max_length=20, choices=Role.choices)
    subject = models.CharField(
        "whose experience it is", max_length=10, choices=Subject.choices, default=Subject.SELF
    )
    # The conditions the public sees with it, always as the author allows now: see
    # reviews.conditions, the only code that writes them.
    author_conditions = models.ManyToManyField("taxonomy.Condition", blank=True, related_name="+")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(blank=True)
    pending_changes = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # When the author last sent their text: the moderation queue's order.
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    helpful_count = models.PositiveIntegerField(default=0, editable=False)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def author_name(self):
        if self.author_id is None:
            return FORMER_MEMBER
        return self.author.profile.display_name

    @property
    def author_role_byline(self):
        return ROLE_BYLINES.get(self.author_role, "")

    @property
    def conditions_byline(self):
        """How the shown conditions are introduced, given whether there are any."""
        return CONDITIONS_BYLINES.get(self.subject, ("", ""))

    def content(self):
        """What the author last submitted: the pending edit if any, else the columns."""
        if self.pending_changes is not None:
            return dict(self.pending_changes)
        return {name: getattr(self, name) for name in self.content_fields}

    def published_content(self):
        return {name: getattr(self, name) for name in self.content_fields}

    def submit(self, content):
        """Store an author's new text: in the columns until first approved, then aside."""
        if self.is_published:
            self.pending_changes = {name: content[name] for name in self.content_fields}
        else:
            for name in self.content_fields:
                setattr(self, name, content[name])
        self.status = Status.PENDING
        self.rejection_reason = ""
        self.submitted_at = timezone.now()

    def apply_pending_changes(self):
        if self.pending_changes is not None:
            for name in self.content_fields:
                setattr(self, name, self.pending_changes[name])
            self.pending_changes = None


class Review(Contribution):
    content_fields = CONTENT_FIELDS

    rating = rating_field("overall rating", required=True)
    ease_of_use = rating_field("ease of use")
    comfort = rating_field("comfort")
    reliability = rating_field("reliability")
    looks = rating_field("looks")
    value_for_money = rating_field("value for money")
    safety = rating_field("safety")
    title = models.CharField(max_length=120)
    body = models.TextField("review", max_length=5000)
    used_for = models.CharField(
        "how long you have used it", max_length=20, choices=UsagePeriod.choices
    )
    still_using = models.BooleanField("still using it")
    stopped_reason = models.TextField("why you stopped", max_length=1000, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "author"],
                condition=Q(author__isnull=False),
                name="one_review_per_person_per_product",
            ),
        ]
        indexes = [
            models.Index(fields=["product", "published_at"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    kind = "Review"

    def get_absolute_url(self):
        return f"{self.product.url}#review-{self.pk}-title"

    def get_edit_url(self):
        return reverse("reviews:write", args=[self.product_id])

    def get_photos_url(self):
        return reverse("reviews:photos", args=[self.pk])

    def clean(self):
        super().clean()
        if self.still_using is False and not self.stopped_reason.strip():
            raise ValidationError({"stopped_reason": "Say why you stopped using it."})
        if self.still_using:
            self.stopped_reason = ""

    def dimension_ratings(self):
        """(label, rating) for each dimension the author rated."""
        return [
            (label, getattr(self, name))
            for name, label in DIMENSIONS.items()
            if getattr(self, name) is not None
        ]


class Difficulty(models.TextChoices):
    EASY = "easy", "Easy: no special skills"
    MODERATE = "moderate", "Moderate: some DIY experience"
    HARD = "hard", "Hard: skilled work, or a helper with the skills"


class CostBand(models.TextChoices):
    FREE = "free", "Nothing: uses what most homes have"
    UNDER_10 = "under_10", "Less than £10"
    UNDER_50 = "10_to_50", "£10 to £50"
    UNDER_150 = "50_to_150", "£50 to £150"
    MORE = "over_150", "More than £150"


class TimeNeeded(models.TextChoices):
    MINUTES = "minutes", "Less than 15 minutes"
    UNDER_AN_HOUR = "under_1_hour", "15 minutes to an hour"
    HOURS = "hours", "1 to 3 hours"
    DAY = "day", "Half a day or more"


MAX_STEPS = 20
TIP_CONTENT_FIELDS = [
    "title",
    "problem",
    "steps",
    "difficulty",
    "cost",
    "time_needed",
    "tools",
    "safety_note",
]


def validate_steps(steps):
    """Steps are a list of {"text": ...}, in order: at least one, at most MAX_STEPS."""
    if not isinstance(steps, list) or not all(
        isinstance(step, dict) and isinstance(step.get("text"), str) for step in steps
    ):
        raise ValidationError("Steps must be a list of texts.")
    if not steps:
        raise ValidationError("Describe at least one step.", code="required")
    if len(steps) > MAX_STEPS:
        raise ValidationError(f"A tip can have up to {MAX_STEPS} steps.", code="max_steps")


class Tip(Contribution):
    """An adaptation tip: how a member changed a product to make it work for them.

    Steps are held as one ordered list, so an edit waiting for a moderator holds them whole,
    as it holds the title. Photos belong to a step by its number.
    """

    content_fields = TIP_CONTENT_FIELDS

    # A tip that started from another: the lineage is shown in both directions.
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        editable=False,
    )
    title = models.CharField(max_length=120)
    problem = models.TextField("the problem it solves", max_length=2000)
    steps = models.JSONField(default=list, validators=[validate_steps])
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices)
    cost = models.CharField("cost", max_length=10, choices=CostBand.choices)
    time_needed = models.CharField("time it takes", max_length=15, choices=TimeNeeded.choices)
    tools = models.TextField("tools and materials", max_length=1000, blank=True)
    safety_note = models.TextField(max_length=1000, blank=True)
    # How many members said "I did this too": one each, never the author.
    done_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["product", "published_at"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    kind = "Tip"

    def get_absolute_url(self):
        return reverse("reviews:tip", args=[self.pk])

    def get_edit_url(self):
        return reverse("reviews:edit_tip", args=[self.pk])

    def get_photos_url(self):
        return reverse("reviews:tip_photos", args=[self.pk])

    def step_texts(self):
        return [step["text"] for step in self.steps]


MAX_PHOTOS = 6


class PhotoQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Status.APPROVED)

    def public(self):
        """Shown to everyone: approved, with its review or tip published on a live product."""
        return self.approved().filter(
            Q(review__published_at__isnull=False, review__product__live=True)
            | Q(tip__published_at__isnull=False, tip__product__live=True)
        )

    def by(self, user):
        return self.filter(Q(review__author=user) | Q(tip__author=user))

    def pending(self):
        return self.filter(status=Status.PENDING)

    def products(self):
        """The products these photos show, through their reviews and tips."""
        return ProductPage.objects.filter(
            Q(pk__in=self.values("review__product")) | Q(pk__in=self.values("tip__product"))
        )

    def for_moderation(self):
        """With what the photo queue shows of the review or tip, and its product's title."""
        return self.select_related(
            "image",
            "review__product",
            "review__author__profile",
            "tip__product",
            "tip__author__profile",
        ).annotate(product_title=Coalesce(F("review__product__title"), F("tip__product__title")))


class Photo(models.Model):
    """A member's photo of a product in use, shown with their review once approved.

    The image lives in Wagtail's "Contributors' photos" collection, so renditions work, but
    it is never part of a page or its revisions, and the image admin leaves it out. Its files
    lie outside MEDIA_ROOT and are served by `reviews.photo_files`, to the public only while
    the photo is approved and its review or tip published; rejection deletes them.
    """

    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="photos"
    )
    tip = models.ForeignKey(
        Tip, null=True, blank=True, on_delete=models.CASCADE, related_name="photos"
    )
    # The tip's step the photo shows, counted from 1; reviews' photos have none.
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        "describe the photo",
        max_length=250,
        help_text=(
            "For people who cannot see it. Say what it shows, for example: "
            "The tap turner fitted to a bath tap, with a hand pushing the lever down."
        ),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # The random part of its files' names, by which `reviews.photo_files` finds the photo
    # for a file it is asked to serve; null (not "") so unique holds only among real keys.
    file_key = models.CharField(max_length=32, unique=True, null=True, editable=False)  # noqa: DJ001

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=False, tip__isnull=True, step__isnull=True)
                | Q(review__isnull=True, tip__isnull=False),
                name="photo_is_of_a_review_or_a_tip",
            ),
            models.UniqueConstraint(
                fields=["tip", "step"], condition=Q(tip__isnull=False), name="one_photo_a_step"
            ),
        ]

    def __str__(self):
        return self.alt_text

    kind = "Photo"

    def save(self, *args, **kwargs):
        if self.file_key is None:
            self.file_key = key_of(self.image.file.name)
        super().save(*args, **kwargs)

    @property
    def contribution(self):
        """The review or tip the photo belongs to."""
        return self.review if self.review_id else self.tip

    @property
    def has_file(self):
        """False once rejected or withdrawn: its files are deleted then."""
        return bool(self.image.file.name)

    def get_edit_url(self):
        if self.tip_id:
            return reverse("reviews:tip_photos", args=[self.tip_id])
        return reverse("reviews:photos", args=[self.review_id])


class ProductRating(models.Model):
    """A product's review figures, stored so its page reads them in one query.

    Recounted from the approved reviews on every moderation decision, while holding a lock
    on this row, so concurrent decisions cannot leave it off by one.
    """

    product = models.OneToOneField(
        "products.ProductPage", on_delete=models.CASCADE, related_name="rating_summary"
    )
    tip_count = models.PositiveIntegerField(default=0)
    review_count = models.PositiveIntegerField(default=0)
    average = models.DecimalField(max_digits=3, decimal_places=2, null=True)
    # How many approved reviews gave each overall rating, 1 to 5.
    distribution = models.JSONField(default=list)
    # {dimension: {"average": 4.25, "count": 12}} for each rated dimension.
    dimensions = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.product}: {self.average} from {self.review_count}"


class HelpfulVote(models.Model):
    """A signed-in member found a review or tip helpful: once each, never their own."""

    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="helpful_votes"
    )
    tip = models.ForeignKey(
        Tip, null=True, blank=True, on_delete=models.CASCADE, related_name="helpful_votes"
    )
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "voter"], name="one_helpful_vote_each"),
            models.UniqueConstraint(fields=["tip", "voter"], name="one_helpful_tip_vote_each"),
            models.CheckConstraint(
                condition=Q(review__isnull=False, tip__isnull=True)
                | Q(review__isnull=True, tip__isnull=False),
                name="helpful_vote_is_for_one_thing",
            ),
        ]

    def __str__(self):
        return f"Helpful: {self.review or self.tip}"


class DidThisToo(models.Model):
    """A signed-in member followed a tip themselves: once per tip, never their own."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="done_by")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "“I did this too”"
        verbose_name_plural = "“I did this too”"
        constraints = [
            models.UniqueConstraint(fields=["tip", "member"], name="did_this_too_once_each"),
        ]

    def __str__(self):
        return f"Did this too: {self.tip}"


class ReportReason(models.TextChoices):
    SPAM = "spam", "Advertising or spam"
    ABUSE = "abuse", "Offensive, hateful or abusive"
    PERSONAL = "personal", "It gives someone's personal details"
    UNSAFE = "unsafe", "It gives unsafe advice"
    WRONG_PRODUCT = "wrong_product", "It is about a different product"
    OTHER = "other", "Something else"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def about(self, item):
        """Reports on a review, tip or photo."""
        return self.filter(**{item._meta.model_name: item})

    def for_moderation(self):
        """With what moderators read: what was reported, the reporter as members see each
        other (a display name, never an email), and how many open reports its item has."""
        same_item = (
            Report.objects.open()
            .filter(
                Q(review_id=OuterRef("review_id"))
                | Q(tip_id=OuterRef("tip_id"))
                | Q(photo_id=OuterRef("photo_id"))
            )
            .order_by()
            .annotate(count=Func(F("pk"), function="COUNT"))
            .values("count")
        )
        return self.select_related(
            "review__product",
            "tip__product",
            "photo__review__product",
            "photo__tip__product",
            "photo__image",
        ).annotate(
            open_on_item=Subquery(same_item),
            reporter_name=Case(
                When(reporter__isnull=True, then=Value(FORMER_MEMBER)),
                default=Coalesce(F("reporter__profile__display_name"), Value("a member")),
            ),
        )


class Report(models.Model):
    """A member's report that a review, tip or photo breaks the rules, for moderators."""

    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    tip = models.ForeignKey(
        Tip, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    photo = models.ForeignKey(
        Photo, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    details = models.TextField(
        "tell us more", max_length=2000, blank=True, help_text="What is wrong, and where."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=False, tip__isnull=True, photo__isnull=True)
                | Q(review__isnull=True, tip__isnull=False, photo__isnull=True)
                | Q(review__isnull=True, tip__isnull=True, photo__isnull=False),
                name="report_is_about_one_thing",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.subject}"

    @property
    def subject(self):
        return self.review or self.tip or self.photo

    def clean(self):
        super().clean()
        if self.reason == ReportReason.OTHER and not self.details.strip():
            raise ValidationError({"details": "Tell us what is wrong."})
