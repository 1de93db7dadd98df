from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    """How a member knows the products they write about."""

    USER = "user", "I use the products"
    FAMILY_CARER = "family_carer", "Family carer"
    PAID_CARER = "paid_carer", "Paid carer or support worker"
    PROFESSIONAL = "professional", "Occupational therapist or other professional"


class Profile(models.Model):
    """What a member tells others about themselves, and what they keep private.

    Conditions are health information: they are shown with the member's contributions only
    when `show_conditions` is ticked.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(
        max_length=60, help_text="Shown with your reviews and tips. It need not be your real name."
    )
    role = models.CharField(
        "how you know the products", max_length=20, choices=Role.choices, default=Role.USER
    )
    conditions = models.ManyToManyField(
        "taxonomy.Condition",
        blank=True,
        related_name="+",
        help_text="Helps people like you find your reviews. Private unless you choose to show it.",
    )
    show_conditions = models.BooleanField(
        "show my conditions with my reviews and tips", default=False
    )

    def __str__(self):
        return self.display_name

    def shown_conditions(self):
        """The conditions the member chose to show: none unless they said so."""
        return list(self.conditions.all()) if self.show_conditions else []
